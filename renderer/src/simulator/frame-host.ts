/**
 * The workbench's side of the simulator protocol (shared/simulator-protocol.ts): the parent of
 * the sandboxed frame. A message is accepted ONLY when it comes from this frame's window AND is a
 * wx-bridge message; everything else is dropped. The frame never reaches the contract: a request
 * it asks for is re-built here from checked fields and tagged with the current page, and the
 * main process checks it again.
 */
import type { ContractClient, Unsubscribe } from '../../../shared/rpc'
import {
  isFrameMessage,
  type EvalResult,
  type FileOperation,
  type FrameMessage,
  type HostMessage,
  type SimulatorBundle,
} from '../../../shared/simulator-protocol'
import type {
  NetworkType,
  SimulatedLocation,
  SystemInfo,
} from '../../../shared/runtime/native-port'
import { authSettingOf, type AuthSetting } from '../../../shared/runtime/authorization'
import { FRAME_CALLABLE, MAIN_TASKS } from '../../../shared/runtime/wx-api-table'
import { FINAL_TASK_EVENTS } from '../../../shared/runtime/wx-task'
import type { ServiceError } from '../../../shared/result'
import type { Theme } from '../../../shared/theme'
import type { WebViewDecision } from '../../../shared/web-view'
import { loadStorage, saveStorageChange, type KeyValueStore } from './frame-storage'

export interface PageEntry {
  route: string
  query: Record<string, string>
}

/** Where a fresh frame starts, first match wins. */
export interface FrameLaunch {
  /** The page open before a reload, with its query; used while the new bundle still has it. */
  page?: PageEntry
  /**
   * The selected compile mode's page and query (`route?query`), opened even when app.json lacks
   * it, as WeChat does: the mini-program's onPageNotFound then runs.
   */
  modeEntry?: string
  /** The launch scene (the compile mode's 进入场景). @default 1001 */
  scene?: number
}

export interface FrameConsoleEntry {
  source: 'miniprogram' | 'baselib'
  level: string
  args: unknown[]
  stack?: string
}

export interface FrameHostOptions {
  client: ContractClient
  /** The window the frame's messages arrive at (the workbench's). */
  window: Window
  storage: KeyValueStore
  deviceWidth: number
  systemInfo: SystemInfo
  networkType: NetworkType
  /** The system theme the frame boots with. @default 'light' */
  theme?: Theme
  /** The toolbar's 位置 the frame boots with. @default WeChat DevTools' own */
  location?: SimulatedLocation
  /** The booted project's kept authorization answers, read at boot. @default none */
  authSetting?(appid: string): AuthSetting
  /** The user answered an authorization dialog in the frame: the booted project's answers. */
  onAuthorization?(appid: string, setting: AuthSetting): void
  /** Where the mini-program starts. @default app.json's first page, scene 1001 */
  launch?: FrameLaunch
  onConsole(entry: FrameConsoleEntry): void
  onPages(stack: PageEntry[]): void
  /** The bundle could not be made (no project, unreadable folder…). */
  onFailure(error: ServiceError): void
  onBooted?(bundle: SimulatorBundle): void
  onPainted?(route: string, time: number): void
  /**
   * The frame already said `wx-bridge:ready` before it was hosted (a spare frame loaded ahead of
   * the compile, `watchFrameReady`): the host boots it at once. @default false
   */
  ready?: boolean
}

export interface FrameHost {
  /** Runs a Console command in the mini-program's logic context (answers within 10 s). */
  evaluate(code: string): Promise<EvalResult>
  /** Tells the running mini-program the simulated network type (`wx.getNetworkType`). */
  setNetworkType(networkType: NetworkType): void
  /** Tells the running mini-program the system theme (the 浅色/深色 switch). */
  setTheme(theme: Theme): void
  /** Moves the simulated phone (the toolbar's 位置). */
  setLocation(location: SimulatedLocation): void
  /** Replaces the running project's authorization answers (详情). */
  setAuthorization(setting: AuthSetting): void
  /** Aborts the frame's open requests and stops listening; the iframe itself is the caller's. */
  dispose(): void
}

/** How long a Console command may run before the workbench stops waiting. */
const EVAL_TIMEOUT_MS = 10_000

let hostSequence = 0

/**
 * A page entry as the url it was opened with (`route?a=1&b=2`). The runtime keeps query values
 * exactly as written (as WeChat does), so they are joined back as they are, never re-encoded.
 */
export function entryPath(entry: PageEntry): string {
  const query = Object.entries(entry.query)
    .map(([key, value]) => `${key}=${value}`)
    .join('&')
  return query ? `${entry.route}?${query}` : entry.route
}

function isPageStack(value: unknown): value is PageEntry[] {
  return (
    Array.isArray(value) &&
    value.length <= 64 &&
    value.every(
      (page) =>
        typeof page === 'object' &&
        page !== null &&
        typeof (page as PageEntry).route === 'string' &&
        typeof (page as PageEntry).query === 'object' &&
        (page as PageEntry).query !== null,
    )
  )
}

/** Starts hosting the frame shown by `iframe`; call before the iframe loads its document. */
export function hostFrame(iframe: HTMLIFrameElement, options: FrameHostOptions): FrameHost {
  const { client } = options
  const prefix = `f${++hostSequence}-${Date.now().toString(36)}-`
  /** Contract task id → the frame's own task id (the call that started it). */
  const tasks = new Map<string, string>()
  let stack: PageEntry[] = []
  let appid: string | undefined
  let booting = false
  let disposed = false

  /** Console commands waiting for the frame's answer, by evalId. */
  const evaluations = new Map<string, (result: EvalResult) => void>()
  let evalSequence = 0
  const settleEval = (
    evalId: string,
    resolve: (result: EvalResult) => void,
    result: EvalResult,
  ): void => {
    evaluations.delete(evalId)
    resolve(result)
  }

  const post = (message: HostMessage): void => {
    iframe.contentWindow?.postMessage(message, '*')
  }

  const stopTasks: Unsubscribe = client.on('wx.task', ({ taskId, event }) => {
    const frameTaskId = tasks.get(taskId)
    if (frameTaskId === undefined) return
    if (FINAL_TASK_EVENTS.has(event.kind)) tasks.delete(taskId)
    post({ type: 'wx-host:task', taskId: frameTaskId, event })
  })

  // `mpdt auto --web`: the automation client's commands reach the running mini-program only.
  let booted = false
  const stopAutomation: Unsubscribe = client.on('automation.command', (command) => {
    if (booted) post({ type: 'wx-host:automation', command })
  })

  async function boot(): Promise<void> {
    if (booting) return
    booting = true
    const result = await client.call('simulator.bundle', { deviceWidth: options.deviceWidth })
    if (disposed) return
    if (!result.ok) {
      options.onFailure(result.error)
      return
    }
    const bundle = result.value
    appid = bundle.appid
    const { page, modeEntry, scene } = options.launch ?? {}
    const entry = page && bundle.compiled.pages.includes(page.route) ? entryPath(page) : modeEntry
    post({
      type: 'wx-host:boot',
      bundle,
      systemInfo: options.systemInfo,
      storage: loadStorage(options.storage, bundle.appid),
      networkType: options.networkType,
      ...(options.theme ? { theme: options.theme } : {}),
      ...(options.location ? { location: { ...options.location } } : {}),
      ...(options.authSetting ? { authSetting: options.authSetting(bundle.appid) } : {}),
      ...(entry ? { entry } : {}),
      ...(scene !== undefined ? { scene } : {}),
    })
    booted = true
    options.onBooted?.(bundle)
  }

  async function operateFile(callId: string, operation: FileOperation): Promise<void> {
    const result = await client.call('files.operate', { operation })
    if (disposed) return
    post({
      type: 'wx-host:file',
      callId,
      result: result.ok ? result.value : { ok: false, message: result.error.message },
    })
  }

  /** One main-process wx API; WeChat's failure when the service cannot answer. */
  async function callMain(
    callId: string,
    method: string,
    params: Record<string, unknown>,
  ): Promise<void> {
    const result = await client.call('wx.call', { method, params })
    if (disposed) return
    post({
      type: 'wx-host:call',
      callId,
      result: result.ok
        ? result.value
        : { ok: false, errMsg: `${method}:fail ${result.error.message}` },
    })
  }

  /** The 业务域名 rule for a web-view's src; refused, saying why, when nobody can answer. */
  async function judgeWebView(callId: string, src: string): Promise<void> {
    const result = await client.call('network.judgeWebView', { src })
    if (disposed) return
    const decision: WebViewDecision = result.ok
      ? result.value
      : { allowed: false, rule: 'unchecked', origin: result.error.message }
    post({ type: 'wx-host:web-view', callId, decision })
  }

  /**
   * A task: the call's id is the frame's task id, tagged here with the current page; its events
   * come as `wx.task`, a start the service refused as the task's `refused` event.
   */
  async function startTask(
    callId: string,
    method: string,
    params: Record<string, unknown>,
  ): Promise<void> {
    const taskId = prefix + callId
    if (tasks.has(taskId)) return
    tasks.set(taskId, callId)
    const page = stack[stack.length - 1]?.route
    const result = await client.call('wx.call', {
      method,
      taskId,
      params: { ...params, ...(page ? { page } : {}) },
    })
    if (result.ok || !tasks.delete(taskId)) return
    const errMsg = `${method}:fail ${result.error.message}`
    post({ type: 'wx-host:task', taskId: callId, event: { kind: 'refused', errMsg } })
  }

  function handle(message: FrameMessage): void {
    switch (message.type) {
      case 'wx-bridge:ready':
        void boot()
        break
      case 'wx-bridge:file':
        if (typeof message.callId === 'string' && message.callId.length <= 64) {
          void operateFile(message.callId, message.operation)
        }
        break
      case 'wx-bridge:call':
        // Only the table's frame-callable methods, with plain-object params.
        if (
          typeof message.callId === 'string' &&
          message.callId.length <= 64 &&
          FRAME_CALLABLE.has(message.method) &&
          typeof message.params === 'object' &&
          message.params !== null &&
          !Array.isArray(message.params)
        ) {
          const start = MAIN_TASKS.has(message.method) ? startTask : callMain
          void start(message.callId, message.method, message.params)
        }
        break
      case 'wx-bridge:web-view':
        if (
          typeof message.callId === 'string' &&
          message.callId.length <= 64 &&
          typeof message.src === 'string'
        ) {
          void judgeWebView(message.callId, message.src)
        }
        break
      case 'wx-bridge:task':
        if (
          typeof message.taskId === 'string' &&
          tasks.has(prefix + message.taskId) &&
          typeof message.operation === 'object' &&
          message.operation !== null
        ) {
          const operation = message.operation
          void client.call('wx.operateTask', { taskId: prefix + message.taskId, operation })
        }
        break
      case 'wx-bridge:console':
        options.onConsole({
          source: message.source === 'baselib' ? 'baselib' : 'miniprogram',
          level: typeof message.level === 'string' ? message.level : 'log',
          args: Array.isArray(message.args) ? message.args : [],
        })
        break
      case 'wx-bridge:error': {
        const error = (message.error ?? {}) as { message?: unknown; stack?: unknown }
        options.onConsole({
          source: 'miniprogram',
          level: 'error',
          args: [String(error.message ?? 'Error')],
          ...(typeof error.stack === 'string' ? { stack: error.stack } : {}),
        })
        break
      }
      case 'wx-bridge:storage':
        // Only the booted project's own storage, whatever appid the frame names.
        if (appid !== undefined) saveStorageChange(options.storage, appid, message.change)
        break
      case 'wx-bridge:authorization':
        // Only the booted project's, as for storage.
        if (appid !== undefined)
          options.onAuthorization?.(appid, authSettingOf(message.authSetting))
        break
      case 'wx-bridge:pages':
        if (isPageStack(message.stack)) {
          stack = message.stack
          options.onPages(stack)
        }
        break
      case 'wx-bridge:painted':
        if (typeof message.route === 'string' && typeof message.time === 'number') {
          options.onPainted?.(message.route, message.time)
        }
        break
      case 'wx-bridge:automation':
        // The main process takes an answer only for a command it is waiting for.
        if (typeof message.message === 'object' && message.message !== null) {
          void client.call('automation.answer', { message: message.message })
        }
        break
      case 'wx-bridge:eval-result': {
        const settle = evaluations.get(message.evalId)
        if (settle && typeof message.result === 'object' && message.result !== null) {
          settle(message.result)
        }
        break
      }
    }
  }

  const onMessage = (event: MessageEvent): void => {
    if (disposed || event.source !== iframe.contentWindow || event.source === null) return
    if (!isFrameMessage(event.data)) return
    handle(event.data)
  }
  options.window.addEventListener('message', onMessage)
  if (options.ready) void boot()

  return {
    evaluate(code) {
      const evalId = `e${++evalSequence}`
      return new Promise<EvalResult>((resolve) => {
        const timer = setTimeout(
          () => settleEval(evalId, resolve, evalFailure('No answer from the mini-program')),
          EVAL_TIMEOUT_MS,
        )
        evaluations.set(evalId, (result) => {
          clearTimeout(timer)
          settleEval(evalId, resolve, result)
        })
        post({ type: 'wx-host:eval', evalId, code })
      })
    },
    setNetworkType(networkType) {
      post({ type: 'wx-host:network-type', networkType })
    },
    setTheme(theme) {
      post({ type: 'wx-host:theme', theme })
    },
    setLocation(location) {
      post({ type: 'wx-host:location', location: { ...location } })
    },
    setAuthorization(setting) {
      if (booted) post({ type: 'wx-host:authorization', authSetting: { ...setting } })
    },
    dispose() {
      if (disposed) return
      disposed = true
      for (const settle of evaluations.values()) settle(evalFailure('The simulator was closed'))
      options.window.removeEventListener('message', onMessage)
      stopTasks()
      stopAutomation()
      // A socket's abort closes it as `going away`.
      for (const taskId of tasks.keys()) {
        void client.call('wx.operateTask', { taskId, operation: { name: 'abort' } })
      }
      tasks.clear()
    },
  }
}

export interface FrameReadiness {
  /** The frame has said `wx-bridge:ready`: its HTML and scripts are loaded and waiting. */
  ready(): boolean
  /** Stops listening (call in the same task as `hostFrame`, so no message falls between). */
  dispose(): void
}

/**
 * Notes when a frame nobody hosts yet (a spare one, loading ahead of the next compile) says
 * `wx-bridge:ready`; it is told nothing and nothing else it sends is taken.
 */
export function watchFrameReady(iframe: HTMLIFrameElement, win: Window): FrameReadiness {
  let ready = false
  const onMessage = (event: MessageEvent): void => {
    if (event.source !== iframe.contentWindow || event.source === null) return
    if (isFrameMessage(event.data) && event.data.type === 'wx-bridge:ready') ready = true
  }
  win.addEventListener('message', onMessage)
  return {
    ready: () => ready,
    dispose: () => win.removeEventListener('message', onMessage),
  }
}

function evalFailure(message: string): EvalResult {
  return { ok: false, error: { message, stack: '' } }
}
