/**
 * The runtime's one way to its main-process tasks (`wx.request`, `wx.uploadFile`,
 * `wx.downloadFile`, `wx.connectSocket`): each is started through `port.startTask`, its events are
 * handed on until the final one, and every task still open is stopped when the runtime goes. The
 * APIs keep their own checks and WeChat's callbacks; what crosses to the host is wx-task.ts.
 */
import type { NativePort } from './native-port'
import {
  FINAL_TASK_EVENTS,
  type PortTask,
  type TaskEvent,
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
