/**
 * Values from the mini-program copied so they can leave it: for `postMessage` (structured clone,
 * the simulator's console and eval answers) or for JSON (the automation client's answers and
 * events). Mini-program code logs whole objects (`console.log(event)`, `console.log(this)`), and
 * those reach glass-easel's element tree, where every node leads to every other; so a copy is cut
 * by depth and by a budget of objects per call. Without the budget one log line walks that tree
 * exponentially (each node is reached again along every path) and the channel chokes ("Data cannot
 * be cloned, out of memory"). The copy is made level by level (breadth first), so the budget
 * keeps every field near the top (`event.currentTarget.dataset`) and cuts the deepest levels.
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

/** The objects above a value, to tell a cycle from a value reached twice. */
interface Chain {
  value: object
  parent: Chain | undefined
}

/** An object waiting for its level: copied into what `put` stores. */
interface Pending {
  value: object
  depth: number
  chain: Chain | undefined
  put: (copied: unknown) => void
}

/** Console arguments for `postMessage`: one budget for the whole call. */
export function cloneSafeArgs(args: readonly unknown[]): unknown[] {
  const copied: unknown[] = []
  copyAll('clone', args, (index, value) => (copied[index] = value))
  return copied
}

/** One value for JSON: what the automation client can be sent. */
export function toJsonSafe(value: unknown): unknown {
  let copied: unknown
  copyAll('json', [value], (_index, result) => (copied = result))
  return copied
}

function copyAll(
  target: CopyTarget,
  roots: readonly unknown[],
  put: (index: number, copied: unknown) => void,
): void {
  const queue: Pending[] = []
  // Maps and Sets are filled once their contents are copied (their identity is already placed).
  const fills: (() => void)[] = []
  const place = (
    value: unknown,
    depth: number,
    chain: Chain | undefined,
    store: (copied: unknown) => void,
  ) => {
    if (typeof value !== 'object' || value === null) return store(copyLeaf(value, target))
    const atom = copyAtom(value, target)
    if (atom) return store(atom.copied)
    for (let above = chain; above; above = above.parent) {
      if (above.value === value) return store('[Circular]')
    }
    queue.push({ value, depth, chain, put: store })
  }
  roots.forEach((root, index) => place(root, 0, undefined, (copied) => put(index, copied)))
  let nodes = 0
  for (let next = 0; next < queue.length; next++) {
    const { value, depth, chain, put: store } = queue[next]
    if (nodes >= MAX_NODES) {
      store('[Truncated]')
      continue
    }
    nodes += 1
    if (depth >= MAX_DEPTH) {
      store(Array.isArray(value) ? '[Array]' : '[Object]')
      continue
    }
    const below: Chain = { value, parent: chain }
    const child = (item: unknown, keep: (copied: unknown) => void) =>
      place(item, depth + 1, below, keep)
    if (Array.isArray(value)) {
      const list: unknown[] = []
      store(list)
      value.forEach((item, index) =>
        child(item, (copied) => {
          list[index] = copied === undefined && target === 'json' ? null : copied
        }),
      )
    } else if (value instanceof Map || value instanceof Set) {
      const entries: [unknown, unknown][] = []
      const pairs: [unknown, unknown][] =
        value instanceof Map ? [...value] : [...value].map((item) => [item, item])
      pairs.forEach(([key, item], index) => {
        entries[index] = [undefined, undefined]
        child(key, (copied) => (entries[index][0] = copied))
        if (value instanceof Map) child(item, (copied) => (entries[index][1] = copied))
      })
      const filled = value instanceof Map ? new Map() : new Set()
      const asJson: unknown = value instanceof Map ? {} : []
      store(target === 'clone' ? filled : asJson)
      fills.push(() => {
        for (const [key, item] of entries) {
          if (filled instanceof Map) filled.set(key, item)
          else filled.add(key)
          if (asJson instanceof Array) asJson.push(key)
          else (asJson as Record<string, unknown>)[String(key)] = item
        }
      })
    } else {
      const result: Record<string, unknown> = {}
      store(result)
      for (const key of Object.keys(value)) {
        let member: unknown
        try {
          member = (value as Record<string, unknown>)[key]
        } catch {
          member = '[Unreadable]'
        }
        // Placed now, so the fields keep their order when an object's copy comes a level later.
        result[key] = undefined
        child(member, (copied) => {
          if (copied !== undefined || target === 'clone') result[key] = copied
          else delete result[key]
        })
      }
    }
  }
  for (let index = fills.length - 1; index >= 0; index--) fills[index]()
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
