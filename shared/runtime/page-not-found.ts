/**
 * `App.onPageNotFound` and `wx.onPageNotFound`/`wx.offPageNotFound`: when the page the mini-program
 * is launched on is not in app.json, the app still launches, then these are called with
 * `{ path, query, isEntryPage }`. A redirect they ask for opens its page; when nothing opens
 * (no redirect, or one to another missing page, which is not reported a second time), WeChat
 * shows its own 页面不存在 page, here `port.pageNotFound`.
 */
import type { ErrorSink } from './guarded-call'
import { callGuarded } from './guarded-call'
import { ListenerList } from './listener-list'

/** What `App.onPageNotFound` and the `wx.onPageNotFound` listeners receive. */
export interface PageNotFoundEvent {
  /** The missing page's path in the code package, e.g. `pages/old/old`. */
  path: string
  query: Record<string, string>
  /** The first page of this launch (always, here: only the launch reports a missing page). */
  isEntryPage: boolean
}

export class PageNotFoundListeners {
  private readonly listeners = new ListenerList()

  constructor(private readonly sink: ErrorSink) {}

  /** `wx.onPageNotFound` and `wx.offPageNotFound` (no listener: removes them all). */
  get wx(): Record<string, unknown> {
    return {
      onPageNotFound: (listener: unknown) => this.listeners.add(listener),
      offPageNotFound: (listener?: unknown) => this.listeners.remove(listener),
    }
  }

  /** `App.onPageNotFound` first, then the listeners in the order they were added. */
  notify(app: Record<string, unknown> | undefined, event: PageNotFoundEvent): void {
    const copy = () => ({ ...event, query: { ...event.query } })
    if (app) callGuarded(this.sink, app.onPageNotFound, app, [copy()])
    if (!this.listeners.empty) this.listeners.emit(this.sink, copy())
  }
}
