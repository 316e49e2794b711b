import { describe, expect, it } from 'vitest'
import { createMemoryStorage } from './memory-storage'

const ITEM = { type: 'String' as const, data: 'v' }

describe('createMemoryStorage', () => {
  it('starts empty', () => {
    expect(createMemoryStorage().load('wx1')).toEqual({})
  })

  it('keeps set, remove and clear changes', () => {
    const storage = createMemoryStorage()
    storage.save('wx1', { kind: 'set', key: 'a', item: ITEM })
    storage.save('wx1', { kind: 'set', key: 'b', item: ITEM })
    storage.save('wx1', { kind: 'remove', key: 'a' })
    expect(storage.load('wx1')).toEqual({ b: ITEM })
    storage.save('wx1', { kind: 'clear' })
    expect(storage.load('wx1')).toEqual({})
  })

  it('keeps one store per appid', () => {
    const storage = createMemoryStorage()
    storage.save('wx1', { kind: 'set', key: 'a', item: ITEM })
    expect(storage.load('wx2')).toEqual({})
  })

  it('hands out a copy that later changes do not touch', () => {
    const storage = createMemoryStorage()
    const before = storage.load('wx1')
    storage.save('wx1', { kind: 'set', key: 'a', item: ITEM })
    expect(before).toEqual({})
  })
})
