/**
 * Builds HAR 1.2 entries from the engine's NetworkEvent stream. A finished event holds its body by
 * reference (in memory, or a file in the engine's temp dir, read when the HAR is built: build it
 * before the engine closes). Events do not carry the request body or the raw `Set-Cookie` values,
 * so the host hands those over (`noteRequestBody`, `noteResponse`); both are optional.
 */
import { readFile } from 'node:fs/promises'
import type { HeaderMap, NetworkEvent, Timings, TlsDetails } from '../../../shared/network'
import {
  applyNetworkEvent,
  createNetworkRecord,
  headerValue,
  type NetworkRecord,
} from '../../../shared/network-record'
import { parseCookieHeader, parseSetCookie } from './cookies'
import type {
  Har,
  HarContent,
  HarCreator,
  HarEntry,
  HarNameValue,
  HarPostData,
  HarTimings,
  HarWebSocketMessage,
} from './har-types'

/** A request's record (the shared fold of its events) and what the events do not carry. */
export interface HarSource {
  record: NetworkRecord
  requestBody?: string | Uint8Array
  /** The final response body; the record's `body` reference is read first. */
  responseBody?: Uint8Array
  /** The raw `Set-Cookie` values, one per cookie. */
  responseCookies?: string[]
}

export interface HarRecorder {
  handle(event: NetworkEvent): void
  /** The serialized body the request was sent with. */
  noteRequestBody(id: string, body: string | Uint8Array | undefined): void
  /** The final response body and the raw `Set-Cookie` values, one per cookie. */
  noteResponse(id: string, response: { body?: Uint8Array; cookies?: string[] }): void
  /** Every request seen so far, in the order they were queued. */
  toHar(creator: HarCreator): Promise<Har>
}

export function createHarRecorder(): HarRecorder {
  const sources = new Map<string, HarSource>()

  return {
    handle(event) {
      if (event.type === 'queued') {
        sources.set(event.id, { record: createNetworkRecord(event) })
        return
      }
      const source = sources.get(event.id)
      if (source) applyNetworkEvent(source.record, event)
    },
    noteRequestBody(id, body) {
      const source = sources.get(id)
      if (source) source.requestBody = body
    },
    noteResponse(id, response) {
      const source = sources.get(id)
      if (!source) return
      if (response.body) source.responseBody = response.body
      if (response.cookies) source.responseCookies = response.cookies
    },
    toHar: (creator) => buildHar(creator, [...sources.values()]),
  }
}

/** HAR 1.2 of these requests, in this order; bodies kept in temp files are read now. */
export async function buildHar(creator: HarCreator, sources: HarSource[]): Promise<Har> {
  const bodies = await Promise.all(sources.map(loadResponseBody))
  return {
    log: {
      version: '1.2',
      creator,
      entries: sources.map((source, index) => toEntry(source, bodies[index])),
    },
  }
}

/** The body the finished event refers to; a noted body is the fallback. */
async function loadResponseBody(source: HarSource): Promise<Uint8Array | undefined> {
  const ref = source.record.body
  if (ref?.kind === 'memory' && ref.data) return ref.data
  if (ref?.kind === 'file') {
    try {
      return await readFile(ref.path)
    } catch {
      // The engine already removed its temp file: the HAR keeps the sizes without the text.
    }
  }
  return source.responseBody
}

function toEntry(source: HarSource, responseBody: Uint8Array | undefined): HarEntry {
  const { record } = source
  const requestHeaders = record.requestHeaders
  const harTimings = toHarTimings(record.timings)
  const entry: HarEntry = {
    startedDateTime: new Date(record.queuedAt).toISOString(),
    time: record.timings ? entryTime(harTimings) : elapsed(record),
    request: {
      method: record.method,
      url: record.originalUrl,
      httpVersion: record.httpVersion ?? 'HTTP/1.1',
      cookies: parseCookieHeader(headerValue(requestHeaders, 'cookie')),
      headers: toNameValues(requestHeaders),
      queryString: queryStringOf(record.originalUrl),
      headersSize: -1,
      bodySize: record.requestBodySize,
    },
    response: record.responseHeaders
      ? toResponse(source, record.responseHeaders, responseBody)
      : emptyResponse(),
    cache: {},
    timings: harTimings,
  }
  const postData = toPostData(requestHeaders, source.requestBody)
  if (postData) entry.request.postData = postData
  if (record.remoteAddress) entry.serverIPAddress = record.remoteAddress
  if (record.page) entry._page = record.page
  if (record.api !== 'request') entry._api = record.api
  if (record.api === 'connectSocket') {
    entry._resourceType = 'websocket'
    entry._webSocketMessages = record.frames.map(toWebSocketMessage)
  }
  if (record.phoneWarnings.length > 0) entry._phoneWarnings = record.phoneWarnings
  if (record.mock) entry._mock = record.mock
  if (record.redirects.length > 0) entry._redirects = record.redirects
  if (record.tls) entry._tls = tlsSummary(record.tls)
  if (record.state === 'blocked') {
    entry._error = record.errMsg
    if (record.errno !== undefined) entry._errno = record.errno
    entry._blocked = record.blockRule
    entry.comment = `blocked (${record.blockRule}): ${record.errMsg}`
  } else if (record.state === 'failed') {
    entry._error = record.errMsg
    if (record.errno !== undefined) entry._errno = record.errno
    entry.comment = `failed: ${record.errMsg}`
  } else if (record.mock) {
    entry.comment = `answered by the API Mock rule ${record.mock}`
  } else if (record.closed) {
    entry.comment = `closed: ${record.closed.code} ${record.closed.reason}`
  } else if (record.state === 'pending') {
    entry._error = 'pending'
    entry.comment = 'still pending when the run ended'
  }
  return entry
}

/** Chrome's form of a frame: binary frames keep their first bytes (the preview), as base64. */
function toWebSocketMessage(frame: NetworkRecord['frames'][number]): HarWebSocketMessage {
  return {
    type: frame.direction,
    time: frame.time / 1000,
    opcode: frame.opcode === 'text' ? 1 : 2,
    data:
      frame.opcode === 'text'
        ? frame.preview
        : Buffer.from(frame.preview.replace(/[^0-9a-f]/g, ''), 'hex').toString('base64'),
  }
}

function toResponse(
  source: HarSource,
  headers: HeaderMap,
  body: Uint8Array | undefined,
): HarEntry['response'] {
  const { record } = source
  const setCookies = source.responseCookies ?? splitSetCookie(headerValue(headers, 'set-cookie'))
  const responseHeaders = toNameValues(headers).filter(
    (header) => header.name.toLowerCase() !== 'set-cookie',
  )
  for (const cookie of setCookies) responseHeaders.push({ name: 'set-cookie', value: cookie })
  return {
    status: record.status,
    statusText: record.statusText ?? '',
    httpVersion: record.httpVersion ?? 'HTTP/1.1',
    cookies: setCookies.map(parseSetCookie),
    headers: responseHeaders,
    content: toContent(headerValue(headers, 'content-type'), record, body),
    redirectURL: isRedirect(record.status) ? (headerValue(headers, 'location') ?? '') : '',
    headersSize: -1,
    bodySize: record.state === 'done' && record.encodedSize !== undefined ? record.encodedSize : -1,
  }
}

function emptyResponse(): HarEntry['response'] {
  return {
    status: 0,
    statusText: '',
    httpVersion: '',
    cookies: [],
    headers: [],
    content: { size: 0, mimeType: 'x-unknown' },
    redirectURL: '',
    headersSize: -1,
    bodySize: -1,
  }
}

function toContent(
  contentType: string | undefined,
  record: NetworkRecord,
  body: Uint8Array | undefined,
): HarContent {
  const mimeType = contentType ?? 'x-unknown'
  const finished = record.decodedSize !== undefined && record.encodedSize !== undefined
  const size = record.decodedSize ?? body?.byteLength ?? 0
  const content: HarContent = { size, mimeType }
  if (finished) content.compression = record.decodedSize! - record.encodedSize!
  if (body) {
    const text = asText(mimeType, body)
    if (text === null) {
      content.text = Buffer.from(body.buffer, body.byteOffset, body.byteLength).toString('base64')
      content.encoding = 'base64'
    } else {
      content.text = text
    }
  }
  return content
}

function toPostData(
  headers: HeaderMap,
  body: string | Uint8Array | undefined,
): HarPostData | undefined {
  if (body === undefined || body.length === 0) return undefined
  const mimeType = headerValue(headers, 'content-type') ?? ''
  const text = typeof body === 'string' ? body : asText(mimeType, body)
  if (text === null) {
    const bytes = body as Uint8Array
    return {
      mimeType,
      text: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('base64'),
      _encoding: 'base64',
    }
  }
  const postData: HarPostData = { mimeType, text }
  if (mimeType.includes('application/x-www-form-urlencoded')) {
    postData.params = [...new URLSearchParams(text)].map(([name, value]) => ({ name, value }))
  }
  return postData
}

const BINARY_MIME = /^(image|audio|video|font)\/|^application\/(octet-stream|pdf|zip|gzip|wasm)/i
const fatalUtf8 = new TextDecoder('utf-8', { fatal: true })

/** The body as text when it is text; `null` for binary (then written as base64). */
function asText(mimeType: string, body: Uint8Array): string | null {
  if (BINARY_MIME.test(mimeType)) return null
  try {
    return fatalUtf8.decode(body)
  } catch {
    return null
  }
}

/** HAR phases from the engine's timings; `connect` includes TLS in HAR, `send` is not measured. */
function toHarTimings(timings: Timings | undefined): HarTimings {
  if (!timings) return { blocked: -1, dns: -1, connect: -1, ssl: -1, send: 0, wait: 0, receive: 0 }
  return {
    blocked: timings.queue,
    dns: timings.dns,
    connect: timings.connect + timings.tls,
    ssl: timings.tls > 0 ? timings.tls : -1,
    send: 0,
    wait: timings.firstByte,
    receive: timings.download,
  }
}

/** HAR 1.2: `time` is the sum of the phases (ssl is inside connect). */
function entryTime(timings: HarTimings): number {
  const phases = [
    timings.blocked,
    timings.dns,
    timings.connect,
    timings.send,
    timings.wait,
    timings.receive,
  ]
  return phases.filter((ms) => ms > 0).reduce((sum, ms) => sum + ms, 0)
}

/** A request without measured timings: blocked or failed ones take their time to the end. */
function elapsed(record: NetworkRecord): number {
  const ended = record.state === 'blocked' || record.state === 'failed'
  return ended && record.endedAt !== undefined ? Math.max(0, record.endedAt - record.queuedAt) : 0
}

function tlsSummary(tls: TlsDetails): NonNullable<HarEntry['_tls']> {
  return {
    protocol: tls.protocol,
    cipher: tls.cipher,
    subject: tls.subject,
    issuer: tls.issuer,
    validTo: tls.validTo,
  }
}

function toNameValues(headers: HeaderMap): HarNameValue[] {
  return Object.entries(headers).map(([name, value]) => ({ name, value }))
}

function queryStringOf(url: string): HarNameValue[] {
  if (!URL.canParse(url)) return []
  return [...new URL(url).searchParams].map(([name, value]) => ({ name, value }))
}

function isRedirect(status: number): boolean {
  return status >= 300 && status < 400
}

/** A joined `set-cookie` header back into cookies: split on `,` only where a new `name=` starts. */
function splitSetCookie(joined: string | undefined): string[] {
  if (!joined) return []
  return joined.split(/,(?=\s*[^;,\s=]+=)/).map((cookie) => cookie.trim())
}
