import { describe, expect, it } from 'vitest'
import { formatConsoleLine, formatValue } from './console-line'

describe('formatConsoleLine', () => {
  it('joins the arguments of console.log with a space, strings as they are', () => {
    expect(formatConsoleLine('log', ['status', 200, 'ok'])).toBe('status 200 ok')
  })

  it('prints objects and arrays as JSON', () => {
    expect(formatConsoleLine('log', ['data', { a: 1, b: ['x'] }, null, true])).toBe(
      'data {"a":1,"b":["x"]} null true',
    )
  })

  it('starts console.warn lines with [warn]', () => {
    expect(formatConsoleLine('warn', ['careful', 1])).toBe('[warn] careful 1')
  })

  it('starts console.error lines with [error]', () => {
    expect(formatConsoleLine('error', ['broken'])).toBe('[error] broken')
  })

  it('prints console.info and console.debug without a prefix', () => {
    expect(formatConsoleLine('info', ['note'])).toBe('note')
    expect(formatConsoleLine('debug', ['detail'])).toBe('detail')
  })

  it('prints a group as its label and nothing for groupEnd', () => {
    expect(formatConsoleLine('group', ['Sat request 合法域名校验出错'])).toBe(
      'Sat request 合法域名校验出错',
    )
    expect(formatConsoleLine('groupCollapsed', ['folded'])).toBe('folded')
    expect(formatConsoleLine('groupEnd', [])).toBeNull()
  })

  it('prints a table as the JSON of its rows', () => {
    expect(
      formatConsoleLine('table', [[['https://a.example.test'], ['https://b.example.test']]]),
    ).toBe('[["https://a.example.test"],["https://b.example.test"]]')
  })

  it('keeps a call on one line when a value holds newlines', () => {
    expect(formatConsoleLine('log', ['first\nsecond'])).toBe('first\\nsecond')
  })
})

describe('formatValue', () => {
  it('writes undefined as undefined', () => {
    expect(formatValue(undefined)).toBe('undefined')
  })

  it('writes an Error as its stack', () => {
    const error = new TypeError('bad thing')
    expect(formatValue(error)).toBe(error.stack)
  })

  it('writes binary data with its size', () => {
    expect(formatValue(new ArrayBuffer(8))).toBe('ArrayBuffer(8)')
    expect(formatValue(new Uint8Array(3))).toBe('Uint8Array(3)')
    expect(formatValue({ body: new ArrayBuffer(2) })).toBe('{"body":"ArrayBuffer(2)"}')
  })

  it('names functions instead of dropping them', () => {
    expect(formatValue(function onTap() {})).toBe('[Function onTap]')
    expect(formatValue({ cb: () => 1 })).toBe('{"cb":"[Function cb]"}')
  })

  it('cuts circular references but keeps repeated siblings', () => {
    const shared = { n: 1 }
    const node: Record<string, unknown> = { a: shared, b: shared }
    node.self = node
    expect(formatValue(node)).toBe('{"a":{"n":1},"b":{"n":1},"self":"[Circular]"}')
  })

  it('writes bigint and symbol values', () => {
    expect(formatValue(10n)).toBe('10n')
    expect(formatValue(Symbol('tag'))).toBe('Symbol(tag)')
  })
})
