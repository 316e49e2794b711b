/**
 * `wx.onAppShow`/`onAppHide`/`onError`/`onUnhandledRejection` and their `off` forms: the same
 * moments as App's own `onShow`/`onHide`/`onError`/`onUnhandledRejection`, told to listeners
 * registered anywhere (a page, a library), after the App's handler.
 */
import type { ErrorSink } from './guarded-call'
import { ListenerList } from './listener-list'

/** The members `AppEventListeners.wx` makes. */
export const APP_EVENT_NAMES = [
  'onAppShow',
  'offAppShow',
  'onAppHide',
  'offAppHide',
  'onError',
  'offError',
  'onUnhandledRejection',
  'offUnhandledRejection',
] as const

export class AppEventListeners {
  readonly show = new ListenerList()
  readonly hide = new ListenerList()
  readonly error = new ListenerList()
  readonly unhandledRejection = new ListenerList()

  constructor(private readonly sink: ErrorSink) {}

  get wx(): Record<(typeof APP_EVENT_NAMES)[number], unknown> {
    const on = (list: ListenerList) => (listener: unknown) => list.add(listener)
    const off = (list: ListenerList) => (listener?: unknown) => list.remove(listener)
    return {
      onAppShow: on(this.show),
      offAppShow: off(this.show),
      onAppHide: on(this.hide),
      offAppHide: off(this.hide),
      onError: on(this.error),
      offError: off(this.error),
      onUnhandledRejection: on(this.unhandledRejection),
      offUnhandledRejection: off(this.unhandledRejection),
    }
  }

  emit(list: ListenerList, payload: unknown): void {
    if (!list.empty) list.emit(this.sink, payload)
  }
}
