import { describe, expect, test } from 'vitest'
import { headerValue, readRawHeaders } from './response-headers'

const raw = (...fields: string[]) => fields.map((field) => Buffer.from(field))

describe('readRawHeaders', () => {
  test('keeps the server’s spelling of each name', () => {
    const { header } = readRawHeaders(raw('Content-Type', 'text/plain', 'X-Trace-ID', 'a1'))
    expect(header).toEqual({ 'Content-Type': 'text/plain', 'X-Trace-ID': 'a1' })
  })

  test('joins a repeated field with "," under its first spelling, whatever the case', () => {
    const { header } = readRawHeaders(raw('Vary', 'Origin', 'vary', 'Accept', 'VARY', 'Cookie'))
    expect(header).toEqual({ Vary: 'Origin,Accept,Cookie' })
  })

  test('lists each Set-Cookie line in cookies as well as the joined header', () => {
    const { header, cookies } = readRawHeaders(raw('Set-Cookie', 'a=1', 'set-cookie', 'b=2'))
    expect(cookies).toEqual(['a=1', 'b=2'])
    expect(header).toEqual({ 'Set-Cookie': 'a=1,b=2' })
  })

  test('picks out Location, Content-Length and Content-Encoding in any case', () => {
    const result = readRawHeaders(
      raw('LOCATION', '/next', 'content-length', '12', 'Content-Encoding', 'gzip'),
    )
    expect(result).toMatchObject({
      location: '/next',
      contentLength: '12',
      contentEncoding: 'gzip',
    })
  })

  test('a repeated picked field is joined as in the header map', () => {
    const result = readRawHeaders(raw('Content-Encoding', 'gzip', 'content-encoding', 'br'))
    expect(result.contentEncoding).toBe('gzip,br')
  })

  test('decodes values as UTF-8 and accepts strings', () => {
    const { header } = readRawHeaders([Buffer.from('X-Name'), Buffer.from('小程序'), 'X-S', 'v'])
    expect(header).toEqual({ 'X-Name': '小程序', 'X-S': 'v' })
  })

  test('no raw headers is an empty result', () => {
    expect(readRawHeaders(null)).toEqual({ header: {}, cookies: [] })
  })
})

test('headerValue finds a name in any case', () => {
  expect(headerValue({ 'Content-Type': 'a/b' }, 'content-type')).toBe('a/b')
  expect(headerValue({ 'Content-Type': 'a/b' }, 'location')).toBeUndefined()
})
