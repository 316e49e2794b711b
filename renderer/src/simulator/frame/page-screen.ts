/**
 * The runtime's PageScreen in the frame: one viewport per open page (only the top one visible, so
 * a page keeps its scroll position under others) holding the page's scrolling body, the page's
 * viewport metrics (see page-viewport.ts), scroll / reach-bottom / pull-down
 * events back to the runtime, `wx.pageScrollTo`, the refresh indicator, and the navigation bar
 * state of each page (its window plus what `wx.setNavigationBar*` changed).
 */
import type * as glassEasel from 'glass-easel'
import type {
  CustomTabBarView,
  NavigationBarPatch,
  PageScreen,
  PageScreenEvents,
  PageScrollRequest,
  PageViewport,
  ScreenPage,
} from '../../../../shared/runtime'
import { queryContextOf, queryNodeOf } from './builtins/query-objects'
import { scrolledBoxOf } from './builtins/scroll-view'
import { element } from './dom'
import type { PageWindow } from './page-window'
import { applyPageViewport, type ViewportMetrics } from './page-viewport'
import { frameZoom, toCssPx, toCssRect } from './frame-zoom'

/** How far (CSS px) a page must be pulled down at its top to refresh. */
export const PULL_TO_REFRESH_DISTANCE = 60

interface OpenPage {
  page: ScreenPage
  /** The page's viewport (`.mp-page`): the containing block of its fixed elements. */
  container: HTMLElement
  /** What scrolls (`.mp-page-body`). */
  body: HTMLElement
  refresh: HTMLElement
  component: glassEasel.GeneralComponent
  window: PageWindow
  navigation: NavigationBarPatch
}

export interface FramePageScreenOptions {
  doc: Document
  area: HTMLElement
  windowOf(route: string): PageWindow
  /** The viewport the page at `route` gets: its height and safe-area insets. */
  viewportOf(route: string): ViewportMetrics
  /** The stack or the shown page's bars changed. */
  onChange(
    top: { route: string; window: PageWindow; navigation: NavigationBarPatch } | undefined,
    depth: number,
  ): void
  /** The stack after each change, for the workbench. */
  onStack(stack: { route: string; query: Record<string, string> }[]): void
  /**
   * After each change of the stack: the routes of the pages loaded (the stack and the parked tab
   * pages) and of the one shown.
   */
  onPages?(open: ReadonlySet<string>, top: string | undefined): void
  /** Closes the latest open `<page-container>` (a back closes it instead of the page). */
  closeBackOverlay(): boolean
}

export class FramePageScreen implements PageScreen {
  private readonly opened = new Map<number, OpenPage>()
  private stack: ScreenPage[] = []

  constructor(private readonly options: FramePageScreenOptions) {}

  /** The page shown now. */
  get topPage(): { route: string; window: PageWindow } | undefined {
    const top = this.stack[this.stack.length - 1]
    const open = top && this.opened.get(top.id)
    return open ? { route: open.page.route, window: open.window } : undefined
  }

  open(
    page: ScreenPage,
    component: glassEasel.GeneralComponent,
    attach: (parent: unknown, placeholder: unknown) => void,
    events: PageScreenEvents,
    tabBar?: CustomTabBarView,
  ): void {
    const { doc, area } = this.options
    const window = this.options.windowOf(page.route)
    const refresh = element(doc, 'div', { class: 'mp-refresh', 'aria-hidden': 'true' }, [
      element(doc, 'span'),
      element(doc, 'span'),
      element(doc, 'span'),
    ])
    const host = element(doc, 'div', { class: 'mp-page-host' })
    const placeholder = element(doc, 'div')
    host.appendChild(placeholder)
    const body = element(doc, 'div', { class: 'mp-page-body' }, [refresh, host])
    const container = element(
      doc,
      'div',
      { class: 'mp-page', 'data-route': page.route, 'data-page-id': String(page.id) },
      [body],
    )
    applyPageViewport(container, this.options.viewportOf(page.route))
    container.hidden = true
    area.appendChild(container)
    attach(host, placeholder)
    if (tabBar) {
      // Below the scrolling body, in the page's viewport: a tab bar styled `position: fixed;
      // bottom: 0` (as WeChat's example is) lands at the bottom of the screen, one in the flow
      // takes its height from the page.
      const tabBarHost = element(doc, 'div', { class: 'mp-custom-tab-bar' })
      const tabBarPlaceholder = element(doc, 'div')
      tabBarHost.appendChild(tabBarPlaceholder)
      container.appendChild(tabBarHost)
      tabBar.attach(tabBarHost, tabBarPlaceholder)
    }
    this.opened.set(page.id, { page, container, body, refresh, component, window, navigation: {} })
    this.watchScrolling(body, window, events)
    if (window.enablePullDownRefresh) this.watchPulling(body, events)
  }

  closeBackOverlay(): boolean {
    return this.options.closeBackOverlay()
  }

  viewport(id: number): PageViewport | undefined {
    const body = this.opened.get(id)?.body
    if (!body) return undefined
    const { left, top, width, height } = toCssRect(body.getBoundingClientRect())
    const { scrollLeft, scrollTop, scrollWidth, scrollHeight } = body
    const scroll = { scrollLeft, scrollTop, scrollWidth, scrollHeight }
    return { left, top, width, height, ...scroll, node: body, zoom: frameZoom() }
  }

  nodeOf(element: glassEasel.Element): unknown {
    return queryNodeOf(element)
  }

  contextOf(element: glassEasel.Element): unknown {
    return queryContextOf(element)
  }

  scrolledBoxOf(element: glassEasel.Element): HTMLElement | undefined {
    return scrolledBoxOf(element)
  }

  close(id: number): void {
    this.opened.get(id)?.container.remove()
    this.opened.delete(id)
  }

  stackChanged(stack: ScreenPage[]): void {
    this.stack = stack
    const top = stack[stack.length - 1]
    const routes = new Set([...this.opened.values()].map((open) => open.page.route))
    this.options.onPages?.(routes, top?.route)
    for (const [id, open] of this.opened) open.container.hidden = id !== top?.id
    this.options.onStack(stack.map(({ route, query }) => ({ route, query: { ...query } })))
    this.notify()
  }

  scrollTo(id: number, request: PageScrollRequest): void {
    const open = this.opened.get(id)
    if (!open) return
    let top = request.scrollTop
    if (request.selector !== undefined) {
      const target = open.component.getShadowRoot()?.querySelector(request.selector)
      const node = target?.$$ as HTMLElement | undefined
      if (!node) return
      top = toCssPx(node.getBoundingClientRect().top - open.body.getBoundingClientRect().top)
      top += open.body.scrollTop + (request.offsetTop ?? 0)
    }
    if (top === undefined) return
    if (request.duration > 0 && typeof open.body.scrollTo === 'function') {
      open.body.scrollTo({ top, behavior: 'smooth' })
    } else {
      open.body.scrollTop = top
    }
  }

  setRefreshing(id: number, refreshing: boolean): void {
    this.opened.get(id)?.container.classList.toggle('mp-refreshing', refreshing)
  }

  /** Reads every open page's window again (the theme changed); `wx.setNavigationBar*` stays. */
  refreshWindows(): void {
    for (const open of this.opened.values()) open.window = this.options.windowOf(open.page.route)
    this.notify()
  }

  /** Applies a `wx.setNavigationBar*` change to the page with `pageId`. */
  patchNavigation(pageId: number, patch: NavigationBarPatch): void {
    const open = this.opened.get(pageId)
    if (!open) return
    open.navigation = { ...open.navigation, ...patch }
    this.notify()
  }

  private notify(): void {
    const top = this.stack[this.stack.length - 1]
    const open = top && this.opened.get(top.id)
    this.options.onChange(
      open && { route: open.page.route, window: open.window, navigation: open.navigation },
      this.stack.length,
    )
  }

  private watchScrolling(body: HTMLElement, window: PageWindow, events: PageScreenEvents): void {
    let atBottom = false
    body.addEventListener('scroll', () => {
      events.scroll(body.scrollTop)
      const distance = body.scrollHeight - body.clientHeight - body.scrollTop
      const near = distance <= window.onReachBottomDistance
      if (near && !atBottom) events.reachBottom()
      atBottom = near
    })
  }

  /** A drag down from the very top (touch or mouse) past the threshold asks for a refresh. */
  private watchPulling(body: HTMLElement, events: PageScreenEvents): void {
    let startY: number | undefined
    const begin = (y: number) => {
      startY = body.scrollTop <= 0 ? y : undefined
    }
    const end = (y: number) => {
      const pulled = startY === undefined ? 0 : toCssPx(y - startY)
      if (pulled >= PULL_TO_REFRESH_DISTANCE) events.pullDownRefresh()
      startY = undefined
    }
    body.addEventListener('touchstart', (ev) => begin(ev.changedTouches[0]?.clientY ?? 0))
    body.addEventListener('touchend', (ev) => end(ev.changedTouches[0]?.clientY ?? 0))
    body.addEventListener('mousedown', (ev) => begin(ev.clientY))
    body.addEventListener('mouseup', (ev) => end(ev.clientY))
  }
}
