import { describe, expect, it } from 'vitest'
import { cloneSafeArgs, toJsonSafe } from './safe-copy'

describe('console arguments for postMessage (clone)', () => {
  it('keeps primitives, dates, regexps and typed arrays as they are', () => {
    const date = new Date(0)
    const bytes = new Uint8Array([1, 2])
    const args = ['s', 1, true, null, undefined, 10n, date, /x/g, bytes]
    expect(cloneSafeArgs(args)).toEqual(args)
    expect(() => structuredClone(cloneSafeArgs(args))).not.toThrow()
  })

  it('turns functions and symbols into descriptive strings', () => {
    function named() {}
    expect(cloneSafeArgs([named, () => 1, Symbol('tag')])).toEqual([
      '[Function named]',
      '[Function (anonymous)]',
      'Symbol(tag)',
    ])
  })

  it('marks a cycle as [Circular] and keeps a value seen twice but not nested in itself', () => {
    const shared = { n: 1 }
    const cyclic: Record<string, unknown> = { shared, again: shared }
    cyclic.self = cyclic
    expect(cloneSafeArgs([cyclic])).toEqual([
      { shared: { n: 1 }, again: { n: 1 }, self: '[Circular]' },
    ])
  })

  it('turns an Error into its name, message and stack', () => {
    const error = new TypeError('bad')
    expect(cloneSafeArgs([error])).toEqual([
      { name: 'TypeError', message: 'bad', stack: error.stack },
    ])
  })

  it('copies class instances as plain objects of their own fields, functions described', () => {
    class Point {
      x = 1
      move = () => undefined
    }
    const copied = cloneSafeArgs([new Point()])
    expect(copied).toEqual([{ x: 1, move: '[Function move]' }])
    expect(() => structuredClone(copied)).not.toThrow()
  })

  it('copies maps and sets with their contents made safe', () => {
    const copied = cloneSafeArgs([new Map([['f', () => 1]]), new Set([Symbol.iterator])])
    expect(copied).toEqual([
      new Map([['f', '[Function (anonymous)]']]),
      new Set(['Symbol(Symbol.iterator)']),
    ])
  })

  it('shows a field whose getter throws as [Unreadable]', () => {
    const value = {
      get broken(): never {
        throw new Error('no')
      },
    }
    expect(cloneSafeArgs([value])).toEqual([{ broken: '[Unreadable]' }])
  })

  it('cuts values nested deeper than it copies', () => {
    let deep: Record<string, unknown> = { leaf: true }
    for (let i = 0; i < 20; i++) deep = { next: deep }
    const text = JSON.stringify(cloneSafeArgs([deep]))
    expect(text).toContain('"[Object]"')
    expect(text).not.toContain('leaf')
  })
})

describe('values for the automation client (json)', () => {
  it('drops functions, symbols and undefined members, as JSON.stringify does', () => {
    const value = { f() {}, s: Symbol('x'), u: undefined, list: [() => 1, undefined, 2] }
    expect(toJsonSafe(value)).toEqual({ list: [null, null, 2] })
  })

  it('writes binary data as its size, dates as ISO strings, bigints as digits', () => {
    const value = {
      buffer: new ArrayBuffer(8),
      bytes: new Uint16Array(3),
      when: new Date(0),
      big: 10n,
      nan: Number.NaN,
    }
    expect(toJsonSafe(value)).toEqual({
      buffer: 'ArrayBuffer(8)',
      bytes: 'Uint16Array(6)',
      when: '1970-01-01T00:00:00.000Z',
      big: '10',
      nan: null,
    })
  })

  it('turns maps into objects, sets into arrays and an Error into its fields', () => {
    const error = new RangeError('far')
    expect(toJsonSafe({ map: new Map([['a', 1]]), set: new Set([1, 2]), error })).toEqual({
      map: { a: 1 },
      set: [1, 2],
      error: { name: 'RangeError', message: 'far', stack: error.stack },
    })
  })
})

describe('a value reached along many paths (an element tree behind a tap event)', () => {
  // 40 levels, each reaching the next three times: 3^40 paths, as a glass-easel node reaches its
  // parent, owner, shadow root and siblings, each of which reaches the others again.
  function ladder(): Record<string, unknown> {
    let node: Record<string, unknown> = { leaf: true }
    for (let level = 0; level < 40; level++) node = { parent: node, owner: node, root: node, level }
    return node
  }

  it('is made shallower until it fits the budget, for JSON and for postMessage alike', () => {
    const asJson = JSON.stringify(toJsonSafe(ladder()))
    expect(asJson).toContain('"[Object]"')
    expect(asJson.length).toBeLessThan(1_000_000)
    const [cloned] = cloneSafeArgs([ladder()])
    expect(JSON.stringify(cloned)).toContain('"[Object]"')
    expect(() => structuredClone(cloned)).not.toThrow()
  })

  it('keeps the fields after a huge one: the first field does not eat the budget', () => {
    const event = { target: ladder(), currentTarget: { dataset: { mode: 'fingerPrint' } } }
    expect(toJsonSafe(event)).toMatchObject({ currentTarget: { dataset: { mode: 'fingerPrint' } } })
    expect(cloneSafeArgs([event])[0]).toMatchObject({
      currentTarget: { dataset: { mode: 'fingerPrint' } },
    })
  })

  it('cuts a flat list longer than the budget where the budget ends', () => {
    const rows = Array.from({ length: 6000 }, (_, id) => ({ id }))
    const copied = toJsonSafe(rows) as unknown[]
    expect(copied[0]).toEqual({ id: 0 })
    expect(copied[4998]).toEqual({ id: 4998 })
    expect(copied[4999]).toBe('[Truncated]')
  })

  it('keeps the order of the fields of an object', () => {
    const value = { a: { deep: 1 }, b: 2, c: [3] }
    expect(Object.keys(toJsonSafe(value) as object)).toEqual(['a', 'b', 'c'])
    expect(Object.keys(cloneSafeArgs([value])[0] as object)).toEqual(['a', 'b', 'c'])
  })
})
