/**
 * The wire protocol that carries the contract over any transport (in-memory pair, Electron IPC,
 * WebSocket), and the two ends built on it: a typed client and a dispatcher for a service.
 */
import {
  isMethodName,
  type ContractEvents,
  type EventName,
  type MethodName,
  type MethodParams,
  type MethodResult,
} from './contract'
import { fail, type Result } from './result'

export type WireMessage =
  | { type: 'call'; id: number; method: MethodName; params: unknown }
  | { type: 'result'; id: number; result: Result<unknown> }
  | { type: 'event'; event: EventName; payload: unknown }

/** A message pipe. `send` must deliver structured-clone/JSON-safe data. */
export interface Transport {
  send(message: WireMessage): void
  onMessage(listener: (message: WireMessage) => void): () => void
}

/** The service side: one async function per method. */
export type ContractService = {
  [M in MethodName]: (params: MethodParams<M>) => Promise<Result<MethodResult<M>>>
}

export type Unsubscribe = () => void

/** What the workbench holds: typed calls and typed event subscriptions. */
export interface ContractClient {
  call<M extends MethodName>(method: M, params: MethodParams<M>): Promise<Result<MethodResult<M>>>
  on<E extends EventName>(event: E, listener: (payload: ContractEvents[E]) => void): Unsubscribe
}

export function isWireMessage(value: unknown): value is WireMessage {
  if (typeof value !== 'object' || value === null) return false
  const m = value as Record<string, unknown>
  if (m.type === 'call') return typeof m.id === 'number' && typeof m.method === 'string'
  if (m.type === 'result') return typeof m.id === 'number' && typeof m.result === 'object'
  if (m.type === 'event') return typeof m.event === 'string'
  return false
}

/** Builds a client over a transport. Calls that get no answer stay pending until `dispose`. */
export function createClient(transport: Transport): ContractClient & { dispose(): void } {
  let nextId = 1
  const pending = new Map<number, (result: Result<unknown>) => void>()
  const listeners = new Map<string, Set<(payload: unknown) => void>>()
  const off = transport.onMessage((message) => {
    if (message.type === 'result') {
      const resolve = pending.get(message.id)
      if (resolve) {
        pending.delete(message.id)
        resolve(message.result)
      }
    } else if (message.type === 'event') {
      for (const listener of listeners.get(message.event) ?? []) listener(message.payload)
    }
  })
  return {
    call(method, params) {
      const id = nextId++
      return new Promise((resolve) => {
        pending.set(id, resolve as (result: Result<unknown>) => void)
        transport.send({ type: 'call', id, method, params })
      })
    },
    on(event, listener) {
      let set = listeners.get(event)
      if (!set) listeners.set(event, (set = new Set()))
      const l = listener as (payload: unknown) => void
      set.add(l)
      return () => set.delete(l)
    },
    dispose() {
      off()
      for (const resolve of pending.values()) {
        resolve(
          fail({ code: 'TRANSPORT_CLOSED', message: 'The connection to the main process closed' }),
        )
      }
      pending.clear()
    },
  }
}

/** Answers one call with the service; unknown methods and thrown errors become error results. */
export async function dispatchCall(
  service: ContractService,
  method: unknown,
  params: unknown,
): Promise<Result<unknown>> {
  if (!isMethodName(method)) {
    return fail({ code: 'UNKNOWN_METHOD', message: `Unknown method: ${String(method)}` })
  }
  const handler = service[method] as (p: unknown) => Promise<Result<unknown>>
  try {
    return await handler(params ?? {})
  } catch (error) {
    return fail({
      code: 'INTERNAL',
      message: error instanceof Error ? error.message : String(error),
    })
  }
}

/** Serves a service on a transport: answers calls, forwards the events given to `emit`. */
export function serveOnTransport(service: ContractService, transport: Transport): Unsubscribe {
  return transport.onMessage((message) => {
    if (message.type !== 'call') return
    void dispatchCall(service, message.method, message.params).then((result) =>
      transport.send({ type: 'result', id: message.id, result }),
    )
  })
}

/** An in-memory transport pair, for tests and for same-process wiring. */
export function createMemoryPair(): [Transport, Transport] {
  const make = () => new Set<(m: WireMessage) => void>()
  const a = make()
  const b = make()
  const deliver = (to: Set<(m: WireMessage) => void>, m: WireMessage) => {
    const copy = structuredClone(m)
    queueMicrotask(() => to.forEach((l) => l(copy)))
  }
  const side = (
    mine: Set<(m: WireMessage) => void>,
    theirs: Set<(m: WireMessage) => void>,
  ): Transport => ({
    send: (m) => deliver(theirs, m),
    onMessage: (l) => {
      mine.add(l)
      return () => mine.delete(l)
    },
  })
  return [side(a, b), side(b, a)]
}
