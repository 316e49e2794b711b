/**
 * The agreement between the mini-program runtime (WeChat's base library part: parameter checks,
 * serialization, callbacks, tasks) and the request engine (WeChat's client part: policy, Referer,
 * timeout, queue, HTTP, events). Plain data, so it crosses processes and frames unchanged.
 */

/** The API behind a Network row; `cloud` is a `wx.cloud` call (answered without a network). */
export type NetworkApi = 'request' | 'uploadFile' | 'downloadFile' | 'connectSocket' | 'cloud'

/** What the runtime hands the engine after the base library's checks and serialization. */
export interface EngineRequest {
  api: 'request'
  url: string
  /** Upper-cased, one of OPTIONS GET HEAD POST PUT DELETE TRACE CONNECT. */
  method: string
  /** String values; `content-type` key lower-cased. The engine sets Referer and User-Agent. */
  header: Record<string, string>
  /** The serialized body; absent for none. */
  body?: string | Uint8Array
  /** The call's `timeout` in ms, if given; the engine applies app.json and the 60 s cap. */
  timeout?: number
  /** Deliver the body in `chunk` callbacks as it arrives. @default false */
  enableChunked?: boolean
  /** @default 'follow' */
  redirect?: 'follow' | 'manual'
  /** Route of the page that made the call, for the Network panel. */
  page?: string
}

/** Response headers as the runtime gives them to the mini-program (arrays joined with ','). */
export type HeaderMap = Record<string, string>

export interface ResponseHead {
  statusCode: number
  header: HeaderMap
  /** Raw `set-cookie` values, one per cookie. */
  cookies: string[]
}

/** The final result of one engine request. `errMsg` is complete, e.g. `request:fail timeout`. */
export type EngineOutcome =
  ({ ok: true; body: Uint8Array } & ResponseHead) | { ok: false; errMsg: string; errno?: number }

/** Callbacks for one request, in order: headers?, chunk*, done (exactly once). */
export interface EngineCallbacks {
  onHeaders?(head: ResponseHead): void
  onChunk?(data: Uint8Array): void
  onDone(outcome: EngineOutcome): void
}

/** The engine's handle on one request. */
export interface EngineTask {
  readonly id: string
  /** Aborts while queued or in flight; `onDone` then gets `request:fail abort`. */
  abort(): void
}

/** A message the tool itself prints to the mini-program's console (domain check, TLS, warnings). */
export interface ToolConsoleMessage {
  level: 'log' | 'info' | 'warn' | 'error' | 'group' | 'groupEnd' | 'table'
  args: unknown[]
}

/** Why the engine refused a request before or during connecting. */
export type BlockRule =
  | 'domain-list'
  | 'redirect-domain-list'
  | 'not-https'
  | 'ip-or-localhost'
  | 'port'
  | 'tls-version'
  | 'certificate'
  | 'offline'

export interface Timings {
  /** ms spent waiting in the queue */
  queue: number
  dns: number
  connect: number
  tls: number
  /** ms from request sent to first response byte */
  firstByte: number
  download: number
  total: number
}

export interface TlsDetails {
  protocol: string
  cipher: string
  subject: string
  issuer: string
  validFrom: string
  validTo: string
  remoteAddress: string
  authorized: boolean
  authorizationError?: string
}

/** A body held by reference: small ones in memory, large ones on disk. */
export type BodyRef =
  | {
      kind: 'memory'
      size: number
      /** The body itself, the same bytes the request's `onDone` got (a reference, not a copy). */
      data?: Uint8Array
    }
  | { kind: 'file'; path: string; size: number }

/** One event stream per request; feeds the Network panel, HAR export and showRequestInfo(). */
export type NetworkEvent =
  | {
      type: 'queued'
      id: string
      api: NetworkApi
      url: string
      method: string
      requestHeaders: HeaderMap
      requestBodySize: number
      page?: string
      time: number
    }
  | {
      type: 'blocked'
      id: string
      rule: BlockRule
      url: string
      errMsg: string
      errno?: number
      time: number
    }
  | { type: 'started'; id: string; url: string; requestHeaders: HeaderMap; time: number }
  | { type: 'redirect'; id: string; from: string; to: string; statusCode: number; time: number }
  | {
      type: 'headers'
      id: string
      statusCode: number
      statusText: string
      responseHeaders: HeaderMap
      remoteAddress?: string
      httpVersion?: string
      /** The API Mock rule that answered (its name, else `METHOD url`); no network was used. */
      mock?: string
      time: number
    }
  | { type: 'chunk'; id: string; size: number; time: number }
  | {
      type: 'finished'
      id: string
      encodedSize: number
      decodedSize: number
      timings: Timings
      tls?: TlsDetails
      body: BodyRef
      time: number
    }
  | { type: 'failed'; id: string; errMsg: string; errno?: number; timings?: Timings; time: number }
  | PhoneWarningEvent
  | SocketNetworkEvent
  | ProgressNetworkEvent

/**
 * With the checks off, a rule a phone would still apply and this request (or one of its redirect
 * hops, or its TLS connection) breaks: the request goes on, the developer is told.
 */
export interface PhoneWarningEvent {
  type: 'phone-warning'
  id: string
  rule: BlockRule
  /** What the phone would answer, e.g. `request:fail url not in domain list`. */
  errMsg: string
  /** The URL (hop) the rule judged. */
  url: string
  time: number
}

/** Simulated link: latency added once per request, bandwidth in bytes per second. */
export interface ThrottleProfile {
  name?: string
  /** ms */
  latency: number
  /** bytes/s */
  download: number
  /** bytes/s */
  upload: number
}

/** Presets with Chrome DevTools' figures (Slow 3G, Fast 3G, Fast 4G). */
export const THROTTLE_PROFILES = {
  'slow-3g': { name: 'slow-3g', latency: 2000, download: 50_000, upload: 50_000 },
  '3g': { name: '3g', latency: 562.5, download: 180_000, upload: 84_375 },
  '4g': { name: '4g', latency: 165, download: 1_012_500, upload: 168_750 },
} as const satisfies Record<string, ThrottleProfile>

export type ThrottlePresetName = keyof typeof THROTTLE_PROFILES

/** The simulator's network state. @default 'online' */
export type NetworkCondition = 'online' | 'offline' | ThrottlePresetName | ThrottleProfile

/** One row of `showRequestInfo()`: what the engine learnt about an origin it contacted. */
export interface OriginSecurityDetails {
  origin: string
  /** `ip:port` */
  remoteAddress: string
  httpVersion: string
  statusCode: number
  /** Present for https origins. */
  tls?: TlsDetails
  /** TLS 1.2 or newer. */
  secureTls: boolean
  secureCertificate: boolean
}

/** `wx.uploadFile` after the base library's checks: one file sent as multipart/form-data. */
export interface EngineUploadRequest {
  api: 'uploadFile'
  url: string
  /** String values; the engine sets Referer, User-Agent and the multipart content-type. */
  header: Record<string, string>
  /** The mini-program's path of the file, `wxfile://usr/…` or `wxfile://tmp_…`. */
  filePath: string
  /** The form field the file goes in. */
  name: string
  /** Extra form fields, sent before the file. */
  formData: Record<string, string>
  /** ms; the engine applies app.json `networkTimeout.uploadFile` and the 60 s cap. */
  timeout?: number
  page?: string
}

/** `wx.downloadFile` after the base library's checks. */
export interface EngineDownloadRequest {
  api: 'downloadFile'
  url: string
  header: Record<string, string>
  /** Where to keep the body, `wxfile://usr/…`; absent: a new temp file `wxfile://tmp_…`. */
  filePath?: string
  /** ms; the engine applies app.json `networkTimeout.downloadFile` and the 60 s cap. */
  timeout?: number
  page?: string
}

/** Upload progress as `UploadTask.onProgressUpdate` listeners get it. */
export interface UploadProgress {
  /** 0–100, whole numbers. */
  progress: number
  totalBytesSent: number
  totalBytesExpectedToSend: number
}

/** Download progress as `DownloadTask.onProgressUpdate` listeners get it. */
export interface DownloadProgress {
  /** 0–100, whole numbers. */
  progress: number
  totalBytesWritten: number
  /** From content-length; 0 when the server did not say. */
  totalBytesExpectedToWrite: number
}

export type TransferFailure = { ok: false; errMsg: string; errno?: number }

/** `errMsg` is complete, e.g. `uploadFile:fail timeout`. */
export type UploadOutcome = ({ ok: true; body: Uint8Array } & ResponseHead) | TransferFailure

/** The body was written to `filePath` (the mini-program's path), for any HTTP status. */
export type DownloadOutcome =
  ({ ok: true; filePath: string; temporary: boolean } & ResponseHead) | TransferFailure

/** Callbacks for one transfer, in order: headers?, progress*, done (exactly once). */
export interface TransferCallbacks<Progress, Outcome> {
  onHeaders?(head: ResponseHead): void
  onProgress?(progress: Progress): void
  onDone(outcome: Outcome): void
}

export type UploadCallbacks = TransferCallbacks<UploadProgress, UploadOutcome>
export type DownloadCallbacks = TransferCallbacks<DownloadProgress, DownloadOutcome>

/** `wx.connectSocket` after the base library's checks. */
export interface EngineSocketRequest {
  api: 'connectSocket'
  url: string
  header: Record<string, string>
  protocols?: string[]
  /** ms to open; the engine applies app.json `networkTimeout.connectSocket` and the 60 s cap. */
  timeout?: number
  page?: string
}

/** One message on a socket: text, or binary bytes. */
export type SocketData = string | Uint8Array

/** Socket events, in order: open?, message*, error?, close (exactly once). */
export interface SocketCallbacks {
  onOpen(info: { header: HeaderMap }): void
  onMessage(data: SocketData): void
  /** `errMsg` as `SocketTask.onError` gets it, e.g. `url not in domain list`. */
  onError(errMsg: string): void
  onClose(code: number, reason: string): void
}

/** The engine's handle on one socket. A refused or failed connect reports onError then onClose. */
export interface EngineSocket {
  readonly id: string
  /** `undefined` when sent, else the reason it was not (e.g. the socket is not open). */
  send(data: SocketData): string | undefined
  /** Starts the closing handshake (code 1000 unless given); onClose follows. */
  close(code?: number, reason?: string): string | undefined
}

/** One WebSocket frame as the Network panel's Messages list shows it. */
export interface SocketFrameEvent {
  type: 'socket-frame'
  id: string
  direction: 'send' | 'receive'
  opcode: 'text' | 'binary'
  size: number
  /** The text, or the first bytes of binary data as hex. */
  preview: string
  time: number
}

/** A socket's own events, besides the `queued`/`blocked`/`headers`/`failed` it shares with requests. */
export type SocketNetworkEvent =
  | SocketFrameEvent
  | { type: 'socket-closed'; id: string; code: number; reason: string; time: number }

/** Transfer progress for the Network panel's live rows. */
export interface ProgressNetworkEvent {
  type: 'progress'
  id: string
  direction: 'upload' | 'download'
  loaded: number
  /** 0 when unknown. */
  total: number
  time: number
}

/** What `connectSocket` gives: the socket, or WeChat's failure (limit, list, invalid url). */
export type SocketConnectResult =
  { ok: true; socket: EngineSocket } | { ok: false; errMsg: string; errno?: number }
