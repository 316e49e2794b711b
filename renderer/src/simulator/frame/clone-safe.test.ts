import { describe, expect, it } from 'vitest'
import { cloneSafeArgs } from './clone-safe'

describe('console arguments for postMessage', () => {
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
