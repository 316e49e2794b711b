import { describe, expect, it } from 'vitest'
import { asCurl, asFetch, shellQuote } from './request-copy'

describe('copy as cURL', () => {
  it('quotes a single quote the POSIX way', () => {
    expect(shellQuote("it's")).toBe(`'it'\\''s'`)
  })

  it('writes method, headers and body, POST implied by the body', () => {
    expect(
      asCurl({
        url: 'https://a.test/x',
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: '{"a":1}',
      }),
    ).toBe(
      `curl 'https://a.test/x' \\\n  -H 'content-type: application/json' \\\n  --data-raw '{"a":1}'`,
    )
  })

  it('names a method that the body does not imply', () => {
    expect(asCurl({ url: 'https://a.test/x', method: 'DELETE', headers: {} })).toBe(
      `curl 'https://a.test/x' \\\n  -X 'DELETE'`,
    )
  })
})

describe('copy as fetch', () => {
  it('writes a fetch call with method, headers and body', () => {
    const text = asFetch({ url: 'https://a.test/x', method: 'PUT', headers: { a: 'b' }, body: 'x' })
    expect(text.startsWith('fetch("https://a.test/x", ')).toBe(true)
    expect(JSON.parse(text.slice('fetch("https://a.test/x", '.length, -1))).toEqual({
      method: 'PUT',
      headers: { a: 'b' },
      body: 'x',
    })
  })
})
