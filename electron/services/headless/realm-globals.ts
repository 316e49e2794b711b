/**
 * The globals `mpdt run`'s sandbox realm adds to JavaScript's own (realm-entry.ts imports this
 * first): timers, `queueMicrotask`, `TextEncoder`/`TextDecoder`, `atob`/`btoa`, `structuredClone`.
 * Timers and the rest call the host through the functions `connectGlobals` is given.
 */
const apply = Reflect.apply
const mapSet = Map.prototype.set
const mapDelete = Map.prototype.delete
const RealmUint8Array = Uint8Array
const ownKeys = Object.keys
const define = Object.defineProperty

export interface Timer {
  callback: (...args: unknown[]) => unknown
  args: unknown[]
  repeat: boolean
}

export const timerTable = new Map<number, Timer>()

type Util = (name: string, args: unknown[]) => unknown

let setTimer: (id: number, ms: number, repeat: boolean) => void = () => {}
let clearTimer: (id: number) => void = () => {}
let util: Util = () => {
  throw new Error('mpdt run: the sandbox is not started')
}

/** The host's side of the globals, given at boot (the globals exist before, as modules load). */
export function connectGlobals(
  hostSetTimer: typeof setTimer,
  hostClearTimer: typeof clearTimer,
  hostUtil: Util,
): void {
  setTimer = hostSetTimer
  clearTimer = hostClearTimer
  util = hostUtil
}

installGlobals()

function installGlobals(): void {
  let nextTimer = 1
  const schedule = (repeat: boolean) =>
    function (callback: unknown, ms?: unknown, ...args: unknown[]): number {
      const id = nextTimer++
      if (typeof callback !== 'function') return id
      apply(mapSet, timerTable, [id, { callback, args, repeat }])
      setTimer(id, Math.max(0, Number(ms) || 0), repeat)
      return id
    }
  const cancel = (id: unknown) => {
    if (typeof id !== 'number' || !apply(mapDelete, timerTable, [id])) return
    clearTimer(id)
  }
  const resolved = Promise.resolve()
  const then = Promise.prototype.then

  class TextEncoderInRealm {
    readonly encoding = 'utf-8'
    encode(text = ''): Uint8Array {
      return util('encode', [String(text)]) as Uint8Array
    }
  }
  class TextDecoderInRealm {
    readonly encoding: string
    readonly #options: { fatal?: boolean; ignoreBOM?: boolean }
    constructor(label = 'utf-8', options: { fatal?: boolean; ignoreBOM?: boolean } = {}) {
      this.encoding = String(label)
      this.#options = { fatal: Boolean(options.fatal), ignoreBOM: Boolean(options.ignoreBOM) }
    }
    decode(input?: ArrayBuffer | ArrayBufferView): string {
      if (input === undefined) return ''
      const bytes = ArrayBuffer.isView(input)
        ? new RealmUint8Array(input.buffer, input.byteOffset, input.byteLength)
        : new RealmUint8Array(input)
      return String(util('decode', [this.encoding, this.#options, bytes]))
    }
  }
  const globals: Record<string, unknown> = {
    setTimeout: schedule(false),
    setInterval: schedule(true),
    clearTimeout: cancel,
    clearInterval: cancel,
    queueMicrotask: (callback: () => void) => {
      apply(then, resolved, [() => callback()])
    },
    TextEncoder: TextEncoderInRealm,
    TextDecoder: TextDecoderInRealm,
    atob: (text: unknown) => String(util('atob', [String(text)])),
    btoa: (text: unknown) => String(util('btoa', [String(text)])),
    structuredClone: (value: unknown) => util('structuredClone', [value]),
  }
  for (const name of ownKeys(globals)) {
    define(globalThis, name, {
      __proto__: null,
      value: globals[name],
      writable: true,
      configurable: true,
      enumerable: false,
    } as PropertyDescriptor)
  }
}
