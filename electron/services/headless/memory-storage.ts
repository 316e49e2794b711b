/** `wx.*Storage*` for `mpdt run`: kept in memory, one store per appid, gone when the run ends. */
import type { StorageChange, StorageSnapshot } from '../../../shared/runtime/native-port'

export interface MemoryStorage {
  load(appid: string): StorageSnapshot
  save(appid: string, change: StorageChange): void
}

export function createMemoryStorage(): MemoryStorage {
  const stores = new Map<string, StorageSnapshot>()
  const storeOf = (appid: string): StorageSnapshot => {
    let store = stores.get(appid)
    if (!store) {
      store = {}
      stores.set(appid, store)
    }
    return store
  }
  return {
    load: (appid) => ({ ...storeOf(appid) }),
    save(appid, change) {
      const store = storeOf(appid)
      if (change.kind === 'set') store[change.key] = change.item
      else if (change.kind === 'remove') delete store[change.key]
      else for (const key of Object.keys(store)) delete store[key]
    },
  }
}
