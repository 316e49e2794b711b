/**
 * The page stack and WeChat's page lifecycles around it: which pages are loaded, which one shows,
 * and the order of `onLoad`/`onShow`/`onReady`/`onHide`/`onUnload` (and component
 * `pageLifetimes`) for each kind of navigation, as WeChat's 页面路由 table lists them. Tab pages
 * stay loaded after `switchTab` leaves them; other pages unload when they leave the stack.
 */
import * as glassEasel from 'glass-easel'
import type { Root } from 'glass-easel-miniprogram-adapter'
import { createDetachedChannel, type EventChannel } from './event-channel'
import { readyTree } from './component-ready'
import { callGuarded, type ErrorSink } from './guarded-call'
import type { CustomTabBarView, PageScreen, ScreenPage } from './native-port'

/** A page as `getCurrentPages()` returns it. */
export type PageInstance = Record<string, unknown> & {
  route: string
  options: Record<string, string>
}

export interface OpenedPage extends ScreenPage {
  readonly instance: PageInstance
  readonly root: Root
  /** The page's own custom tab bar (app.json `tabBar.custom`, tab pages only). */
  readonly tabBar?: Root
}

export interface PageStackHost {
  sink: ErrorSink
  /** Creates a page's root component, or reports why it cannot and returns `undefined`. */
  createRoot(route: string): Root | undefined
  /** Creates an instance of the custom tab bar, when app.json asks for one. */
  createTabBarRoot(): Root | undefined
  screen: PageScreen | undefined
  isTabPage(route: string): boolean
}

/** WeChat's limit of pages in the stack (页面栈最多十层). */
export const MAX_PAGE_STACK = 10

export class PageStack {
  private readonly stack: OpenedPage[] = []
  /** Tab pages loaded earlier and not in the stack now, by route. */
  private readonly parkedTabs = new Map<string, OpenedPage>()
  private nextId = 1

  constructor(private readonly host: PageStackHost) {}

  get pages(): readonly OpenedPage[] {
    return this.stack
  }

  get top(): OpenedPage | undefined {
    return this.stack[this.stack.length - 1]
  }

  /**
   * Opens `route` on top (navigateTo, and the launch): the old top hides. `channel` is what the
   * new page's `getOpenerEventChannel()` returns.
   */
  push(route: string, query: Record<string, string>, channel?: EventChannel): void {
    const previous = this.top
    if (previous) this.hide(previous)
    this.loadOnTop(route, query, channel)
    this.changed()
  }

  /** Replaces the top page (redirectTo). */
  replaceTop(route: string, query: Record<string, string>): void {
    const previous = this.stack.pop()
    if (previous) this.unload(previous)
    this.loadOnTop(route, query)
    this.changed()
  }

  /** Unloads `delta` pages from the top, never the first (navigateBack). */
  back(delta: number): void {
    const count = Math.min(delta, this.stack.length - 1)
    for (let i = 0; i < count; i++) this.unload(this.stack.pop() as OpenedPage)
    const top = this.top
    if (top) this.show(top)
    this.changed()
  }

  /** Shows tab page `route` alone in the stack; other tab pages stay loaded (switchTab). */
  switchTab(route: string): void {
    const top = this.top
    if (top?.route === route && this.stack.length === 1) return
    let current: OpenedPage | undefined
    for (const page of this.stack.splice(0).reverse()) {
      if (!this.host.isTabPage(page.route)) this.unload(page)
      else if (page.route === route) current = page
      else {
        if (page === top) this.hide(page)
        this.parkedTabs.set(page.route, page)
      }
    }
    current ??= this.parkedTabs.get(route)
    if (current) {
      this.parkedTabs.delete(route)
      this.stack.push(current)
      this.show(current)
    } else {
      this.loadOnTop(route, {})
    }
    this.changed()
  }

  /** Unloads every page, tab pages included, and opens `route` (reLaunch). */
  relaunch(route: string, query: Record<string, string>): void {
    while (this.stack.length > 0) this.unload(this.stack.pop() as OpenedPage)
    for (const page of this.parkedTabs.values()) this.unload(page)
    this.parkedTabs.clear()
    this.loadOnTop(route, query)
    this.changed()
  }

  /** The mini-program goes to the background: the top page hides. */
  hideTop(): void {
    const top = this.top
    if (top) this.hide(top)
  }

  /** The mini-program comes back: the top page shows. */
  showTop(): void {
    const top = this.top
    if (top) this.show(top)
  }

  /** Releases every page without running lifecycles (the runtime is disposed). */
  releaseAll(): void {
    for (const page of [...this.stack.splice(0), ...this.parkedTabs.values()]) {
      page.root.release()
      page.tabBar?.release()
    }
    this.parkedTabs.clear()
  }

  /** Runs a page event handler (`onPageScroll`, `onReachBottom`…) of the page with `id`. */
  callHandler(id: number, name: string, args: unknown[]): void {
    const page = this.find(id)
    if (page) callGuarded(this.host.sink, page.instance[name], page.instance, args)
  }

  find(id: number): OpenedPage | undefined {
    return this.stack.find((page) => page.id === id) ?? this.findParked(id)
  }

  private findParked(id: number): OpenedPage | undefined {
    for (const page of this.parkedTabs.values()) if (page.id === id) return page
    return undefined
  }

  private loadOnTop(route: string, query: Record<string, string>, channel?: EventChannel): void {
    const root = this.host.createRoot(route)
    if (!root) return
    const instance = root.get() as unknown as PageInstance
    instance.route = route
    instance.options = { ...query }
    const openerChannel = channel ?? createDetachedChannel(this.host.sink)
    instance.getOpenerEventChannel = () => openerChannel
    const tabBar = this.host.isTabPage(route) ? this.host.createTabBarRoot() : undefined
    instance.getTabBar = () => tabBar?.get()
    const page: OpenedPage = {
      id: this.nextId++,
      route,
      query: { ...query },
      instance,
      root,
      tabBar,
    }
    this.stack.push(page)
    const component = root.getComponent()
    const { screen, sink } = this.host
    if (screen) {
      const attacher =
        (target: Root) =>
        (parent: unknown, placeholder: unknown): void =>
          target.attach(
            parent as glassEasel.GeneralBackendElement,
            placeholder as glassEasel.GeneralBackendElement,
          )
      const attach = attacher(root)
      const tabBarView: CustomTabBarView | undefined = tabBar && {
        component: tabBar.getComponent(),
        attach: attacher(tabBar),
      }
      const events = {
        scroll: (scrollTop: number) => this.callHandler(page.id, 'onPageScroll', [{ scrollTop }]),
        reachBottom: () => this.callHandler(page.id, 'onReachBottom', []),
        pullDownRefresh: () => this.pullDownRefresh(page.id),
      }
      callGuarded(sink, screen.open.bind(screen), undefined, [
        { id: page.id, route, query: { ...query } },
        component,
        attach,
        events,
        tabBarView,
      ])
    } else {
      glassEasel.Element.pretendAttached(component)
      if (tabBar) glassEasel.Element.pretendAttached(tabBar.getComponent())
    }
    callGuarded(sink, instance.onLoad, instance, [{ ...query }])
    this.show(page)
    readyTree(component)
    callGuarded(sink, instance.onReady, instance, [])
  }

  /** The refresh indicator shows and the page's `onPullDownRefresh` runs. */
  pullDownRefresh(id: number): void {
    this.host.screen?.setRefreshing(id, true)
    this.callHandler(id, 'onPullDownRefresh', [])
  }

  private show(page: OpenedPage): void {
    callGuarded(this.host.sink, page.instance.onShow, page.instance, [])
    page.root.getComponent().triggerPageLifetime('show', [])
    page.tabBar?.getComponent().triggerPageLifetime('show', [])
  }

  private hide(page: OpenedPage): void {
    callGuarded(this.host.sink, page.instance.onHide, page.instance, [])
    page.root.getComponent().triggerPageLifetime('hide', [])
    page.tabBar?.getComponent().triggerPageLifetime('hide', [])
  }

  private unload(page: OpenedPage): void {
    callGuarded(this.host.sink, page.instance.onUnload, page.instance, [])
    page.root.release()
    page.tabBar?.release()
    this.host.screen?.close(page.id)
  }

  private changed(): void {
    const stack = this.stack.map(({ id, route, query }) => ({ id, route, query: { ...query } }))
    this.host.screen?.stackChanged(stack)
  }
}
