/**
 * The simulator's tasks in the workbench: a `wx.call` of a task method (`request`, `uploadFile`,
 * `downloadFile`, `connectSocket`) starts it in the task registry on the open project's engine and
 * files, its events go out as `wx.task` events, and `wx.operateTask` aborts it or sends on and
 * closes its socket.
 */
import type { ContractEventListener } from '../../../shared/contract'
import type { EngineRequest } from '../../../shared/network'
import { ok, type Result } from '../../../shared/result'
import type { ContractService } from '../../../shared/rpc'
import type { MainCallResult } from '../../../shared/runtime/native-port'
import type { WxFileSpace } from '../files/wx-file-space'
import type { RequestEngine } from '../network'
import type { ProjectStore } from '../project/project-store'
import { createTaskRegistry } from '../wx-api/task-registry'

export interface TaskServiceOptions {
  store: ProjectStore
  emit: ContractEventListener
  /** The open project's engine, once configured. */
  engine(): RequestEngine | undefined
  /** Resolves once the last project change reached the engine. */
  settled(): Promise<void>
  /** The open project's file space. */
  files(): Promise<WxFileSpace | undefined>
  /** Told just before a `wx.request` reaches the engine (the Network log keeps it for replay). */
  beforeRequest?(req: EngineRequest): void
}

export interface TaskService {
  methods: Pick<ContractService, 'wx.operateTask'>
  /** `wx.call` of a task method: starts it under `taskId`. */
  start(
    method: string,
    taskId: unknown,
    req: Record<string, unknown>,
  ): Promise<Result<MainCallResult>>
  /** Aborts every task and closes every socket. */
  close(): void
}

export function createTaskService(options: TaskServiceOptions): TaskService {
  const { store, emit } = options
  const registry = createTaskRegistry()

  return {
    methods: {
      // The contract's check (contract-params.ts) ran before.
      'wx.operateTask': async ({ taskId, operation }) => ok(registry.operate(taskId, operation)),
    },
    // The contract's check (contract-params.ts) ran before: `req.api` is `method`.
    async start(method, taskId, req) {
      await options.settled()
      const engine = options.engine()
      const files = await options.files()
      const { beforeRequest } = options
      const runner = engine &&
        files &&
        store.current() && {
          engine: {
            request: (...args: Parameters<RequestEngine['request']>) => {
              beforeRequest?.(args[0])
              return engine.request(...args)
            },
            uploadFile: engine.uploadFile.bind(engine),
            downloadFile: engine.downloadFile.bind(engine),
            connectSocket: engine.connectSocket.bind(engine),
          },
          files,
        }
      const started = registry.start(taskId, req, runner || undefined, (event) =>
        emit('wx.task', { taskId: taskId as string, event }),
      )
      return started.ok ? ok({ ok: true, value: { taskId } }) : started
    },
    close: () => registry.closeAll(),
  }
}
