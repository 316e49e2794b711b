/**
 * Opens a HAR file (ours or Chrome's) in the Network panel: each entry becomes the `NetworkEvent`s
 * the engine would have sent for it (as httptoolkit-ui's `parseHar` does), so imported requests go
 * through the same fold (`shared/network-record.ts`) as live ones. The bodies the file carries
 * are kept for the Payload, Preview and Response tabs.
 */
import type {
  BlockRule,
  HeaderMap,
  NetworkApi,
  NetworkEvent,
  Timings,
} from '../../../shared/network'
import type { RequestDetails } from './network-rows'

export interface ImportedRequest {
  id: string
  events: NetworkEvent[]
  imported: NonNullable<RequestDetails['imported']>
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

function apiOf(entry: Record<string, unknown>, url: string): NetworkApi {
  if (entry._resourceType === 'websocket' || /^wss?:/.test(url)) return 'connectSocket'
  if (entry._api === 'uploadFile' || entry._api === 'downloadFile') return entry._api
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

function eventTime(value: unknown, fallback: number): number {
  return typeof value === 'number' && Number.isFinite(value) ? value : fallback
}

/** Our `_phoneWarnings` and `_redirects` as the events that made them. */
function hopEvents(entry: Record<string, unknown>, id: string, url: string, time: number) {
  const events: NetworkEvent[] = []
  for (const item of Array.isArray(entry._phoneWarnings) ? entry._phoneWarnings : []) {
    if (!isRecord(item) || typeof item.rule !== 'string') continue
    events.push({
      type: 'phone-warning',
      id,
      rule: item.rule as BlockRule,
      errMsg: String(item.errMsg ?? ''),
      url: typeof item.url === 'string' ? item.url : url,
      time,
    })
  }
  for (const hop of Array.isArray(entry._redirects) ? entry._redirects : []) {
    if (!isRecord(hop) || typeof hop.from !== 'string' || typeof hop.to !== 'string') continue
    events.push({
      type: 'redirect',
      id,
      from: hop.from,
      to: hop.to,
      statusCode: num(hop.statusCode),
      time,
    })
  }
  return events
}

/** A socket's `_webSocketMessages` (Chrome's form) as its frame events, then its close. */
function socketEvents(entry: Record<string, unknown>, id: string, time: number, end: number) {
  const events: NetworkEvent[] = []
  for (const message of Array.isArray(entry._webSocketMessages) ? entry._webSocketMessages : []) {
    if (!isRecord(message) || typeof message.data !== 'string') continue
    const text = message.opcode !== 2
    const data = text ? message.data : hexOfBase64(message.data)
    events.push({
      type: 'socket-frame',
      id,
      direction: message.type === 'send' ? 'send' : 'receive',
      opcode: text ? 'text' : 'binary',
      size: text ? new TextEncoder().encode(data).byteLength : data.length / 2,
      preview: data,
      time: eventTime(typeof message.time === 'number' ? message.time * 1000 : undefined, time),
    })
  }
  const closed = /^closed: (\d+) ?(.*)$/s.exec(
    typeof entry.comment === 'string' ? entry.comment : '',
  )
  if (closed) {
    events.push({
      type: 'socket-closed',
      id,
      code: Number(closed[1]),
      reason: closed[2],
      time: end,
    })
  }
  return events
}

function hexOfBase64(base64: string): string {
  try {
    return Array.from(atob(base64), (char) =>
      char.charCodeAt(0).toString(16).padStart(2, '0'),
    ).join('')
  } catch {
    return ''
  }
}

const NO_TIMINGS: Omit<Timings, 'total'> = {
  queue: 0,
  dns: 0,
  connect: 0,
  tls: 0,
  firstByte: 0,
  download: 0,
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
    const id = `har-${index + 1}`
    const url = request.url as string
    const error = typeof entry._error === 'string' && entry._error !== 'pending' ? entry._error : ''
    const errno = typeof entry._errno === 'number' ? entry._errno : undefined
    const status = num(response.status)
    const total = num(entry.time)
    const parsedStart = Date.parse(String(entry.startedDateTime ?? ''))
    const start = Number.isNaN(parsedStart) ? 0 : parsedStart
    const end = start + total
    const timings = timingsOf(entry.timings, total)
    const postData = isRecord(request.postData) ? request.postData : undefined
    const events: NetworkEvent[] = [
      {
        type: 'queued',
        id,
        api: apiOf(entry, url),
        url,
        method: String(request.method ?? 'GET'),
        requestHeaders: headerMap(request.headers),
        requestBodySize: num(request.bodySize),
        ...(typeof entry._page === 'string' && { page: entry._page }),
        time: start,
      },
      ...hopEvents(entry, id, url, start),
    ]
    if (typeof entry._blocked === 'string') {
      const rule = entry._blocked as BlockRule
      events.push({ type: 'blocked', id, rule, url, errMsg: error, errno, time: end })
    } else {
      if (status) {
        events.push({
          type: 'headers',
          id,
          statusCode: status,
          statusText: String(response.statusText ?? ''),
          httpVersion: String(response.httpVersion ?? ''),
          responseHeaders: headerMap(response.headers),
          ...(typeof entry.serverIPAddress === 'string' && {
            remoteAddress: entry.serverIPAddress,
          }),
          ...(typeof entry._mock === 'string' && { mock: entry._mock }),
          time: end,
        })
      }
      if (apiOf(entry, url) === 'connectSocket') events.push(...socketEvents(entry, id, start, end))
      if (error) {
        events.push({ type: 'failed', id, errMsg: error, errno, timings, time: end })
      } else if (status && apiOf(entry, url) !== 'connectSocket') {
        const decodedSize = num(content.size)
        events.push({
          type: 'finished',
          id,
          encodedSize: num(response.bodySize, decodedSize),
          decodedSize,
          timings: timings ?? { ...NO_TIMINGS, total },
          body: { kind: 'memory', size: decodedSize },
          time: end,
        })
      }
    }
    requests.push({
      id,
      events,
      imported: {
        requestText: typeof postData?.text === 'string' ? postData.text : undefined,
        ...(typeof content.text === 'string' &&
          (content.encoding === 'base64'
            ? { responseBase64: content.text }
            : { responseText: content.text })),
      },
    })
  })
  return { ok: true, requests }
}
