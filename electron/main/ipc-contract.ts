/**
 * The one place where contract methods are registered on Electron IPC. Every call is checked
 * against the sender policy before the service sees it. Written against minimal structural types
 * (not `electron` itself) so tests drive it with a fake ipcMain in plain Node.
 */
import { IPC_PREFIX, METHOD_NAMES, type EventName } from '../../shared/contract'
import { fail } from '../../shared/result'
import { dispatchCall, type ContractService } from '../../shared/rpc'

/** What the wrapper reads of Electron's WebFrameMain. */
export interface SenderFrameLike {
  readonly url: string
  readonly processId: number
  readonly routingId: number
  readonly parent: SenderFrameLike | null
}

/** What the wrapper reads of Electron's IpcMainInvokeEvent. */
export interface IpcInvokeEventLike {
  readonly senderFrame: SenderFrameLike | null
}

/** The part of Electron's ipcMain the wrapper uses. */
export interface IpcMainLike {
  handle(
    channel: string,
    listener: (event: IpcInvokeEventLike, ...args: unknown[]) => unknown,
  ): void
  removeHandler(channel: string): void
}

/** What the event fan-out reads of a BrowserWindow. */
export interface WindowLike {
  isDestroyed(): boolean
  readonly webContents: {
    readonly mainFrame: SenderFrameLike
    send(channel: string, ...args: unknown[]): void
  }
}

export interface SenderPolicy {
  /** The windows whose main frame may call the contract. */
  windows(): readonly WindowLike[]
  /** Whether a URL is our own workbench (file:// of out/renderer, or the dev server). */
  isWorkbenchUrl(url: string): boolean
}

function sameFrame(a: SenderFrameLike, b: SenderFrameLike): boolean {
  return a.processId === b.processId && a.routingId === b.routingId
}

/** A sender is trusted only as the main frame of one of our windows showing our own workbench. */
export function isTrustedSender(frame: SenderFrameLike | null, policy: SenderPolicy): boolean {
  if (!frame || frame.parent !== null) return false
  if (
    !policy.windows().some((w) => !w.isDestroyed() && sameFrame(w.webContents.mainFrame, frame))
  ) {
    return false
  }
  return policy.isWorkbenchUrl(frame.url)
}

/** Registers one handler per contract method; returns a function that removes them all. */
export function registerContractHandlers(
  ipcMain: IpcMainLike,
  service: ContractService,
  policy: SenderPolicy,
): () => void {
  for (const method of METHOD_NAMES) {
    ipcMain.handle(IPC_PREFIX + method, (event, params) => {
      if (!isTrustedSender(event.senderFrame, policy)) {
        return fail({
          code: 'FORBIDDEN_SENDER',
          message: `${method} refused: the caller is not the workbench`,
        })
      }
      return dispatchCall(service, method, params)
    })
  }
  return () => {
    for (const method of METHOD_NAMES) ipcMain.removeHandler(IPC_PREFIX + method)
  }
}

/** Pushes a contract event to every open window. */
export function sendEventToWindows(
  windows: readonly WindowLike[],
  event: EventName,
  payload: unknown,
): void {
  for (const window of windows) {
    if (!window.isDestroyed()) window.webContents.send(IPC_PREFIX + event, payload)
  }
}
