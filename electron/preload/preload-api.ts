/**
 * Builds the object the preload exposes as `window.mpdtBridge`: one function per contract method,
 * each bound to its own channel, and one subscribe function per event. Nothing here takes a
 * channel name from the page, so the page can reach no IPC channel but the contract's.
 */
import { EVENT_NAMES, IPC_PREFIX, METHOD_NAMES } from '../../shared/contract'
import type { PreloadApi } from '../../shared/bridge-api'

/** The part of Electron's ipcRenderer the preload uses. */
export interface IpcRendererLike {
  invoke(channel: string, ...args: unknown[]): Promise<unknown>
  on(channel: string, listener: (event: unknown, ...args: unknown[]) => void): unknown
  removeListener(channel: string, listener: (event: unknown, ...args: unknown[]) => void): unknown
}

export function createPreloadApi(
  ipcRenderer: IpcRendererLike,
  getPathForFile: (file: File) => string,
): PreloadApi {
  const methods: Record<string, (params: unknown) => Promise<unknown>> = {}
  for (const method of METHOD_NAMES) {
    const channel = IPC_PREFIX + method
    methods[method] = (params) => ipcRenderer.invoke(channel, params ?? {})
  }
  const events: Record<string, (listener: (payload: unknown) => void) => () => void> = {}
  for (const event of EVENT_NAMES) {
    const channel = IPC_PREFIX + event
    events[event] = (listener) => {
      // The IPC event object (with its sender) never reaches the page: only the payload does.
      const forward = (_event: unknown, payload: unknown) => listener(payload)
      ipcRenderer.on(channel, forward)
      return () => {
        ipcRenderer.removeListener(channel, forward)
      }
    }
  }
  return {
    methods: methods as PreloadApi['methods'],
    events: events as PreloadApi['events'],
    pathForFile: (file) => getPathForFile(file),
  }
}
