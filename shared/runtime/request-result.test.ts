import { describe, expect, it } from 'vitest'
import {
  headersReceivedResult,
  normalizeResponseHeader,
  parseResponseText,
  requestSuccessResult,
  responseData,
  stripOneBom,
  toArrayBuffer,
} from './request-result'

const utf8 = (text: string) => new TextEncoder().encode(text)

describe('response header', () => {
  it('joins array values with a comma and drops values that are not strings', () => {
    expect(
      normalizeResponseHeader({
        'X-A': ['1', '2'],
        'Content-Type': 'text/plain',
        n: 5,
        u: undefined,
      }),
    ).toEqual({ 'X-A': '1,2', 'Content-Type': 'text/plain' })
  })
})

describe('body text', () => {
  it('strips exactly one leading BOM', () => {
    expect(stripOneBom('\uFEFF\uFEFFx')).toBe('\uFEFFx')
    expect(stripOneBom('x\uFEFF')).toBe('x\uFEFF')
  })

  it('parses JSON for dataType json, after the BOM', () => {
    expect(parseResponseText('\uFEFF{"a":1}', 'json')).toEqual({ a: 1 })
    expect(parseResponseText('123', 'json')).toBe(123)
  })

  it('keeps text that is not JSON, silently', () => {
    expect(parseResponseText('<html>', 'json')).toBe('<html>')
    expect(parseResponseText('', 'json')).toBe('')
    expect(parseResponseText('\uFEFF\uFEFF{}', 'json')).toBe('\uFEFF{}')
  })

  it('does not parse for another dataType, but still strips the BOM', () => {
    expect(parseResponseText('\uFEFF{"a":1}', 'text')).toBe('{"a":1}')
  })

  it('decodes UTF-8 for responseType text', () => {
    expect(responseData(utf8('\uFEFF{"名":"值"}'), 'text', 'json')).toEqual({ 名: '值' })
  })

  it('returns an ArrayBuffer of exactly the body for responseType arraybuffer, never parsed', () => {
    const backing = new Uint8Array([9, 123, 125, 9])
    const data = responseData(backing.subarray(1, 3), 'arraybuffer', 'json')
    expect(data).toBeInstanceOf(ArrayBuffer)
    expect([...new Uint8Array(data as ArrayBuffer)]).toEqual([123, 125])
  })

  it('hands over a buffer the view covers whole, without copying it', () => {
    const bytes = new Uint8Array([1, 2])
    expect(toArrayBuffer(bytes)).toBe(bytes.buffer)
  })

  it('copies a view over part of a larger buffer', () => {
    const backing = new Uint8Array([1, 2, 3])
    const buffer = toArrayBuffer(backing.subarray(1))
    expect(buffer).not.toBe(backing.buffer)
    expect([...new Uint8Array(buffer)]).toEqual([2, 3])
  })
})

describe('success result', () => {
  const head = {
    statusCode: 404,
    header: { 'Set-Cookie': 'a=1,b=2' },
    cookies: ['a=1; Expires=Wed, 21 Oct 2026 07:28:00 GMT', 'b=2'],
  }

  it('is a success for any status, with errMsg request:ok', () => {
    expect(requestSuccessResult(head, utf8('{"e":"nf"}'), 'text', 'json')).toEqual({
      data: { e: 'nf' },
      statusCode: 404,
      header: { 'Set-Cookie': 'a=1,b=2' },
      cookies: ['a=1; Expires=Wed, 21 Oct 2026 07:28:00 GMT', 'b=2'],
      errMsg: 'request:ok',
    })
  })

  it('has no profile, as DevTools returns none', () => {
    expect('profile' in requestSuccessResult(head, utf8(''), 'text', 'json')).toBe(false)
  })

  it('gives headers listeners the header, statusCode and cookies', () => {
    expect(headersReceivedResult(head)).toEqual({
      header: { 'Set-Cookie': 'a=1,b=2' },
      statusCode: 404,
      cookies: head.cookies,
    })
  })
})
