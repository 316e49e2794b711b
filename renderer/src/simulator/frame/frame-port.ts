/**
 * The runtime's NativePort inside the sandboxed frame: requests, console, storage writes and
 * uncaught errors travel to the workbench as FrameMessages; storage, the device and the network
 * type come from the boot message, so the synchronous wx APIs answer without a round trip.
 */
import type { EngineCallbacks, EngineRequest, EngineTask } from '../../../../shared/network'
import { evaluateScript } from '../../../../shared/runtime'
import type {
  ConsoleLevel,
  ConsoleSource,
  InteractionUi,
  NativePort,
  NetworkType,
  PageScreen,
  ReportedError,
  StorageChange,
  StorageSnapshot,
  SystemInfo,
} from '../../../../shared/runtime'
import type { FrameMessage, TaskEvent } from '../../../../shared/simulator-protocol'
import { cloneSafeArgs } from './clone-safe'

export interface FramePortOptions {
  post(message: FrameMessage): void
  appid: string
  storage: StorageSnapshot
  networkType: NetworkType
  /** The device as the current page sees it (window height depends on its bars). */
  systemInfo(): SystemInfo
  ui?: InteractionUi
  screen?: PageScreen
}

export class FramePort implements NativePort {
  readonly ui: InteractionUi | undefined
  readonly screen: PageScreen | undefined
  private readonly tasks = new Map<string, EngineCallbacks>()
  private nextTask = 1
  private currentNetworkType: NetworkType

  constructor(private readonly options: FramePortOptions) {
    this.ui = options.ui
    this.screen = options.screen
    this.currentNetworkType = options.networkType
  }

  request(req: EngineRequest, callbacks: EngineCallbacks): EngineTask {
    const taskId = `task-${this.nextTask++}`
    this.tasks.set(taskId, callbacks)
    this.options.post({ type: 'wx-bridge:request', taskId, req })
    return {
      id: taskId,
      abort: () => {
        if (this.tasks.has(taskId)) this.options.post({ type: 'wx-bridge:abort', taskId })
      },
    }
  }

  /** One engine callback relayed by the workbench; unknown or finished tasks are ignored. */
  deliverTask(taskId: string, event: TaskEvent): void {
    const callbacks = this.tasks.get(taskId)
    if (!callbacks) return
    if (event.kind === 'headers') callbacks.onHeaders?.(event.head)
    else if (event.kind === 'chunk') callbacks.onChunk?.(event.data)
    else {
      this.tasks.delete(taskId)
      callbacks.onDone(event.outcome)
    }
  }

  console(level: ConsoleLevel, args: unknown[], source: ConsoleSource): void {
    this.options.post({ type: 'wx-bridge:console', level, args: cloneSafeArgs(args), source })
  }

  evaluate(code: string, filename: string): unknown {
    return evaluateScript(code, filename)
  }

  loadStorage(appid: string): StorageSnapshot {
    return appid === this.options.appid ? { ...this.options.storage } : {}
  }

  saveStorage(appid: string, change: StorageChange): void {
    this.options.post({ type: 'wx-bridge:storage', appid, change })
  }

  systemInfo(): SystemInfo {
    return this.options.systemInfo()
  }

  networkType(): NetworkType {
    return this.currentNetworkType
  }

  setNetworkType(networkType: NetworkType): void {
    this.currentNetworkType = networkType
  }

  reportError(error: ReportedError): void {
    this.options.post({
      type: 'wx-bridge:error',
      error: { message: String(error.message), stack: String(error.stack) },
    })
  }
}
