/**
 * The inside of `mpdt run`'s sandbox realm (see sandbox-realm.ts): bundled into one script that
 * runs in its own `node:vm` context, where the shared runtime and the mini-program's code live
 * together. Node is reached only through the few host functions `boot` is given, and only with
 * data: every value that comes from the host is copied into this realm first (`copyIn`), with
 * functions and intrinsics taken before any project code ran, so a project that patches
 * `Object.keys` or `Array.prototype` still never holds a host object; the host copies what goes out.
 */
// First: the runtime's modules use these globals as they load.
import { connectGlobals, timerTable, type Timer } from './realm-globals'
import { createRuntime, type Runtime } from '../../../shared/runtime/runtime'
import type { NativePort } from '../../../shared/runtime/native-port'
import { formatValue } from './console-line'

/** The host functions the realm is given; they take and return data only. */
export interface RealmHost {
  /** Calls `port[name](...args)` (or `port.files[name]` for `files.name`); a handle: `#handle`. */
  call(name: string, args: unknown[]): unknown
  /** Compiles and runs `code` in this realm under `filename`; throws a realm error on failure. */
  evaluate(code: string, filename: string): unknown
  setTimer(id: number, ms: number, repeat: boolean): void
  clearTimer(id: number): void
  /** TextEncoder/TextDecoder/atob/btoa/structuredClone, answered by Node. */
  util(name: string, args: unknown[]): unknown
}

/** What the host sees of the realm: functions it calls with data. */
export interface RealmApi {
  /** Creates the runtime; the data is the port's shape and the runtime's options. */
  start(setup: unknown): void
  launch(options: unknown): unknown
  pending(): number
  unhandledRejection(reason: unknown, promise: unknown): void
  dispose(): void
  /** A callback the realm passed to the host is called. */
  deliver(id: number, args: unknown): void
  /** A timer the realm set is due. */
  fire(id: number): void
  /** Makes an error of this realm (for the host's `evaluate` to throw). */
  fail(name: string, message: string, stack: string): unknown
}

/** Marks a callback argument the host gets as a function calling `deliver(id)`. */
const CALLBACK = '__mpdtCallback'

// Intrinsics, taken before project code runs: it may replace any of them afterwards.
const ownKeys = Object.keys
const define = Object.defineProperty
const isArray = Array.isArray
const apply = Reflect.apply
const objectTag = Object.prototype.toString
const RealmError = Error
const RealmDate = Date
const RealmUint8Array = Uint8Array
const RealmDataView = DataView
// No prototype: a name looked up here never reaches a property the project added to Object.prototype.
const TYPED_ARRAYS = {
  __proto__: null,
  Int8Array,
  Uint8Array,
  Uint8ClampedArray,
  Int16Array,
  Uint16Array,
  Int32Array,
  Uint32Array,
  Float32Array,
  Float64Array,
} as unknown as Record<string, (new (source: ArrayLike<number>) => unknown) | undefined>
const typedArrayProto = Object.getPrototypeOf(Uint8Array.prototype) as object
const bufferOf = Object.getOwnPropertyDescriptor(typedArrayProto, 'buffer')
  ?.get as () => ArrayBuffer
const weakSetHas = WeakSet.prototype.has
const weakSetAdd = WeakSet.prototype.add
const mapGet = Map.prototype.get
const mapSet = Map.prototype.set
const mapDelete = Map.prototype.delete
const madeHere = new WeakSet<object>()

function tagOf(value: unknown): string {
  return apply(objectTag, value, []) as string
}

function put(target: object, key: string | number, value: unknown): void {
  define(target, key, {
    __proto__: null,
    value,
    writable: true,
    enumerable: true,
    configurable: true,
  } as PropertyDescriptor)
}

/**
 * A copy, made of this realm's objects, of a value the host gave: plain data, arrays, binary,
 * errors and dates. Host functions never cross (they become `undefined`).
 */
function copyIn(value: unknown, depth = 0): unknown {
  if (value === null || typeof value !== 'object') {
    return typeof value === 'function' ? undefined : value
  }
  if (depth > 256) throw new RealmError('mpdt run: a value from the host is nested too deeply')
  const tag = tagOf(value)
  if (tag === '[object ArrayBuffer]') {
    return apply(bufferOf, new RealmUint8Array(new RealmUint8Array(value as ArrayBuffer)), [])
  }
  if (tag === '[object DataView]') {
    const view = value as DataView
    const bytes = new RealmUint8Array(
      new RealmUint8Array(view.buffer, view.byteOffset, view.byteLength),
    )
    return new RealmDataView(apply(bufferOf, bytes, []) as ArrayBuffer)
  }
  const typed = TYPED_ARRAYS[tag.slice(8, -1)]
  if (typed) return new typed(value as ArrayLike<number>)
  if (tag === '[object Error]') {
    const source = value as Error
    const error = new RealmError(String(source.message))
    put(error, 'stack', String(source.stack))
    return error
  }
  if (tag === '[object Date]') return new RealmDate(Number((value as Date).getTime()))
  // Plain assignment keeps the copies fast objects; a setter the project put on a prototype only
  // ever sees these copies, never the host's value.
  if (isArray(value)) {
    const list: unknown[] = []
    const length = Number((value as unknown[]).length)
    for (let i = 0; i < length; i++) list[i] = copyIn((value as unknown[])[i], depth + 1)
    return list
  }
  const copy: Record<string, unknown> = {}
  const keys = ownKeys(value)
  for (let i = 0; i < keys.length; i++) {
    const key = keys[i] as string
    const item = copyIn((value as Record<string, unknown>)[key], depth + 1)
    if (key === '__proto__') put(copy, key, item)
    else copy[key] = item
  }
  return copy
}

/** The runtime in the realm, started by the host. */
export function boot(hostGiven: RealmHost): RealmApi {
  // Host functions stay in these constants and are only ever called directly.
  const hostCall = hostGiven.call
  const hostEvaluate = hostGiven.evaluate
  const hostSetTimer = hostGiven.setTimer
  const hostClearTimer = hostGiven.clearTimer
  const hostUtil = hostGiven.util

  /** A host call's answer copied in, or its failure thrown as an error of this realm. */
  function guarded<T>(call: () => unknown): T {
    let answer: unknown
    try {
      answer = call()
    } catch (error) {
      if (error !== null && typeof error === 'object' && apply(weakSetHas, madeHere, [error])) {
        throw error
      }
      throw new RealmError('mpdt run: the host failed')
    }
    return copyIn(answer) as T
  }

  const callbacks = new Map<number, (...args: unknown[]) => unknown>()
  let nextCallback = 1

  /** Calls the port member `name` in the host; callback arguments become markers. */
  function callPort(name: string, args: unknown[]): unknown {
    const sent: unknown[] = []
    for (let i = 0; i < args.length; i++) {
      const arg = args[i]
      if (typeof arg === 'function') {
        const id = nextCallback++
        apply(mapSet, callbacks, [id, arg])
        sent[i] = { [CALLBACK]: id }
      } else sent[i] = arg
    }
    const answer = guarded<{ error?: string; value?: unknown; handles?: Record<string, number> }>(
      () => hostCall(name, sent),
    )
    if (answer.error !== undefined) throw new RealmError(answer.error)
    const handles = answer.handles
    if (!handles) return answer.value
    const value = (answer.value ?? {}) as Record<string, unknown>
    for (const method of ownKeys(handles)) {
      const handle = handles[method]
      put(value, method, (...handleArgs: unknown[]) => callPort('#handle', [handle, ...handleArgs]))
    }
    return value
  }

  connectGlobals(hostSetTimer, hostClearTimer, (name, args) => {
    const answer = guarded<{ value?: unknown; error?: string }>(() => hostUtil(name, args))
    if (answer.error !== undefined) throw new RealmError(answer.error)
    return answer.value
  })

  let runtime: Runtime | undefined
  const timers = timerTable

  const api: RealmApi = {
    start(setup) {
      const { port: shape, options } = copyIn(setup) as {
        port: {
          methods: string[]
          objects: Record<string, string[]>
          data: Record<string, unknown>
        }
        options: Record<string, unknown>
      }
      const port: Record<string, unknown> = { ...shape.data }
      for (const method of shape.methods) {
        port[method] = (...args: unknown[]) => callPort(method, args)
      }
      for (const [object, methods] of Object.entries(shape.objects)) {
        const member: Record<string, unknown> = {}
        for (const method of methods) {
          member[method] = (...args: unknown[]) => callPort(`${object}.${method}`, args)
        }
        port[object] = member
      }
      port.evaluate = (code: string, filename: string) => {
        try {
          return hostEvaluate(String(code), String(filename))
        } catch (error) {
          if (error !== null && typeof error === 'object' && apply(weakSetHas, madeHere, [error])) {
            throw error
          }
          throw new RealmError(`mpdt run: ${String(filename)} could not be compiled`)
        }
      }
      // Formatted here, where the values live: the host gets strings.
      port.console = (level: string, args: unknown[]) => {
        const table = level === 'table'
        const shown = table ? [args[0]] : args
        callPort('console', [
          table ? 'log' : level,
          shown.map((arg) => (typeof arg === 'string' ? arg : formatValue(arg))),
        ])
      }
      port.reportError = (error: { message: unknown; stack: unknown }) =>
        callPort('reportError', [{ message: String(error.message), stack: String(error.stack) }])
      runtime = createRuntime({
        ...(options as object),
        port: port as unknown as NativePort,
      } as never)
      runtime.onIdle(() => callPort('#idle', []))
    },
    launch: (options) => runtime?.launch(copyIn(options) as never),
    pending: () => runtime?.pending() ?? 0,
    unhandledRejection(reason, promise) {
      const text = formatValue(reason)
      const stack =
        tagOf(reason) === '[object Error]' && typeof (reason as Error).stack === 'string'
          ? (reason as Error).stack
          : text
      callPort('reportError', [{ message: text, stack: `Unhandled promise rejection ${stack}` }])
      runtime?.unhandledRejection(reason, promise)
    },
    dispose() {
      runtime?.dispose()
      for (const id of timers.keys()) hostClearTimer(id)
      timers.clear()
    },
    deliver(id, args) {
      const callback = apply(mapGet, callbacks, [id]) as ((...a: unknown[]) => unknown) | undefined
      if (callback) apply(callback, undefined, copyIn(args) as unknown[])
    },
    fire(id) {
      const timer = apply(mapGet, timers, [id]) as Timer | undefined
      if (!timer) return
      if (!timer.repeat) apply(mapDelete, timers, [id])
      try {
        apply(timer.callback, undefined, timer.args)
      } catch (error) {
        const stack =
          tagOf(error) === '[object Error]' ? String((error as Error).stack) : formatValue(error)
        callPort('reportError', [{ message: stack, stack }])
      }
    },
    fail(name, message, stack) {
      const Kind = name === 'SyntaxError' ? SyntaxError : RealmError
      const error = new Kind(String(message))
      put(error, 'stack', String(stack))
      apply(weakSetAdd, madeHere, [error])
      return error
    },
  }
  return api
}
