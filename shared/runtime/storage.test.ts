import { describe, expect, it } from 'vitest'
import type { StorageChange } from './native-port'
import { AppStorage, fromStoredItem, StorageError, toStoredItem } from './storage'

describe('stored items', () => {
  it.each([
    ['text', { type: 'String', data: 'text' }],
    [3.5, { type: 'Number', data: '3.5' }],
    [true, { type: 'Boolean', data: 'true' }],
    [null, { type: 'Null', data: 'null' }],
    [undefined, { type: 'Undefined', data: '' }],
    [[1, 'a'], { type: 'Array', data: '[1,"a"]' }],
    [{ a: { b: 1 } }, { type: 'Object', data: '{"a":{"b":1}}' }],
    [new Date(0), { type: 'Date', data: '1970-01-01T00:00:00.000Z' }],
  ])('keeps %j with its type', (value, item) => {
    expect(toStoredItem(value)).toEqual(item)
    expect(fromStoredItem(toStoredItem(value))).toEqual(value)
  })

  it('reads back a Date as a Date', () => {
    expect(fromStoredItem(toStoredItem(new Date(5)))).toBeInstanceOf(Date)
  })
})

describe('AppStorage', () => {
  function storage(snapshot = {}) {
    const changes: StorageChange[] = []
    return { store: new AppStorage(snapshot, (change) => changes.push(change)), changes }
  }

  it('starts from the snapshot the port loaded', () => {
    const { store } = storage({ k: { type: 'Number', data: '7' } })
    expect(store.get('getStorageSync', 'k')).toEqual({ found: true, value: 7 })
  })

  it('reads a missing key as not found with an empty string', () => {
    expect(storage().store.get('getStorageSync', 'none')).toEqual({ found: false, value: '' })
  })

  it('returns a copy each time, so changing it changes nothing stored', () => {
    const { store } = storage()
    store.set('setStorageSync', 'o', { list: [1] })
    ;(store.get('getStorageSync', 'o').value as { list: number[] }).list.push(2)
    expect(store.get('getStorageSync', 'o').value).toEqual({ list: [1] })
  })

  it('persists each change in order', () => {
    const { store, changes } = storage()
    store.set('setStorageSync', 'a', 1)
    store.remove('removeStorageSync', 'a')
    store.clear()
    expect(changes).toEqual([
      { kind: 'set', key: 'a', item: { type: 'Number', data: '1' } },
      { kind: 'remove', key: 'a' },
      { kind: 'clear' },
    ])
  })

  it('refuses a key that is not a string with the API name in errMsg and errno 1001', () => {
    const { store, changes } = storage()
    expect(() => store.set('setStorage', undefined, 1)).toThrow(
      new StorageError({
        errMsg:
          'setStorage:fail parameter error: parameter.key should be String instead of Undefined;',
        errno: 1001,
      }),
    )
    expect(changes).toEqual([])
  })

  it('refuses a value JSON cannot hold, storing nothing', () => {
    const { store, changes } = storage()
    const cyclic: Record<string, unknown> = {}
    cyclic.self = cyclic
    expect(() => store.set('setStorageSync', 'c', cyclic)).toThrow(/^setStorageSync:fail /)
    expect(changes).toEqual([])
  })
})
