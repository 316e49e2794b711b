/**
 * The runtime's NativePort inside the sandboxed frame: tasks (requests, transfers, sockets) and
 * other main-process calls, console, storage writes and uncaught errors travel to the workbench
 * as FrameMessages; storage, the device and the network
 * type come from the boot message, so the synchronous wx APIs answer without a round trip.
 */
import { evaluateScript } from '../../../../shared/runtime'
import type {
  ConsoleLevel,
  ConsoleSource,
  InteractionUi,
  MainCallResult,
  MissingPage,
  NativePort,
  NetworkType,
  SimulatedLocation,
  PageScreen,
  ReportedError,
  StorageChange,
  StorageSnapshot,
  SystemInfo,
  WorkerThread,
} from '../../../../shared/runtime'
import type {
  ChooseFiles,
  LaterFilePort,
  SaveTempFiles,
} from '../../../../shared/runtime/file-port'
import { FAIL_WORDS } from '../../../../shared/wechat-errors'
import type {
  FileOperation,
  FileOperationResult,
  FrameMessage,
} from '../../../../shared/simulator-protocol'
import {
  FINAL_TASK_EVENTS,
  type PortTask,
  type TaskEvent,
  type TaskOperation,
  type TaskRequest,
} from '../../../../shared/runtime/wx-task'
import {
  authSettingOf,
  type AuthSetting,
  type AuthorizationStore,
} from '../../../../shared/runtime/authorization'
import type { WebViewDecision } from '../../../../shared/web-view'
import { cloneSafeArgs } from './clone-safe'
import { fileChooser, FrameFiles, laterFiles, MIRROR_LIMIT, tempFileSaver } from './frame-files'
import { startWebWorker } from './frame-worker'
import type { WorkerThreadEvent } from '../../../../shared/runtime/worker-scope'

export interface FramePortOptions {
  post(message: FrameMessage): void
  appid: string
  storage: StorageSnapshot
  networkType: NetworkType
  /** The device as the current page sees it (window height depends on its bars). */
  systemInfo(): SystemInfo
  ui?: InteractionUi
  screen?: PageScreen
  /** The frame's document, for the file picker of `wx.chooseImage`/`wx.chooseMedia`. */
  document?: Document
  /** The bundle's code package files (text) and assets (data URLs), readable synchronously. */
  codePackage?: { files: Record<string, string>; assets: Record<string, string> }
  /** Draws WeChat's 页面不存在 page (see `NativePort.pageNotFound`). */
  pageNotFound?(page: MissingPage): void
  /** The simulator's 位置 as the frame boots; unset: the runtime's default. */
  location?: SimulatedLocation
  /** The project's kept authorization answers as the frame boots. */
  authSetting?: AuthSetting
  /** The compiled workers bundle (`CompileResult.workers.code`); absent: `wx.createWorker` fails. */
  workerCode?: string
}

export class FramePort implements NativePort {
  readonly ui: InteractionUi | undefined
  readonly screen: PageScreen | undefined
  readonly files: FrameFiles
  readonly filesLater: LaterFilePort
  readonly chooseFiles: ChooseFiles | undefined
  readonly saveTempFiles: SaveTempFiles
  /** Open tasks (requests, transfers, sockets): what to do with each relayed event. */
  private readonly tasks = new Map<string, (event: TaskEvent) => void>()
  /** File calls waiting for the main process's answer. */
  private readonly fileCalls = new Map<string, (result: FileOperationResult) => void>()
  private nextTask = 1
  private nextFileCall = 1
  /** Main-process wx API calls waiting for their answer. */
  private readonly mainCalls = new Map<string, (result: MainCallResult) => void>()
  private nextMainCall = 1
  private readonly webViewCalls = new Map<string, (decision: WebViewDecision) => void>()
  private nextWebViewCall = 1
  private currentNetworkType: NetworkType
  readonly startWorker: ((onEvent: (event: WorkerThreadEvent) => void) => WorkerThread) | undefined

  constructor(private readonly options: FramePortOptions) {
    const { workerCode } = options
    this.startWorker =
      workerCode === undefined ? undefined : (onEvent) => startWebWorker(workerCode, onEvent)
    this.ui = options.ui
    this.screen = options.screen
    this.currentNetworkType = options.networkType
    this.authSetting = authSettingOf(options.authSetting)
    const call = (operation: FileOperation, done: (result: FileOperationResult) => void) =>
      this.operateFile(operation, done)
    this.files = new FrameFiles(call, options.codePackage)
    this.filesLater = laterFiles(this.files, call)
    this.saveTempFiles = tempFileSaver(this.files, call)
    this.chooseFiles = options.document
      ? fileChooser(options.document, this.saveTempFiles)
      : undefined
  }

  /**
   * One main-process task, started as a `wx-bridge:call` whose id is the task's. A socket's state
   * is followed here, so a send or close it cannot take is refused at once, as the engine would.
   */
  startTask(req: TaskRequest, onEvent: (event: TaskEvent) => void): PortTask {
    const taskId = `task-${this.nextTask++}`
    let socket: 'connecting' | 'open' | 'closing' | undefined =
      req.api === 'connectSocket' ? 'connecting' : undefined
    this.tasks.set(taskId, (event) => {
      if (FINAL_TASK_EVENTS.has(event.kind)) {
        this.tasks.delete(taskId)
        socket = undefined
      } else if (event.kind === 'socket-open' && socket === 'connecting') socket = 'open'
      if (event.kind === 'downloaded' && event.outcome.ok) {
        this.mirrorDownload(event.outcome.filePath, () => onEvent(event))
      } else onEvent(event)
    })
    this.options.post({
      type: 'wx-bridge:call',
      callId: taskId,
      method: req.api,
      params: { ...req },
    })
    const operate = (operation: TaskOperation) =>
      this.options.post({ type: 'wx-bridge:task', taskId, operation })
    return {
      id: taskId,
      operate: (operation) => {
        if (operation.name === 'abort') {
          if (this.tasks.has(taskId)) operate(operation)
          return undefined
        }
        if (
          operation.name === 'send'
            ? socket !== 'open'
            : socket === undefined || socket === 'closing'
        ) {
          return FAIL_WORDS.socketNotOpen
        }
        if (operation.name === 'close') socket = 'closing'
        operate(operation)
        return undefined
      },
    }
  }

  /** A downloaded file's bytes come along, so the Sync file APIs and <image> can use it. */
  private mirrorDownload(filePath: string, done: () => void): void {
    this.operateFile({ name: 'stat', path: filePath }, (stat) => {
      const size = stat.ok ? (stat.value as { size?: number }).size : undefined
      if (size === undefined || size > MIRROR_LIMIT) {
        done()
        return
      }
      this.operateFile({ name: 'readFile', path: filePath }, (read) => {
        if (read.ok && read.value instanceof Uint8Array) this.files.remember(filePath, read.value)
        done()
      })
    })
  }

  /** Sends one file call to the main process; `done` gets its answer. */
  operateFile(operation: FileOperation, done: (result: FileOperationResult) => void): void {
    const callId = `file-${this.nextFileCall++}`
    this.fileCalls.set(callId, done)
    this.options.post({ type: 'wx-bridge:file', callId, operation })
  }

  /** Asks the main process whether a `<web-view>` may open `src`; `done` gets its decision. */
  judgeWebView(src: string, done: (decision: WebViewDecision) => void): void {
    const callId = `web-view-${this.nextWebViewCall++}`
    this.webViewCalls.set(callId, done)
    this.options.post({ type: 'wx-bridge:web-view', callId, src })
  }

  /** The main process's answer to `judgeWebView`; unknown ids are ignored. */
  deliverWebView(callId: string, decision: WebViewDecision): void {
    const done = this.webViewCalls.get(callId)
    if (!done) return
    this.webViewCalls.delete(callId)
    done(decision)
  }

  callMain(
    method: string,
    params: Record<string, unknown>,
    done: (result: MainCallResult) => void,
  ): void {
    const callId = `call-${this.nextMainCall++}`
    this.mainCalls.set(callId, done)
    this.options.post({ type: 'wx-bridge:call', callId, method, params })
  }

  /** The main process's answer to a wx API call; unknown ids are ignored. */
  deliverCall(callId: string, result: MainCallResult): void {
    const done = this.mainCalls.get(callId)
    if (!done) return
    this.mainCalls.delete(callId)
    done(result)
  }

  /** The main process's answer to a file call; unknown ids are ignored. */
  deliverFile(callId: string, result: FileOperationResult): void {
    const done = this.fileCalls.get(callId)
    if (!done) return
    this.fileCalls.delete(callId)
    done(result)
  }

  /** One engine callback relayed by the workbench; unknown or finished tasks are ignored. */
  deliverTask(taskId: string, event: TaskEvent): void {
    this.tasks.get(taskId)?.(event)
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

  private readonly networkListeners = new Set<() => void>()

  onNetworkTypeChange(listener: () => void): () => void {
    this.networkListeners.add(listener)
    return () => this.networkListeners.delete(listener)
  }

  private readonly themeListeners = new Set<() => void>()

  onThemeChange(listener: () => void): () => void {
    this.themeListeners.add(listener)
    return () => this.themeListeners.delete(listener)
  }

  /** The app's theme changed (`systemInfo().theme` already answers it): the runtime is told. */
  themeChanged(): void {
    for (const listener of [...this.themeListeners]) listener()
  }

  private authSetting: AuthSetting
  private readonly authorizationListeners = new Set<() => void>()

  /** The project's answers: kept by the workbench per appid (详情 shows and edits them). */
  readonly authorization: AuthorizationStore = {
    load: () => ({ ...this.authSetting }),
    save: (setting) => {
      this.authSetting = { ...setting }
      this.options.post({ type: 'wx-bridge:authorization', authSetting: { ...setting } })
    },
    onChange: (listener) => {
      this.authorizationListeners.add(listener)
      return () => this.authorizationListeners.delete(listener)
    },
  }

  /** 详情 edited the answers: the runtime forgets its own and takes these. */
  setAuthorization(setting: unknown): void {
    this.authSetting = authSettingOf(setting)
    for (const listener of [...this.authorizationListeners]) listener()
  }

  private place: SimulatedLocation | undefined
  private readonly locationListeners = new Set<() => void>()

  location(): SimulatedLocation | undefined {
    return this.place ?? this.options.location
  }

  onLocationChange(listener: () => void): () => void {
    this.locationListeners.add(listener)
    return () => this.locationListeners.delete(listener)
  }

  /** The toolbar's 位置 moved the phone: `wx.getLocation` answers it, the runtime is told. */
  setLocation(place: SimulatedLocation): void {
    this.place = { ...place }
    for (const listener of [...this.locationListeners]) listener()
  }

  /** The 网络 menu changed: `wx.getNetworkType` answers the new type, the runtime is told. */
  setNetworkType(networkType: NetworkType): void {
    if (networkType === this.currentNetworkType) return
    this.currentNetworkType = networkType
    for (const listener of [...this.networkListeners]) listener()
  }

  pageNotFound(page: MissingPage): void {
    this.options.pageNotFound?.(page)
  }

  reportError(error: ReportedError): void {
    this.options.post({
      type: 'wx-bridge:error',
      error: { message: String(error.message), stack: String(error.stack) },
    })
  }
}
