/**
 * UploadTask and DownloadTask: the object `wx.uploadFile` (upload-file.ts) and `wx.downloadFile`
 * (download-file.ts) return, with progress and header listeners, over the one task-call
 * lifecycle of task-core.ts.
 */
import type { EngineDownloadRequest, EngineUploadRequest } from '../network'
import type { ApiFailure } from './api-result'
import type { ApiOptions } from './async-api'
import { ListenerList } from './listener-list'
import { headersReceivedResult } from './request-result'
import { runTaskCall, type Prepared, type TaskApiHost, type TaskCallResult } from './task-core'
import type { TaskEvent } from './wx-task'

export interface TransferTask {
  /** Queued or in flight: fails with `<api>:fail abort`. After completion: no effect. */
  abort(): void
  onProgressUpdate(listener: unknown): void
  /** Without a listener: removes all. */
  offProgressUpdate(listener?: unknown): void
  onHeadersReceived(listener: unknown): void
  /** Without a listener: removes all. */
  offHeadersReceived(listener?: unknown): void
}

/**
 * Runs one transfer; `result` makes the call's result from its final event (`undefined` for any
 * other event).
 */
export function runTransfer<T extends EngineUploadRequest | EngineDownloadRequest>(
  host: TaskApiHost,
  api: T['api'],
  options: ApiOptions,
  prepared: Prepared<T>,
  result: (event: TaskEvent) => TaskCallResult | ApiFailure | undefined,
): TransferTask {
  const { sink } = host
  const progressListeners = new ListenerList()
  const headerListeners = new ListenerList()
  const call = runTaskCall(host, {
    api,
    options,
    prepared,
    request: (value) => value,
    onEvent(event) {
      if (event.kind === 'headers') {
        headerListeners.emit(sink, headersReceivedResult(event.head))
      } else if (event.kind === 'progress') {
        progressListeners.emit(sink, { ...event.progress })
      } else {
        return result(event)
      }
      return undefined
    },
  })
  return {
    abort: call.abort,
    onProgressUpdate: (listener) => progressListeners.add(listener),
    offProgressUpdate: (listener) => progressListeners.remove(listener),
    onHeadersReceived: (listener) => headerListeners.add(listener),
    offHeadersReceived: (listener) => headerListeners.remove(listener),
  }
}
