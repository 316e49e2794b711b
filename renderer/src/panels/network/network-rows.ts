/**
 * The Network panel's model: one small row per request (what the table shows, filters and sorts
 * by) and a separate details record (headers, timings, chunks) read only by the details view.
 * Rows are plain objects updated in place; the store tells Vue when a batch was applied.
 */
import type {
  BlockRule,
  HeaderMap,
  NetworkApi,
  NetworkEvent,
  Timings,
  TlsDetails,
} from '../../../../shared/network'

export type RequestType = 'request' | 'upload' | 'download' | 'socket'
export type RowState = 'pending' | 'done' | 'blocked' | 'failed'

export interface NetworkRow {
  id: string
  /** Order of arrival, the default sort. */
  seq: number
  name: string
  url: string
  method: string
  type: RequestType
  page: string
  /** 0 until the response headers arrive. */
  status: number
  state: RowState
  /** Why a blocked or failed request did not complete, in the engine's words. */
  reason: string
  /**
   * What a phone would answer this request (the errMsgs, one per line) when the checks are off
   * and it breaks a rule a phone applies; '' when a phone would pass it.
   */
  phoneWarning: string
  /** The API Mock rule that answered (no network was used); '' for a real response. */
  mock: string
  /** Response bytes as received (encoded), else as far as known. */
  size: number
  /** ms since the epoch */
  start: number
  /** ms; -1 while pending */
  duration: number
  mimeType: string
}

export interface PhoneWarning {
  rule: BlockRule
  errMsg: string
  /** The request's URL or the redirect hop the rule judged. */
  url: string
}

export interface ChunkRecord {
  size: number
  time: number
}

export interface SocketFrameRecord {
  direction: 'send' | 'receive'
  opcode: 'text' | 'binary'
  size: number
  preview: string
  time: number
}

export interface RequestDetails {
  requestHeaders: HeaderMap
  requestBodySize: number
  responseHeaders?: HeaderMap
  statusText?: string
  httpVersion?: string
  remoteAddress?: string
  timings?: Timings
  tls?: TlsDetails
  blockRule?: BlockRule
  errno?: number
  /** Rules a phone would refuse this request by (checks off), for the Headers tab. */
  phoneWarnings: PhoneWarning[]
  redirects: { from: string; to: string; statusCode: number }[]
  chunks: ChunkRecord[]
  frames: SocketFrameRecord[]
  /** Bodies of rows opened from a HAR file (a live row's bodies stay in the main process). */
  imported?: { requestText?: string; responseText?: string; responseBase64?: string }
}

const TYPE_OF_API: Record<NetworkApi, RequestType> = {
  request: 'request',
  uploadFile: 'upload',
  downloadFile: 'download',
  connectSocket: 'socket',
}

/** What Chrome shows as a request's name: the last path segment and the query, else the host. */
export function requestName(url: string): string {
  try {
    const parsed = new URL(url)
    const segment = parsed.pathname.split('/').filter(Boolean).pop()
    return segment ? `${decodeURIComponent(segment)}${parsed.search}` : parsed.host + parsed.search
  } catch {
    return url
  }
}

/** The words after `request:fail ` (or `uploadFile:fail ` …), as the table shows them. */
export function failureReason(errMsg: string): string {
  const match = /^\w+:fail ?(.*)$/s.exec(errMsg)
  return match ? match[1] || errMsg : errMsg
}

function headerValue(headers: HeaderMap, name: string): string | undefined {
  const wanted = name.toLowerCase()
  for (const [key, value] of Object.entries(headers)) {
    if (key.toLowerCase() === wanted) return value
  }
  return undefined
}

/** Applies one engine event to the log; answers the row it touched (undefined when unknown). */
export class NetworkLogModel {
  readonly rows: NetworkRow[] = []
  readonly byId = new Map<string, NetworkRow>()
  readonly details = new Map<string, RequestDetails>()
  private seq = 0

  clear(): void {
    this.rows.length = 0
    this.byId.clear()
    this.details.clear()
  }

  add(row: Omit<NetworkRow, 'seq'>, details: RequestDetails): NetworkRow {
    const existing = this.byId.get(row.id)
    if (existing) this.rows.splice(this.rows.indexOf(existing), 1)
    const added: NetworkRow = { ...row, seq: ++this.seq }
    this.rows.push(added)
    this.byId.set(added.id, added)
    this.details.set(added.id, details)
    return added
  }

  apply(event: NetworkEvent): NetworkRow | undefined {
    if (event.type === 'queued') {
      return this.add(
        {
          id: event.id,
          name: requestName(event.url),
          url: event.url,
          method: event.method,
          type: TYPE_OF_API[event.api],
          page: event.page ?? '',
          status: 0,
          state: 'pending',
          reason: '',
          phoneWarning: '',
          mock: '',
          size: 0,
          start: event.time,
          duration: -1,
          mimeType: '',
        },
        {
          requestHeaders: event.requestHeaders,
          requestBodySize: event.requestBodySize,
          phoneWarnings: [],
          redirects: [],
          chunks: [],
          frames: [],
        },
      )
    }
    const row = this.byId.get(event.id)
    const details = this.details.get(event.id)
    if (!row || !details) return undefined
    switch (event.type) {
      case 'blocked':
        row.state = 'blocked'
        row.reason = failureReason(event.errMsg)
        row.duration = event.time - row.start
        details.blockRule = event.rule
        details.errno = event.errno
        break
      case 'started':
        details.requestHeaders = event.requestHeaders
        break
      case 'phone-warning':
        details.phoneWarnings.push({ rule: event.rule, errMsg: event.errMsg, url: event.url })
        row.phoneWarning = phoneWarningText(details.phoneWarnings)
        break
      case 'redirect':
        details.redirects.push({ from: event.from, to: event.to, statusCode: event.statusCode })
        row.url = event.to
        row.name = requestName(event.to)
        break
      case 'headers':
        row.status = event.statusCode
        row.mock = event.mock ?? ''
        row.mimeType = (headerValue(event.responseHeaders, 'content-type') ?? '').split(';')[0]
        details.responseHeaders = event.responseHeaders
        details.statusText = event.statusText
        details.httpVersion = event.httpVersion
        details.remoteAddress = event.remoteAddress
        break
      case 'chunk':
        row.size += event.size
        details.chunks.push({ size: event.size, time: event.time })
        break
      case 'progress':
        if (event.direction === 'download') row.size = event.loaded
        break
      case 'finished':
        row.state = 'done'
        row.size = event.encodedSize
        row.duration = event.timings.total
        details.timings = event.timings
        details.tls = event.tls
        break
      case 'failed':
        row.state = 'failed'
        row.reason = failureReason(event.errMsg)
        row.duration = event.timings?.total ?? event.time - row.start
        details.timings = event.timings
        details.errno = event.errno
        break
      case 'socket-frame':
        details.frames.push({
          direction: event.direction,
          opcode: event.opcode,
          size: event.size,
          preview: event.preview,
          time: event.time,
        })
        row.size += event.size
        break
      case 'socket-closed':
        if (row.state === 'pending') row.state = 'done'
        row.duration = event.time - row.start
        break
    }
    return row
  }
}

/** The row's tooltip text: each distinct errMsg once. */
export function phoneWarningText(warnings: readonly PhoneWarning[]): string {
  return [...new Set(warnings.map((warning) => warning.errMsg))].join('\n')
}

export type StatusClass = 'all' | '1xx' | '2xx' | '3xx' | '4xx' | '5xx'
export type TypeFilter = 'all' | RequestType

export interface RowFilter {
  text: string
  type: TypeFilter
  status: StatusClass
  /** Only blocked and failed rows. */
  problemsOnly: boolean
  /** Only rows a phone would refuse (checks off). */
  phoneOnly: boolean
}

export const NO_FILTER: RowFilter = {
  text: '',
  type: 'all',
  status: 'all',
  problemsOnly: false,
  phoneOnly: false,
}

export function isFiltering(filter: RowFilter): boolean {
  return (
    filter.text !== '' ||
    filter.type !== 'all' ||
    filter.status !== 'all' ||
    filter.problemsOnly ||
    filter.phoneOnly
  )
}

/** A predicate for the filter, built once so the per-row work stays small. */
export function rowMatcher(filter: RowFilter): (row: NetworkRow) => boolean {
  const text = filter.text.trim().toLowerCase()
  const statusDigit = filter.status === 'all' ? 0 : Number(filter.status[0])
  return (row) =>
    (filter.type === 'all' || row.type === filter.type) &&
    (statusDigit === 0 || Math.floor(row.status / 100) === statusDigit) &&
    (!filter.problemsOnly || row.state === 'blocked' || row.state === 'failed') &&
    (!filter.phoneOnly || row.phoneWarning !== '') &&
    (text === '' || row.url.toLowerCase().includes(text))
}

export type SortKey = 'seq' | 'name' | 'status' | 'method' | 'type' | 'page' | 'size' | 'duration'

export interface RowSort {
  key: SortKey
  descending: boolean
}

/** Blocked and failed rows sort below every status code, pending ones below those. */
function statusRank(row: NetworkRow): number {
  if (row.state === 'blocked') return -3
  if (row.state === 'failed') return -2
  return row.status === 0 ? -1 : row.status
}

export function compareRows(key: SortKey): (a: NetworkRow, b: NetworkRow) => number {
  switch (key) {
    case 'status':
      return (a, b) => statusRank(a) - statusRank(b) || a.seq - b.seq
    case 'size':
    case 'duration':
    case 'seq':
      return (a, b) => a[key] - b[key] || a.seq - b.seq
    default:
      return (a, b) => a[key].localeCompare(b[key]) || a.seq - b.seq
  }
}

/** The rows the table lists, filtered then sorted; the log's own array when neither applies. */
export function visibleRows(rows: NetworkRow[], filter: RowFilter, sort: RowSort): NetworkRow[] {
  const plain = sort.key === 'seq' && !sort.descending
  if (!isFiltering(filter) && plain) return rows
  const kept = isFiltering(filter) ? rows.filter(rowMatcher(filter)) : rows.slice()
  if (plain) return kept
  const compare = compareRows(sort.key)
  return kept.sort(sort.descending ? (a, b) => compare(b, a) : compare)
}
