/**
 * The mini-program's storage (`wx.setStorage*`), kept per appid in the workbench's localStorage so
 * it survives a recompile and a restart as it does in WeChat's tool. The frame applies changes in
 * memory and reports them; this applies them to the persisted copy.
 */
import type { StorageSnapshot, StoredItem } from '../../../shared/runtime/native-port'

const KEY_PREFIX = 'mpdt.simulator.storage:'

/** The part of the DOM `Storage` used here. */
export type KeyValueStore = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>

const ITEM_TYPES = new Set([
  'String',
  'Number',
  'Boolean',
  'Date',
  'Object',
  'Array',
  'Null',
  'Undefined',
])

function isStoredItem(value: unknown): value is StoredItem {
  if (typeof value !== 'object' || value === null) return false
  const item = value as Record<string, unknown>
  return typeof item.data === 'string' && ITEM_TYPES.has(item.type as string)
}

export function loadStorage(store: KeyValueStore, appid: string): StorageSnapshot {
  let parsed: unknown
  try {
    parsed = JSON.parse(store.getItem(KEY_PREFIX + appid) ?? '{}')
  } catch {
    return {}
  }
  const snapshot: StorageSnapshot = {}
  if (typeof parsed !== 'object' || parsed === null) return snapshot
  for (const [key, item] of Object.entries(parsed)) if (isStoredItem(item)) snapshot[key] = item
  return snapshot
}

/** Applies one change reported by the frame; a malformed change is ignored. */
export function saveStorageChange(store: KeyValueStore, appid: string, change: unknown): void {
  if (typeof change !== 'object' || change === null) return
  const { kind, key, item } = change as Partial<Record<string, unknown>> & { kind?: unknown }
  if (kind === 'clear') {
    store.removeItem(KEY_PREFIX + appid)
    return
  }
  if (typeof key !== 'string') return
  const snapshot = loadStorage(store, appid)
  if (kind === 'set' && isStoredItem(item)) snapshot[key] = item
  else if (kind === 'remove') delete snapshot[key]
  else return
  try {
    store.setItem(KEY_PREFIX + appid, JSON.stringify(snapshot))
  } catch {
    // Over the browser's quota: the frame keeps the value in memory for this session.
  }
}
