/**
 * `wx.request` and its RequestTask: the base library's checks and serialization, then the engine
 * through the port, then WeChat's callbacks. Callbacks never run before `wx.request` returned;
 * `success`/`fail` then `complete` run exactly once; listener and callback exceptions are reported.
 */
import type { EngineOutcome, ResponseHead } from '../network'
import { FAIL_WORDS } from '../wechat-errors'
import { apiFailure, type ApiFailure } from './api-result'
import { earlySteps } from './early-steps'
import { callGuarded, type ErrorSink } from './guarded-call'
import { completionStep } from './internal-fault'
import { ListenerList } from './listener-list'
import type { NativePort } from './native-port'
import type { PendingWork } from './pending-work'
import type { OpenTask, TaskCore } from './task-core'
import { prepareRequest, type PreparedRequest } from './request-options'
import {
  headersReceivedResult,
  requestSuccessResult,
  toArrayBuffer,
  type RequestSuccessResult,
} from './request-result'

export interface RequestTask {
  /** Queued or in flight: fails with `request:fail abort`. After completion: no effect. */
  abort(): void
  onHeadersReceived(listener: unknown): void
  /** Without a listener: removes all. */
  offHeadersReceived(listener?: unknown): void
  onChunkReceived(listener: unknown): void
  /** Without a listener: removes all. */
  offChunkReceived(listener?: unknown): void
}

export interface RequestApiHost {
  port: NativePort
  tasks: TaskCore
  pending: PendingWork
  sink: ErrorSink
  /** Runs a step after the current macrotask, counted as pending. */
  defer(fn: () => void): void
  /** Route of the page on top of the stack, if any. */
  currentPage(): string | undefined
}

const ABORT = { name: 'abort' } as const

type Callbacks = { success?: unknown; fail?: unknown; complete?: unknown }

function shapeOutcome(
  outcome: EngineOutcome | { ok: false; errMsg: string; errno?: number },
  prepared: PreparedRequest,
): RequestSuccessResult | ApiFailure {
  if (!outcome.ok) {
    const failure: ApiFailure = { errMsg: outcome.errMsg }
    if (outcome.errno !== undefined) failure.errno = outcome.errno
    return failure
  }
  const head: ResponseHead = outcome
  return requestSuccessResult(head, outcome.body, prepared.responseType, prepared.dataType)
}

export interface RequestApi {
  /** `wx.request`. */
  request(options: unknown): RequestTask
}

export function createRequestApi(host: RequestApiHost): RequestApi {
  const { port, pending, sink, defer } = host

  function request(options: unknown): RequestTask {
    const callbacks = (typeof options === 'object' && options !== null ? options : {}) as Callbacks
    const end = pending.begin()
    const headerListeners = new ListenerList()
    const chunkListeners = new ListenerList()
    let finished = false
    let engineTask: OpenTask | undefined

    const finish = (result: RequestSuccessResult | ApiFailure): void => {
      if (finished) return
      finished = true
      const succeeded = result.errMsg === 'request:ok'
      callGuarded(sink, succeeded ? callbacks.success : callbacks.fail, undefined, [result])
      callGuarded(sink, callbacks.complete, undefined, [result])
      end()
    }

    const task: RequestTask = {
      abort: () => {
        if (!finished) engineTask?.operate(ABORT)
      },
      onHeadersReceived: (listener) => headerListeners.add(listener),
      offHeadersReceived: (listener) => headerListeners.remove(listener),
      onChunkReceived: (listener) => chunkListeners.add(listener),
      offChunkReceived: (listener) => chunkListeners.remove(listener),
    }

    const prepared = prepareRequest(options, host.currentPage())
    for (const warning of prepared.warnings) port.console('warn', [warning], 'baselib')
    if (!prepared.ok) {
      const { failure } = prepared
      defer(() => finish(failure))
      return task
    }

    // Steps the engine reports before `wx.request` returned wait for the next macrotask, in order.
    const steps = earlySteps(defer)
    // A fault of ours in a step ends the request and stops the engine's side of it.
    const step = (fn: () => void): void =>
      steps.step(
        completionStep(
          port,
          'request',
          (failure) => {
            finish(failure)
            engineTask?.operate(ABORT)
          },
          fn,
        ),
      )
    try {
      engineTask = host.tasks.start(prepared.value.request, (event) => {
        if (event.kind === 'headers') {
          step(() => {
            if (!finished && !headerListeners.empty) {
              headerListeners.emit(sink, headersReceivedResult(event.head))
            }
          })
        } else if (event.kind === 'chunk') {
          step(() => {
            if (!finished && !chunkListeners.empty) {
              chunkListeners.emit(sink, { data: toArrayBuffer(event.data) })
            }
          })
        } else if (event.kind === 'done' || event.kind === 'refused') {
          const outcome = event.kind === 'done' ? event.outcome : { ok: false as const, ...event }
          step(() => finish(shapeOutcome(outcome, prepared.value)))
        }
      })
      if (!engineTask) step(() => finish(apiFailure('request', FAIL_WORDS.notSupported)))
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error)
      step(() => finish(apiFailure('request', message)))
    }
    steps.release()
    return task
  }

  return { request }
}
