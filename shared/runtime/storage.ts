/**
 * `wx.*Storage*`: one appid's key/value store, kept in memory for the synchronous APIs and
 * persisted through the port change by change. Values keep their type (Date, Number, Object…) the
 * way WeChat does, and every read returns a fresh copy.
 */
import { ApiError, apiFailure, parameterError, typeName } from './api-result'
import type { StorageChange, StorageSnapshot, StoredItem } from './native-port'

/** Thrown by the synchronous APIs; `message` is the errMsg, as in WeChat. */
export class StorageError extends ApiError {}

/** Serializes a value the way it comes back: the type name plus a string form. */
export function toStoredItem(value: unknown): StoredItem {
  const type = typeName(value)
  switch (type) {
    case 'String':
      return { type, data: value as string }
    case 'Number':
    case 'Boolean':
      return { type, data: String(value) }
    case 'Date':
      return { type, data: (value as Date).toISOString() }
    case 'Null':
      return { type, data: 'null' }
    case 'Undefined':
      return { type, data: '' }
    case 'Array':
      return { type, data: JSON.stringify(value) }
    default:
      return { type: 'Object', data: JSON.stringify(value) ?? '{}' }
  }
}

export function fromStoredItem(item: StoredItem): unknown {
  switch (item.type) {
    case 'String':
      return item.data
    case 'Number':
      return Number(item.data)
    case 'Boolean':
      return item.data === 'true'
    case 'Date':
      return new Date(item.data)
    case 'Null':
      return null
    case 'Undefined':
      return undefined
    default:
      return JSON.parse(item.data) as unknown
  }
}

/** WeChat's limits: 1 MB for one key's data, 10 MB for one appid in all. */
export const STORAGE_ITEM_LIMIT = 1024 * 1024
export const STORAGE_TOTAL_LIMIT = 10 * 1024 * 1024

/** What one key takes up: its name and its serialized data, a character counted as a byte. */
function itemSize(key: string, item: StoredItem): number {
  return key.length + item.data.length
}

export class AppStorage {
  private readonly items: Map<string, StoredItem>
  private size = 0

  constructor(
    snapshot: StorageSnapshot,
    private readonly persist: (change: StorageChange) => void,
  ) {
    this.items = new Map(Object.entries(snapshot))
    for (const [key, item] of this.items) this.size += itemSize(key, item)
  }

  /** `wx.getStorageInfo`: the keys, and the sizes in KB as WeChat reports them. */
  info(): { keys: string[]; currentSize: number; limitSize: number } {
    return {
      keys: [...this.items.keys()],
      currentSize: Math.ceil(this.size / 1024),
      limitSize: STORAGE_TOTAL_LIMIT / 1024,
    }
  }

  /** Missing keys read as `''` synchronously; `undefined` tells the async API to fail. */
  get(api: string, key: unknown): { found: boolean; value: unknown } {
    const item = this.items.get(checkKey(api, key))
    return item ? { found: true, value: fromStoredItem(item) } : { found: false, value: '' }
  }

  set(api: string, key: unknown, value: unknown): void {
    const name = checkKey(api, key)
    let item: StoredItem
    try {
      item = toStoredItem(value)
    } catch (error) {
      throw new StorageError(
        apiFailure(api, error instanceof Error ? error.message : String(error)),
      )
    }
    const size = itemSize(name, item)
    if (item.data.length > STORAGE_ITEM_LIMIT) {
      throw new StorageError(apiFailure(api, 'exceed storage item max length'))
    }
    const previous = this.items.get(name)
    const total = this.size - (previous ? itemSize(name, previous) : 0) + size
    if (total > STORAGE_TOTAL_LIMIT) {
      throw new StorageError(apiFailure(api, 'exceed storage max size 10Mb'))
    }
    this.size = total
    this.items.set(name, item)
    this.persist({ kind: 'set', key: name, item })
  }

  remove(api: string, key: unknown): void {
    const name = checkKey(api, key)
    const previous = this.items.get(name)
    if (previous) this.size -= itemSize(name, previous)
    this.items.delete(name)
    this.persist({ kind: 'remove', key: name })
  }

  clear(): void {
    this.items.clear()
    this.size = 0
    this.persist({ kind: 'clear' })
  }
}

function checkKey(api: string, key: unknown): string {
  if (typeof key !== 'string') throw new StorageError(parameterError(api, 'key', 'String', key))
  return key
}
