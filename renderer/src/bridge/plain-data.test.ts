import { describe, expect, it } from 'vitest'
import { reactive, ref } from 'vue'
import { plainData } from './plain-data'

describe('plainData', () => {
  it('gives a structured-clonable copy of reactive state, nested proxies included', () => {
    const state = reactive({ list: [{ name: 'a', other: { k: 1 } }], n: 2 })
    const draft = { ...state.list[0] } // `other` is still a proxy here
    const params = { modes: state.list, draft }
    expect(() => structuredClone(params)).toThrow()
    const plain = plainData(params)
    expect(structuredClone(plain)).toEqual({
      modes: [{ name: 'a', other: { k: 1 } }],
      draft: { name: 'a', other: { k: 1 } },
    })
  })

  it('keeps buffers, dates, strings and numbers as they are', () => {
    const buffer = new ArrayBuffer(4)
    const date = new Date(0)
    const plain = plainData({ buffer, date, s: 'x', n: 1, none: null, list: ref([1]).value })
    expect(plain.buffer).toBe(buffer)
    expect(plain.date).toBe(date)
    expect(structuredClone(plain)).toEqual({ buffer, date, s: 'x', n: 1, none: null, list: [1] })
  })
})
