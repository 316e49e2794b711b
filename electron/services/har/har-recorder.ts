/**
 * Builds HAR 1.2 entries from the engine's NetworkEvent stream. A finished event holds its body by
 * reference (in memory, or a file in the engine's temp dir, read when the HAR is built: build it
 * before the engine closes). Events do not carry the request body or the raw `Set-Cookie` values,
 * so the host hands those over (`noteRequestBody`, `noteResponse`); both are optional.
 */
import { readFile } from 'node:fs/promises'
import type { BodyRef, HeaderMap, NetworkEvent, Timings, TlsDetails } from '../../../shared/network'
import { parseCookieHeader, parseSetCookie } from './cookies'
import type {
  Har,
  HarContent,
  HarCreator,
  HarEntry,
  HarNameValue,
  HarPhoneWarning,
  HarPostData,
  HarRedirectHop,
  HarTimings,
  HarWebSocketMessage,
} from './har-types'

type EventOf<T extends NetworkEvent['type']> = Extract<NetworkEvent, { type: T }>

interface RequestRecord {
  queued: EventOf<'queued'>
  started?: EventOf<'started'>
  blocked?: EventOf<'blocked'>
  headers?: EventOf<'headers'>
  finished?: EventOf<'finished'>
  failed?: EventOf<'failed'>
  redirects: HarRedirectHop[]
  phoneWarnings: HarPhoneWarning[]
  requestBody?: string | Uint8Array
  responseBody?: Uint8Array
  responseCookies?: string[]
  /** A socket's frames (the events carry a preview: text whole, binary as hex). */
  frames: HarWebSocketMessage[]
  socketClosed?: EventOf<'socket-closed'>
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
  const records = new Map<string, RequestRecord>()

  return {
    handle(event) {
      if (event.type === 'queued') {
        records.set(event.id, { queued: event, redirects: [], phoneWarnings: [], frames: [] })
        return
      }
      const record = records.get(event.id)
      if (!record) return
      switch (event.type) {
        case 'started':
          record.started = event
          break
        case 'blocked':
          record.blocked = event
          break
        case 'phone-warning':
          record.phoneWarnings.push({ rule: event.rule, errMsg: event.errMsg, url: event.url })
          break
        case 'redirect':
          record.redirects.push({ from: event.from, to: event.to, statusCode: event.statusCode })
          break
        case 'headers':
          record.headers = event
          break
        case 'finished':
          record.finished = event
          break
        case 'failed':
          record.failed = event
          break
        case 'socket-frame':
          record.frames.push({
            type: event.direction,
            time: event.time / 1000,
            opcode: event.opcode === 'text' ? 1 : 2,
            data:
              event.opcode === 'text'
                ? event.preview
                : Buffer.from(event.preview.replace(/[^0-9a-f]/g, ''), 'hex').toString('base64'),
          })
          break
        case 'socket-closed':
          record.socketClosed = event
          break
        case 'chunk':
          break
      }
    },
    noteRequestBody(id, body) {
      const record = records.get(id)
      if (record) record.requestBody = body
    },
    noteResponse(id, response) {
      const record = records.get(id)
      if (!record) return
      if (response.body) record.responseBody = response.body
      if (response.cookies) record.responseCookies = response.cookies
    },
    async toHar(creator) {
      const all = [...records.values()]
      await Promise.all(all.map(loadResponseBody))
      return { log: { version: '1.2', creator, entries: all.map(toEntry) } }
    },
  }
}

/** Takes the body the finished event refers to; a noted body is the fallback. */
async function loadResponseBody(record: RequestRecord): Promise<void> {
  const ref: BodyRef | undefined = record.finished?.body
  if (ref?.kind === 'memory' && ref.data) record.responseBody = ref.data
  if (ref?.kind === 'file') {
    try {
      record.responseBody = await readFile(ref.path)
    } catch {
      // The engine already removed its temp file: the HAR keeps the sizes without the text.
    }
  }
}

function toEntry(record: RequestRecord): HarEntry {
  const { queued, started, blocked, headers, finished, failed } = record
  const requestHeaders = started?.requestHeaders ?? queued.requestHeaders
  const timings = finished?.timings ?? failed?.timings
  const harTimings = toHarTimings(timings)
  const entry: HarEntry = {
    startedDateTime: new Date(queued.time).toISOString(),
    time: timings ? entryTime(harTimings) : elapsed(record),
    request: {
      method: queued.method,
      url: queued.url,
      httpVersion: headers?.httpVersion ?? 'HTTP/1.1',
      cookies: parseCookieHeader(headerValue(requestHeaders, 'cookie')),
      headers: toNameValues(requestHeaders),
      queryString: queryStringOf(queued.url),
      headersSize: -1,
      bodySize: queued.requestBodySize,
    },
    response: headers ? toResponse(record, headers) : emptyResponse(),
    cache: {},
    timings: harTimings,
  }
  const postData = toPostData(requestHeaders, record.requestBody)
  if (postData) entry.request.postData = postData
  if (headers?.remoteAddress) entry.serverIPAddress = headers.remoteAddress
  if (queued.page) entry._page = queued.page
  if (queued.api !== 'request') entry._api = queued.api
  if (queued.api === 'connectSocket') {
    entry._resourceType = 'websocket'
    entry._webSocketMessages = record.frames
  }
  if (record.phoneWarnings.length > 0) entry._phoneWarnings = record.phoneWarnings
  if (headers?.mock) entry._mock = headers.mock
  if (record.redirects.length > 0) entry._redirects = record.redirects
  if (finished?.tls) entry._tls = tlsSummary(finished.tls)
  if (blocked) {
    entry._error = blocked.errMsg
    if (blocked.errno !== undefined) entry._errno = blocked.errno
    entry._blocked = blocked.rule
    entry.comment = `blocked (${blocked.rule}): ${blocked.errMsg}`
  } else if (failed) {
    entry._error = failed.errMsg
    if (failed.errno !== undefined) entry._errno = failed.errno
    entry.comment = `failed: ${failed.errMsg}`
  } else if (headers?.mock) {
    entry.comment = `answered by the API Mock rule ${headers.mock}`
  } else if (record.socketClosed) {
    entry.comment = `closed: ${record.socketClosed.code} ${record.socketClosed.reason}`
  } else if (!finished) {
    entry._error = 'pending'
    entry.comment = 'still pending when the run ended'
  }
  return entry
}

function toResponse(record: RequestRecord, headers: EventOf<'headers'>): HarEntry['response'] {
  const setCookies =
    record.responseCookies ?? splitSetCookie(headerValue(headers.responseHeaders, 'set-cookie'))
  const responseHeaders = toNameValues(headers.responseHeaders).filter(
    (header) => header.name.toLowerCase() !== 'set-cookie',
  )
  for (const cookie of setCookies) responseHeaders.push({ name: 'set-cookie', value: cookie })
  const finished = record.finished
  return {
    status: headers.statusCode,
    statusText: headers.statusText,
    httpVersion: headers.httpVersion ?? 'HTTP/1.1',
    cookies: setCookies.map(parseSetCookie),
    headers: responseHeaders,
    content: toContent(headerValue(headers.responseHeaders, 'content-type'), record),
    redirectURL: isRedirect(headers.statusCode)
      ? (headerValue(headers.responseHeaders, 'location') ?? '')
      : '',
    headersSize: -1,
    bodySize: finished ? finished.encodedSize : -1,
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

function toContent(contentType: string | undefined, record: RequestRecord): HarContent {
  const mimeType = contentType ?? 'x-unknown'
  const finished = record.finished
  const size = finished?.decodedSize ?? record.responseBody?.byteLength ?? 0
  const content: HarContent = { size, mimeType }
  if (finished) content.compression = finished.decodedSize - finished.encodedSize
  const body = record.responseBody
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

function elapsed(record: RequestRecord): number {
  const end = record.blocked?.time ?? record.failed?.time
  return end === undefined ? 0 : Math.max(0, end - record.queued.time)
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

function headerValue(headers: HeaderMap, name: string): string | undefined {
  for (const [key, value] of Object.entries(headers)) {
    if (key.toLowerCase() === name) return value
  }
  return undefined
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
