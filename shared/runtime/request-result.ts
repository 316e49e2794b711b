/**
 * The base library's half of `wx.request` after the engine answered: what `success`,
 * `onHeadersReceived` and `onChunkReceived` receive (docs/wechat-behaviour.md §1.2, §1.4, §1.5
 * step 9).
 *
 * `profile` is left out on purpose: WeChat documents it for iOS and Android only, and DevTools
 * and the PC client do not return it, so code that relies on it must already cope without it.
 */
import type { ResponseHead } from '../network'

export const BOM = '\uFEFF'

/** What `success` receives. */
export interface RequestSuccessResult {
  /** An ArrayBuffer, the text, or what JSON.parse made of it. */
  data: unknown
  statusCode: number
  header: Record<string, string>
  cookies: string[]
  errMsg: 'request:ok'
}

/** What an `onHeadersReceived` listener receives. */
export interface HeadersReceivedResult {
  header: Record<string, string>
  statusCode: number
  cookies: string[]
}

/** Header values as the mini-program sees them: arrays joined with `,`, non-strings dropped. */
export function normalizeResponseHeader(header: Record<string, unknown>): Record<string, string> {
  const result: Record<string, string> = {}
  for (const key of Object.keys(header)) {
    const value = header[key]
    if (Array.isArray(value)) result[key] = value.join(',')
    else if (typeof value === 'string') result[key] = value
  }
  return result
}

/** Removes one leading byte-order mark, no more (a second one is the server's content). */
export function stripOneBom(text: string): string {
  return text.startsWith(BOM) ? text.slice(1) : text
}

/** `dataType: 'json'` parses; text that is not JSON is kept as it is, silently. */
export function parseResponseText(text: string, dataType: unknown): unknown {
  const stripped = stripOneBom(text)
  if (dataType !== 'json') return stripped
  try {
    return JSON.parse(stripped) as unknown
  } catch {
    return stripped
  }
}

/**
 * An ArrayBuffer holding exactly these bytes. A view over a whole buffer hands that buffer over
 * without a copy, so a 100 MB response is not held twice; a partial view is copied.
 */
export function toArrayBuffer(bytes: Uint8Array): ArrayBuffer {
  const { buffer } = bytes
  if (
    buffer instanceof ArrayBuffer &&
    bytes.byteOffset === 0 &&
    bytes.byteLength === buffer.byteLength
  ) {
    return buffer
  }
  const copy = new Uint8Array(bytes.byteLength)
  copy.set(bytes)
  return copy.buffer
}

const utf8 = new TextDecoder('utf-8', { ignoreBOM: true })

/** The response body as `data`: an ArrayBuffer, or UTF-8 text parsed per `dataType`. */
export function responseData(
  body: Uint8Array,
  responseType: 'text' | 'arraybuffer',
  dataType: unknown,
): unknown {
  if (responseType === 'arraybuffer') return toArrayBuffer(body)
  return parseResponseText(utf8.decode(body), dataType)
}

export function headersReceivedResult(head: ResponseHead): HeadersReceivedResult {
  return {
    header: normalizeResponseHeader(head.header),
    statusCode: parseInt(String(head.statusCode), 10),
    cookies: [...head.cookies],
  }
}

/** Every HTTP status is a success in WeChat: 404 and 500 included. */
export function requestSuccessResult(
  head: ResponseHead,
  body: Uint8Array,
  responseType: 'text' | 'arraybuffer',
  dataType: unknown,
): RequestSuccessResult {
  const { header, statusCode, cookies } = headersReceivedResult(head)
  const data = responseData(body, responseType, dataType)
  return { data, statusCode, header, cookies, errMsg: 'request:ok' }
}
