import { describe, expect, it } from 'vitest'
import { loadStorage, saveStorageChange } from './frame-storage'

function memory() {
  const items = new Map<string, string>()
  return {
    getItem: (key: string) => items.get(key) ?? null,
    setItem: (key: string, value: string) => void items.set(key, value),
    removeItem: (key: string) => void items.delete(key),
  }
}

const hello = { type: 'String' as const, data: 'hello' }

describe('frame storage', () => {
  it('keeps each appid’s keys apart', () => {
    const store = memory()
    saveStorageChange(store, 'wxa', { kind: 'set', key: 'k', item: hello })
    expect(loadStorage(store, 'wxa')).toEqual({ k: hello })
    expect(loadStorage(store, 'wxb')).toEqual({})
  })

  it('applies remove and clear', () => {
    const store = memory()
    saveStorageChange(store, 'wxa', { kind: 'set', key: 'a', item: hello })
    saveStorageChange(store, 'wxa', { kind: 'set', key: 'b', item: hello })
    saveStorageChange(store, 'wxa', { kind: 'remove', key: 'a' })
    expect(Object.keys(loadStorage(store, 'wxa'))).toEqual(['b'])
    saveStorageChange(store, 'wxa', { kind: 'clear' })
    expect(loadStorage(store, 'wxa')).toEqual({})
  })

  it('ignores malformed changes and items from the frame', () => {
    const store = memory()
    saveStorageChange(store, 'wxa', { kind: 'set', key: 'a', item: { type: 'Function', data: '' } })
    saveStorageChange(store, 'wxa', { kind: 'set', key: 7, item: hello })
    saveStorageChange(store, 'wxa', 'clear')
    saveStorageChange(store, 'wxa', null)
    expect(loadStorage(store, 'wxa')).toEqual({})
  })

  it('reads a corrupted copy as empty', () => {
    const store = memory()
    store.setItem('mpdt.simulator.storage:wxa', '{not json')
    expect(loadStorage(store, 'wxa')).toEqual({})
  })
})
