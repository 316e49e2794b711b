/**
 * Builds the `wx` object from the declared table (`wx-api-table.ts`): each entry gets its
 * implementation, wrapped by the table's parameter checks; an entry without one answers
 * `<name>:fail not supported in MP DevTools` in its kind's way (a manager or context factory
 * returns a stand-in that warns, `unsupported-stand-in.ts`), so no API WeChat has is ever
 * `is not a function`. `wx.canIUse` answers from the same table.
 */
import { typeName, type ApiFailure } from './api-result'
import { ERRNO } from '../wechat-errors'
import { callGuarded, type ErrorSink } from './guarded-call'
import { createStandIn, isObjectFactory } from './unsupported-stand-in'
import {
  notSupportedMessage,
  WX_API,
  WX_COMPONENTS,
  type ParamRule,
  type WxApiEntry,
} from './wx-api-table'

export type WxImplementations = Record<string, unknown>

/**
 * Implementations made on first use of any of `names` (the rarely used domains: login, tab bar,
 * device…), so that creating `wx` costs little more than before the table.
 */
export interface LazyGroup {
  names: readonly string[]
  create(): Record<string, unknown>
}

export interface WxBuildHost {
  sink: ErrorSink
  /** Runs a step after the current macrotask, counted as pending. */
  defer(fn: () => void): void
  /** Warns once per unsupported listener that it will never be called. */
  warn(message: string): void
}

/**
 * The failure of the table's checks on `options`, or undefined when they pass:
 * `<api>:fail parameter error: parameter.x should be String instead of Number;` (one clause per
 * wrong parameter, in the table's order).
 */
export function checkParams(
  api: string,
  rules: Readonly<Record<string, ParamRule>>,
  options: unknown,
): ApiFailure | undefined {
  const opts = (typeof options === 'object' && options !== null ? options : {}) as Record<
    string,
    unknown
  >
  let clauses = ''
  for (const [name, rule] of Object.entries(rules)) {
    const optional = rule.endsWith('?')
    const types = (optional ? rule.slice(0, -1) : rule).split('|')
    const value = opts[name]
    if (value === undefined && optional) continue
    if (types.includes(typeName(value))) continue
    clauses += `parameter.${name} should be ${types.join(' or ')} instead of ${typeName(value)};`
  }
  return clauses
    ? { errMsg: `${api}:fail parameter error: ${clauses}`, errno: ERRNO.parameter }
    : undefined
}

/** Answers a failure through `fail`/`complete` after the current macrotask, or as a rejection. */
function answerFailure(host: WxBuildHost, options: unknown, failure: ApiFailure): unknown {
  const opts = (typeof options === 'object' && options !== null ? options : {}) as Record<
    string,
    unknown
  >
  const usesCallbacks = ['success', 'fail', 'complete'].some(
    (key) => typeof opts[key] === 'function',
  )
  if (!usesCallbacks) {
    return new Promise((_resolve, reject) => host.defer(() => reject({ ...failure })))
  }
  host.defer(() => {
    callGuarded(host.sink, opts.fail, undefined, [{ ...failure }])
    callGuarded(host.sink, opts.complete, undefined, [{ ...failure }])
  })
  return undefined
}

function notSupported(api: WxApiEntry, host: WxBuildHost): unknown {
  const message = notSupportedMessage(api.name)
  switch (api.kind) {
    case 'async':
    case 'task':
      return (options: unknown) => answerFailure(host, options, { errMsg: message })
    case 'listener': {
      let warned = false
      return () => {
        if (warned || !api.name.startsWith('on')) return
        warned = true
        host.warn(`wx.${api.name}: not supported in MP DevTools; the listener is never called`)
      }
    }
    case 'object':
      return {}
    default:
      if (isObjectFactory(api.name)) return () => createStandIn(api.name, host.warn)
      return () => {
        throw new Error(message)
      }
  }
}

function checked(api: WxApiEntry, implementation: unknown, host: WxBuildHost): unknown {
  const rules = api.params
  if (!rules || typeof implementation !== 'function') return implementation
  const run = implementation as (options: unknown) => unknown
  return (options: unknown) => {
    const failure = checkParams(api.name, rules, options)
    return failure ? answerFailure(host, options, failure) : run(options)
  }
}

/** The answered entries with parameter checks. */
const CHECKED = [...WX_API.values()].filter((api) => api.params && api.status !== 'unsupported')

/** The host of each `wx` built, and the stubs made for it so far (by name). */
interface BuiltWx {
  host: WxBuildHost
  stubs: Map<string, unknown>
  lazy: readonly LazyGroup[]
}

const HOSTS = new WeakMap<object, BuiltWx>()

/**
 * What the getter of `name` on `wx` answers: the member of a lazy group (the whole group then
 * becomes own members), else `name`'s not-supported stub.
 */
function resolve(wx: Record<string, unknown>, built: BuiltWx, api: WxApiEntry): unknown {
  const group =
    api.status === 'unsupported'
      ? undefined
      : built.lazy.find((lazy) => lazy.names.includes(api.name))
  if (group) {
    const members = group.create()
    for (const name of group.names) {
      const entry = WX_API.get(name)
      Object.defineProperty(wx, name, {
        value: entry ? checked(entry, members[name], built.host) : members[name],
        writable: true,
        enumerable: true,
        configurable: true,
      })
    }
    return wx[api.name]
  }
  let stub = built.stubs.get(api.name)
  if (stub === undefined) {
    stub = notSupported(api, built.host)
    built.stubs.set(api.name, stub)
  }
  return stub
}

/**
 * Every table entry as a stub on one prototype shared by all `wx` objects: a getter that makes
 * the calling `wx`'s lazy group or stub on first use (so creating `wx` costs only its eager
 * members), and
 * a setter that lets code replace it (automation mocks, polyfills) with an own property.
 */
const STUBS: object = Object.create(
  Object.prototype,
  Object.fromEntries(
    [...WX_API.values()].map((api): [string, PropertyDescriptor] => [
      api.name,
      {
        enumerable: false,
        configurable: true,
        get(this: Record<string, unknown>) {
          const built = HOSTS.get(this)
          return built ? resolve(this, built, api) : undefined
        },
        set(this: object, value: unknown) {
          Object.defineProperty(this, api.name, {
            value,
            writable: true,
            enumerable: true,
            configurable: true,
          })
        },
      },
    ]),
  ),
)

/**
 * `wx`: `parts`, the eager implementations (checked by the table's parameter rules), as its own
 * members; the lazy groups and every other entry (answering `not supported`) from the shared
 * prototype. Implementations the table does not list are kept as they are.
 */
export function buildWx(
  parts: readonly WxImplementations[],
  host: WxBuildHost,
  lazy: readonly LazyGroup[] = [],
): Record<string, unknown> {
  const wx = Object.assign(Object.create(STUBS) as Record<string, unknown>, ...parts)
  HOSTS.set(wx, { host, stubs: new Map(), lazy })
  for (const api of CHECKED) {
    if (Object.prototype.hasOwnProperty.call(wx, api.name)) {
      wx[api.name] = checked(api, wx[api.name], host)
    }
  }
  wx.canIUse = canIUse
  return wx
}

/**
 * `wx.canIUse(schema)`: `api`, `api.object.param`, `api.success.field`, `api.return.x`, and
 * `component.attribute.value`. APIs answer from the table (unsupported ones: false); `object`
 * params from their declared checks when the table declares any.
 */
export function canIUse(schema: unknown): boolean {
  if (typeof schema !== 'string' || schema === '') return false
  const parts = schema.split('.')
  const api = WX_API.get(parts[0])
  if (api) {
    if (api.status === 'unsupported') return false
    if (parts[1] === 'object' && parts[2] !== undefined && api.params) {
      return ['success', 'fail', 'complete'].includes(parts[2]) || parts[2] in api.params
    }
    return true
  }
  const component = WX_COMPONENTS[parts[0]]
  if (!component) return false
  const values = parts[1] === undefined ? undefined : component[parts[1]]
  return values === undefined || parts[2] === undefined || values.includes(parts[2])
}
