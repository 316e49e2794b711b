/**
 * The phone's own bars around the pages, drawn as WeChat draws them: the status bar (time,
 * battery), the navigation bar (back arrow when the stack has more than one page, title, loading,
 * colours from the page's window; hidden by `navigationStyle: custom`), the capsule (··· and ◎)
 * at the top right, and the tabBar (top or bottom, icons from the project) on tab pages.
 */
import type { NavigationBarPatch, SystemInfo, TabBarChange } from '../../../../shared/runtime'
import { menuButtonRect } from '../../../../shared/runtime/wx-api'
import { element, phoneButton } from './dom'
import {
  homeIndicatorInset,
  NAVIGATION_BAR_HEIGHT,
  TAB_BAR_HEIGHT,
  type PageWindow,
} from './page-window'

export interface TabBarItemConfig {
  pagePath: string
  text: string
  iconPath?: string
  selectedIconPath?: string
}

export interface TabBarSettings {
  color: string
  selectedColor: string
  backgroundColor: string
  borderStyle: 'black' | 'white'
  position: 'bottom' | 'top'
  list: TabBarItemConfig[]
}

/** app.json's tabBar with WeChat's defaults, or `undefined` when there is none to draw. */
export function tabBarSettings(appJson: Record<string, unknown>): TabBarSettings | undefined {
  const tabBar = appJson.tabBar as Record<string, unknown> | undefined
  if (!tabBar || !Array.isArray(tabBar.list) || tabBar.custom === true) return undefined
  const text = (value: unknown, fallback: string) => (typeof value === 'string' ? value : fallback)
  return {
    color: text(tabBar.color, '#7A7E83'),
    selectedColor: text(tabBar.selectedColor, '#3cc51f'),
    backgroundColor: text(tabBar.backgroundColor, '#ffffff'),
    borderStyle: tabBar.borderStyle === 'white' ? 'white' : 'black',
    position: tabBar.position === 'top' ? 'top' : 'bottom',
    list: (tabBar.list as Record<string, unknown>[]).map((item) => ({
      pagePath: text(item.pagePath, '').replace(/^\/+/, ''),
      text: text(item.text, ''),
      iconPath: typeof item.iconPath === 'string' ? item.iconPath : undefined,
      selectedIconPath:
        typeof item.selectedIconPath === 'string' ? item.selectedIconPath : undefined,
    })),
  }
}

export interface ChromeState {
  window: PageWindow
  /** Changes the page made through wx.setNavigationBar* APIs. */
  navigation: NavigationBarPatch
  canGoBack: boolean
  /** The page is alone in the stack but is not the home page: WeChat offers a home button. */
  canGoHome: boolean
  /** The route of the page shown; the tabBar shows when it is a tab page. */
  route: string | undefined
}

export interface PhoneChromeOptions {
  device: SystemInfo
  tabBar: TabBarSettings | undefined
  /** Image files as data URLs by project path. */
  assets: Record<string, string>
  onBack(): void
  onHome(): void
  /** The user tapped tabBar item `index`. */
  onTab(index: number): void
  onCapsuleClose(): void
}

export class PhoneChrome {
  /** Where page containers go. */
  readonly pagesArea: HTMLElement
  private readonly header: HTMLElement
  private readonly statusBar: HTMLElement
  private readonly clock: HTMLElement
  private readonly back: HTMLElement
  private readonly home: HTMLElement
  private readonly title: HTMLElement
  private readonly loading: HTMLElement
  private readonly capsule: HTMLElement
  private readonly tabBar: HTMLElement | undefined
  /** `wx.hideTabBar` hides it on every tab page until `wx.showTabBar`. */
  private tabBarShown = true
  private shownRoute: string | undefined
  private readonly tabs: HTMLElement[] = []
  /** The tabBar's look: app.json's, then each theme's (`setTabBarStyle`). */
  private tabBarLook: TabBarSettings | undefined
  private route: string | undefined
  private clockTimer: ReturnType<typeof setInterval> | undefined

  constructor(
    private readonly doc: Document,
    root: HTMLElement,
    private readonly options: PhoneChromeOptions,
  ) {
    const { device } = options
    root.style.setProperty('--mp-status-bar-height', `${device.statusBarHeight}px`)
    root.style.setProperty('--mp-navigation-bar-height', `${NAVIGATION_BAR_HEIGHT}px`)
    root.style.setProperty('--mp-tab-bar-height', `${TAB_BAR_HEIGHT}px`)
    const indicatorInset = homeIndicatorInset(device)
    root.style.setProperty('--mp-home-indicator-inset', `${indicatorInset}px`)

    this.clock = element(doc, 'span', { class: 'mp-status-time' })
    const battery = element(
      doc,
      'span',
      { class: 'mp-status-battery', 'aria-label': 'battery 100%' },
      [element(doc, 'span', { class: 'mp-status-battery-level' })],
    )
    this.statusBar = element(doc, 'div', { id: 'mp-status-bar', 'aria-hidden': 'true' }, [
      element(doc, 'span', { class: 'mp-status-signal' }, ['WeChat']),
      this.clock,
      battery,
    ])
    this.back = phoneButton(doc, {
      id: 'mp-navigation-back',
      'aria-label': '返回',
    })
    this.back.addEventListener('click', () => options.onBack())
    this.home = phoneButton(doc, {
      id: 'mp-navigation-home',
      'aria-label': '首页',
    })
    this.home.addEventListener('click', () => options.onHome())
    this.loading = element(doc, 'span', { class: 'mp-navigation-loading', 'aria-hidden': 'true' })
    this.title = element(doc, 'span', { id: 'mp-navigation-title' })
    const nav = element(doc, 'div', { id: 'mp-navigation-bar', role: 'banner' }, [
      this.back,
      this.home,
      element(doc, 'div', { class: 'mp-navigation-center' }, [this.loading, this.title]),
    ])
    this.header = element(doc, 'header', { id: 'mp-header' }, [nav])

    const menu = phoneButton(doc, {
      class: 'mp-capsule-menu',
      'aria-label': '更多',
    })
    const close = phoneButton(doc, {
      class: 'mp-capsule-close',
      'aria-label': '关闭',
    })
    close.addEventListener('click', () => options.onCapsuleClose())
    this.capsule = element(
      doc,
      'div',
      { id: 'mp-capsule', role: 'group', 'aria-label': 'capsule' },
      [menu, element(doc, 'span', { class: 'mp-capsule-divider' }), close],
    )

    // Where wx.getMenuButtonBoundingClientRect() says it is, so custom navigation bars line up.
    const rect = menuButtonRect(device)
    Object.assign(this.capsule.style, {
      top: `${rect.top}px`,
      left: `${rect.left}px`,
      width: `${rect.width}px`,
      height: `${rect.height}px`,
    })

    this.pagesArea = element(doc, 'main', { id: 'mp-pages' })
    this.tabBarLook = options.tabBar
    if (options.tabBar) this.tabBar = this.buildTabBar(options.tabBar)

    const parts: HTMLElement[] = [this.header]
    if (this.tabBar && options.tabBar?.position === 'top') parts.push(this.tabBar)
    parts.push(this.pagesArea)
    if (this.tabBar && options.tabBar?.position === 'bottom') parts.push(this.tabBar)
    parts.push(this.statusBar, this.capsule)
    // iPhones without a home button: the bar iOS draws over the bottom of every app.
    if (indicatorInset > 0)
      parts.push(element(doc, 'div', { id: 'mp-home-indicator', 'aria-hidden': 'true' }))
    for (const part of parts) root.appendChild(part)

    this.tick()
    this.clockTimer = setInterval(() => this.tick(), 15_000)
  }

  update(state: ChromeState): void {
    const { window, navigation } = state
    const custom = window.navigationStyle === 'custom'
    const front =
      navigation.frontColor ?? (window.navigationBarTextStyle === 'white' ? '#ffffff' : '#000000')
    this.header.hidden = custom
    this.header.style.backgroundColor =
      navigation.backgroundColor ?? window.navigationBarBackgroundColor
    this.header.style.color = front
    this.statusBar.style.color = front
    this.statusBar.classList.toggle('mp-status-on-page', custom)
    this.capsule.classList.toggle('mp-capsule-light', front.toLowerCase() === '#ffffff')
    this.title.textContent = navigation.title ?? window.navigationBarTitleText
    this.loading.hidden = navigation.loading !== true
    this.back.hidden = !state.canGoBack
    this.home.hidden = state.canGoBack || !state.canGoHome
    this.pagesArea.style.backgroundColor = window.backgroundColor
    this.route = state.route
    this.updateTabs(state.route)
  }

  /** Redraws the tabBar's colours, border and icons (the same tabs) for another theme. */
  setTabBarStyle(settings: TabBarSettings | undefined): void {
    if (!this.tabBar || !settings) return
    this.tabBarLook = settings
    this.tabBar.style.backgroundColor = settings.backgroundColor
    this.tabBar.classList.toggle('mp-tab-bar-border-white', settings.borderStyle === 'white')
    this.tabBar.classList.toggle('mp-tab-bar-border-black', settings.borderStyle === 'black')
    this.updateTabs(this.route)
  }

  dispose(): void {
    if (this.clockTimer !== undefined) clearInterval(this.clockTimer)
    this.clockTimer = undefined
  }

  private tick(): void {
    const now = new Date()
    this.clock.textContent = `${String(now.getHours()).padStart(2, '0')}:${String(now.getMinutes()).padStart(2, '0')}`
  }

  private buildTabBar(settings: TabBarSettings): HTMLElement {
    const bar = element(this.doc, 'nav', {
      id: 'mp-tab-bar',
      role: 'tablist',
      class: `mp-tab-bar-${settings.position} mp-tab-bar-border-${settings.borderStyle}`,
    })
    bar.style.backgroundColor = settings.backgroundColor
    for (const [index, item] of settings.list.entries()) {
      const tab = phoneButton(this.doc, {
        role: 'tab',
        class: 'mp-tab',
        'data-page-path': item.pagePath,
        'aria-selected': 'false',
      })
      if (settings.position === 'bottom' && item.iconPath) {
        tab.appendChild(element(this.doc, 'img', { class: 'mp-tab-icon', alt: '' }))
      }
      tab.appendChild(element(this.doc, 'span', { class: 'mp-tab-text' }, [item.text]))
      tab.addEventListener('click', () => this.options.onTab(index))
      this.tabs.push(tab)
      bar.appendChild(tab)
    }
    return bar
  }

  /** `wx.setTabBarItem` & co.: the bar drawn from app.json changes until the next launch. */
  changeTabBar(change: TabBarChange): void {
    const settings = this.tabBarLook
    if (!this.tabBar || !settings) return
    if (change.kind === 'style') {
      const { kind: _kind, ...style } = change
      Object.assign(settings, style)
      this.tabBar.style.backgroundColor = settings.backgroundColor
    } else if (change.kind === 'item') {
      const item = settings.list[change.index]
      if (!item) return
      if (change.text !== undefined) item.text = change.text
      if (change.iconPath !== undefined) item.iconPath = change.iconPath
      if (change.selectedIconPath !== undefined) item.selectedIconPath = change.selectedIconPath
      const text = this.tabs[change.index]?.querySelector('.mp-tab-text')
      if (text) text.textContent = item.text
    } else if (change.kind === 'badge' || change.kind === 'redDot') {
      const tab = this.tabs[change.index]
      if (!tab) return
      tab.querySelector('.mp-tab-badge')?.remove()
      const shown = change.kind === 'badge' ? change.text !== undefined : change.shown
      if (shown) {
        const text = change.kind === 'badge' ? (change.text ?? '') : ''
        const badge = element(this.doc, 'span', { class: 'mp-tab-badge' }, [text])
        badge.classList.toggle('mp-tab-red-dot', change.kind === 'redDot')
        tab.appendChild(badge)
      }
    } else this.tabBarShown = change.shown
    this.updateTabs(this.shownRoute)
  }

  private updateTabs(route: string | undefined): void {
    const settings = this.tabBarLook
    this.shownRoute = route
    if (!this.tabBar || !settings) return
    const selected = settings.list.findIndex((item) => item.pagePath === route)
    this.tabBar.hidden = selected === -1 || !this.tabBarShown
    settings.list.forEach((item, index) => {
      const tab = this.tabs[index]
      const active = index === selected
      tab.setAttribute('aria-selected', String(active))
      tab.style.color = active ? settings.selectedColor : settings.color
      const icon = tab.querySelector('img')
      const path = active ? (item.selectedIconPath ?? item.iconPath) : item.iconPath
      if (icon && path)
        icon.setAttribute('src', this.options.assets[path.replace(/^\/+/, '')] ?? '')
    })
  }
}
