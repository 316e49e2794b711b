/**
 * The Network panel's model: per request, its record (the shared fold of its events,
 * `shared/network-record.ts`: headers, timings, chunks — read only by the details view) and one
 * small row derived from it (what the table shows, filters and sorts by). Rows are plain objects
 * updated in place; the store tells Vue when a batch was applied.
 */
import type { NetworkApi, NetworkEvent } from '../../../shared/network'
import {
  applyNetworkEvent,
  createNetworkRecord,
  recordDuration,
  type NetworkRecord,
  type PhoneWarning,
} from '../../../shared/network-record'

export type { ChunkRecord, PhoneWarning, SocketFrameRecord } from '../../../shared/network-record'

export type RequestType = 'request' | 'upload' | 'download' | 'socket' | 'cloud'
export type RowState = NetworkRecord['state']

/** What the table shows of a request, derived from its record after every event. */
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

/** The details view's record: the request's fold, plus the bodies a HAR file carried. */
export interface RequestDetails extends NetworkRecord {
  /** Bodies of rows opened from a HAR file (a live row's bodies stay in the main process). */
  imported?: { requestText?: string; responseText?: string; responseBase64?: string }
}

const TYPE_OF_API: Record<NetworkApi, RequestType> = {
  request: 'request',
  uploadFile: 'upload',
  downloadFile: 'download',
  connectSocket: 'socket',
  cloud: 'cloud',
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

/** Brings a row up to date with its record; the derived texts only when their source changed. */
function syncRow(row: NetworkRow, record: NetworkRecord): void {
  if (row.url !== record.url) {
    row.url = record.url
    row.name = requestName(record.url)
  }
  if (record.errMsg && row.reason === '') row.reason = failureReason(record.errMsg)
  if (record.phoneWarnings.length > 0) row.phoneWarning = phoneWarningText(record.phoneWarnings)
  row.status = record.status
  row.state = record.state
  row.mock = record.mock
  row.size = record.received
  row.duration = recordDuration(record)
  row.mimeType = record.mimeType
}

/** The request log: one record per request (the fold) and the small row the table shows. */
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

  /** Applies one engine event; answers the row it touched (undefined when unknown). */
  apply(event: NetworkEvent): NetworkRow | undefined {
    if (event.type === 'queued') return this.add(createNetworkRecord(event))
    const row = this.byId.get(event.id)
    const record = this.details.get(event.id)
    if (!row || !record) return undefined
    applyNetworkEvent(record, event)
    syncRow(row, record)
    return row
  }

  private add(record: RequestDetails): NetworkRow {
    const existing = this.byId.get(record.id)
    if (existing) this.rows.splice(this.rows.indexOf(existing), 1)
    const row: NetworkRow = {
      id: record.id,
      seq: ++this.seq,
      name: requestName(record.url),
      url: record.url,
      method: record.method,
      type: TYPE_OF_API[record.api],
      page: record.page,
      status: 0,
      state: 'pending',
      reason: '',
      phoneWarning: '',
      mock: '',
      size: 0,
      start: record.queuedAt,
      duration: -1,
      mimeType: '',
    }
    this.rows.push(row)
    this.byId.set(row.id, row)
    this.details.set(row.id, record)
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
