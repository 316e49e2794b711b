/**
 * Call parameters as plain data. A store's state reaches a call through Vue's reactive proxies,
 * which the structured clone of Electron's IPC (and of the in-memory test pair) refuses ("could
 * not be cloned"); JSON over the browser-mode socket hides the problem. Every call goes through
 * `plainData` so no caller has to remember.
 */
import { toRaw } from 'vue'
import type { ContractClient } from '../../../shared/rpc'

/** `value` with every reactive proxy replaced by its raw object; buffers and dates as they are. */
export function plainData<T>(value: T): T {
  if (value === null || typeof value !== 'object') return value
  const raw = toRaw(value)
  if (Array.isArray(raw)) return raw.map(plainData) as T
  if (Object.getPrototypeOf(raw) !== Object.prototype) return raw
  const copy: Record<string, unknown> = {}
  for (const [key, item] of Object.entries(raw)) copy[key] = plainData(item)
  return copy as T
}

/** `client` with every call's params made plain first. */
export function withPlainParams(client: ContractClient): ContractClient {
  return {
    call: (method, params) => client.call(method, plainData(params)),
    on: client.on,
  }
}
