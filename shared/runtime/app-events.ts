/**
 * `wx.onAppShow`/`onAppHide`/`onError`/`onUnhandledRejection` and their `off` forms: the same
 * moments as App's own `onShow`/`onHide`/`onError`/`onUnhandledRejection`, told to listeners
 * registered anywhere (a page, a library), after the App's handler.
 */
import type { ErrorSink } from './guarded-call'
import { ListenerList } from './listener-list'

export class AppEventListeners {
  readonly show = new ListenerList()
  readonly hide = new ListenerList()
  readonly error = new ListenerList()
  readonly unhandledRejection = new ListenerList()

  constructor(private readonly sink: ErrorSink) {}

  get wx(): Record<string, unknown> {
    const pair = (name: string, list: ListenerList) => ({
      [`on${name}`]: (listener: unknown) => list.add(listener),
      [`off${name}`]: (listener?: unknown) => list.remove(listener),
    })
    return {
      ...pair('AppShow', this.show),
      ...pair('AppHide', this.hide),
      ...pair('Error', this.error),
      ...pair('UnhandledRejection', this.unhandledRejection),
    }
  }

  emit(list: ListenerList, payload: unknown): void {
    if (!list.empty) list.emit(this.sink, payload)
  }
}
