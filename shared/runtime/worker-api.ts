/**
 * `wx.createWorker`: one worker thread at a time, running the script the compiler bundled from
 * app.json's `workers` folder (worker-scope.ts) on the host's thread (`port.startWorker`). Its
 * messages, console output and errors come back here; while a message posted to it is not yet
 * handled (or the thread still has a timer), the runtime is not idle, so `mpdt run` waits for it.
 */
import { typeName } from './api-result'
import { callGuarded, type ErrorSink } from './guarded-call'
import { USER_DATA_PATH } from './file-port'
import type { NativePort, WorkerThread } from './native-port'
import type { PendingWork } from './pending-work'
import { StackMapper } from './source-mapped-stack'
import { notSupportedMessage } from './wx-api-table'
import {
  inWorkersFolder,
  WORKER_MODULE_OPENING,
  workersConfig,
  type WorkerThreadEvent,
} from './worker-scope'

export interface WorkerApiHost {
  port: NativePort
  /** app.json `workers`. */
  workers: unknown
  /** The compiled scripts by path (the worker folder's among them), for the checks and stacks. */
  files: Record<string, string>
  pending: PendingWork
  sink: ErrorSink
}

const fail = (message: string) => new Error(`createWorker:fail ${message}`)

export class WorkerThreads {
  private current: { thread: WorkerThread; end(): void } | undefined
  private readonly stacks: StackMapper

  constructor(private readonly host: WorkerApiHost) {
    this.stacks = new StackMapper((path) => host.files[path])
  }

  readonly createWorker = (scriptPath: unknown): Record<string, unknown> => {
    const { port, files } = this.host
    if (typeof scriptPath !== 'string')
      throw fail(
        `parameter error: parameter.scriptPath should be String instead of ${typeName(scriptPath)};`,
      )
    const config = workersConfig(this.host.workers)
    if (!config) throw fail('app.json has no "workers" (the folder of the worker\'s scripts)')
    const entry = scriptPath.replace(/^\/+/, '')
    if (!inWorkersFolder(config, entry) || files[entry] === undefined)
      throw fail(`"${scriptPath}" is not a script in app.json's workers folder "${config.root}"`)
    if (this.current)
      throw fail('only one Worker may run; call Worker.terminate() before creating the next one')
    if (!port.startWorker) throw new Error(notSupportedMessage('createWorker'))
    return this.start(port.startWorker.bind(port), entry)
  }

  /**
   * A stack from the thread at the worker folder's sources: mapped where compiled, and without the
   * frames of the thread's own machinery (the bundle's loader, the host's wrapper).
   */
  private stackOf(stack: string): string {
    const root = `${workersConfig(this.host.workers)?.root ?? ''}/`
    return this.stacks
      .map(stack, WORKER_MODULE_OPENING.length)
      .split('\n')
      .filter((line) => !/^\s+at /.test(line) || line.includes(root))
      .join('\n')
  }

  /** Ends the running thread, if any (the runtime is disposed). */
  dispose(): void {
    this.current?.end()
  }

  private start(startWorker: Required<NativePort>['startWorker'], entry: string) {
    const { port, pending, sink } = this.host
    let onMessage: unknown
    let onError: unknown
    let onProcessKilled: unknown
    let alive = true
    let posted = 0
    // Busy from the start until the thread says it handled every message posted to it.
    let busy: (() => void) | undefined = pending.begin()
    const end = () => {
      if (!alive) return
      alive = false
      thread.terminate()
      busy?.()
      busy = undefined
      if (this.current?.thread === thread) this.current = undefined
    }
    const receive = (event: WorkerThreadEvent) => {
      if (!alive) return
      switch (event.kind) {
        case 'message':
          callGuarded(sink, onMessage, undefined, [event.data])
          break
        case 'console':
          port.console(event.level, event.args, 'miniprogram')
          break
        case 'error': {
          const error = { message: event.error.message, stack: this.stackOf(event.error.stack) }
          port.reportError(error)
          callGuarded(sink, onError, undefined, [{ error }])
          break
        }
        case 'idle':
          if (event.received >= posted) {
            busy?.()
            busy = undefined
          }
          break
        case 'killed':
          end()
          callGuarded(sink, onProcessKilled, undefined, [])
          break
      }
    }
    const thread = startWorker(receive)
    this.current = { thread, end }
    thread.send({ kind: 'start', entry })
    return {
      env: { USER_DATA_PATH },
      /** Copied to the thread (structured clone); after terminate() nothing is sent. */
      postMessage: (message: unknown) => {
        if (!alive) return
        thread.send({ kind: 'message', data: message })
        posted += 1
        busy ??= pending.begin()
      },
      // Each replaces the previous listener, as WeChat's Worker keeps one.
      onMessage: (listener: unknown) => {
        onMessage = listener
      },
      onError: (listener: unknown) => {
        onError = listener
      },
      onProcessKilled: (listener: unknown) => {
        onProcessKilled = listener
      },
      terminate: end,
      getCameraFrameData: () => {
        throw new Error('Worker.getCameraFrameData: not supported in MP DevTools')
      },
      testOnProcessKilled: () => {
        port.console(
          'warn',
          [
            'Worker.testOnProcessKilled is called inside the worker thread (worker.testOnProcessKilled())',
          ],
          'baselib',
        )
      },
    }
  }
}
