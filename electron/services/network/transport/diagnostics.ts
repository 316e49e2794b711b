import diagnosticsChannel from 'node:diagnostics_channel'
import type { Socket } from 'node:net'

/**
 * The engine's feed from undici's diagnostics channels. undici calls a handler's
 * `onRequestStart` and then, synchronously in the same write, publishes
 * `undici:client:sendHeaders` with the socket; the run announces itself in `onRequestStart`, so
 * the next `sendHeaders` is its own, whenever undici's pool got round to it. Later events
 * (`undici:request:bodySent`) find the run through the undici request object. Subscribed while
 * at least one engine is open.
 */
export interface DiagnosticsObserver {
  onSocket(socket: Socket): void
  onRequestSent(): void
}

/**
 * The run that sent an undici request, kept on the request object itself: a WeakMap entry per
 * request costs the garbage collector more than the property (ephemerons are traced specially).
 */
const OBSERVER = Symbol('mpdt.diagnosticsObserver')
let starting: DiagnosticsObserver | undefined
let engines = 0

interface RequestMessage {
  request: { [OBSERVER]?: DiagnosticsObserver }
}

const onSendHeaders = (message: unknown) => {
  const observer = starting
  starting = undefined
  if (!observer) return
  const { request, socket } = message as RequestMessage & { socket: Socket }
  request[OBSERVER] = observer
  observer.onSocket(socket)
}
const onBodySent = (message: unknown) => {
  const { request } = message as RequestMessage
  request[OBSERVER]?.onRequestSent()
}

const SUBSCRIPTIONS: [string, (message: unknown) => void][] = [
  ['undici:client:sendHeaders', onSendHeaders],
  ['undici:request:bodySent', onBodySent],
]

/** Called from a handler's `onRequestStart`: the next `sendHeaders` belongs to `observer`. */
export function announceRequestStart(observer: DiagnosticsObserver): void {
  starting = observer
}

/** Called by each engine on creation; returns the matching release for `close()`. */
export function retainDiagnostics(): () => void {
  if (engines++ === 0) {
    for (const [name, listener] of SUBSCRIPTIONS) diagnosticsChannel.subscribe(name, listener)
  }
  let released = false
  return () => {
    if (released) return
    released = true
    if (--engines === 0) {
      for (const [name, listener] of SUBSCRIPTIONS) diagnosticsChannel.unsubscribe(name, listener)
    }
  }
}
