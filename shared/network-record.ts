/**
 * One request as its `NetworkEvent`s have told it so far: the single fold of the engine's event
 * stream. The Network panel (its rows and details), the HAR recorder and the workbench's network
 * log all keep a `NetworkRecord` per request and feed every event to `applyNetworkEvent`; an
 * imported HAR file is turned back into the same events (`renderer/src/network/har-import.ts`).
 * A new event kind is one edit here.
 */
import type {
  BlockRule,
  BodyRef,
  HeaderMap,
  NetworkApi,
  NetworkEvent,
  Timings,
  TlsDetails,
} from './network'

export type RecordState = 'pending' | 'done' | 'blocked' | 'failed'

/** A rule a phone would refuse the request by, when the checks are off. */
export interface PhoneWarning {
  rule: BlockRule
  errMsg: string
  /** The request's URL or the redirect hop the rule judged. */
  url: string
}

export interface RedirectHop {
  from: string
  to: string
  statusCode: number
}

export interface ChunkRecord {
  size: number
  time: number
}

export interface SocketFrameRecord {
  direction: 'send' | 'receive'
  opcode: 'text' | 'binary'
  size: number
  /** The text, or the first bytes of binary data as hex. */
  preview: string
  time: number
}

export interface NetworkRecord {
  id: string
  api: NetworkApi
  method: string
  /** The URL the mini-program asked for. */
  originalUrl: string
  /** Where the request is now: the last redirect's target, else `originalUrl`. */
  url: string
  page: string
  /** ms since the epoch, when the engine queued it. */
  queuedAt: number
  /** What was sent (the engine's forced Referer and User-Agent included once started). */
  requestHeaders: HeaderMap
  requestBodySize: number
  state: RecordState
  /** 0 until the response headers arrive. */
  status: number
  statusText?: string
  httpVersion?: string
  remoteAddress?: string
  responseHeaders?: HeaderMap
  /** The content-type's media type, '' before the headers. */
  mimeType: string
  /** The API Mock rule that answered (no network was used); '' for a real response. */
  mock: string
  /** Why a blocked or failed request did not complete (WeChat's errMsg); '' otherwise. */
  errMsg: string
  errno?: number
  blockRule?: BlockRule
  timings?: Timings
  tls?: TlsDetails
  /** The response body, by reference, once finished. */
  body?: BodyRef
  encodedSize?: number
  decodedSize?: number
  /** Response bytes as received so far (encoded once finished). */
  received: number
  /** ms since the epoch when it was blocked, failed or (a socket) closed. */
  endedAt?: number
  phoneWarnings: PhoneWarning[]
  redirects: RedirectHop[]
  chunks: ChunkRecord[]
  frames: SocketFrameRecord[]
  /** A socket's close code and reason. */
  closed?: { code: number; reason: string }
}

type QueuedEvent = Extract<NetworkEvent, { type: 'queued' }>

export function createNetworkRecord(queued: QueuedEvent): NetworkRecord {
  return {
    id: queued.id,
    api: queued.api,
    method: queued.method,
    originalUrl: queued.url,
    url: queued.url,
    page: queued.page ?? '',
    queuedAt: queued.time,
    requestHeaders: queued.requestHeaders,
    requestBodySize: queued.requestBodySize,
    state: 'pending',
    status: 0,
    mimeType: '',
    mock: '',
    errMsg: '',
    received: 0,
    phoneWarnings: [],
    redirects: [],
    chunks: [],
    frames: [],
  }
}

/** A header's value whatever the case of its name. */
export function headerValue(headers: HeaderMap, name: string): string | undefined {
  const wanted = name.toLowerCase()
  for (const [key, value] of Object.entries(headers)) {
    if (key.toLowerCase() === wanted) return value
  }
  return undefined
}

/** Folds one event into its request's record (`queued` makes the record: see above). */
export function applyNetworkEvent(record: NetworkRecord, event: NetworkEvent): void {
  switch (event.type) {
    case 'queued':
      break
    case 'blocked':
      record.state = 'blocked'
      record.errMsg = event.errMsg
      record.errno = event.errno
      record.blockRule = event.rule
      record.endedAt = event.time
      break
    case 'started':
      record.requestHeaders = event.requestHeaders
      break
    case 'phone-warning':
      record.phoneWarnings.push({ rule: event.rule, errMsg: event.errMsg, url: event.url })
      break
    case 'redirect':
      record.redirects.push({ from: event.from, to: event.to, statusCode: event.statusCode })
      record.url = event.to
      break
    case 'headers':
      record.status = event.statusCode
      record.statusText = event.statusText
      record.httpVersion = event.httpVersion
      record.remoteAddress = event.remoteAddress
      record.responseHeaders = event.responseHeaders
      record.mock = event.mock ?? ''
      record.mimeType = (headerValue(event.responseHeaders, 'content-type') ?? '').split(';')[0]
      break
    case 'chunk':
      record.received += event.size
      record.chunks.push({ size: event.size, time: event.time })
      break
    case 'progress':
      if (event.direction === 'download') record.received = event.loaded
      break
    case 'finished':
      record.state = 'done'
      record.received = event.encodedSize
      record.encodedSize = event.encodedSize
      record.decodedSize = event.decodedSize
      record.timings = event.timings
      record.tls = event.tls
      record.body = event.body
      break
    case 'failed':
      record.state = 'failed'
      record.errMsg = event.errMsg
      record.errno = event.errno
      record.timings = event.timings
      record.endedAt = event.time
      break
    case 'socket-frame':
      record.frames.push({
        direction: event.direction,
        opcode: event.opcode,
        size: event.size,
        preview: event.preview,
        time: event.time,
      })
      record.received += event.size
      break
    case 'socket-closed':
      if (record.state === 'pending') record.state = 'done'
      record.closed = { code: event.code, reason: event.reason }
      record.endedAt = event.time
      break
    default: {
      // A kind declared in NetworkEvent and not folded here does not compile: the fold is the one
      // place a new kind is taught to the panel, the HAR writer and the network log.
      const unfolded: never = event
      return unfolded
    }
  }
}

/** ms from queued to its end (the measured total when there is one); -1 while pending. */
export function recordDuration(record: NetworkRecord): number {
  if (record.state === 'done' && record.timings) return record.timings.total
  if (record.state === 'failed' && record.timings) return record.timings.total
  return record.endedAt === undefined ? -1 : record.endedAt - record.queuedAt
}
