/**
 * WeChat's EventChannel between a page and the page it opened with `wx.navigateTo`: the opener
 * gets one end in `success` (`res.eventChannel`, with `events` from the call already listening),
 * the opened page the other from `this.getOpenerEventChannel()`. What one end emits, the other
 * end's listeners receive.
 */
import { callGuarded, type ErrorSink } from './guarded-call'

type Listener = { fn: unknown; once: boolean }

export interface EventChannel {
  emit(eventName: string, ...args: unknown[]): void
  on(eventName: string, fn: unknown): void
  once(eventName: string, fn: unknown): void
  off(eventName: string, fn?: unknown): void
}

class ChannelEnd implements EventChannel {
  readonly listeners = new Map<string, Listener[]>()
  other: ChannelEnd | undefined

  constructor(private readonly sink: ErrorSink) {}

  emit(eventName: string, ...args: unknown[]): void {
    const target = this.other
    if (!target) return
    const listeners = target.listeners.get(eventName) ?? []
    target.listeners.set(
      eventName,
      listeners.filter((listener) => !listener.once),
    )
    for (const listener of listeners) callGuarded(this.sink, listener.fn, undefined, args)
  }

  on(eventName: string, fn: unknown): void {
    this.add(eventName, fn, false)
  }

  once(eventName: string, fn: unknown): void {
    this.add(eventName, fn, true)
  }

  off(eventName: string, fn?: unknown): void {
    if (fn === undefined) this.listeners.delete(eventName)
    else {
      const kept = (this.listeners.get(eventName) ?? []).filter((listener) => listener.fn !== fn)
      this.listeners.set(eventName, kept)
    }
  }

  private add(eventName: string, fn: unknown, once: boolean): void {
    if (typeof fn !== 'function') return
    const listeners = this.listeners.get(eventName) ?? []
    listeners.push({ fn, once })
    this.listeners.set(eventName, listeners)
  }
}

/** Both ends of a new channel; `events` (from `wx.navigateTo`) listen on the opener's end. */
export function createEventChannel(
  sink: ErrorSink,
  events: unknown,
): { opener: EventChannel; opened: EventChannel } {
  const opener = new ChannelEnd(sink)
  const opened = new ChannelEnd(sink)
  opener.other = opened
  opened.other = opener
  if (typeof events === 'object' && events !== null) {
    for (const [name, fn] of Object.entries(events)) opener.on(name, fn)
  }
  return { opener, opened }
}

/** The channel of a page no `navigateTo` opened: nothing on the other end. */
export function createDetachedChannel(sink: ErrorSink): EventChannel {
  return new ChannelEnd(sink)
}
