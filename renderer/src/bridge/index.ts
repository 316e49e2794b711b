/**
 * The workbench's one client of the contract. In Electron it wraps the preload's
 * `window.mpdtBridge`; in a browser it speaks the same contract over the host's WebSocket.
 * Stores reach the main process only through `bridge()`.
 */
import { BROWSER_RPC_PATH, PRELOAD_GLOBAL, type PreloadApi } from '../../../shared/bridge-api'
import { createClient, type ContractClient, type Unsubscribe } from '../../../shared/rpc'
import { fail } from '../../../shared/result'
import { withPlainParams } from './plain-data'
import { createPreloadClient } from './preload-client'
import { createSocketTransport, rpcSocketUrl, type SocketTransport } from './socket-transport'

/** A contract client that also tells when the connection to the main process is lost and back. */
export interface BridgeConnection extends ContractClient {
  onDisconnect(listener: () => void): Unsubscribe
  onReconnect(listener: () => void): Unsubscribe
}

/**
 * Browser mode: how long to wait before each attempt to connect again once the socket closed
 * (the host refused an oversized frame with 1009, the network dropped, the host restarts):
 * doubling, then the last one for every further attempt; back to the first once connected.
 */
export const RECONNECT_DELAYS_MS: readonly number[] = [1_000, 2_000, 4_000, 8_000]

export const TRANSPORT_CLOSED = 'TRANSPORT_CLOSED'

/** The Electron preload's API, absent in a browser. */
export function preloadApi(): PreloadApi | undefined {
  return (window as unknown as Record<string, PreloadApi | undefined>)[PRELOAD_GLOBAL]
}

export function connectBridge(): BridgeConnection {
  const api = preloadApi()
  if (api) {
    // The preload lives as long as the window: there is no connection to lose.
    return {
      ...createPreloadClient(api),
      onDisconnect: () => () => undefined,
      onReconnect: () => () => undefined,
    }
  }
  const url = rpcSocketUrl(window.location, BROWSER_RPC_PATH)
  return createReconnectingClient(() => createSocketTransport(new WebSocket(url)))
}

/**
 * A client that opens a new socket (`open`) whenever the last one closed, after the next of
 * `RECONNECT_DELAYS_MS`. Calls go over the socket of the moment: while none is open they answer
 * TRANSPORT_CLOSED at once (nothing is replayed later), as do the calls the lost socket left
 * unanswered. Event listeners stay subscribed across sockets. `onDisconnect` is told when the
 * connection is lost (or the first never opened), `onReconnect` when a socket opens after that.
 */
export function createReconnectingClient(
  open: () => SocketTransport,
  wait: (ms: number, then: () => void) => void = (ms, then) => void setTimeout(then, ms),
): BridgeConnection {
  const events = new Map<string, Set<(payload: unknown) => void>>()
  const disconnectListeners = new Set<() => void>()
  const reconnectListeners = new Set<() => void>()
  /** Sockets closed since the last one that opened. */
  let failures = 0
  let current: BridgeConnection

  const connect = () => {
    const transport = open()
    current = createSocketClient(transport)
    transport.onMessage((message) => {
      if (message.type !== 'event') return
      for (const listener of events.get(message.event) ?? []) listener(message.payload)
    })
    transport.onOpen(() => {
      if (failures === 0) return
      failures = 0
      reconnectListeners.forEach((listener) => listener())
    })
    transport.onClose(() => {
      if (failures === 0) disconnectListeners.forEach((listener) => listener())
      const delay = RECONNECT_DELAYS_MS[Math.min(failures, RECONNECT_DELAYS_MS.length - 1)]
      failures += 1
      wait(delay, connect)
    })
  }
  connect()

  return {
    call: (method, params) => current.call(method, params),
    on(event, listener) {
      let set = events.get(event)
      if (!set) events.set(event, (set = new Set()))
      const held = listener as (payload: unknown) => void
      set.add(held)
      return () => set.delete(held)
    },
    onDisconnect(listener) {
      disconnectListeners.add(listener)
      return () => disconnectListeners.delete(listener)
    },
    onReconnect(listener) {
      reconnectListeners.add(listener)
      return () => reconnectListeners.delete(listener)
    },
  }
}

/** A client over one socket transport: once closed, pending and new calls answer TRANSPORT_CLOSED. */
export function createSocketClient(transport: SocketTransport): BridgeConnection {
  const client = createClient(transport)
  transport.onClose(() => client.dispose())
  return {
    call(method, params) {
      if (transport.closed) {
        return Promise.resolve(
          fail({
            code: TRANSPORT_CLOSED,
            message: 'The connection to the main process closed',
          }),
        )
      }
      return client.call(method, params)
    },
    on: client.on,
    onDisconnect(listener) {
      if (transport.closed) {
        queueMicrotask(listener)
        return () => undefined
      }
      return transport.onClose(listener)
    },
    onReconnect: () => () => undefined,
  }
}

let active: ContractClient | null = null

/** Makes `client` the one every store talks to (the app at start-up, tests with a fake service). */
export function setBridge(client: ContractClient): void {
  active = withPlainParams(client)
}

export function bridge(): ContractClient {
  if (!active) throw new Error('The workbench bridge is not connected')
  return active
}
