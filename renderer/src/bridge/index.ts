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

/** A contract client that also tells when the connection to the main process is lost. */
export interface BridgeConnection extends ContractClient {
  onDisconnect(listener: () => void): Unsubscribe
}

export const TRANSPORT_CLOSED = 'TRANSPORT_CLOSED'

/** The Electron preload's API, absent in a browser. */
export function preloadApi(): PreloadApi | undefined {
  return (window as unknown as Record<string, PreloadApi | undefined>)[PRELOAD_GLOBAL]
}

export function connectBridge(): BridgeConnection {
  const api = preloadApi()
  if (api) {
    // The preload lives as long as the window: there is no connection to lose.
    return { ...createPreloadClient(api), onDisconnect: () => () => undefined }
  }
  const socket = new WebSocket(rpcSocketUrl(window.location, BROWSER_RPC_PATH))
  return createSocketClient(createSocketTransport(socket))
}

/** A client over a socket transport: once closed, pending and new calls answer TRANSPORT_CLOSED. */
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
