/**
 * Values from the mini-program copied so they can leave it: for `postMessage` (structured clone,
 * the simulator's console and eval answers) or for JSON (the automation client's answers and
 * events). Mini-program code logs whole objects (`console.log(event)`, `console.log(this)`), and
 * those reach glass-easel's element tree, where every node leads to every other; so a copy is cut
 * by depth and by a budget of objects per call. Without the budget one log line walks that tree
 * exponentially (each node is reached again along every path) and the channel chokes ("Data cannot
 * be cloned, out of memory"). Over budget, the copy is made shallower until it fits, so every
 * field near the top is there (`event.currentTarget.dataset`), not only the first field's depths.
 */

/** Nested levels copied before a value is shown as `[Object]` / `[Array]`. */
const MAX_DEPTH = 12
/** Objects copied per call before the rest is shown as `'[Truncated]'`. */
const MAX_NODES = 5000

/**
 * `clone`: functions and symbols become descriptive strings; Date, RegExp, binary data, Map and Set
 * stay what they are. `json`: functions and `undefined` members are dropped (as JSON.stringify
 * does), binary data is its byte count, a Date its ISO string, a bigint its digits.
 */
export type CopyTarget = 'clone' | 'json'

interface Walk {
  target: CopyTarget
  maxDepth: number
  ancestors: Set<object>
  nodes: number
  overBudget: boolean
}

/** Console arguments for `postMessage`: one budget for the whole call. */
export function cloneSafeArgs(args: readonly unknown[]): unknown[] {
  return withinBudget('clone', (walk) => args.map((arg) => copy(arg, 0, walk)))
}

/** One value for JSON: what the automation client can be sent. */
export function toJsonSafe(value: unknown): unknown {
  return withinBudget('json', (walk) => copy(value, 0, walk))
}

/**
 * The deepest copy (at most MAX_DEPTH levels) that fits the budget, the depth found by bisection
 * (a value that fits whole takes one walk); the full-depth copy, cut, when not even one level fits.
 */
function withinBudget<T>(target: CopyTarget, make: (walk: Walk) => T): T {
  const attempt = (maxDepth: number) => {
    const walk: Walk = { target, maxDepth, ancestors: new Set(), nodes: 0, overBudget: false }
    return { copied: make(walk), fits: !walk.overBudget }
  }
  const whole = attempt(MAX_DEPTH)
  if (whole.fits) return whole.copied
  let best: T | undefined
  let low = 1
  let high = MAX_DEPTH - 1
  while (low <= high) {
    const depth = Math.floor((low + high) / 2)
    const tried = attempt(depth)
    if (tried.fits) {
      best = tried.copied
      low = depth + 1
    } else {
      high = depth - 1
    }
  }
  return best ?? whole.copied
}

function copy(value: unknown, depth: number, walk: Walk): unknown {
  if (typeof value !== 'object' || value === null) return copyLeaf(value, walk.target)
  const atom = copyAtom(value, walk.target)
  if (atom) return atom.copied
  if (walk.ancestors.has(value)) return '[Circular]'
  if (walk.nodes >= MAX_NODES) {
    walk.overBudget = true
    return '[Truncated]'
  }
  // A placeholder counts too: a list of many objects is not made to fit by naming each `[Object]`.
  walk.nodes += 1
  if (depth >= walk.maxDepth) return Array.isArray(value) ? '[Array]' : '[Object]'
  walk.ancestors.add(value)
  try {
    const child = (item: unknown) => copy(item, depth + 1, walk)
    if (Array.isArray(value)) {
      return value.map((item) => {
        const copied = child(item)
        return copied === undefined && walk.target === 'json' ? null : copied
      })
    }
    if (value instanceof Map) {
      const entries = [...value].map(([key, item]) => [child(key), child(item)] as const)
      return walk.target === 'clone' ? new Map(entries) : Object.fromEntries(entries)
    }
    if (value instanceof Set) {
      const items = [...value].map(child)
      return walk.target === 'clone' ? new Set(items) : items
    }
    const result: Record<string, unknown> = {}
    for (const key of Object.keys(value)) {
      let copied: unknown
      try {
        copied = child((value as Record<string, unknown>)[key])
      } catch {
        copied = '[Unreadable]'
      }
      if (copied !== undefined || walk.target === 'clone') result[key] = copied
    }
    return result
  } finally {
    walk.ancestors.delete(value)
  }
}

function describeFunction(fn: { name: string }): string {
  return `[Function ${fn.name || '(anonymous)'}]`
}

function isBinary(value: object): value is ArrayBuffer | ArrayBufferView {
  return value instanceof ArrayBuffer || ArrayBuffer.isView(value)
}

function copyLeaf(value: unknown, target: CopyTarget): unknown {
  if (typeof value === 'function') return target === 'json' ? undefined : describeFunction(value)
  if (typeof value === 'symbol') return target === 'json' ? undefined : value.toString()
  if (target === 'json') {
    if (typeof value === 'bigint') return value.toString()
    if (typeof value === 'number' && !Number.isFinite(value)) return null
  }
  return value
}

/** An object that is copied as a whole, or `undefined` to walk its members. */
function copyAtom(value: object, target: CopyTarget): { copied: unknown } | undefined {
  if (value instanceof Error) {
    return { copied: { name: value.name, message: value.message, stack: value.stack ?? '' } }
  }
  if (target === 'clone') {
    return value instanceof Date || value instanceof RegExp || isBinary(value)
      ? { copied: value }
      : undefined
  }
  if (value instanceof Date) return { copied: value.toISOString() }
  if (value instanceof RegExp) return { copied: String(value) }
  if (value instanceof ArrayBuffer) return { copied: `ArrayBuffer(${value.byteLength})` }
  if (ArrayBuffer.isView(value)) {
    return { copied: `${value.constructor.name}(${value.byteLength})` }
  }
  return undefined
}
