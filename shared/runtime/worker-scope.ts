/**
 * The worker thread of `wx.createWorker`: app.json `workers` (the folder, or `{ path, isSubpackage }`),
 * the one script the compiler bundles from that folder's files as WeChat does, and what runs
 * inside the thread (the global `worker`, `require` between the folder's files, console and
 * errors sent to the main thread). The simulator runs the bundle in a Web Worker, `mpdt run` in a
 * Node worker thread; both only hand it the thread's message port.
 */

/** app.json `workers` as WeChat reads it: the folder (no leading or trailing `/`). */
export interface WorkersConfig {
  root: string
  /** Packaged as a subpackage (WeChat ≥ 2.27.3); every file is in our bundle either way. */
  isSubpackage: boolean
}

/** app.json `workers`, or `undefined` when it is absent or not a folder name. */
export function workersConfig(value: unknown): WorkersConfig | undefined {
  const spec =
    typeof value === 'string'
      ? { path: value, isSubpackage: false }
      : typeof value === 'object' && value !== null
        ? (value as { path?: unknown; isSubpackage?: unknown })
        : undefined
  if (typeof spec?.path !== 'string') return undefined
  const root = spec.path.replace(/^\/+|\/+$/g, '')
  if (root === '') return undefined
  return { root, isSubpackage: spec.isSubpackage === true }
}

/** Whether `path` (a script path `require` names, e.g. `workers/fib/index.js`) is in the folder. */
export function inWorkersFolder(config: WorkersConfig, path: string): boolean {
  return path.startsWith(`${config.root}/`)
}

/**
 * What a module of the bundle is wrapped in before it runs; its source starts on the same line,
 * so a stack frame's line is the source's and its column is this much further right on line 1.
 * Globals of the host a worker in WeChat does not have are parameters left undefined.
 */
export const WORKER_MODULE_OPENING =
  '(function (require, module, exports, worker, process, self, importScripts, fetch, XMLHttpRequest, WebSocket) {'

/** From the main thread to the worker thread. */
export type WorkerThreadCommand =
  { kind: 'start'; entry: string } | { kind: 'message'; data: unknown }

/** From the worker thread to the main thread. */
export type WorkerThreadEvent =
  | { kind: 'message'; data: unknown }
  /** The thread's code threw; the stack names the worker folder's files. */
  | { kind: 'error'; error: { message: string; stack: string } }
  | { kind: 'console'; level: 'log' | 'info' | 'warn' | 'error' | 'debug'; args: unknown[] }
  /** Nothing left to do after `received` messages (no timer pending). */
  | { kind: 'idle'; received: number }
  /** `worker.testOnProcessKilled()`: the thread asks to be killed as the system would. */
  | { kind: 'killed' }

/**
 * The bundle's code: a function expression of the thread's message port (`self` in a Web Worker,
 * `parentPort` in a Node worker thread). Run it, then send `{ kind: 'start', entry }`.
 */
export function workerBundleCode(modules: Record<string, string>): string {
  return `(function (port) { (${workerThread.toString()})(port, ${JSON.stringify(modules)}, ${JSON.stringify(WORKER_MODULE_OPENING)}) })`
}

interface ThreadPort {
  postMessage(message: unknown): void
  on?(event: 'message', listener: (data: unknown) => void): void
  onmessage?: ((event: { data: unknown }) => void) | null
}

type Timer = unknown

/**
 * Runs inside the thread. It is sent as its source text (`toString`), so it uses nothing from
 * outside itself and no syntax a bundler would rewrite into helpers.
 */
function workerThread(port: ThreadPort, modules: Record<string, string>, opening: string): void {
  const global = globalThis as unknown as Record<string, unknown>
  const post = (event: WorkerThreadEvent) => port.postMessage(event)
  const errorOf = (error: unknown) =>
    error instanceof Error
      ? { message: error.message, stack: error.stack || `${error.name}: ${error.message}` }
      : { message: String(error), stack: String(error) }
  const report = (error: unknown) => post({ kind: 'error', error: errorOf(error) })

  // Timers are counted, so the main thread knows when the thread has nothing left to do.
  const nativeSetTimeout = setTimeout as unknown as (fn: () => void, ms?: number) => Timer
  const nativeSetInterval = setInterval as unknown as (fn: () => void, ms?: number) => Timer
  const nativeClearTimeout = clearTimeout as unknown as (timer: Timer) => void
  const nativeClearInterval = clearInterval as unknown as (timer: Timer) => void
  const live = new Set<Timer>()
  let received = 0
  let idleCheck = false
  let killed = false
  const scheduleIdle = () => {
    if (idleCheck) return
    idleCheck = true
    nativeSetTimeout(() => {
      idleCheck = false
      if (live.size === 0 && !killed) post({ kind: 'idle', received })
    }, 0)
  }
  const guarded = (fn: () => void) => {
    try {
      fn()
    } catch (error) {
      report(error)
    }
    scheduleIdle()
  }
  const callback = (fn: unknown, args: unknown[]) => () => {
    if (typeof fn === 'function') guarded(() => fn(...args))
  }
  global.setTimeout = (fn: unknown, ms?: number, ...args: unknown[]) => {
    const timer = nativeSetTimeout(() => {
      live.delete(timer)
      callback(fn, args)()
    }, ms)
    live.add(timer)
    return timer
  }
  global.setInterval = (fn: unknown, ms?: number, ...args: unknown[]) => {
    const timer = nativeSetInterval(callback(fn, args), ms)
    live.add(timer)
    return timer
  }
  global.clearTimeout = (timer: Timer) => {
    live.delete(timer)
    nativeClearTimeout(timer)
    scheduleIdle()
  }
  global.clearInterval = (timer: Timer) => {
    live.delete(timer)
    nativeClearInterval(timer)
    scheduleIdle()
  }

  // The console prints in the mini-program's console, as the main thread's does.
  const levels = ['log', 'info', 'warn', 'error', 'debug'] as const
  const workerConsole = console as unknown as Record<string, unknown>
  for (const level of levels) {
    workerConsole[level] = (...args: unknown[]) => {
      try {
        post({ kind: 'console', level, args })
      } catch {
        post({ kind: 'console', level, args: args.map((arg) => String(arg)) })
      }
    }
  }

  let listener: unknown
  const worker = {
    env: { USER_DATA_PATH: 'wxfile://usr' },
    onMessage(fn: unknown) {
      listener = fn
    },
    postMessage(message: unknown) {
      post({ kind: 'message', data: message })
    },
    testOnProcessKilled() {
      killed = true
      post({ kind: 'killed' })
    },
    getCameraFrameData() {
      throw new Error('worker.getCameraFrameData: not supported in MP DevTools')
    },
  }
  global.worker = worker

  const cache: Record<string, { exports: unknown }> = {}
  const has = (path: string) => Object.prototype.hasOwnProperty.call(modules, path)
  const resolve = (from: string, request: string) => {
    const parts = request.charAt(0) === '/' ? [] : from.split('/').slice(0, -1)
    for (const part of request.split('/')) {
      if (part === '..') parts.pop()
      else if (part !== '.' && part !== '') parts.push(part)
    }
    const path = parts.join('/')
    for (const candidate of [path, `${path}.js`, `${path}/index.js`]) {
      if (has(candidate)) return candidate
    }
    throw new Error(
      `module "${path.endsWith('.js') ? path : `${path}.js`}" is not defined, require args is "${request}" (a worker requires only files of app.json's workers folder)`,
    )
  }
  const load = (path: string): unknown => {
    const cached = cache[path]
    if (cached) return cached.exports
    const module = { exports: {} as unknown }
    cache[path] = module
    const body = (0, eval)(`${opening}${modules[path]}\n})\n//# sourceURL=${path}`) as (
      ...args: unknown[]
    ) => void
    const require = (request: unknown) => {
      if (typeof request !== 'string') throw new Error('require args must be a string')
      return load(resolve(path, request))
    }
    try {
      body.call(module.exports, require, module, module.exports, worker)
    } catch (error) {
      delete cache[path]
      throw error
    }
    return module.exports
  }

  const receive = (command: WorkerThreadCommand) => {
    if (killed) return
    if (command.kind === 'start') {
      guarded(() => {
        if (!has(command.entry)) throw new Error(`worker script "${command.entry}" is not found`)
        load(command.entry)
      })
      return
    }
    received += 1
    guarded(() => {
      if (typeof listener === 'function') listener(command.data)
    })
  }
  if (typeof port.on === 'function')
    port.on('message', (data) => receive(data as WorkerThreadCommand))
  else port.onmessage = (event) => receive(event.data as WorkerThreadCommand)
}
