/**
 * `wx.uploadFile` and `wx.downloadFile` with their UploadTask and DownloadTask: the base library's
 * checks, then the engine through the port, then WeChat's callbacks. As with `wx.request`,
 * callbacks never run before the call returned, `success`/`fail` then `complete` run exactly
 * once, and listener exceptions are reported.
 */
import type { EngineDownloadRequest, EngineUploadRequest } from '../network'
import { FAIL_WORDS } from '../wechat-errors'
import { apiFailure, type ApiFailure } from './api-result'
import { earlySteps } from './early-steps'
import { callGuarded, type ErrorSink } from './guarded-call'
import { completionStep } from './internal-fault'
import { ListenerList } from './listener-list'
import type { NativePort } from './native-port'
import type { PendingWork } from './pending-work'
import type { OpenTask, TaskCore } from './task-core'
import { FINAL_TASK_EVENTS, type TaskEvent } from './wx-task'
import { headersReceivedResult, stripOneBom } from './request-result'
import { optionsOf } from './async-api'
import { prepareDownload, prepareUpload, type Prepared } from './transfer-options'

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

export interface TransferApiHost {
  port: NativePort
  tasks: TaskCore
  pending: PendingWork
  sink: ErrorSink
  defer(fn: () => void): void
  currentPage(): string | undefined
}

export interface TransferApi {
  uploadFile(options: unknown): TransferTask
  downloadFile(options: unknown): TransferTask
}

type Result = Record<string, unknown> & { errMsg: string }

const ABORT = { name: 'abort' } as const

const utf8 = new TextDecoder('utf-8', { ignoreBOM: true })

export function createTransferApi(host: TransferApiHost): TransferApi {
  const { port, pending, sink, defer } = host

  function transfer<T extends EngineUploadRequest | EngineDownloadRequest>(
    api: T['api'],
    options: unknown,
    prepare: (opts: Record<string, unknown>, page?: string) => Prepared<T>,
    /** The call's result from the transfer's final event (`undefined` for any other event). */
    result: (event: TaskEvent) => Result | ApiFailure | undefined,
  ): TransferTask {
    const opts = optionsOf(options)
    const end = pending.begin()
    const progressListeners = new ListenerList()
    const headerListeners = new ListenerList()
    let finished = false
    let engineTask: OpenTask | undefined

    const finish = (result: Result | ApiFailure): void => {
      if (finished) return
      finished = true
      const succeeded = result.errMsg === `${api}:ok`
      callGuarded(sink, succeeded ? opts.success : opts.fail, undefined, [result])
      callGuarded(sink, opts.complete, undefined, [result])
      end()
    }
    const task: TransferTask = {
      abort: () => {
        if (!finished) engineTask?.operate(ABORT)
      },
      onProgressUpdate: (listener) => progressListeners.add(listener),
      offProgressUpdate: (listener) => progressListeners.remove(listener),
      onHeadersReceived: (listener) => headerListeners.add(listener),
      offHeadersReceived: (listener) => headerListeners.remove(listener),
    }

    const prepared = prepare(opts, host.currentPage())
    for (const warning of prepared.warnings) port.console('warn', [warning], 'baselib')
    if (!prepared.ok) {
      const { failure } = prepared
      defer(() => finish(failure))
      return task
    }
    const steps = earlySteps(defer)
    // A fault of ours in a step ends the transfer and stops the engine's side of it.
    const step = (fn: () => void): void =>
      steps.step(
        completionStep(
          port,
          api,
          (failure) => {
            finish(failure)
            engineTask?.operate(ABORT)
          },
          fn,
        ),
      )
    try {
      engineTask = host.tasks.start(prepared.value, (event) => {
        if (event.kind === 'headers') {
          step(() => {
            if (!finished) headerListeners.emit(sink, headersReceivedResult(event.head))
          })
        } else if (event.kind === 'progress') {
          step(() => {
            if (!finished) progressListeners.emit(sink, { ...event.progress })
          })
        } else if (event.kind === 'refused') {
          step(() => finish(failureOf(event)))
        } else if (FINAL_TASK_EVENTS.has(event.kind)) {
          // The result is made inside the guarded step, so a fault there still ends the call.
          step(() => {
            const made = result(event)
            if (made) finish(made)
          })
        }
      })
      if (!engineTask) steps.step(() => finish(apiFailure(api, FAIL_WORDS.notSupported)))
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error)
      steps.step(() => finish(apiFailure(api, message)))
    }
    steps.release()
    return task
  }

  return {
    uploadFile: (options) =>
      transfer<EngineUploadRequest>('uploadFile', options, prepareUpload, (event) => {
        if (event.kind !== 'done') return undefined
        const { outcome } = event
        if (!outcome.ok) return failureOf(outcome)
        return {
          data: stripOneBom(utf8.decode(outcome.body)),
          statusCode: outcome.statusCode,
          errMsg: 'uploadFile:ok',
        }
      }),
    downloadFile: (options) =>
      transfer<EngineDownloadRequest>('downloadFile', options, prepareDownload, (event) => {
        if (event.kind !== 'downloaded') return undefined
        const { outcome } = event
        if (!outcome.ok) return failureOf(outcome)
        return {
          [outcome.temporary ? 'tempFilePath' : 'filePath']: outcome.filePath,
          statusCode: outcome.statusCode,
          errMsg: 'downloadFile:ok',
        }
      }),
  }
}

function failureOf(outcome: { errMsg: string; errno?: number }): ApiFailure {
  return { errMsg: outcome.errMsg, ...(outcome.errno !== undefined && { errno: outcome.errno }) }
}
