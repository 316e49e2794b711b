/**
 * Opens a HAR file (ours or Chrome's) as Network panel rows. Only what the table and the details
 * view show is taken; the bodies the file carries are kept for the Payload, Preview and Response tabs.
 */
import type { BlockRule, HeaderMap, Timings } from '../../../../shared/network'
import {
  failureReason,
  phoneWarningText,
  requestName,
  type NetworkRow,
  type PhoneWarning,
  type RequestDetails,
  type RequestType,
} from './network-rows'

export interface ImportedRequest {
  row: Omit<NetworkRow, 'seq'>
  details: RequestDetails
}

interface NameValue {
  name: string
  value: string
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

function headerMap(list: unknown): HeaderMap {
  const map: HeaderMap = {}
  if (!Array.isArray(list)) return map
  for (const item of list as NameValue[]) {
    if (!isRecord(item) || typeof item.name !== 'string') continue
    const value = String(item.value ?? '')
    map[item.name] = item.name in map ? `${map[item.name]},${value}` : value
  }
  return map
}

function num(value: unknown, fallback = 0): number {
  return typeof value === 'number' && Number.isFinite(value) && value >= 0 ? value : fallback
}

function typeOf(entry: Record<string, unknown>, url: string): RequestType {
  const resource = entry._resourceType
  if (resource === 'websocket' || /^wss?:/.test(url)) return 'socket'
  if (entry._api === 'uploadFile') return 'upload'
  if (entry._api === 'downloadFile') return 'download'
  return 'request'
}

function timingsOf(raw: unknown, total: number): Timings | undefined {
  if (!isRecord(raw)) return undefined
  return {
    queue: num(raw.blocked),
    dns: num(raw.dns),
    // HAR counts the TLS handshake inside connect; the Timing tab shows them apart.
    connect: Math.max(0, num(raw.connect) - num(raw.ssl)),
    tls: num(raw.ssl),
    firstByte: num(raw.wait),
    download: num(raw.receive),
    total,
  }
}

/** Our `_phoneWarnings`: the rules a phone would refuse the request by. */
function phoneWarningsOf(raw: unknown, url: string): PhoneWarning[] {
  if (!Array.isArray(raw)) return []
  return raw
    .filter((item) => isRecord(item) && typeof item.rule === 'string')
    .map((item: Record<string, unknown>) => ({
      rule: item.rule as BlockRule,
      errMsg: String(item.errMsg ?? ''),
      url: typeof item.url === 'string' ? item.url : url,
    }))
}

export type HarImport = { ok: true; requests: ImportedRequest[] } | { ok: false; message: string }

/** Parses HAR text; an entry without a request URL is skipped, a file without `log.entries` refused. */
export function importHar(text: string): HarImport {
  let parsed: unknown
  try {
    parsed = JSON.parse(text)
  } catch (error) {
    return { ok: false, message: `Not JSON: ${(error as Error).message}` }
  }
  const entries = isRecord(parsed) && isRecord(parsed.log) ? parsed.log.entries : undefined
  if (!Array.isArray(entries)) return { ok: false, message: 'No log.entries: not a HAR file' }
  const requests: ImportedRequest[] = []
  entries.forEach((entry: unknown, index) => {
    if (!isRecord(entry) || !isRecord(entry.request) || typeof entry.request.url !== 'string') {
      return
    }
    const { request } = entry
    const response = isRecord(entry.response) ? entry.response : {}
    const content = isRecord(response.content) ? response.content : {}
    const url = request.url as string
    const error = typeof entry._error === 'string' && entry._error !== 'pending' ? entry._error : ''
    const status = num(response.status)
    const total = num(entry.time)
    const state: NetworkRow['state'] =
      typeof entry._blocked === 'string'
        ? 'blocked'
        : error
          ? 'failed'
          : status
            ? 'done'
            : 'pending'
    const postData = isRecord(request.postData) ? request.postData : undefined
    const phoneWarnings = phoneWarningsOf(entry._phoneWarnings, url)
    const started = Date.parse(String(entry.startedDateTime ?? ''))
    requests.push({
      row: {
        id: `har-${index + 1}`,
        name: requestName(url),
        url,
        method: String(request.method ?? 'GET'),
        type: typeOf(entry, url),
        page: typeof entry._page === 'string' ? entry._page : '',
        status,
        state,
        reason: error ? failureReason(error) : '',
        phoneWarning: phoneWarningText(phoneWarnings),
        mock: typeof entry._mock === 'string' ? entry._mock : '',
        size: num(response.bodySize, num(content.size)),
        start: Number.isNaN(started) ? 0 : started,
        duration: state === 'pending' ? -1 : total,
        mimeType: String(content.mimeType ?? '').split(';')[0],
      },
      details: {
        requestHeaders: headerMap(request.headers),
        requestBodySize: num(request.bodySize),
        ...(status && {
          responseHeaders: headerMap(response.headers),
          statusText: String(response.statusText ?? ''),
          httpVersion: String(response.httpVersion ?? ''),
        }),
        ...(typeof entry.serverIPAddress === 'string' && { remoteAddress: entry.serverIPAddress }),
        timings: timingsOf(entry.timings, total),
        phoneWarnings,
        redirects: [],
        chunks: [],
        frames: [],
        imported: {
          requestText: typeof postData?.text === 'string' ? postData.text : undefined,
          ...(typeof content.text === 'string' &&
            (content.encoding === 'base64'
              ? { responseBase64: content.text }
              : { responseText: content.text })),
        },
      },
    })
  })
  return { ok: true, requests }
}
