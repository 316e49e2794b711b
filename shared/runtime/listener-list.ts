import { callGuarded, type ErrorSink } from './guarded-call'

/** A task's `on*`/`off*` listeners; `off` without a listener removes all, as WeChat documents. */
export class ListenerList {
  private listeners: unknown[] = []

  /** True when no listener is registered: callers then skip building the payload. */
  get empty(): boolean {
    return this.listeners.length === 0
  }

  add(listener: unknown): void {
    if (typeof listener === 'function') this.listeners.push(listener)
  }

  remove(listener?: unknown): void {
    this.listeners =
      listener === undefined ? [] : this.listeners.filter((item) => item !== listener)
  }

  emit(sink: ErrorSink, payload: unknown): void {
    for (const listener of [...this.listeners]) callGuarded(sink, listener, undefined, [payload])
  }
}
