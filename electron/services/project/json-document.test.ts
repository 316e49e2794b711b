import { describe, expect, it } from 'vitest'
import { parseStrictJson, positionAt } from './json-document'

describe('positionAt', () => {
  it('counts lines and columns from 1', () => {
    expect(positionAt('ab\ncd', 4)).toEqual({ line: 2, column: 2 })
  })

  it('counts a CRLF line ending as one line break', () => {
    expect(positionAt('ab\r\ncd', 5)).toEqual({ line: 2, column: 2 })
  })
})

describe('parseStrictJson', () => {
  it('ignores a byte order mark when placing errors', () => {
    const parsed = parseStrictJson('app.json', '\uFEFF{"a" 1}')
    expect(parsed).toMatchObject({ ok: false, problems: [{ line: 1, column: 6 }] })
  })

  it('reports one problem per error position', () => {
    const parsed = parseStrictJson('app.json', '{"a": 1,}')
    expect(parsed.ok === false && parsed.problems).toHaveLength(1)
  })

  it('reports an empty file', () => {
    expect(parseStrictJson('app.json', '')).toMatchObject({
      ok: false,
      problems: [
        {
          code: 'JSON_SYNTAX',
          line: 1,
          column: 1,
          message: expect.stringContaining('expected a value'),
        },
      ],
    })
  })

  it('parses strict JSON', () => {
    expect(parseStrictJson('app.json', '{"pages": []}')).toMatchObject({
      ok: true,
      doc: { value: { pages: [] } },
    })
  })
})
