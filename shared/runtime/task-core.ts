/**
 * The runtime's one way to its main-process tasks (`wx.request`, `wx.uploadFile`,
 * `wx.downloadFile`, `wx.connectSocket`): each is started through `port.startTask`, its events are
 * handed on until the final one, and every task still open is stopped when the runtime goes
 * (`createTaskCore`). `runTaskCall` is the one lifecycle of the calls that end once (request,
 * upload, download): WeChat's callbacks once, never before the call returned, faults of ours
 * ending the call. What crosses to the host is wx-task.ts.
 */
import { FAIL_WORDS } from '../wechat-errors'
import { apiFailure, type ApiFailure } from './api-result'
import type { ApiOptions } from './async-api'
import { earlySteps } from './early-steps'
import { callGuarded, type ErrorSink } from './guarded-call'
import { completionStep } from './internal-fault'
import type { NativePort } from './native-port'
import type { PendingWork } from './pending-work'
import {
  FINAL_TASK_EVENTS,
  type PortTask,
  type TaskEvent,
  type TaskMethod,
  type TaskOperation,
  type TaskRequest,
} from './wx-task'

/** A started task as an API holds it. */
export interface OpenTask {
  /** What the host answered at once: a refusal (the socket is not open), else `undefined`. */
  operate(operation: TaskOperation): string | undefined
}

export interface TaskCore {
  /**
   * Starts `req`; `onEvent` gets its events up to and including the final one (possibly before
   * this returns). `undefined`: the host runs no tasks, the API fails `not supported`.
   */
  start(req: TaskRequest, onEvent: (event: TaskEvent) => void): OpenTask | undefined
  /** Aborts every open task (sockets close as `going away`): the runtime is being disposed. */
  stopAll(): void
}

export function createTaskCore(port: Pick<NativePort, 'startTask'>): TaskCore {
  const open = new Set<PortTask>()
  return {
    start(req, onEvent) {
      if (!port.startTask) return undefined
      let ended = false
      let started: PortTask | undefined = undefined
      started = port.startTask(req, (event) => {
        if (ended) return
        if (FINAL_TASK_EVENTS.has(event.kind)) {
          ended = true
          if (started) open.delete(started)
        }
        onEvent(event)
      })
      const task = started
      if (!ended) open.add(task)
      return {
        operate: (operation) =>
          ended && operation.name === 'abort' ? undefined : task.operate(operation),
      }
    },
    stopAll() {
      for (const task of [...open]) task.operate({ name: 'abort' })
      open.clear()
    },
  }
}

/** What a task API needs of the runtime. */
export interface TaskApiHost {
  port: NativePort
  tasks: TaskCore
  pending: PendingWork
  sink: ErrorSink
  /** Runs a step after the current macrotask, counted as pending. */
  defer(fn: () => void): void
  /** Route of the page on top of the stack, if any. */
  currentPage(): string | undefined
}

/** The base library's checks of a call: `warnings` go to the console whether or not it can go out. */
export type Prepared<T> =
  | { ok: true; value: T; warnings: string[] }
  | { ok: false; failure: ApiFailure; warnings: string[] }

/** What `success` gets. */
export type TaskCallResult = Record<string, unknown> & { errMsg: string }

/** A running call as its task object (RequestTask, UploadTask, DownloadTask) holds it. */
export interface TaskCall {
  /** `success`/`fail` and `complete` ran: listeners get nothing more. */
  readonly finished: boolean
  /** Queued or in flight: the engine ends the call with `<api>:fail abort`. Ended: no effect. */
  abort(): void
}

export interface TaskCallSpec<T> {
  api: Exclude<TaskMethod, 'connectSocket'>
  /** The call's options, for `success`, `fail` and `complete`. */
  options: ApiOptions
  prepared: Prepared<T>
  /** What starts the task from the prepared value. */
  request(value: T): TaskRequest
  /**
   * One event (never `refused`, which fails the call as it is), while the call has not ended;
   * runs in a guarded step, so a throw of ours ends the call. A result ends the call.
   */
  onEvent(event: TaskEvent, value: T): TaskCallResult | ApiFailure | undefined
}

const ABORT = { name: 'abort' } as const

/**
 * Runs one call of `wx.request`, `wx.uploadFile` or `wx.downloadFile` to its one end: a call its
 * checks refuse fails after the current macrotask; else its task starts and its events go to
 * `spec.onEvent`. Callbacks never run before the API returned (events reported meanwhile wait for
 * the next macrotask, in order); `success` or `fail`, then `complete`, run exactly once; a fault of
 * ours ends the call with `<api>:fail internal error: …` and aborts the engine's side, freeing its
 * queue slot.
 */
export function runTaskCall<T>(host: TaskApiHost, spec: TaskCallSpec<T>): TaskCall {
  const { port, sink, defer } = host
  const { api, options, prepared } = spec
  const end = host.pending.begin()
  let finished = false
  let engineTask: OpenTask | undefined

  const finish = (result: TaskCallResult | ApiFailure): void => {
    if (finished) return
    finished = true
    const succeeded = result.errMsg === `${api}:ok`
    callGuarded(sink, succeeded ? options.success : options.fail, undefined, [result])
    callGuarded(sink, options.complete, undefined, [result])
    end()
  }
  const call: TaskCall = {
    get finished() {
      return finished
    },
    abort: () => {
      if (!finished) engineTask?.operate(ABORT)
    },
  }

  for (const warning of prepared.warnings) port.console('warn', [warning], 'baselib')
  if (!prepared.ok) {
    const { failure } = prepared
    defer(() => finish(failure))
    return call
  }
  const { value } = prepared
  const steps = earlySteps(defer)
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
    engineTask = host.tasks.start(spec.request(value), (event) =>
      step(() => {
        if (finished) return
        const result = event.kind === 'refused' ? failureOf(event) : spec.onEvent(event, value)
        if (result) finish(result)
      }),
    )
    if (!engineTask) step(() => finish(apiFailure(api, FAIL_WORDS.notSupported)))
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error)
    step(() => finish(apiFailure(api, message)))
  }
  steps.release()
  return call
}

/** A failed outcome as the call's result: its errMsg, and its errno when it has one. */
export function failureOf(outcome: { errMsg: string; errno?: number }): ApiFailure {
  return { errMsg: outcome.errMsg, ...(outcome.errno !== undefined && { errno: outcome.errno }) }
}
