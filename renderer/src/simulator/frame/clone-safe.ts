/**
 * Console arguments made safe for `postMessage` (structured clone): functions and symbols become
 * descriptive strings, cycles `'[Circular]'`, Errors `{ name, message, stack }`, objects of any
 * class plain copies of their own enumerable fields. Values the clone algorithm takes as they are
 * (primitives, Date, RegExp, ArrayBuffer and views) stay unchanged. Very large or deep values are
 * cut so one `console.log(this)` cannot flood the channel.
 */

/** Nested levels copied before a value is shown as `[Object]` / `[Array]`. */
const MAX_DEPTH = 12
/** Values copied per console call before the rest is shown as `'[Truncated]'`. */
const MAX_NODES = 5000

export function cloneSafeArgs(args: readonly unknown[]): unknown[] {
  const budget = { nodes: 0 }
  return args.map((arg) => cloneSafe(arg, new Set(), 0, budget))
}

function describeFunction(fn: { name: string }): string {
  return `[Function ${fn.name || '(anonymous)'}]`
}

function isStructuredPrimitive(value: unknown): boolean {
  return (
    value instanceof Date ||
    value instanceof RegExp ||
    value instanceof ArrayBuffer ||
    ArrayBuffer.isView(value)
  )
}

function cloneSafe(
  value: unknown,
  ancestors: Set<object>,
  depth: number,
  budget: { nodes: number },
): unknown {
  if (typeof value === 'function') return describeFunction(value)
  if (typeof value === 'symbol') return value.toString()
  if (typeof value !== 'object' || value === null) return value
  if (isStructuredPrimitive(value)) return value
  if (value instanceof Error) {
    return { name: value.name, message: value.message, stack: value.stack ?? '' }
  }
  if (ancestors.has(value)) return '[Circular]'
  if (depth >= MAX_DEPTH) return Array.isArray(value) ? '[Array]' : '[Object]'
  if (budget.nodes >= MAX_NODES) return '[Truncated]'
  budget.nodes += 1
  ancestors.add(value)
  try {
    const child = (item: unknown) => cloneSafe(item, ancestors, depth + 1, budget)
    if (Array.isArray(value)) return value.map(child)
    if (value instanceof Map) {
      return new Map([...value].map(([key, item]) => [child(key), child(item)]))
    }
    if (value instanceof Set) return new Set([...value].map(child))
    const copy: Record<string, unknown> = {}
    for (const key of Object.keys(value)) {
      try {
        copy[key] = child((value as Record<string, unknown>)[key])
      } catch {
        copy[key] = '[Unreadable]'
      }
    }
    return copy
  } finally {
    ancestors.delete(value)
  }
}
