/**
 * How `mpdt run` prints one console call: the arguments joined by a space, strings as they are,
 * other values as JSON, on ONE line.
 *
 * Levels:
 * - `log`, `info`, `debug`: no prefix.
 * - `warn`: `[warn] `; `error`: `[error] `.
 * - `group` / `groupCollapsed`: the label (its arguments) as a plain line; `groupEnd` prints nothing.
 * - `table`: the rows (the first argument) as JSON.
 * Values JSON cannot show are written the way a developer reads them: `undefined`, an Error as its
 * stack, a function as `[Function name]`, an ArrayBuffer or typed array as `ArrayBuffer(n)` /
 * `Uint8Array(n)`, a circular reference as `"[Circular]"`. Newlines inside a value are escaped so
 * a call is always exactly one line.
 */

/**
 * Tags instead of `node:util`'s checks: this file also runs inside `mpdt run`'s sandbox realm
 * (realm-entry.ts), which has no Node modules, and its values fail `instanceof` in Node.
 */
const tagOf = (value: unknown): string => Object.prototype.toString.call(value)
const isError = (value: unknown): value is Error => tagOf(value) === '[object Error]'

/** The printed line for one console call, or `null` when the call prints nothing. */
export function formatConsoleLine(level: string, args: readonly unknown[]): string | null {
  switch (level) {
    case 'groupEnd':
      return null
    case 'table':
      return oneLine(formatValue(args[0]))
    case 'warn':
      return `[warn] ${joinArgs(args)}`
    case 'error':
      return `[error] ${joinArgs(args)}`
    default:
      return joinArgs(args)
  }
}

function joinArgs(args: readonly unknown[]): string {
  return oneLine(args.map((arg) => (typeof arg === 'string' ? arg : formatValue(arg))).join(' '))
}

function oneLine(text: string): string {
  return text.replace(/\r?\n/g, '\\n')
}

/** A non-string value as one readable token; mostly JSON. */
export function formatValue(value: unknown): string {
  if (value === undefined) return 'undefined'
  if (typeof value === 'function') return describeFunction(value)
  if (typeof value === 'bigint') return `${value}n`
  if (typeof value === 'symbol') return value.toString()
  if (isError(value)) return value.stack ?? `${value.name}: ${value.message}`
  const binary = describeBinary(value)
  if (binary) return binary
  return JSON.stringify(value, jsonReplacer()) ?? String(value)
}

function describeFunction(fn: unknown): string {
  const name = (fn as { name?: unknown }).name
  return typeof name === 'string' && name ? `[Function ${name}]` : '[Function]'
}

function describeBinary(value: unknown): string | null {
  const tag = tagOf(value)
  if (tag === '[object ArrayBuffer]' || tag === '[object SharedArrayBuffer]') {
    return `ArrayBuffer(${(value as ArrayBuffer).byteLength})`
  }
  if (ArrayBuffer.isView(value) && tag !== '[object DataView]') {
    return `${tag.slice(8, -1)}(${(value as Uint8Array).length})`
  }
  return null
}

/** JSON replacer that keeps the special cases of `formatValue` inside objects and cuts cycles. */
function jsonReplacer(): (this: unknown, key: string, value: unknown) => unknown {
  const ancestors: unknown[] = []
  return function (this: unknown, _key: string, value: unknown): unknown {
    if (typeof value === 'bigint') return `${value}n`
    if (typeof value === 'function') return describeFunction(value)
    if (typeof value === 'symbol') return value.toString()
    if (isError(value)) return `${value.name}: ${value.message}`
    const binary = describeBinary(value)
    if (binary) return binary
    if (value === null || typeof value !== 'object') return value
    // `this` is the object holding `value`: drop ancestors that are no longer on the path.
    while (ancestors.length > 0 && ancestors[ancestors.length - 1] !== this) ancestors.pop()
    if (ancestors.includes(value)) return '[Circular]'
    ancestors.push(value)
    return value
  }
}
