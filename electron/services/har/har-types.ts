/**
 * HAR 1.2 (http://www.softwareishard.com/blog/har-12-spec/) as far as MP DevTools writes it.
 * Fields starting with `_` are custom, as the spec allows; Chrome uses `_error` the same way.
 */

export interface Har {
  log: HarLog
}

export interface HarLog {
  version: '1.2'
  creator: HarCreator
  entries: HarEntry[]
  comment?: string
}

export interface HarCreator {
  name: string
  version: string
}

export interface HarNameValue {
  name: string
  value: string
}

export interface HarCookie {
  name: string
  value: string
  path?: string
  domain?: string
  expires?: string
  httpOnly?: boolean
  secure?: boolean
}

export interface HarPostData {
  mimeType: string
  text: string
  params?: HarNameValue[]
  /** `base64` when `text` holds a binary body. */
  _encoding?: 'base64'
}

export interface HarRequest {
  method: string
  url: string
  httpVersion: string
  cookies: HarCookie[]
  headers: HarNameValue[]
  queryString: HarNameValue[]
  postData?: HarPostData
  headersSize: number
  bodySize: number
}

export interface HarContent {
  size: number
  compression?: number
  mimeType: string
  text?: string
  encoding?: 'base64'
}

export interface HarResponse {
  status: number
  statusText: string
  httpVersion: string
  cookies: HarCookie[]
  headers: HarNameValue[]
  content: HarContent
  redirectURL: string
  headersSize: number
  bodySize: number
}

/** Milliseconds; -1 where a phase does not apply. `connect` includes `ssl`, as HAR 1.2 says. */
export interface HarTimings {
  blocked: number
  dns: number
  connect: number
  ssl: number
  send: number
  wait: number
  receive: number
}

export interface HarRedirectHop {
  from: string
  to: string
  statusCode: number
}

export interface HarEntry {
  startedDateTime: string
  time: number
  request: HarRequest
  response: HarResponse
  cache: Record<string, never>
  timings: HarTimings
  serverIPAddress?: string
  comment?: string
  /** The errMsg of a request that was blocked or failed, e.g. `request:fail timeout`. */
  _error?: string
  _errno?: number
  /** The policy rule that refused the request (see BlockRule in shared/network.ts). */
  _blocked?: string
  /**
   * With the checks off: each rule a phone would have refused this request by (the request
   * itself, a redirect hop or its TLS connection), with the errMsg the phone would give.
   */
  _phoneWarnings?: HarPhoneWarning[]
  /** Redirects the engine followed before the final response. */
  _redirects?: HarRedirectHop[]
  /** Route of the page that made the call. */
  _page?: string
  _tls?: { protocol: string; cipher: string; subject: string; issuer: string; validTo: string }
  /** Which wx API made it: `request`, `uploadFile`, `downloadFile` or `connectSocket`. */
  _api?: string
  /** The API Mock rule that answered it (no network was used). */
  _mock?: string
  /** `websocket` for a socket, as Chrome writes it. */
  _resourceType?: string
  /** A socket's frames, in Chrome's HAR form. */
  _webSocketMessages?: HarWebSocketMessage[]
}

/** One WebSocket frame as Chrome's HAR export writes it: `time` in seconds, opcode 1 text, 2 binary. */
export interface HarWebSocketMessage {
  type: 'send' | 'receive'
  time: number
  opcode: 1 | 2
  /** The text, or binary data as base64. */
  data: string
}

/** A rule a phone would refuse the request by (see BlockRule in shared/network.ts). */
export interface HarPhoneWarning {
  rule: string
  errMsg: string
  /** The URL the rule judged: the request's, or a redirect hop's. */
  url: string
}
