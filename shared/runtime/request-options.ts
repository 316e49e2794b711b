/**
 * The base library's half of `wx.request` before anything is sent: parameter checks, header
 * normalization and data serialization (docs/wechat-behaviour.md §1.5), as pure functions.
 */
import type { EngineRequest } from '../network'
import { ERRNO, FAIL_WORDS } from '../wechat-errors'
import { apiFailure, isPlainObject, parameterError, typeName, type ApiFailure } from './api-result'
import type { Prepared } from './task-core'

export const REQUEST_METHODS = [
  'OPTIONS',
  'GET',
  'HEAD',
  'POST',
  'PUT',
  'DELETE',
  'TRACE',
  'CONNECT',
] as const

export const HEADER_NOT_OBJECT_WARNING = 'wx.request: header must be an object'

/** A request ready for the engine, plus what the runtime needs to shape the response. */
export interface PreparedRequest {
  request: EngineRequest
  /** `json` parses the text body; any other value keeps it as a string. @default 'json' */
  dataType: unknown
  /** @default 'text' */
  responseType: 'text' | 'arraybuffer'
}

/** Header values as the base library stringifies them: numbers with `+''`, others by tag. */
export function stringifyHeaderValue(value: unknown): string {
  if (typeof value === 'string') return value
  if (typeof value === 'number') return String(value)
  return Object.prototype.toString.call(value)
}

/**
 * The header the engine gets: values stringified, any `content-type` spelling renamed to
 * `content-type`, `application/json` by default. A header that is not a plain object is replaced
 * by `{}` with a warning.
 */
export function normalizeRequestHeader(header: unknown): {
  header: Record<string, string>
  warning?: string
} {
  const result: Record<string, string> = {}
  const valid = header === undefined || isPlainObject(header)
  if (valid && header !== undefined) {
    for (const key of Object.keys(header)) {
      const name = key.toLowerCase() === 'content-type' ? 'content-type' : key
      result[name] = stringifyHeaderValue(header[key])
    }
  }
  if (result['content-type'] === undefined) result['content-type'] = 'application/json'
  return valid ? { header: result } : { header: result, warning: HEADER_NOT_OBJECT_WARNING }
}

/** `k=v&…` with both sides URI-encoded; nested values are encoded as their string form. */
export function formUrlEncode(data: object): string {
  const record = data as Record<string, unknown>
  return Object.keys(record)
    .map((key) => `${encodeURIComponent(key)}=${encodeURIComponent(String(record[key]))}`)
    .join('&')
}

/**
 * The body the base library builds (even for GET): strings and ArrayBuffers as they are,
 * form-urlencoded pairs, or JSON. `undefined` becomes `''`.
 */
export function serializeRequestBody(data: unknown, contentType: string): string | ArrayBuffer {
  if (data === undefined) return ''
  if (typeof data === 'string') return data
  if (typeName(data) === 'ArrayBuffer') return data as ArrayBuffer
  if (contentType.includes('application/x-www-form-urlencoded')) {
    return typeof data === 'object' && data !== null ? formUrlEncode(data) : ''
  }
  if (contentType.includes('application/json') || typeof data === 'object') {
    return JSON.stringify(data)
  }
  return String(data)
}

/**
 * GET's data merged into the URL's query: existing pairs stay as written, new pairs are
 * URI-encoded (objects and null JSON-stringified first), and keys of `data` replace existing keys
 * of the same name. A `#fragment` is not treated specially, as in the base library.
 */
export function mergeQuery(url: string, data: unknown): string {
  if (typeof data !== 'object' || data === null) return url
  const record = data as Record<string, unknown>
  const keys = Object.keys(record)
  if (keys.length === 0) return url
  const questionMark = url.indexOf('?')
  const base = questionMark === -1 ? url : url.slice(0, questionMark)
  const query = questionMark === -1 ? '' : url.slice(questionMark + 1)
  const pairs = new Map<string, string>()
  for (const pair of query.split('&')) {
    if (pair === '') continue
    const equals = pair.indexOf('=')
    pairs.set(equals === -1 ? pair : pair.slice(0, equals), pair)
  }
  for (const key of keys) {
    const value = record[key]
    const text = typeof value === 'object' ? JSON.stringify(value) : String(value)
    const name = encodeURIComponent(key)
    pairs.delete(name)
    pairs.set(name, `${name}=${encodeURIComponent(text)}`)
  }
  return `${base}?${[...pairs.values()].join('&')}`
}

/** The host part of an `http(s)://` URL: no user info, no port. */
export function hostOf(url: string): string {
  const afterScheme = url.slice(url.indexOf('://') + 3)
  const authority = afterScheme.split(/[/?#]/, 1)[0]
  const host = authority.slice(authority.lastIndexOf('@') + 1)
  return host.startsWith('[') ? host.slice(0, host.indexOf(']') + 1) : host.replace(/:\d*$/, '')
}

/** A host that starts with `.` or contains `..` is refused before anything is sent. */
export function checkHost(url: string): ApiFailure | undefined {
  const host = hostOf(url)
  if (host.startsWith('.') || host.includes('..')) {
    return apiFailure('request', FAIL_WORDS.illegalHost(host), ERRNO.illegalHost)
  }
  return undefined
}

function bodyForEngine(body: string | ArrayBuffer): string | Uint8Array | undefined {
  if (typeof body === 'string') return body === '' ? undefined : body
  return new Uint8Array(body.slice(0))
}

/**
 * Checks and serializes `wx.request`'s options in the base library's order: url type, url
 * scheme, data, header, defaults, body, GET query, host, method. `page` is the calling page's
 * route, for the Network panel.
 */
export function prepareRequest(options: unknown, page?: string): Prepared<PreparedRequest> {
  const warnings: string[] = []
  const fail = (failure: ApiFailure): Prepared<PreparedRequest> => ({
    ok: false,
    failure,
    warnings,
  })
  const opts = (typeof options === 'object' && options !== null ? options : {}) as Record<
    string,
    unknown
  >
  const { url, data } = opts
  if (typeof url !== 'string') return fail(parameterError('request', 'url', 'String', url))
  if (!/^(http|https):\/\/.*/i.test(url)) {
    return fail(apiFailure('request', FAIL_WORDS.invalidUrl(url), ERRNO.invalidUrl))
  }
  if (typeof data === 'function') {
    return fail(apiFailure('request', FAIL_WORDS.dataIsFunction, ERRNO.invalidData))
  }
  try {
    JSON.stringify(data)
  } catch {
    return fail(apiFailure('request', FAIL_WORDS.dataNotStringifiable, ERRNO.invalidData))
  }
  const { header, warning } = normalizeRequestHeader(opts.header)
  if (warning) warnings.push(warning)
  const method = opts.method ? String(opts.method).toUpperCase() : 'GET'
  const responseType =
    typeof opts.responseType === 'string' && opts.responseType.toLowerCase() === 'arraybuffer'
      ? 'arraybuffer'
      : 'text'
  const dataType = opts.dataType === undefined ? 'json' : opts.dataType
  const body = serializeRequestBody(data, header['content-type'])
  const finalUrl = method === 'GET' ? mergeQuery(url, data) : url
  const hostFailure = checkHost(finalUrl)
  if (hostFailure) return fail(hostFailure)
  if (!(REQUEST_METHODS as readonly string[]).includes(method)) {
    return fail(apiFailure('request', 'method is invalid'))
  }
  const request: EngineRequest = { api: 'request', url: finalUrl, method, header }
  // What goes on the wire is what DevTools' XHR sends: never a body with GET or HEAD.
  const wireBody = method === 'GET' || method === 'HEAD' ? undefined : bodyForEngine(body)
  if (wireBody !== undefined) request.body = wireBody
  if (typeof opts.timeout === 'number' && opts.timeout > 0) request.timeout = opts.timeout
  if (opts.enableChunked === true) request.enableChunked = true
  if (opts.redirect === 'follow' || opts.redirect === 'manual') request.redirect = opts.redirect
  if (page !== undefined) request.page = page
  return { ok: true, value: { request, dataType, responseType }, warnings }
}
