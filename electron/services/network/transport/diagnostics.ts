import diagnosticsChannel from 'node:diagnostics_channel'
import type { Socket } from 'node:net'

/**
 * The engine's feed from undici's diagnostics channels. undici publishes `undici:request:create`
 * synchronously inside `dispatch()`, so the engine names the request it is dispatching
 * (`dispatching`) and later events (`sendHeaders`: the socket; `bodySent`) find it through the
 * undici request object. Subscribed while at least one engine is open.
 */
export interface DiagnosticsObserver {
  onSocket(socket: Socket): void
  onRequestSent(): void
}

const observers = new WeakMap<object, DiagnosticsObserver>()
let dispatching: DiagnosticsObserver | undefined
let engines = 0

interface RequestMessage {
  request: object
}
interface SendHeadersMessage extends RequestMessage {
  socket: Socket
}

const onCreate = (message: unknown) => {
  if (dispatching) observers.set((message as RequestMessage).request, dispatching)
}
const onSendHeaders = (message: unknown) => {
  const { request, socket } = message as SendHeadersMessage
  observers.get(request)?.onSocket(socket)
}
const onBodySent = (message: unknown) => {
  observers.get((message as RequestMessage).request)?.onRequestSent()
}

const SUBSCRIPTIONS: [string, (message: unknown) => void][] = [
  ['undici:request:create', onCreate],
  ['undici:client:sendHeaders', onSendHeaders],
  ['undici:request:bodySent', onBodySent],
]

/** Runs `dispatch` with `observer` attached to the undici request it creates. */
export function observeDispatch<T>(observer: DiagnosticsObserver, dispatch: () => T): T {
  dispatching = observer
  try {
    return dispatch()
  } finally {
    dispatching = undefined
  }
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
