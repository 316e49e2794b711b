/**
 * Values from the mini-program made into what JSON can carry to the automation client: functions
 * and `undefined` members dropped (as JSON.stringify does), a cycle as `"[Circular]"`, binary data
 * as its byte count, so an answer never fails to serialize.
 */
export function toJsonSafe(value: unknown): unknown {
  const ancestors: object[] = []
  const copy = (current: unknown): unknown => {
    if (current === null || typeof current !== 'object') {
      if (typeof current === 'function' || typeof current === 'symbol') return undefined
      if (typeof current === 'bigint') return current.toString()
      if (typeof current === 'number' && !Number.isFinite(current)) return null
      return current
    }
    if (ancestors.includes(current)) return '[Circular]'
    if (current instanceof ArrayBuffer) return `ArrayBuffer(${current.byteLength})`
    if (ArrayBuffer.isView(current)) return `${current.constructor.name}(${current.byteLength})`
    if (current instanceof Error) return { message: current.message, stack: current.stack }
    if (current instanceof Date) return current.toISOString()
    ancestors.push(current)
    try {
      if (Array.isArray(current)) return current.map((item) => copy(item) ?? null)
      const result: Record<string, unknown> = {}
      for (const [key, member] of Object.entries(current)) {
        const copied = copy(member)
        if (copied !== undefined) result[key] = copied
      }
      return result
    } finally {
      ancestors.pop()
    }
  }
  return copy(value)
}
