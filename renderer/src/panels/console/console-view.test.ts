import { describe, expect, it } from 'vitest'
import type { ConsoleEntry } from '../../stores/console'
import { consoleLines, lineMatches, sourcePlace, tableView } from './console-view'

let id = 0
function entry(level: string, ...args: unknown[]): ConsoleEntry {
  return { id: ++id, time: 0, source: 'miniprogram', level, args }
}

describe('consoleLines', () => {
  const entries = [
    entry('group', 'outer'),
    entry('log', 'inside'),
    entry('groupCollapsed', 'folded'),
    entry('log', 'hidden'),
    entry('groupEnd'),
    entry('groupEnd'),
    entry('log', 'after'),
  ]

  it('indents lines by group depth and hides a collapsed group’s content', () => {
    const lines = consoleLines(entries, new Set())
    expect(lines.map((line) => [line.entry.args[0], line.depth])).toEqual([
      ['outer', 0],
      ['inside', 1],
      ['folded', 1],
      ['after', 0],
    ])
  })

  it('flips a group the user toggled', () => {
    const lines = consoleLines(entries, new Set([entries[0].id]))
    expect(lines.map((line) => line.entry.args[0])).toEqual(['outer', 'after'])
    expect(lines[0].group).toEqual({ collapsed: true })
  })
})

describe('lineMatches', () => {
  it('filters by level and by text in any argument', () => {
    const warn = { entry: entry('warn', 'disk', { code: 'E42' }), depth: 0 }
    expect(lineMatches(warn, 'warn', '')).toBe(true)
    expect(lineMatches(warn, 'error', '')).toBe(false)
    expect(lineMatches(warn, 'all', 'e42')).toBe(true)
    expect(lineMatches(warn, 'all', 'nothing')).toBe(false)
  })
})

describe('sourcePlace', () => {
  it('names the file and line of the first frame', () => {
    expect(sourcePlace('Error\n    at onLoad (http://x/pages/index/index.js:12:5)')).toBe(
      'index.js:12',
    )
  })

  it('is undefined without a stack', () => {
    expect(sourcePlace(undefined)).toBeUndefined()
  })
})

describe('tableView', () => {
  it('lays rows of objects out with the union of their keys', () => {
    expect(tableView([{ a: 1 }, { b: 'x' }])).toEqual({
      columns: ['a', 'b'],
      rows: [
        { index: '0', cells: ['1', ''] },
        { index: '1', cells: ['', 'x'] },
      ],
    })
  })

  it('puts plain values in a Value column', () => {
    expect(tableView({ x: 1 })).toEqual({
      columns: ['Value'],
      rows: [{ index: 'x', cells: ['1'] }],
    })
  })
})
