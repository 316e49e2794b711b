/**
 * What the preload exposes on `window.mpdtBridge` (Electron), and what the browser-mode host
 * serves over its WebSocket: the same contract, one function per method and per event.
 */
import type { ContractEvents, EventName, MethodName, MethodParams, MethodResult } from './contract'
import type { Result } from './result'

export type PreloadApi = {
  methods: { [M in MethodName]: (params: MethodParams<M>) => Promise<Result<MethodResult<M>>> }
  events: { [E in EventName]: (listener: (payload: ContractEvents[E]) => void) => () => void }
  /** The filesystem path of a file or folder dropped on the window (Electron's webUtils). */
  pathForFile: (file: File) => string
}

/** Name of the global the preload defines. */
export const PRELOAD_GLOBAL = 'mpdtBridge'

/** Path of the browser-mode WebSocket endpoint (`ws://127.0.0.1:PORT/rpc?token=…`). */
export const BROWSER_RPC_PATH = '/rpc'
