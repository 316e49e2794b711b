/**
 * A NativePort for tests that records what the runtime sends to its host. Its tasks reach the
 * engine's own callback shapes: `request` is a stepwise engine (each request waits until the test
 * drives it: headers → chunks → done), and a subclass adds `uploadFile`, `downloadFile` or
 * `connectSocket` the same way; `startTask` turns their callbacks into the task events the
 * runtime gets from a real host.
 */
import type {
  DownloadCallbacks,
  EngineCallbacks,
  EngineDownloadRequest,
  EngineOutcome,
  EngineRequest,
  EngineSocketRequest,
  EngineTask,
  EngineUploadRequest,
  ResponseHead,
  SocketConnectResult,
  SocketCallbacks,
  UploadCallbacks,
} from '../../shared/network'
import type { PortTask, TaskEvent, TaskRequest } from '../../shared/runtime/wx-task'
import { evaluateScript } from '../../shared/runtime/evaluate-script'
import { FAIL_WORDS, failMsg } from '../../shared/wechat-errors'
import type { Runtime } from '../../shared/runtime/runtime'
import type {
  ConsoleLevel,
  ConsoleSource,
  MissingPage,
  NativePort,
  NetworkType,
  ReportedError,
  SimulatedLocation,
  StorageChange,
  StorageSnapshot,
  StoredItem,
  SystemInfo,
} from '../../shared/runtime/native-port'

/** One request as the engine received it, with the controls of a stepwise engine. */
export class SteppedRequest {
  done = false
  aborted = false

  constructor(
    readonly id: string,
    readonly request: EngineRequest,
    private readonly callbacks: EngineCallbacks,
  ) {}

  headers(head: ResponseHead): void {
    this.callbacks.onHeaders?.(head)
  }

  chunk(text: string | Uint8Array): void {
    this.callbacks.onChunk?.(typeof text === 'string' ? new TextEncoder().encode(text) : text)
  }

  finish(outcome: EngineOutcome): void {
    if (this.done) return
    this.done = true
    this.callbacks.onDone(outcome)
  }

  /** Answers with `statusCode`, headers and a UTF-8 or binary body in one go. */
  respond(
    statusCode: number,
    body: string | Uint8Array = '',
    header: Record<string, string> = {},
    cookies: string[] = [],
  ): void {
    const bytes = typeof body === 'string' ? new TextEncoder().encode(body) : body
    this.headers({ statusCode, header, cookies })
    this.finish({ ok: true, statusCode, header, cookies, body: bytes })
  }
}

/** Storage shared by every port made from it, keyed by appid (a device's disk). */
export type StorageDisk = Map<string, Map<string, StoredItem>>

export const TEST_SYSTEM_INFO: SystemInfo = {
  brand: 'devtools',
  model: 'iPhone 6/7/8',
  pixelRatio: 2,
  screenWidth: 375,
  screenHeight: 667,
  windowWidth: 375,
  windowHeight: 603,
  statusBarHeight: 20,
  language: 'zh_CN',
  version: '8.0.5',
  system: 'iOS 10.0.1',
  platform: 'devtools',
  fontSizeSetting: 16,
  SDKVersion: '3.8.7',
}

export class TestingPort implements NativePort {
  readonly logs: { level: ConsoleLevel; args: unknown[]; source: ConsoleSource }[] = []
  readonly errors: ReportedError[] = []
  readonly requests: SteppedRequest[] = []
  readonly storageChanges: { appid: string; change: StorageChange }[] = []
  /** Each time WeChat's 页面不存在 page was shown, the page that was missing. */
  readonly missingPages: MissingPage[] = []
  currentNetworkType: NetworkType = 'wifi'
  /** Runs when a request arrives, e.g. to answer or fail it synchronously. */
  onRequest: ((request: SteppedRequest) => void) | undefined

  constructor(readonly disk: StorageDisk = new Map()) {}

  uploadFile?(req: EngineUploadRequest, callbacks: UploadCallbacks): EngineTask
  downloadFile?(req: EngineDownloadRequest, callbacks: DownloadCallbacks): EngineTask
  connectSocket?(req: EngineSocketRequest, callbacks: SocketCallbacks): SocketConnectResult
  /** A test gives it to answer the main-process APIs itself. */
  callMain?: NativePort['callMain']

  startTask(req: TaskRequest, onEvent: (event: TaskEvent) => void): PortTask {
    const onHeaders = (head: ResponseHead) => onEvent({ kind: 'headers', head })
    const abortable = (task: EngineTask): PortTask => ({
      id: task.id,
      operate: (operation) => {
        if (operation.name === 'abort') task.abort()
        return undefined
      },
    })
    const refused = (errMsg: string, errno?: number): PortTask => {
      onEvent({ kind: 'refused', errMsg, ...(errno !== undefined && { errno }) })
      return { id: '', operate: () => FAIL_WORDS.socketNotOpen }
    }
    switch (req.api) {
      case 'request':
        return abortable(
          this.request(req, {
            onHeaders,
            onChunk: (data) => onEvent({ kind: 'chunk', data }),
            onDone: (outcome) => onEvent({ kind: 'done', outcome }),
          }),
        )
      case 'uploadFile':
        if (!this.uploadFile) return refused(failMsg('uploadFile', FAIL_WORDS.notSupported))
        return abortable(
          this.uploadFile(req, {
            onHeaders,
            onProgress: (progress) => onEvent({ kind: 'progress', progress }),
            onDone: (outcome) => onEvent({ kind: 'done', outcome }),
          }),
        )
      case 'downloadFile':
        if (!this.downloadFile) return refused(failMsg('downloadFile', FAIL_WORDS.notSupported))
        return abortable(
          this.downloadFile(req, {
            onHeaders,
            onProgress: (progress) => onEvent({ kind: 'progress', progress }),
            onDone: (outcome) => onEvent({ kind: 'downloaded', outcome }),
          }),
        )
      case 'connectSocket': {
        if (!this.connectSocket) return refused(failMsg('connectSocket', FAIL_WORDS.notSupported))
        const started = this.connectSocket(req, {
          onOpen: ({ header }) => onEvent({ kind: 'socket-open', header }),
          onMessage: (data) => onEvent({ kind: 'socket-message', data }),
          onError: (errMsg) => onEvent({ kind: 'socket-error', errMsg }),
          onClose: (code, reason) => onEvent({ kind: 'socket-close', code, reason }),
        })
        if (!started.ok) return refused(started.errMsg, started.errno)
        onEvent({ kind: 'socket-accepted' })
        const { socket } = started
        return {
          id: socket.id,
          operate: (operation) =>
            operation.name === 'send'
              ? socket.send(operation.data)
              : operation.name === 'close'
                ? socket.close(operation.code, operation.reason)
                : socket.close(1001, 'going away'),
        }
      }
    }
  }

  request(req: EngineRequest, callbacks: EngineCallbacks) {
    const stepped = new SteppedRequest(String(this.requests.length + 1), req, callbacks)
    this.requests.push(stepped)
    this.onRequest?.(stepped)
    return {
      id: stepped.id,
      abort: () => {
        if (stepped.done) return
        stepped.aborted = true
        stepped.finish({ ok: false, errMsg: 'request:fail abort' })
      },
    }
  }

  console(level: ConsoleLevel, args: unknown[], source: ConsoleSource): void {
    this.logs.push({ level, args, source })
  }

  evaluate(code: string, filename: string): unknown {
    return evaluateScript(code, filename)
  }

  loadStorage(appid: string): StorageSnapshot {
    return Object.fromEntries(this.disk.get(appid) ?? [])
  }

  saveStorage(appid: string, change: StorageChange): void {
    this.storageChanges.push({ appid, change })
    const items = this.disk.get(appid) ?? new Map<string, StoredItem>()
    this.disk.set(appid, items)
    if (change.kind === 'set') items.set(change.key, change.item)
    else if (change.kind === 'remove') items.delete(change.key)
    else items.clear()
  }

  /** The app's theme `systemInfo()` reports (what a host with `darkmode: true` does). */
  theme: 'light' | 'dark' | undefined

  systemInfo(): SystemInfo {
    return this.theme ? { ...TEST_SYSTEM_INFO, theme: this.theme } : TEST_SYSTEM_INFO
  }

  networkType(): NetworkType {
    return this.currentNetworkType
  }

  reportError(error: ReportedError): void {
    this.errors.push(error)
  }

  private readonly networkListeners = new Set<() => void>()

  /** Changes what `networkType()` answers and tells the runtime, as the simulator's 网络 menu does. */
  changeNetworkType(type: NetworkType): void {
    this.currentNetworkType = type
    for (const listener of [...this.networkListeners]) listener()
  }

  onNetworkTypeChange(listener: () => void): () => void {
    this.networkListeners.add(listener)
    return () => this.networkListeners.delete(listener)
  }

  private readonly themeListeners = new Set<() => void>()

  /** Changes the app's theme and tells the runtime, as the simulator's 浅色/深色 switch does. */
  changeTheme(theme: 'light' | 'dark'): void {
    this.theme = theme
    for (const listener of [...this.themeListeners]) listener()
  }

  /** The simulated location; unset: the runtime's default. */
  place: SimulatedLocation | undefined
  private readonly locationListeners = new Set<() => void>()

  location(): SimulatedLocation | undefined {
    return this.place
  }

  /** Moves the phone and tells the runtime, as the simulator's 位置 does. */
  moveTo(place: SimulatedLocation): void {
    this.place = place
    for (const listener of [...this.locationListeners]) listener()
  }

  onLocationChange(listener: () => void): () => void {
    this.locationListeners.add(listener)
    return () => this.locationListeners.delete(listener)
  }

  onThemeChange(listener: () => void): () => void {
    this.themeListeners.add(listener)
    return () => this.themeListeners.delete(listener)
  }

  pageNotFound(page: MissingPage): void {
    this.missingPages.push(page)
  }

  /** Console lines of one source as `level: args…`, for compact assertions. */
  lines(source: ConsoleSource = 'miniprogram'): string[] {
    return this.logs
      .filter((log) => log.source === source)
      .map(
        (log) =>
          `${log.level}: ${log.args.map((arg) => (typeof arg === 'string' ? arg : JSON.stringify(arg))).join(' ')}`,
      )
  }
}

/** Resolves when the runtime reports idle; rejects after `ms` so a broken test cannot hang. */
export function idle(runtime: Pick<Runtime, 'onIdle'>, ms = 3000): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('runtime never became idle')), ms)
    const off = runtime.onIdle(() => {
      clearTimeout(timer)
      off()
      resolve()
    })
  })
}
