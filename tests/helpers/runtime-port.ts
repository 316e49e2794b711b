/**
 * A NativePort for tests that records what the runtime sends to its host. Its `request` side is a
 * stepwise engine: each request waits until the test drives it (headers → chunks → done), which
 * is the runtime's unit boundary with the real engine.
 */
import type {
  EngineCallbacks,
  EngineOutcome,
  EngineRequest,
  ResponseHead,
} from '../../shared/network'
import { evaluateScript } from '../../shared/runtime/evaluate-script'
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
