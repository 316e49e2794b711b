import { describe, expect, it } from 'vitest'
import {
  checkHost,
  formUrlEncode,
  hostOf,
  mergeQuery,
  normalizeRequestHeader,
  prepareRequest,
  serializeRequestBody,
  stringifyHeaderValue,
  type PreparedRequest,
} from './request-options'

function prepared(options: unknown): PreparedRequest {
  const result = prepareRequest(options)
  if (!result.ok) throw new Error(`expected ok, got ${result.failure.errMsg}`)
  return result.value
}

function failure(options: unknown) {
  const result = prepareRequest(options)
  if (result.ok) throw new Error('expected a failure')
  return result.failure
}

const URL = 'https://api.example.test/path'

describe('url parameter check', () => {
  it.each([
    [undefined, 'Undefined'],
    [null, 'Null'],
    [42, 'Number'],
    [{}, 'Object'],
    [['https://a.test'], 'Array'],
    [true, 'Boolean'],
  ])('refuses url %j with the type name %s and errno 1001', (url, type) => {
    expect(failure({ url })).toEqual({
      errMsg: `request:fail parameter error: parameter.url should be String instead of ${type};`,
      errno: 1001,
    })
  })

  it('treats missing options as a missing url', () => {
    expect(failure(undefined).errMsg).toBe(
      'request:fail parameter error: parameter.url should be String instead of Undefined;',
    )
  })

  it.each(['ftp://a.test/', 'api.example.test', '//a.test/x', '', ' https://a.test'])(
    'refuses %j as an invalid url with errno 600009',
    (url) => {
      expect(failure({ url })).toEqual({
        errMsg: `request:fail invalid url "${url}"`,
        errno: 600009,
      })
    },
  )

  it('accepts http and https in any case', () => {
    expect(prepared({ url: 'HTTPS://a.test/' }).request.url).toBe('HTTPS://a.test/')
    expect(prepared({ url: 'http://a.test/' }).request.url).toBe('http://a.test/')
  })
})

describe('data checks', () => {
  it('refuses function data', () => {
    expect(failure({ url: URL, data: () => 1 })).toEqual({
      errMsg: 'request:fail data should not be Function',
      errno: 600010,
    })
  })

  it('refuses data JSON.stringify throws on (a cycle)', () => {
    const data: Record<string, unknown> = {}
    data.self = data
    expect(failure({ url: URL, method: 'POST', data })).toEqual({
      errMsg: 'request:fail fail to stringify data',
      errno: 600010,
    })
  })

  it('refuses data JSON.stringify throws on (a BigInt)', () => {
    expect(failure({ url: URL, data: { n: BigInt(1) } }).errMsg).toBe(
      'request:fail fail to stringify data',
    )
  })

  it('checks the url before the data', () => {
    expect(failure({ url: 1, data: () => 1 }).errno).toBe(1001)
  })
})

describe('header', () => {
  it('defaults content-type to application/json', () => {
    expect(normalizeRequestHeader(undefined)).toEqual({
      header: { 'content-type': 'application/json' },
    })
  })

  it.each([[[]], [null], ['x-a: 1'], [7]])(
    'replaces a header that is not a plain object (%j) with {} and a warning',
    (header) => {
      expect(normalizeRequestHeader(header)).toEqual({
        header: { 'content-type': 'application/json' },
        warning: 'wx.request: header must be an object',
      })
    },
  )

  it('warns through prepareRequest and still sends', () => {
    const result = prepareRequest({ url: URL, header: ['x'] })
    expect(result.ok).toBe(true)
    expect(result.warnings).toEqual(['wx.request: header must be an object'])
  })

  it('keeps the warning when the request then fails', () => {
    const result = prepareRequest({ url: URL, header: 'x', method: 'PATCH' })
    expect(result).toMatchObject({ ok: false, warnings: ['wx.request: header must be an object'] })
  })

  it.each([
    ['text', 'text'],
    [12.5, '12.5'],
    [0, '0'],
    [true, '[object Boolean]'],
    [null, '[object Null]'],
    [undefined, '[object Undefined]'],
    [{ a: 1 }, '[object Object]'],
    [[1, 2], '[object Array]'],
  ])('stringifies the header value %j as %j', (value, text) => {
    expect(stringifyHeaderValue(value)).toBe(text)
  })

  it('renames any spelling of content-type to content-type and keeps its value', () => {
    expect(normalizeRequestHeader({ 'Content-Type': 'text/plain', 'X-Id': 3 }).header).toEqual({
      'content-type': 'text/plain',
      'X-Id': '3',
    })
    expect(normalizeRequestHeader({ 'CONTENT-TYPE': 'a/b' }).header).toEqual({
      'content-type': 'a/b',
    })
  })

  it('keeps other header names as written', () => {
    expect(prepared({ url: URL, header: { Cookie: 'a=1' } }).request.header).toEqual({
      Cookie: 'a=1',
      'content-type': 'application/json',
    })
  })
})

describe('method', () => {
  it('defaults to GET', () => {
    expect(prepared({ url: URL }).request.method).toBe('GET')
  })

  it.each(['options', 'get', 'head', 'post', 'put', 'delete', 'trace', 'connect'])(
    'upper-cases %s',
    (method) => {
      expect(prepared({ url: URL, method }).request.method).toBe(method.toUpperCase())
    },
  )

  it.each(['PATCH', 'patch', 'FOO', 42])('refuses %j without an errno', (method) => {
    expect(failure({ url: URL, method })).toEqual({ errMsg: 'request:fail method is invalid' })
  })
})

describe('body', () => {
  it('sends no body when data is undefined', () => {
    expect(prepared({ url: URL, method: 'POST' }).request.body).toBeUndefined()
  })

  it('JSON-serializes an object for the default content-type', () => {
    expect(prepared({ url: URL, method: 'POST', data: { a: [1, 'x'] } }).request.body).toBe(
      '{"a":[1,"x"]}',
    )
  })

  it('sends a string as it is', () => {
    expect(prepared({ url: URL, method: 'PUT', data: 'raw=1' }).request.body).toBe('raw=1')
  })

  it('sends an ArrayBuffer as its bytes', () => {
    const data = new Uint8Array([0, 1, 255]).buffer
    expect(prepared({ url: URL, method: 'POST', data }).request.body).toEqual(
      new Uint8Array([0, 1, 255]),
    )
  })

  it('form-urlencodes for application/x-www-form-urlencoded, both sides encoded', () => {
    const request = prepared({
      url: URL,
      method: 'POST',
      header: { 'Content-Type': 'application/x-www-form-urlencoded; charset=UTF-8' },
      data: { 'a b': '中 &', n: 1, nested: { x: 1 } },
    }).request
    expect(request.body).toBe('a%20b=%E4%B8%AD%20%26&n=1&nested=%5Bobject%20Object%5D')
  })

  it('JSON-serializes an object for any other content-type', () => {
    expect(serializeRequestBody({ a: 1 }, 'text/plain')).toBe('{"a":1}')
  })

  it('JSON-serializes a number for application/json', () => {
    expect(serializeRequestBody(5, 'application/json')).toBe('5')
    expect(serializeRequestBody(null, 'application/json')).toBe('null')
  })

  it('sends other primitives as their string for other content types', () => {
    expect(serializeRequestBody(5, 'text/plain')).toBe('5')
    expect(serializeRequestBody(true, 'text/plain')).toBe('true')
  })

  it('form-encodes nothing from a primitive', () => {
    expect(serializeRequestBody(5, 'application/x-www-form-urlencoded')).toBe('')
  })

  it('encodes form pairs with encodeURIComponent on keys and values', () => {
    expect(formUrlEncode({ 'k=': 'v/?', u: undefined, z: null })).toBe(
      'k%3D=v%2F%3F&u=undefined&z=null',
    )
  })

  it.each(['GET', 'HEAD'])('never sends a body with %s', (method) => {
    expect(prepared({ url: URL, method, data: 'x' }).request.body).toBeUndefined()
  })
})

describe('GET query merge', () => {
  it('appends data as an encoded query', () => {
    expect(mergeQuery('https://a.test/p', { q: 'a b', n: 1, t: true })).toBe(
      'https://a.test/p?q=a%20b&n=1&t=true',
    )
  })

  it('keeps existing pairs raw and adds new pairs after them', () => {
    expect(mergeQuery('https://a.test/p?x=%20y&raw=a b', { z: '1' })).toBe(
      'https://a.test/p?x=%20y&raw=a b&z=1',
    )
  })

  it('lets keys of data override existing keys of the same name', () => {
    expect(mergeQuery('https://a.test/p?a=1&b=2', { a: 'new' })).toBe('https://a.test/p?b=2&a=new')
  })

  it('JSON-stringifies object, array and null values before encoding', () => {
    expect(mergeQuery('https://a.test/', { o: { k: 1 }, l: [1, 2], n: null })).toBe(
      'https://a.test/?o=%7B%22k%22%3A1%7D&l=%5B1%2C2%5D&n=null',
    )
  })

  it('encodes keys and non-ASCII values', () => {
    expect(mergeQuery('https://a.test/', { '名 字': '值' })).toBe(
      'https://a.test/?%E5%90%8D%20%E5%AD%97=%E5%80%BC',
    )
  })

  it('leaves the url alone for empty, null or primitive data', () => {
    expect(mergeQuery('https://a.test/?a=1', {})).toBe('https://a.test/?a=1')
    expect(mergeQuery('https://a.test/?a=1', null)).toBe('https://a.test/?a=1')
    expect(mergeQuery('https://a.test/?a=1', 'b=2')).toBe('https://a.test/?a=1')
  })

  it('keeps a valueless pair and skips empty pieces', () => {
    expect(mergeQuery('https://a.test/?flag&&a=1&', { b: 2 })).toBe('https://a.test/?flag&a=1&b=2')
  })

  it('does not treat a #fragment specially, as the base library', () => {
    expect(mergeQuery('https://a.test/p#top', { a: 1 })).toBe('https://a.test/p#top?a=1')
  })

  it('applies to GET only', () => {
    expect(prepared({ url: URL, data: { a: 1 } }).request.url).toBe(`${URL}?a=1`)
    expect(prepared({ url: URL, method: 'get', data: { a: 1 } }).request.url).toBe(`${URL}?a=1`)
    expect(prepared({ url: URL, method: 'POST', data: { a: 1 } }).request.url).toBe(URL)
  })
})

describe('host check', () => {
  it.each([
    ['https://.example.test/', '.example.test'],
    ['https://a..example.test/x', 'a..example.test'],
    ['http://..:8080/', '..'],
  ])('refuses %s as illegal host %s with errno 101', (url, host) => {
    expect(failure({ url })).toEqual({ errMsg: `request:fail illegal host: ${host}`, errno: 101 })
    expect(checkHost(url)).toEqual({ errMsg: `request:fail illegal host: ${host}`, errno: 101 })
  })

  it('accepts ordinary hosts', () => {
    expect(checkHost('https://a.example.test:8443/x?y=..')).toBeUndefined()
  })

  it.each([
    ['https://user:pw@h.test:8080/x', 'h.test'],
    ['https://h.test?q', 'h.test'],
    ['https://h.test#f', 'h.test'],
    ['https://[::1]:8080/', '[::1]'],
    ['https://h.test', 'h.test'],
  ])('finds the host of %s', (url, host) => {
    expect(hostOf(url)).toBe(host)
  })
})

describe('options passed to the engine', () => {
  it('passes timeout, enableChunked, redirect and the page', () => {
    const result = prepareRequest(
      { url: URL, timeout: 1500, enableChunked: true, redirect: 'manual' },
      'pages/index/index',
    )
    expect(result.ok && result.value.request).toEqual({
      api: 'request',
      url: URL,
      method: 'GET',
      header: { 'content-type': 'application/json' },
      timeout: 1500,
      enableChunked: true,
      redirect: 'manual',
      page: 'pages/index/index',
    })
  })

  it('drops a redirect value WeChat does not know and a timeout that is not a positive number', () => {
    const request = prepared({ url: URL, redirect: 'error', timeout: '100' }).request
    expect(request.redirect).toBeUndefined()
    expect(request.timeout).toBeUndefined()
  })

  it('defaults responseType to text and dataType to json', () => {
    const value = prepared({ url: URL })
    expect([value.responseType, value.dataType]).toEqual(['text', 'json'])
  })

  it('lower-cases responseType', () => {
    expect(prepared({ url: URL, responseType: 'ArrayBuffer' }).responseType).toBe('arraybuffer')
  })

  it('keeps a dataType other than json as given', () => {
    expect(prepared({ url: URL, dataType: 'text' }).dataType).toBe('text')
  })
})
