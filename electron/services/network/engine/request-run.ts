import type { Socket } from 'node:net'
import { performance } from 'node:perf_hooks'
import { Readable } from 'node:stream'
import type { Dispatcher } from 'undici'
import type {
  BlockRule,
  BodyRef,
  EngineCallbacks,
  EngineOutcome,
  EngineRequest,
  HeaderMap,
  NetworkEvent,
  ResponseHead,
  ThrottleProfile,
  Timings,
} from '../../../../shared/network'
import { createContentDecoder } from '../body/content-decoder'
import { ResponseBody } from '../body/response-body'
import { BandwidthPacer, pacedBody } from '../conditions/network-condition'
import { readRawHeaders } from '../headers/response-headers'
import { parseRequestTarget, type RequestTarget } from '../policy/url-origin'
import { ERR_MSG, ERRNO } from '../../../../shared/wechat-errors'
import { mockRuleLabel } from '../../../../shared/mock'
import { connectionOf, type ConnectionInfo } from '../transport/connection-info'
import { announceRequestStart, type DiagnosticsObserver } from '../transport/diagnostics'
import { MockController } from '../transport/mock-responses'
import { ConnectionOwner } from '../transport/connection-owner'
import {
  DECODING_FAILED,
  internalFailure,
  networkFailure,
  RESPONSE_TOO_LARGE,
  type Failure,
  type ResponseShape,
} from './network-failure'

/** A refusal by policy: what the mini-program gets and which rule the Network panel shows. */
export interface Refusal extends Failure {
  rule: BlockRule
}

/** What a run needs from its engine. */
export interface RunHost {
  dispatcher(): Dispatcher
  throttle(): ThrottleProfile | undefined
  /**
   * Checks run `id`'s redirect target; prints WeChat's console block when it is refused (with the
   * checks off, reports what a phone would refuse and answers undefined).
   */
  checkRedirect(target: RequestTarget, id: string): Refusal | undefined
  /** Turns a transport error into a refusal when it is a TLS policy violation. */
  tlsRefusal(error: unknown, url: string): Refusal | undefined
  /** Run `id` goes over a connection the checks (off) let through despite `tlsViolation`. */
  tlsWarning(id: string, url: string, connection: ConnectionInfo): void
  recordOrigin(origin: string, statusCode: number, connection: ConnectionInfo | undefined): void
  keepBody(id: string, body: Uint8Array): Promise<BodyRef>
  /** Decoded bytes a `wx.request` body may have (the whole body; per chunk with enableChunked). */
  maxResponseSize(): number
  /** Prints a fault of the tool itself (not of the server or the mini-program) for run `id`. */
  internalError(error: unknown, id: string): void
  /** True when someone listens to events, so per-chunk events and body spills are worth it. */
  observed(): boolean
  /** Throws when a listener threw (after every listener had the event). */
  emit(event: NetworkEvent): void
  settled(run: RequestRun): void
}

/** What an upload or download run does beyond a plain request. */
export interface RunExtras {
  /** Sends the body in slices and reports the bytes handed to the socket (upload progress). */
  onBodySent?(sent: number, total: number): void
  /** Keep the response body in memory for `onDone`. @default true */
  collectBody?: boolean
}

/** The engine's queues: one per API, each with its own limit and timeout. */
export type Lane = 'request' | 'uploadFile' | 'downloadFile'

/** One HTTP exchange of any of the three APIs, as the engine queues it. */
export interface Submission {
  lane: Lane
  url: string
  method: string
  header: HeaderMap
  body?: Uint8Array
  timeout?: number
  page?: string
  enableChunked?: boolean
  redirect?: 'follow' | 'manual'
  /** Failure before any request: bad URL, missing file. */
  failure?: Failure
  callbacks: EngineCallbacks
  extras?: RunExtras
}

const MAX_REDIRECTS = 10
const BODY_SLICE = 64 * 1024
/** The largest piece `onChunkReceived` (and a download's file) gets at once. */
export const MAX_CHUNK = 64 * 1024
const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308])
const BODY_HEADERS = ['content-type', 'content-encoding', 'content-language', 'content-location']

/**
 * One request from queue to outcome: dispatches each hop through undici with a handler of its
 * own, follows redirects itself so every hop is checked, decodes, paces and collects the body,
 * and reports events and timings. Exactly one `onDone`, whatever happens first (end, error,
 * timeout, abort, engine close).
 */
export class RequestRun implements DiagnosticsObserver {
  private state: 'queued' | 'running' | 'done' = 'queued'
  private url: string
  /** The current hop's URL once parsed (the engine hands over the first one it checked). */
  private target: URL | undefined
  private origin = ''
  private method: string
  private headers: HeaderMap
  private body: Uint8Array | undefined
  private hop = 0
  private redirects = 0
  private controller: Dispatcher.DispatchController | undefined
  /** What the connector is still opening for this run, before undici hands over a controller. */
  private readonly owner = new ConnectionOwner()
  /** The current hop's framing, to name a transport error as Chrome does. */
  private shape: ResponseShape = { headers: false }
  private timeoutTimer: NodeJS.Timeout | undefined
  private latencyTimer: NodeJS.Timeout | undefined
  private pacer: BandwidthPacer | undefined
  private inputEnded = false
  private redirectTo: { url: string; statusCode: number } | undefined
  private head: ResponseHead | undefined
  private response: ResponseBody | undefined
  private connection: ConnectionInfo | undefined
  private socket: Socket | undefined
  /** This run's number among the requests its socket carried (1 for the first). */
  private requestOnSocket = 0
  private freshConnection = false
  private readonly queuedAt = performance.now()
  private startedAt = 0
  private sentAt = 0
  private headersAt = 0

  constructor(
    readonly id: string,
    private readonly request: EngineRequest,
    headers: HeaderMap,
    body: Uint8Array | undefined,
    private readonly timeoutMs: number,
    private readonly callbacks: EngineCallbacks,
    private readonly host: RunHost,
    private readonly extras: RunExtras = {},
    target?: URL,
  ) {
    this.url = request.url
    this.target = target
    this.method = request.method
    this.headers = headers
    this.body = request.method === 'GET' || request.method === 'HEAD' ? undefined : body
  }

  get settled(): boolean {
    return this.state === 'done'
  }

  start(): void {
    if (this.state !== 'queued') return
    this.state = 'running'
    this.startedAt = performance.now()
    this.guarded(() => {
      if (!this.host.observed()) return
      this.host.emit({
        type: 'started',
        id: this.id,
        url: this.url,
        requestHeaders: this.headers,
        time: Date.now(),
      })
    })
    if (this.state !== 'running') return
    this.timeoutTimer = setTimeout(() => this.fail({ errMsg: ERR_MSG.timeout }), this.timeoutMs)
    const profile = this.host.throttle()
    if (profile?.download) this.pacer = new BandwidthPacer(profile.download)
    if (profile?.latency) {
      this.latencyTimer = setTimeout(() => this.dispatchHop(), profile.latency)
    } else {
      this.dispatchHop()
    }
  }

  abort(): void {
    this.fail({ errMsg: ERR_MSG.abort })
  }

  /** A refusal by policy (before connecting, on a redirect, or at the TLS handshake). */
  block(refusal: Refusal, url = this.url): void {
    if (!this.finish()) return
    const { rule, errMsg, errno } = refusal
    this.report({ type: 'blocked', id: this.id, rule, url, errMsg, errno, time: Date.now() })
    this.settle({ ok: false, errMsg, ...(errno !== undefined && { errno }) })
  }

  onSocket(socket: Socket): void {
    this.sentAt = performance.now()
    this.socket = socket
    const info = connectionOf(socket)
    this.connection = info
    this.freshConnection = info !== undefined && info.requests++ === 0
    this.requestOnSocket = info?.requests ?? 0
    if (info?.tlsViolation) this.host.tlsWarning(this.id, this.url, info)
  }

  onRequestSent(): void {
    this.sentAt = performance.now()
  }

  private dispatchHop(): void {
    this.latencyTimer = undefined
    if (this.state !== 'running') return
    const hop = ++this.hop
    const target = this.target ?? new URL(this.url)
    this.target = undefined
    this.origin = target.origin
    const upload = this.host.throttle()?.upload
    let body: Uint8Array | Readable | undefined = this.body
    let headers = this.headers
    const onBodySent = this.extras.onBodySent
    if (this.body && (upload || onBodySent)) {
      const parts = upload ? pacedBody(this.body, upload) : slices(this.body)
      body = Readable.from(onBodySent ? reported(parts, this.body.byteLength, onBodySent) : parts)
      headers = { ...headers, 'content-length': String(this.body.byteLength) }
    }
    this.shape = { headers: false }
    try {
      this.owner.dispatch(() =>
        this.host.dispatcher().dispatch(
          {
            origin: this.origin,
            path: `${target.pathname}${target.search}`,
            method: this.method as Dispatcher.HttpMethod,
            headers,
            body: body ?? null,
          },
          this.handlerFor(hop),
        ),
      )
    } catch (error) {
      this.fail(networkFailure(error, this.shape))
    }
  }

  /**
   * A handler bound to one hop: late calls from a finished or replaced hop are ignored, and a
   * throw in any step ends the run as an internal error instead of unwinding into undici.
   */
  private handlerFor(hop: number): Dispatcher.DispatchHandler {
    const current = () => this.state === 'running' && this.hop === hop
    return {
      onRequestStart: (controller) =>
        this.guarded(() => {
          if (!current()) {
            controller.abort(new Error('request already settled'))
            return
          }
          this.controller = controller
          this.owner.started()
          // A mocked response has no socket for the diagnostics feed to report.
          if (!(controller instanceof MockController)) announceRequestStart(this)
        }),
      onResponseStart: (controller, statusCode, _headers, statusMessage) =>
        this.guarded(() => {
          if (current()) this.onResponseStart(controller, statusCode, statusMessage ?? '')
        }),
      // CONNECT (or a server-chosen upgrade) hands over a raw socket a mini-program cannot use.
      onRequestUpgrade: (_controller, _statusCode, _headers, socket) => {
        socket.destroy()
        if (current()) this.fail(networkFailure(undefined, this.shape))
      },
      onResponseData: (_controller, chunk) =>
        this.guarded(() => {
          if (current() && !this.redirectTo) this.response?.receive(chunk)
        }),
      onResponseEnd: () =>
        this.guarded(() => {
          if (!current()) return
          this.inputEnded = true
          if (this.redirectTo) this.followRedirect(this.redirectTo)
          else this.response?.end()
        }),
      onResponseError: (_controller, error) =>
        this.guarded(() => {
          if (current()) this.onTransportError(error)
        }),
    }
  }

  /** Runs one step of the completion path; a throw ends the run as the tool's own fault. */
  private guarded(step: () => void): void {
    try {
      step()
    } catch (error) {
      this.internalFault(error)
    }
  }

  private internalFault(error: unknown): void {
    this.host.internalError(error, this.id)
    this.fail(internalFailure(error))
  }

  private onResponseStart(
    controller: Dispatcher.DispatchController,
    statusCode: number,
    statusText: string,
  ): void {
    // 1xx (e.g. 103 Early Hints) are interim: the response proper follows.
    if (statusCode < 200) return
    this.headersAt = performance.now()
    const { header, cookies, location, contentLength, contentEncoding, chunked } = readRawHeaders(
      controller.rawHeaders as Buffer[] | null,
    )
    this.shape = { headers: true, chunked, contentLength: contentLength !== undefined }
    if (REDIRECT_STATUSES.has(statusCode) && location && this.request.redirect !== 'manual') {
      // An absolute Location is kept as written, so a spelled-out port is judged as written.
      const url = URL.canParse(location)
        ? location
        : URL.canParse(location, this.url)
          ? new URL(location, this.url).href
          : location
      this.redirectTo = { url, statusCode }
      return
    }
    this.head = { statusCode, header, cookies }
    const bodyless = this.method === 'HEAD' || statusCode === 204 || statusCode === 304
    const length = Number(contentLength)
    const maxSize = this.host.maxResponseSize()
    const collect = this.extras.collectBody ?? true
    if (
      collect &&
      !this.request.enableChunked &&
      Number.isSafeInteger(length) &&
      length > maxSize
    ) {
      this.fail(RESPONSE_TOO_LARGE)
      return
    }
    this.response = new ResponseBody(
      controller,
      {
        decoders: bodyless ? undefined : createContentDecoder(contentEncoding),
        expectedSize: Number.isSafeInteger(length) && length <= maxSize ? length : undefined,
        pacer: this.pacer,
        collect,
        // A chunked stream is handed on piece by piece: past the cap only the kept copy stops.
        maxSize,
        overflow: this.request.enableChunked ? 'stop-keeping' : 'fail',
      },
      {
        onChunk: (chunk) => this.guarded(() => this.deliver(chunk)),
        onComplete: () => void this.complete(),
        onDecodingError: () => this.fail(DECODING_FAILED),
        onTooLarge: () => this.fail(RESPONSE_TOO_LARGE),
      },
    )
    const mock = controller instanceof MockController ? controller.rule : undefined
    if (!mock) this.host.recordOrigin(this.origin, statusCode, this.connection)
    if (this.host.observed()) {
      this.host.emit({
        type: 'headers',
        id: this.id,
        statusCode,
        statusText,
        responseHeaders: header,
        ...(this.connection && {
          remoteAddress: `${this.connection.remoteAddress}:${this.connection.remotePort}`,
          httpVersion: this.connection.httpVersion,
        }),
        ...(mock && { mock: mockRuleLabel(mock) }),
        time: Date.now(),
      })
    }
    this.callbacks.onHeaders?.(this.head)
  }

  private deliver(chunk: Buffer): void {
    if (this.request.enableChunked) {
      for (let at = 0; at < chunk.byteLength && this.state === 'running'; at += MAX_CHUNK) {
        this.callbacks.onChunk?.(chunk.subarray(at, at + MAX_CHUNK))
      }
    }
    if (this.host.observed()) {
      this.host.emit({ type: 'chunk', id: this.id, size: chunk.byteLength, time: Date.now() })
    }
  }

  private followRedirect({ url, statusCode }: { url: string; statusCode: number }): void {
    const from = this.url
    if (this.host.observed()) {
      this.host.emit({ type: 'redirect', id: this.id, from, to: url, statusCode, time: Date.now() })
    }
    if (++this.redirects > MAX_REDIRECTS) {
      this.fail({ errMsg: ERR_MSG.tooManyRedirects, errno: ERRNO.network })
      return
    }
    // Parsed once: the policy judges this target's origin and the next hop connects to its URL.
    const target = parseRequestTarget(url)
    if (!target || !/^https?:$/.test(target.url.protocol)) {
      const error = target ? 'ERR_UNSAFE_REDIRECT' : 'ERR_INVALID_REDIRECT'
      this.fail({ errMsg: `request:fail net::${error}`, errno: ERRNO.network })
      return
    }
    const refusal = this.host.checkRedirect(target, this.id)
    if (refusal) {
      this.block(refusal, url)
      return
    }
    // As browsers do: 303 (and 301/302 after POST) become a GET without the body.
    const toGet =
      (statusCode === 303 && this.method !== 'HEAD') ||
      ((statusCode === 301 || statusCode === 302) && this.method === 'POST')
    if (toGet) {
      this.method = 'GET'
      this.body = undefined
      this.headers = withoutHeaders(this.headers, BODY_HEADERS)
    }
    if (target.url.origin !== this.origin) {
      this.headers = withoutHeaders(this.headers, ['authorization'])
    }
    this.url = url
    this.target = target.url
    this.redirectTo = undefined
    this.inputEnded = false
    this.controller = undefined
    this.dispatchHop()
  }

  /** Never rejects: a fault while shaping the result or keeping the body fails the run. */
  private async complete(): Promise<void> {
    const { head, response } = this
    if (!head || !response || !this.finish(true)) return
    const endAt = performance.now()
    let outcome: EngineOutcome
    try {
      const body = response.result()
      if (this.host.observed()) {
        const ref: BodyRef = await this.host.keepBody(this.id, body)
        const tls = this.connection?.tls
        this.host.emit({
          type: 'finished',
          id: this.id,
          encodedSize: response.encodedSize,
          decodedSize: response.decodedSize,
          timings: this.timings(endAt),
          ...(tls && { tls }),
          body: ref,
          time: Date.now(),
        })
      }
      outcome = { ok: true, body, ...head }
    } catch (error) {
      this.host.internalError(error, this.id)
      const failure = internalFailure(error)
      this.emitFailed(failure)
      outcome = { ok: false, ...failure }
    }
    this.settle(outcome)
  }

  private onTransportError(error: Error): void {
    const refusal = this.host.tlsRefusal(error, this.url)
    if (refusal) this.block(refusal)
    else this.fail(networkFailure(error, this.shape))
  }

  /** Ends the run with `failure` (also used by the engine for calls it cannot make at all). */
  fail(failure: Failure): void {
    if (!this.finish()) return
    this.emitFailed(failure)
    this.settle({ ok: false, ...failure })
  }

  private emitFailed(failure: Failure): void {
    this.report({
      type: 'failed',
      id: this.id,
      ...failure,
      timings: this.timings(performance.now()),
      time: Date.now(),
    })
  }

  /** An event of a run already ended: a listener's throw can only be reported. */
  private report(event: NetworkEvent): void {
    try {
      this.host.emit(event)
    } catch (error) {
      this.host.internalError(error, this.id)
    }
  }

  /** Hands the outcome over and frees the run's slot, whatever the caller's callback does. */
  private settle(outcome: EngineOutcome): void {
    try {
      this.callbacks.onDone(outcome)
    } catch (error) {
      this.host.internalError(error, this.id)
    } finally {
      this.host.settled(this)
    }
  }

  /**
   * Marks the run done and releases everything it holds; false when it already was. A run that
   * fails after its response was read (decoding, size, internal fault) also drops its idle socket:
   * a connection that carried a failed exchange is not handed to the next request.
   */
  private finish(succeeded = false): boolean {
    if (this.state === 'done') return false
    this.state = 'done'
    clearTimeout(this.timeoutTimer)
    clearTimeout(this.latencyTimer)
    this.owner.end()
    const controller = this.controller
    const read = this.inputEnded && !this.redirectTo
    if (controller && !controller.aborted && !read) {
      controller.abort(new Error('request settled'))
    } else if (read && !succeeded && this.connection?.requests === this.requestOnSocket) {
      // Only while no later request has started on it: then the socket is idle in the pool.
      this.socket?.destroy()
    }
    this.response?.destroy()
    return true
  }

  private timings(endAt: number): Timings {
    const started = this.startedAt || endAt
    const fresh = this.freshConnection ? this.connection : undefined
    const headersAt = this.headersAt || endAt
    return {
      queue: started - this.queuedAt,
      dns: fresh?.dnsMs ?? 0,
      connect: fresh?.connectMs ?? 0,
      tls: fresh?.tlsMs ?? 0,
      firstByte: this.headersAt ? headersAt - (this.sentAt || started) : 0,
      download: this.headersAt ? endAt - headersAt : 0,
      total: endAt - this.queuedAt,
    }
  }
}

function withoutHeaders(headers: HeaderMap, names: string[]): HeaderMap {
  return Object.fromEntries(
    Object.entries(headers).filter(([name]) => !names.includes(name.toLowerCase())),
  )
}

function* slices(body: Uint8Array): Generator<Uint8Array> {
  for (let offset = 0; offset < body.byteLength; offset += BODY_SLICE) {
    yield body.subarray(offset, offset + BODY_SLICE)
  }
}

/** Passes the parts on; each is counted as sent once the socket asks for the next one. */
async function* reported(
  parts: Iterable<Uint8Array> | AsyncIterable<Uint8Array>,
  total: number,
  onSent: (sent: number, total: number) => void,
): AsyncGenerator<Uint8Array> {
  let sent = 0
  for await (const part of parts) {
    yield part
    sent += part.byteLength
    onSent(sent, total)
  }
}
