/**
 * The one registry of main-process tasks (`wx.request`, `wx.uploadFile`, `wx.downloadFile`,
 * `wx.connectSocket`): a start is checked (it comes from an untrusted mini-program), run on the
 * project's request engine and file space, and its engine callbacks become TaskEvents for the
 * caller; operations (abort, a socket's send and close) find the task by its id. The workbench
 * serves it as the contract's `wx.call`/`wx.operateTask`, `mpdt run` calls it in-process.
 */
import type { EngineSocket, EngineTask } from '../../../shared/network'
import { fail, ok, type Result } from '../../../shared/result'
import { FAIL_WORDS, failMsg } from '../../../shared/wechat-errors'
import {
  FINAL_TASK_EVENTS,
  type TaskEvent,
  type TaskOperation,
  type TaskRequest,
} from '../../../shared/runtime/wx-task'
import { downloadTarget, uploadSource } from '../files/transfer-files'
import type { WxFileSpace } from '../files/wx-file-space'
import type { RequestEngine } from '../network'
import { checkTaskRequest, isTaskId } from './task-request-checks'

/** What a task runs on: the open project's engine and, for uploads and downloads, its files. */
export interface TaskRunner {
  engine: Pick<RequestEngine, 'request'> &
    Partial<Pick<RequestEngine, 'uploadFile' | 'downloadFile' | 'connectSocket'>>
  files?: WxFileSpace
}

export type TaskListener = (event: TaskEvent) => void

export interface TaskRegistry {
  /**
   * Checks `req` and starts it under `taskId` on `runner` (none: no project is open); `listener`
   * gets its events, possibly before this returns. A failure here means nothing started and no
   * event follows.
   */
  start(
    taskId: unknown,
    req: unknown,
    runner: TaskRunner | undefined,
    listener: TaskListener,
  ): Result<TaskRequest>
  /** An operation on a running task: the engine's refusal, or `null`. Unknown ids are ignored. */
  operate(taskId: string, operation: TaskOperation): string | null
  /** Aborts every transfer and closes every socket (`going away`). */
  closeAll(): void
}

type Running = { kind: 'transfer'; task: EngineTask } | { kind: 'socket'; socket: EngineSocket }

export function createTaskRegistry(): TaskRegistry {
  const running = new Map<string, Running>()

  /** Runs the checked request on the engine; its callbacks become `send`'s events. */
  function run(req: TaskRequest, runner: TaskRunner, send: TaskListener): Running | undefined {
    const { engine, files } = runner
    const refuse = (errMsg: string, errno?: number): undefined => {
      send({ kind: 'refused', errMsg, ...(errno !== undefined && { errno }) })
      return undefined
    }
    switch (req.api) {
      case 'request': {
        const task = engine.request(req, {
          onHeaders: (head) => send({ kind: 'headers', head }),
          onChunk: (data) => send({ kind: 'chunk', data }),
          onDone: (outcome) => send({ kind: 'done', outcome }),
        })
        return { kind: 'transfer', task }
      }
      case 'uploadFile': {
        if (!files || !engine.uploadFile) return refuse(failMsg(req.api, FAIL_WORDS.notSupported))
        const source = uploadSource(files, req.filePath)
        if (!source.ok) return refuse(source.errMsg)
        const task = engine.uploadFile(req, source, {
          onHeaders: (head) => send({ kind: 'headers', head }),
          onProgress: (progress) => send({ kind: 'progress', progress }),
          onDone: (outcome) => send({ kind: 'done', outcome }),
        })
        return { kind: 'transfer', task }
      }
      case 'downloadFile': {
        if (!files || !engine.downloadFile) return refuse(failMsg(req.api, FAIL_WORDS.notSupported))
        const task = engine.downloadFile(req, downloadTarget(files, req.filePath), {
          onHeaders: (head) => send({ kind: 'headers', head }),
          onProgress: (progress) => send({ kind: 'progress', progress }),
          onDone: (outcome) => send({ kind: 'downloaded', outcome }),
        })
        return { kind: 'transfer', task }
      }
      case 'connectSocket': {
        if (!engine.connectSocket) return refuse(failMsg(req.api, FAIL_WORDS.notSupported))
        const started = engine.connectSocket(req, {
          onOpen: ({ header }) => send({ kind: 'socket-open', header }),
          onMessage: (data) => send({ kind: 'socket-message', data }),
          onError: (errMsg) => send({ kind: 'socket-error', errMsg }),
          onClose: (code, reason) => send({ kind: 'socket-close', code, reason }),
        })
        if (!started.ok) return refuse(started.errMsg, started.errno)
        send({ kind: 'socket-accepted' })
        return { kind: 'socket', socket: started.socket }
      }
    }
  }

  return {
    start(taskId, req, runner, listener) {
      if (!isTaskId(taskId)) {
        return fail({ code: 'INVALID_PARAMS', message: 'taskId must be a short id' })
      }
      const checked = checkTaskRequest(req)
      if (!checked.ok) return checked
      if (running.has(taskId)) {
        return fail({ code: 'INVALID_PARAMS', message: `taskId ${taskId} is in use` })
      }
      if (!runner) return fail({ code: 'NO_PROJECT', message: 'No project is open' })
      // The engine may end a task before it returns (a refused domain, a missing file).
      let ended = false
      const started = run(checked.value, runner, (event) => {
        if (FINAL_TASK_EVENTS.has(event.kind)) {
          ended = true
          running.delete(taskId)
        }
        listener(event)
      })
      if (started && !ended) running.set(taskId, started)
      return ok(checked.value)
    },
    operate(taskId, operation) {
      const task = running.get(taskId)
      if (task?.kind === 'transfer') {
        if (operation.name === 'abort') task.task.abort()
        return null
      }
      if (!task) return operation.name === 'abort' ? null : FAIL_WORDS.socketNotOpen
      const { socket } = task
      switch (operation.name) {
        case 'abort':
          return socket.close(1001, 'going away') ?? null
        case 'send':
          return socket.send(operation.data) ?? null
        case 'close':
          return socket.close(operation.code, operation.reason) ?? null
      }
    },
    closeAll() {
      for (const [taskId, task] of [...running]) {
        if (task.kind === 'transfer') task.task.abort()
        else task.socket.close(1001, 'going away')
        running.delete(taskId)
      }
    },
  }
}
