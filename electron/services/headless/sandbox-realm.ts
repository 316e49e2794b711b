/**
 * `mpdt run`'s sandbox: the shared runtime and the mini-program's code run in their own `node:vm`
 * realm, not in Node's. The realm has only JavaScript's own globals plus what realm-entry.ts puts
 * there (timers, TextEncoder/TextDecoder, atob/btoa, structuredClone): no `process`, `require`,
 * `module`, `fetch`, `Buffer` or `import()`; its `Function`/`eval` cannot compile strings (as on a
 * phone, where WeChat forbids them), and `Error.prepareStackTrace` is locked to Node's formatting.
 *
 * Only data crosses between the realm and Node: what the realm sends is structured-cloned here
 * before the port sees it, and what Node answers is copied into the realm's own objects there. The
 * realm holds Node's functions only in the closure of its bridge and calls them directly; Node
 * never passes one of its functions or objects to the realm's code, and never awaits a value of
 * the realm. A `vm` context is not a process boundary: the isolation rests on that discipline.
 */
import { existsSync, readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { constants, createContext, runInContext, Script } from 'node:vm'
import { parse } from 'acorn'
import { buildSync } from 'esbuild'
import type { LaunchOptions, Runtime } from '../../../shared/runtime'
import type { NativePort } from '../../../shared/runtime/native-port'
import type { RealmApi, RealmHost } from './realm-entry'

/** The runtime as `run-session.ts` drives it, inside the realm. */
export type SandboxedRuntime = Pick<
  Runtime,
  'launch' | 'pending' | 'onIdle' | 'unhandledRejection' | 'dispose'
> & {
  /** Whether a promise belongs to the realm (its rejections are the mini-program's). */
  owns(promise: unknown): boolean
}

export interface SandboxOptions {
  port: NativePort
  appid: string
  files: Record<string, string>
  appJson: Record<string, unknown>
  jsons: Record<string, unknown>
}

const REALM_NAME = 'MpdtHeadlessRealm'
/** The built realm script next to the CLI bundle (electron.vite.config.ts writes it). */
export const REALM_SCRIPT = 'headless-realm.js'

let bundled: string | undefined

/** The realm's script: built with the app, or bundled from the sources in a checkout (tests). */
export function realmScript(): string {
  if (bundled) return bundled
  const here = dirname(fileURLToPath(import.meta.url))
  const built = [join(here, REALM_SCRIPT), join(here, '..', REALM_SCRIPT)].find(existsSync)
  bundled = built ? readFileSync(built, 'utf8') : bundleRealm(realmEntry(here)).code
  return bundled
}

/** realm-entry.ts beside this module, or in the checkout a bundle (the benchmarks') runs from. */
function realmEntry(here: string): string {
  const own = join(here, 'realm-entry.ts')
  if (existsSync(own)) return own
  for (let dir = here; dirname(dir) !== dir; dir = dirname(dir)) {
    const entry = join(dir, 'electron', 'services', 'headless', 'realm-entry.ts')
    if (existsSync(entry)) return entry
  }
  return own
}

/** realm-entry.ts as one classic script defining `MpdtHeadlessRealm` (also used by the build). */
export function bundleRealm(entry: string, outfile?: string): { code: string } {
  const result = buildSync({
    entryPoints: [entry],
    bundle: true,
    format: 'iife',
    globalName: REALM_NAME,
    platform: 'neutral',
    mainFields: ['module', 'main'],
    target: 'es2022',
    define: { 'process.env.NODE_ENV': '"production"' },
    logLevel: 'silent',
    ...(outfile ? { outfile, write: true } : { write: false }),
  })
  return { code: outfile ? readFileSync(outfile, 'utf8') : (result.outputFiles?.[0]?.text ?? '') }
}

/** Locks what lets code of the realm format its own stacks with Node's call sites. */
const HARDEN = `'use strict'
Object.defineProperty(Error, 'prepareStackTrace', { value: undefined, writable: false, configurable: false })
Object.defineProperty(globalThis, 'Error', { writable: false, configurable: false })
`

/** Creates the realm, evaluates the runtime in it and creates the runtime. */
export function createSandboxedRuntime(options: SandboxOptions): SandboxedRuntime {
  const context = createContext(constants.DONT_CONTEXTIFY, {
    name: 'mini-program',
    codeGeneration: { strings: false, wasm: false },
  })
  runInContext(HARDEN, context)
  const boot = runInContext(
    `(function () {\n${realmScript()}\nreturn ${REALM_NAME}.boot\n})()`,
    context,
    { filename: 'mpdt-headless-realm.js' },
  ) as (host: RealmHost) => RealmApi

  const port = options.port
  const timers = new Map<number, NodeJS.Timeout>()
  const handles = new Map<number, (...args: unknown[]) => unknown>()
  const idleListeners = new Set<() => void>()
  let nextHandle = 1
  let disposed = false
  // The realm's functions, read once before any project code ran and called without a receiver.
  const inRealm: Partial<Pick<RealmApi, 'deliver' | 'fire' | 'fail'>> = {}

  const deliverTo =
    (id: number) =>
    (...args: unknown[]) => {
      const deliverIn = inRealm.deliver
      if (!disposed) deliverIn?.(id, args)
    }
  /** Markers of the realm's callbacks become functions that call back into it with data. */
  const withCallbacks = (args: unknown[]) =>
    args.map((arg) =>
      arg !== null && typeof arg === 'object' && '__mpdtCallback' in arg
        ? deliverTo(Number((arg as { __mpdtCallback: unknown }).__mpdtCallback))
        : arg,
    )
  /** A port method's answer as data, its function members (a task's `operate`) as handles. */
  const answer = (value: unknown) => {
    if (value === null || typeof value !== 'object') return { value }
    const data: Record<string, unknown> = {}
    const found: Record<string, number> = {}
    for (const [key, member] of Object.entries(value)) {
      if (typeof member === 'function') {
        const id = nextHandle++
        handles.set(id, (...args: unknown[]) => (member as (...a: unknown[]) => unknown)(...args))
        found[key] = id
      } else data[key] = member
    }
    return Object.keys(found).length > 0 ? { value: data, handles: found } : { value: data }
  }

  const host: RealmHost = {
    call(name, realmArgs) {
      try {
        const args = withCallbacks(structuredClone(realmArgs) as unknown[])
        if (name === '#idle') {
          for (const listener of [...idleListeners]) listener()
          return { value: undefined }
        }
        if (name === '#handle') {
          const handle = handles.get(Number(args[0]))
          if (!handle) return { error: 'mpdt run: no such handle' }
          return answer(handle(...args.slice(1)))
        }
        const [object, method] = name.includes('.') ? name.split('.') : [undefined, name]
        const target = (object ? port[object as keyof NativePort] : port) as Record<string, unknown>
        const fn = target?.[method as string]
        if (typeof fn !== 'function') return { error: `mpdt run: the port has no ${name}` }
        return answer((fn as (...a: unknown[]) => unknown).apply(target, args))
      } catch (error) {
        return { error: `${name}: ${(error as Error).message}` }
      }
    },
    evaluate(code, filename) {
      const fail = inRealm.fail as RealmApi['fail']
      const refused = dynamicImport(code)
      if (refused) {
        throw fail('SyntaxError', refused, `SyntaxError: ${refused}\n    at ${filename}`)
      }
      let script: Script
      try {
        script = new Script(code, { filename })
      } catch (error) {
        const { name, message, stack } = error as Error
        throw fail(name, message, stack ?? message)
      }
      return script.runInContext(context)
    },
    setTimer(id, ms, repeat) {
      const fire = () => {
        if (!repeat) timers.delete(id)
        const fireIn = inRealm.fire
        if (!disposed) fireIn?.(id)
      }
      timers.set(id, repeat ? setInterval(fire, ms) : setTimeout(fire, ms))
    },
    clearTimer(id) {
      clearTimeout(timers.get(id))
      timers.delete(id)
    },
    util(name, realmArgs) {
      try {
        if (name === 'decode') {
          // The hot path of every text response: Node's decoder reads the realm's bytes in place
          // (a native read, no code of the realm runs) and answers a string.
          const [label, settings, bytes] = realmArgs as [unknown, TextDecoderOptions, unknown]
          if (!ArrayBuffer.isView(bytes)) return { error: 'TypeError: not bytes' }
          const { fatal, ignoreBOM } = settings
          return {
            value: new TextDecoder(String(label), {
              fatal: fatal === true,
              ignoreBOM: ignoreBOM === true,
            }).decode(bytes),
          }
        }
        const args = structuredClone(realmArgs) as unknown[]
        switch (name) {
          case 'encode':
            return { value: new TextEncoder().encode(String(args[0])) }
          case 'atob':
            return { value: atob(String(args[0])) }
          case 'btoa':
            return { value: btoa(String(args[0])) }
          case 'structuredClone':
            return { value: args[0] }
          default:
            return { error: `no ${name}` }
        }
      } catch (error) {
        return { error: `${(error as Error).name}: ${(error as Error).message}` }
      }
    },
  }
  const { fail, deliver, fire, start, launch, pending, unhandledRejection, dispose } = boot(host)
  Object.assign(inRealm, { deliver, fire, fail })

  const shape = portShape(port)
  start({
    port: shape,
    options: {
      appid: options.appid,
      files: options.files,
      appJson: options.appJson,
      jsons: options.jsons,
    },
  })
  return {
    launch(launchOptions?: LaunchOptions) {
      return structuredClone(launch(launchOptions ?? {})) as ReturnType<Runtime['launch']>
    },
    pending() {
      const count = pending()
      return typeof count === 'number' ? count : 0
    },
    onIdle(listener) {
      idleListeners.add(listener)
      return () => idleListeners.delete(listener)
    },
    unhandledRejection(reason, promise) {
      unhandledRejection(reason, promise)
    },
    // Node's own promises are of Node's realm; any other is the mini-program's.
    owns: (promise) => !(promise instanceof Promise),
    dispose() {
      if (disposed) return
      dispose()
      disposed = true
      for (const timer of timers.values()) clearTimeout(timer)
      timers.clear()
      handles.clear()
      idleListeners.clear()
    },
  }
}

/** The port's members as data: methods, objects of methods (`files`), and plain values. */
function portShape(port: NativePort) {
  const methods: string[] = []
  const objects: Record<string, string[]> = {}
  const data: Record<string, unknown> = {}
  for (const [key, value] of Object.entries(port)) {
    if (key === 'evaluate' || key === 'openRequests') continue
    if (typeof value === 'function') methods.push(key)
    else if (value && typeof value === 'object' && Object.values(value).some(isFunction)) {
      objects[key] = Object.keys(value).filter((name) => isFunction((value as never)[name]))
    } else data[key] = value
  }
  return { methods, objects, data: structuredClone(data) }
}

function isFunction(value: unknown): boolean {
  return typeof value === 'function'
}

/**
 * `import()` in `code`, which mini-programs do not have and which Node would answer outside the
 * realm: the message, or undefined. (Strings cannot be compiled inside the realm, so the scripts
 * compiled here are all the code there is.)
 */
function dynamicImport(code: string): string | undefined {
  if (!/\bimport\b/.test(code)) return undefined
  let found = false
  try {
    walk(parse(code, { ecmaVersion: 'latest', sourceType: 'script' }), () => (found = true))
  } catch {
    // Not parsed here: the compile reports the syntax error.
    return undefined
  }
  return found
    ? 'import() is not supported in mini-programs (use require or require.async)'
    : undefined
}

function walk(node: unknown, onImport: () => void): void {
  if (Array.isArray(node)) {
    for (const child of node) walk(child, onImport)
    return
  }
  if (node === null || typeof node !== 'object') return
  const { type } = node as { type?: unknown }
  if (type === 'ImportExpression' || type === 'MetaProperty') onImport()
  for (const value of Object.values(node)) {
    if (value !== null && typeof value === 'object') walk(value, onImport)
  }
}
