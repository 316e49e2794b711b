/**
 * `wx.uploadFile` and `wx.downloadFile` with their UploadTask and DownloadTask: the base library's
 * checks, then the engine through the port, then WeChat's callbacks. As with `wx.request`,
 * callbacks never run before the call returned, `success`/`fail` then `complete` run exactly
 * once, and listener exceptions are reported.
 */
import type { EngineTask, ResponseHead } from '../network'
import { FAIL_WORDS } from '../wechat-errors'
import { apiFailure, type ApiFailure } from './api-result'
import { earlySteps } from './early-steps'
import { callGuarded, type ErrorSink } from './guarded-call'
import { completionStep } from './internal-fault'
import { ListenerList } from './listener-list'
import type { NativePort } from './native-port'
import type { PendingWork } from './pending-work'
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
  pending: PendingWork
  sink: ErrorSink
  defer(fn: () => void): void
  currentPage(): string | undefined
}

export interface TransferApi {
  uploadFile(options: unknown): TransferTask
  downloadFile(options: unknown): TransferTask
  /** Aborts every transfer not finished yet (the runtime is being disposed). */
  abortAll(): void
}

type Result = Record<string, unknown> & { errMsg: string }

/** What a transfer's start gives its task: the engine's handle, wired to these three. */
interface Wiring {
  headers(head: ResponseHead): void
  progress(progress: object): void
  /** `shape` makes the result inside the guarded step, so a fault there still ends the call. */
  finish(shape: () => Result | ApiFailure): void
}

const utf8 = new TextDecoder('utf-8', { ignoreBOM: true })

export function createTransferApi(host: TransferApiHost): TransferApi {
  const { port, pending, sink, defer } = host
  const open = new Set<TransferTask>()

  function transfer<T>(
    api: 'uploadFile' | 'downloadFile',
    options: unknown,
    prepare: (opts: Record<string, unknown>, page?: string) => Prepared<T>,
    start: (request: T, wiring: Wiring) => EngineTask | undefined,
  ): TransferTask {
    const opts = optionsOf(options)
    const end = pending.begin()
    const progressListeners = new ListenerList()
    const headerListeners = new ListenerList()
    let finished = false
    let engineTask: EngineTask | undefined

    const finish = (result: Result | ApiFailure): void => {
      if (finished) return
      finished = true
      open.delete(task)
      const succeeded = result.errMsg === `${api}:ok`
      callGuarded(sink, succeeded ? opts.success : opts.fail, undefined, [result])
      callGuarded(sink, opts.complete, undefined, [result])
      end()
    }
    const task: TransferTask = {
      abort: () => {
        if (!finished) engineTask?.abort()
      },
      onProgressUpdate: (listener) => progressListeners.add(listener),
      offProgressUpdate: (listener) => progressListeners.remove(listener),
      onHeadersReceived: (listener) => headerListeners.add(listener),
      offHeadersReceived: (listener) => headerListeners.remove(listener),
    }
    open.add(task)

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
            engineTask?.abort()
          },
          fn,
        ),
      )
    try {
      engineTask = start(prepared.value, {
        headers: (head) =>
          step(() => {
            if (!finished) headerListeners.emit(sink, headersReceivedResult(head))
          }),
        progress: (progress) =>
          step(() => {
            if (!finished) progressListeners.emit(sink, { ...progress })
          }),
        finish: (shape) => step(() => finish(shape())),
      })
      if (!engineTask) steps.step(() => finish(apiFailure(api, FAIL_WORDS.notSupported)))
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error)
      steps.step(() => finish(apiFailure(api, message)))
    }
    steps.release()
    return task
  }

  const failureOf = (outcome: { errMsg: string; errno?: number }): ApiFailure => ({
    errMsg: outcome.errMsg,
    ...(outcome.errno !== undefined && { errno: outcome.errno }),
  })

  return {
    uploadFile: (options) =>
      transfer('uploadFile', options, prepareUpload, (request, wiring) =>
        port.uploadFile?.(request, {
          onHeaders: wiring.headers,
          onProgress: wiring.progress,
          onDone: (outcome) =>
            wiring.finish(() =>
              outcome.ok
                ? {
                    data: stripOneBom(utf8.decode(outcome.body)),
                    statusCode: outcome.statusCode,
                    errMsg: 'uploadFile:ok',
                  }
                : failureOf(outcome),
            ),
        }),
      ),
    downloadFile: (options) =>
      transfer('downloadFile', options, prepareDownload, (request, wiring) =>
        port.downloadFile?.(request, {
          onHeaders: wiring.headers,
          onProgress: wiring.progress,
          onDone: (outcome) =>
            wiring.finish(() =>
              outcome.ok
                ? {
                    [outcome.temporary ? 'tempFilePath' : 'filePath']: outcome.filePath,
                    statusCode: outcome.statusCode,
                    errMsg: 'downloadFile:ok',
                  }
                : failureOf(outcome),
            ),
        }),
      ),
    abortAll: () => {
      for (const task of [...open]) task.abort()
    },
  }
}
