/**
 * The runtime's task APIs (`wx.request`, `uploadFile`, `downloadFile`, `connectSocket`) outside a
 * runtime, for their tests: a host on the given port with its own pending work, timers (cleared
 * after each test) and task core.
 */
import { afterEach } from 'vitest'
import { createLaterInvoker } from '../../shared/runtime/async-api'
import {
  createSocketApi,
  type SocketApiHost,
  type SocketTask,
} from '../../shared/runtime/connect-socket'
import type { ErrorSink } from '../../shared/runtime/guarded-call'
import type { NativePort } from '../../shared/runtime/native-port'
import { PendingWork } from '../../shared/runtime/pending-work'
import { createTaskCore } from '../../shared/runtime/task-core'
import { createTimers, type TimerControl } from '../../shared/runtime/timers'

const controls: TimerControl[] = []
afterEach(() => {
  for (const control of controls.splice(0)) control.clearAll()
})

export interface TestTaskHost {
  host: SocketApiHost
  pending: PendingWork
  /** What reached the sink (mini-program exceptions), when no `sink` was given. */
  errors: unknown[]
}

export function testTaskHost(
  port: NativePort,
  options: { sink?: ErrorSink; currentPage?: () => string | undefined } = {},
): TestTaskHost {
  const pending = new PendingWork()
  const errors: unknown[] = []
  const sink = options.sink ?? ((error: unknown) => errors.push(error))
  const control = createTimers(pending, sink)
  controls.push(control)
  const host: SocketApiHost = {
    port,
    tasks: createTaskCore(port),
    pending,
    sink,
    defer: control.defer,
    invokeLater: createLaterInvoker(sink, pending),
    currentPage: options.currentPage ?? (() => 'pages/index/index'),
  }
  return { host, pending, errors }
}

/** Rethrows what reaches the sink: a test where no mini-program code may throw. */
export const throwingSink: ErrorSink = (error) => {
  throw error
}

/** `wx.connectSocket` and the legacy socket APIs on `port`, mini-program exceptions rethrown. */
export function testSockets(port: NativePort) {
  const { host, pending } = testTaskHost(port, { sink: throwingSink })
  const { wx } = createSocketApi(host)
  const connect = (options: Record<string, unknown>) =>
    (wx.connectSocket as (options: unknown) => SocketTask)(options)
  return { wx, pending, connect }
}
