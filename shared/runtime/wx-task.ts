/**
 * A main-process task (`wx.request`, `wx.uploadFile`, `wx.downloadFile`, `wx.connectSocket`): what
 * starts it, the events it reports in order and what the mini-program may do to it while it runs.
 * The same data in both hosts: the simulator's frame sends a start as `wx-bridge:call` (the call's
 * id is the task's) and gets the events as `wx-host:task`; `mpdt run` hands them in-process to the
 * same task registry (electron/services/wx-api/task-registry.ts).
 */
import type {
  DownloadOutcome,
  DownloadProgress,
  EngineDownloadRequest,
  EngineOutcome,
  EngineRequest,
  EngineSocketRequest,
  EngineUploadRequest,
  HeaderMap,
  ResponseHead,
  SocketData,
  UploadProgress,
} from '../network'

/** A task's start: the request after the base library's checks; `api` names the wx API. */
export type TaskRequest =
  EngineRequest | EngineUploadRequest | EngineDownloadRequest | EngineSocketRequest

/** The wx APIs that run as tasks (the table's `task` kind in the main process). */
export type TaskMethod = TaskRequest['api']

/**
 * One task's events, in order. A request and an upload end with `done`, a download with
 * `downloaded`; a socket gets `socket-accepted`, then open, messages, error and close. Any task
 * may instead end with `refused` (bad input, no project, the socket limit): WeChat's failure.
 */
export type TaskEvent =
  | { kind: 'headers'; head: ResponseHead }
  | { kind: 'chunk'; data: Uint8Array }
  | { kind: 'done'; outcome: EngineOutcome }
  | { kind: 'progress'; progress: UploadProgress | DownloadProgress }
  | { kind: 'downloaded'; outcome: DownloadOutcome }
  | { kind: 'refused'; errMsg: string; errno?: number }
  | { kind: 'socket-accepted' }
  | { kind: 'socket-open'; header: HeaderMap }
  | { kind: 'socket-message'; data: SocketData }
  | { kind: 'socket-error'; errMsg: string }
  | { kind: 'socket-close'; code: number; reason: string }

/** The events after which a task reports nothing more. */
export const FINAL_TASK_EVENTS: ReadonlySet<TaskEvent['kind']> = new Set([
  'done',
  'downloaded',
  'refused',
  'socket-close',
])

/**
 * What the mini-program does to a running task: abort it (a socket closes as `going away`), or
 * send on / close a socket.
 */
export type TaskOperation =
  | { name: 'abort' }
  | { name: 'send'; data: SocketData }
  | { name: 'close'; code: number; reason: string }

/** A host's handle on one started task. */
export interface PortTask {
  readonly id: string
  /** The refusal when the host knows it at once (the socket is not open), else `undefined`. */
  operate(operation: TaskOperation): string | undefined
}
