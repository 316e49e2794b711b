import { randomUUID } from 'node:crypto'
import { networkInterfaces } from 'node:os'
import type { Agent, Dispatcher } from 'undici'
import type {
  DownloadCallbacks,
  EngineCallbacks,
  EngineDownloadRequest,
  EngineRequest,
  EngineSocketRequest,
  EngineTask,
  EngineUploadRequest,
  HeaderMap,
  NetworkCondition,
  NetworkEvent,
  OriginSecurityDetails,
  SocketCallbacks,
  SocketConnectResult,
  TlsDetails,
  ToolConsoleMessage,
  UploadCallbacks,
} from '../../../../shared/network'
import type { MockSettings } from '../../../../shared/mock'
import { TOURIST_APPID, type DomainLists, type NetworkTimeout } from '../../../../shared/project'
import type { WebViewDecision } from '../../../../shared/web-view'
import { BodyStore } from '../body/body-store'
import { throttleProfileOf } from '../conditions/network-condition'
import { buildRequestHeaders } from '../headers/request-headers'
import {
  checkRequestUrl,
  checkSocketUrl,
  checkTlsHandshake,
  checkTouristUrl,
  domainList,
  tlsVersionLabel,
  type DomainList,
  type UrlDecision,
} from '../policy/request-policy'
import { parseRequestTarget, parseUrlOrigin, type RequestTarget } from '../policy/url-origin'
import { checkWebViewSrc } from '../policy/web-view-policy'
import {
  certificateBlock,
  checksOffBlock,
  domainCheckBlock,
  localhostBlock,
  offlineBlock,
  tlsVersionBlock,
  touristBlock,
  webViewBlock,
  webViewPhoneWarning,
  type DomainListType,
} from '../policy/wechat-messages'
import {
  ERR_MSG,
  ERRNO,
  FAIL_WORDS,
  failMsg,
  retitle,
  TRANSFER_ERR_MSG,
} from '../../../../shared/wechat-errors'
import { SocketPool } from '../socket/socket-pool'
import { downloadRun, uploadRun, type DownloadTarget, type UploadSource } from './transfer-runs'
import { retainDiagnostics } from '../transport/diagnostics'
import { createTransport } from '../transport/dispatcher'
import { compileMocks, mockResponses } from '../transport/mock-responses'
import { parseHostMapping, type HostMapping } from '../transport/host-mapping'
import type { ConnectionInfo } from '../transport/connection-info'
import { TlsPolicyError } from '../transport/tls-policy-error'
import type { Failure } from './network-failure'
import { PhoneWarnings } from './phone-warnings'
import { RequestRun, type Refusal, type RunExtras, type RunHost } from './request-run'
import { SecurityDetailsTable } from './security-details'
import { MAX_TIMEOUT, requestTimeout } from './request-timeout'

export interface RequestEngineOptions {
  appid: string
  /** project.config.json `setting.urlCheck`: domain list, TLS ≥ 1.2 and certificate checks. */
  urlCheck: boolean
  domains: DomainLists
  /** app.json `networkTimeout`. */
  networkTimeout?: NetworkTimeout
  /** The simulated device's User-Agent. */
  userAgent: string
  /** curl `--connect-to` entries, `HOST1:PORT1:HOST2:PORT2`. @default [] */
  connectTo?: string[]
  /** PEM text of extra trusted CA certificates (added to the default roots). */
  extraCaPem?: string
  /** @default 'online' */
  networkCondition?: NetworkCondition
  /** Where bodies over 1 MB are kept for the Network panel and HAR. */
  tempDir: string
  /** Requests in flight at once; the rest wait first-in first-out. @default 10 */
  maxInFlight?: number
  /** This machine's addresses for the LAN-IP rule. @default from os.networkInterfaces() */
  ownAddresses?: string[]
  /** Bytes a download may write. @default 200 MB, WeChat's limit */
  maxDownloadSize?: number
  /** Decoded bytes a `wx.request` response may have. @default 200 MB (`MAX_RESPONSE_SIZE`) */
  maxResponseSize?: number
  /** Sockets open at once; one more fails. @default 5 */
  maxSockets?: number
  /** API Mock rules (project.mock.json): matching requests are answered without the network. */
  mock?: MockSettings
}

/** WeChat's limit on one download. */
export const MAX_DOWNLOAD_SIZE = 200 * 1024 * 1024

/**
 * The cap on one decoded `wx.request` body. WeChat documents none for requests; its only
 * documented response limit is the 200 MB of one download (network docs, 单次下载允许的最大文件为
 * 200MB), so a request may hold as much as a download may write, and no more.
 */
export const MAX_RESPONSE_SIZE = MAX_DOWNLOAD_SIZE

type Lane = 'request' | 'uploadFile' | 'downloadFile'

export interface RequestEngine {
  request(request: EngineRequest, callbacks: EngineCallbacks): EngineTask
  /** `wx.uploadFile` with the file already resolved to a real path (`source`). */
  uploadFile(
    request: EngineUploadRequest,
    source: UploadSource,
    callbacks: UploadCallbacks,
  ): EngineTask
  /** `wx.downloadFile`; `target` picks the real file once the headers are known. */
  downloadFile(
    request: EngineDownloadRequest,
    target: DownloadTarget,
    callbacks: DownloadCallbacks,
  ): EngineTask
  /** `wx.connectSocket`: at most `maxSockets` open; a refused one reports onError then onClose. */
  connectSocket(request: EngineSocketRequest, callbacks: SocketCallbacks): SocketConnectResult
  /**
   * Whether a `<web-view>` may open `src` (the 业务域名 rule); a refusal with the checks on prints
   * WeChat's block, a `src` a phone would refuse with them off prints what the phone would show.
   */
  judgeWebView(src: string): WebViewDecision
  /** Applies to the next request (e.g. the urlCheck checkbox). Throws on an invalid connectTo. */
  update(options: Partial<RequestEngineOptions>): void
  onEvent(listener: (event: NetworkEvent) => void): () => void
  onConsole(listener: (message: ToolConsoleMessage) => void): () => void
  /** One row per origin contacted, for `showRequestInfo()`. */
  securityDetails(): OriginSecurityDetails[]
  /** Requests, uploads and downloads queued or in flight. */
  pending(): number
  /** Aborts what is pending, closes every socket and deletes spilled bodies. */
  close(): Promise<void>
}

const TRANSPORT_KEYS = ['appid', 'urlCheck', 'connectTo', 'extraCaPem', 'maxInFlight'] as const
/** Settings after which every phone warning is printed once more. */
const POLICY_KEYS = ['appid', 'urlCheck', 'domains'] as const
const LANES: readonly Lane[] = ['request', 'uploadFile', 'downloadFile']

/** Creates the engine that makes a project's `wx.request` calls as WeChat's client does. */
export function createRequestEngine(initial: RequestEngineOptions): RequestEngine {
  const options: RequestEngineOptions = { ...initial }
  let mappings = parseMappings(options.connectTo)
  const machine = machineAddresses()
  const engineId = randomUUID().slice(0, 8)
  const bodies = new BodyStore(() => options.tempDir, `mpdt-${engineId}`)
  const eventListeners = new Set<(event: NetworkEvent) => void>()
  const consoleListeners = new Set<(message: ToolConsoleMessage) => void>()
  /** Each API has its own queue and in-flight limit, as in WeChat. */
  const lanes: Record<Lane, { waiting: RequestRun[]; inFlight: Set<RequestRun> }> = {
    request: { waiting: [], inFlight: new Set() },
    uploadFile: { waiting: [], inFlight: new Set() },
    downloadFile: { waiting: [], inFlight: new Set() },
  }
  /** Refused calls whose outcome is still to be delivered (on the next microtask). */
  const refusing = new Set<RequestRun>()
  const security = new SecurityDetailsTable()
  const retired = new Set<Agent>()
  const releaseDiagnostics = retainDiagnostics()
  let lists = compileLists(options.domains)
  const phone = new PhoneWarnings({ print, emit, observed: () => eventListeners.size > 0 })
  let mocks = compileMocks(options.mock)
  let transport = newTransport()
  /** The transport behind the API Mock interceptor (which passes unmatched requests on). */
  let dispatcher = withMocks(transport)
  let sequence = 0
  let warnedChecksOff = false
  let closed = false

  function checksOn(): boolean {
    return options.urlCheck && options.appid !== TOURIST_APPID
  }

  function newTransport(): Agent {
    return createTransport({
      mappings,
      extraCaPem: options.extraCaPem,
      enforceTlsPolicy: checksOn(),
      connectTimeout: MAX_TIMEOUT,
      // Requests, uploads and downloads each have their own in-flight limit.
      connectionsPerOrigin: inFlightLimit() * 3,
    })
  }

  function withMocks(agent: Agent): Dispatcher {
    return agent.compose(mockResponses(() => mocks))
  }

  function print(messages: ToolConsoleMessage[]): void {
    for (const message of messages) {
      for (const listener of consoleListeners) {
        try {
          listener(message)
        } catch (error) {
          // A broken console listener has nowhere to print to but the host's own stderr.
          console.error('MP DevTools internal error: a console listener threw', error)
        }
      }
    }
  }

  /** Prints a fault of the tool itself, so it is never taken for the server's or the app's. */
  function internalError(error: unknown, id: string): void {
    const detail = error instanceof Error ? (error.stack ?? error.message) : String(error)
    print([{ level: 'error', args: [`MP DevTools internal error (request ${id}): ${detail}`] }])
  }

  /**
   * Hands `event` to every listener (the Network log, the HAR recorder…) and throws the first
   * listener's error afterwards, so the run it belongs to ends as an internal fault.
   */
  function emitForRun(event: NetworkEvent): void {
    let failure: { error: unknown } | undefined
    for (const listener of eventListeners) {
      try {
        listener(event)
      } catch (error) {
        failure ??= { error }
      }
    }
    if (failure) throw failure.error
  }

  /** Events outside a run's completion path (queue, sockets, warnings): a listener's throw is reported. */
  function emit(event: NetworkEvent): void {
    try {
      emitForRun(event)
    } catch (error) {
      internalError(error, event.id)
    }
  }

  /** WeChat's URL rules; a tourist app (checks always off) has no lists, only the scheme rule. */
  function judgeUrl(target: RequestTarget, list: DomainListType): UrlDecision {
    const url = target.origin
    const ownAddresses = options.ownAddresses ?? machine
    const socket = list === 'socket'
    if (options.appid === TOURIST_APPID) {
      return checkTouristUrl({ url, ownAddresses }, socket ? 'wss' : 'https')
    }
    const input = { url, domains: lists[list], ownAddresses }
    return socket ? checkSocketUrl(input) : checkRequestUrl(input)
  }

  /**
   * Judges request `id`'s URL (a redirect hop when `redirect`). With the checks on, a broken rule
   * prints WeChat's block and refuses; with them off, it is reported as a phone warning and the
   * request goes on.
   */
  function refuseUrl(
    id: string,
    target: RequestTarget,
    redirect: boolean,
    lane: Lane,
  ): Refusal | undefined {
    const url = target.url.href
    const decision = judgeUrl(target, lane)
    if (decision.allowed) return undefined
    const refusal: Refusal = {
      rule: redirect ? 'redirect-domain-list' : decision.rule,
      errMsg:
        redirect && lane === 'downloadFile'
          ? TRANSFER_ERR_MSG.redirectNotInDomainList
          : lane === 'request'
            ? ERR_MSG.notInDomainList
            : retitle(ERR_MSG.notInDomainList, lane),
      errno: ERRNO.notInDomainList,
    }
    if (checksOn()) {
      print(
        decision.localMachine
          ? localhostBlock()
          : domainCheckBlock(decision.origin, lists[lane].entries, new Date(), lane),
      )
      return refusal
    }
    phone.report(id, url, lane, decision.origin, refusal, {
      rule: decision.rule,
      redirect,
      list: lane,
    })
    return undefined
  }

  /** A connection the checks (off) let through breaks a TLS rule: what a phone would answer. */
  function warnTls(
    id: string,
    url: string,
    rule: 'tls-version' | 'certificate',
    tls: TlsDetails,
    api: string,
  ): void {
    const errMsg = retitle(rule === 'tls-version' ? ERR_MSG.tlsVersion : ERR_MSG.certificate, api)
    phone.report(
      id,
      url,
      api,
      parseUrlOrigin(url)?.origin ?? url,
      { rule, errMsg, errno: ERRNO.network },
      rule === 'tls-version'
        ? { rule, tlsLabel: tlsVersionLabel(tls.protocol) }
        : { rule, reason: tls.authorizationError },
    )
  }

  /** Prints the once-per-engine warning when checks are off. */
  function warnChecksOff(): void {
    if (!checksOn() && !warnedChecksOff) {
      warnedChecksOff = true
      print(options.appid === TOURIST_APPID ? touristBlock() : checksOffBlock())
    }
  }

  function warnConnection(id: string, url: string, connection: ConnectionInfo, api: Lane): void {
    if (connection.tlsViolation && connection.tls) {
      warnTls(id, url, connection.tlsViolation, connection.tls, api)
    }
  }

  function preflight(id: string, target: RequestTarget, lane: Lane): Refusal | undefined {
    if (options.networkCondition === 'offline') {
      print(offlineBlock(target.url.href))
      return { rule: 'offline', errMsg: retitle(ERR_MSG.offline, lane), errno: ERRNO.offline }
    }
    warnChecksOff()
    return refuseUrl(id, target, false, lane)
  }

  const host: RunHost = {
    dispatcher: (): Dispatcher => dispatcher,
    throttle: () => throttleProfileOf(options.networkCondition),
    checkRedirect: (target, id) => refuseUrl(id, target, true, 'request'),
    tlsRefusal(error, url) {
      if (!(error instanceof TlsPolicyError)) return undefined
      const origin = parseUrlOrigin(url)?.origin ?? url
      const { details } = error
      security.recordTlsRefusal(url, details)
      if (error.rule === 'tls-version') {
        print(tlsVersionBlock(origin, tlsVersionLabel(details.protocol)))
        return { rule: 'tls-version', errMsg: ERR_MSG.tlsVersion, errno: ERRNO.network }
      }
      print(certificateBlock(origin))
      return { rule: 'certificate', errMsg: ERR_MSG.certificate, errno: ERRNO.network }
    },
    tlsWarning: (id, url, connection) => warnConnection(id, url, connection, 'request'),
    recordOrigin: (origin, statusCode, connection) =>
      security.recordResponse(origin, statusCode, connection),
    keepBody: (id, body) => bodies.keep(id, body),
    maxResponseSize: () => options.maxResponseSize ?? MAX_RESPONSE_SIZE,
    internalError,
    observed: () => eventListeners.size > 0,
    emit: emitForRun,
    settled: (run) => settled(run, 'request'),
  }

  function settled(run: RequestRun, lane: Lane): void {
    const { waiting, inFlight } = lanes[lane]
    if (!inFlight.delete(run) && !refusing.delete(run)) {
      const index = waiting.indexOf(run)
      if (index >= 0) waiting.splice(index, 1)
    }
    pumpLane(lane)
  }

  function inFlightLimit(): number {
    return Math.max(1, options.maxInFlight ?? 10)
  }

  function settleSoon(run: RequestRun, settle: () => void): void {
    refusing.add(run)
    queueMicrotask(settle)
  }

  function pumpLane(lane: Lane): void {
    const limit = inFlightLimit()
    const { waiting, inFlight } = lanes[lane]
    while (inFlight.size < limit && waiting.length > 0 && !closed) {
      const run = waiting.shift()!
      inFlight.add(run)
      run.start()
    }
  }

  function pump(): void {
    for (const lane of LANES) pumpLane(lane)
  }

  /** A run's host: its redirects are checked against its own list and its errMsgs retitled. */
  function transferHost(lane: Exclude<Lane, 'request'>): RunHost {
    return {
      ...host,
      settled: (run) => settled(run, lane),
      checkRedirect: (target, id) => refuseUrl(id, target, true, lane),
      tlsWarning: (id, url, connection) => warnConnection(id, url, connection, lane),
      tlsRefusal(error, url) {
        const refusal = host.tlsRefusal(error, url)
        return refusal && { ...refusal, errMsg: retitle(refusal.errMsg, lane) }
      },
      emit(event) {
        if (event.type === 'failed') emitForRun({ ...event, errMsg: retitle(event.errMsg, lane) })
        else emitForRun(event)
      },
    }
  }
  const hosts: Record<Lane, RunHost> = {
    request: host,
    uploadFile: transferHost('uploadFile'),
    downloadFile: transferHost('downloadFile'),
  }

  interface Submission {
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

  /** Queues one HTTP exchange of any of the three APIs; outcomes never arrive before it returns. */
  function submit(sub: Submission): { id: string; run: RequestRun } {
    const id = String(++sequence)
    const { lane } = sub
    const { headers, refused } = buildRequestHeaders(sub.header, options.appid, options.userAgent)
    for (const name of refused) {
      print([{ level: 'error', args: [`Refused to set unsafe header "${name}"`] }])
    }
    const request: EngineRequest = {
      api: 'request',
      url: sub.url,
      method: sub.method,
      header: sub.header,
    }
    if (sub.enableChunked) request.enableChunked = true
    if (sub.redirect) request.redirect = sub.redirect
    const target = closed || sub.failure ? undefined : parseHttpUrl(sub.url)
    const run = new RequestRun(
      id,
      request,
      headers,
      sub.body,
      requestTimeout(sub.timeout, options.networkTimeout?.[lane]),
      sub.callbacks,
      hosts[lane],
      sub.extras,
      target?.url,
    )
    if (eventListeners.size > 0) {
      emit({
        type: 'queued',
        id,
        api: lane,
        url: sub.url,
        method: sub.method,
        requestHeaders: headers,
        requestBodySize: sub.body?.byteLength ?? 0,
        ...(sub.page !== undefined && { page: sub.page }),
        time: Date.now(),
      })
    }
    const failure = closed
      ? { errMsg: retitle(ERR_MSG.abort, lane) }
      : (sub.failure ?? (target ? undefined : invalidUrl(sub.url, lane)))
    const refusal = failure || !target ? undefined : preflight(id, target, lane)
    if (failure) settleSoon(run, () => run.fail(failure))
    else if (refusal) settleSoon(run, () => run.block(refusal))
    else {
      lanes[lane].waiting.push(run)
      pumpLane(lane)
    }
    return { id, run }
  }

  const sockets = new SocketPool({
    settings: () => ({
      appid: options.appid,
      userAgent: options.userAgent,
      mappings,
      extraCaPem: options.extraCaPem,
      checksOn: checksOn(),
      timeout: requestTimeout(undefined, options.networkTimeout?.connectSocket),
      maxOpen: options.maxSockets ?? 5,
      offline: options.networkCondition === 'offline',
    }),
    checkUrl(target, id) {
      warnChecksOff()
      const url = target.url.href
      const decision = judgeUrl(target, 'socket')
      if (decision.allowed) return undefined
      if (!checksOn()) {
        const errMsg = failMsg('connectSocket', TRANSFER_ERR_MSG.socketNotInDomainList)
        phone.report(
          id,
          url,
          'connectSocket',
          decision.origin,
          { rule: decision.rule, errMsg, errno: ERRNO.notInDomainList },
          { rule: decision.rule, redirect: false, list: 'socket' },
        )
        return undefined
      }
      print(
        decision.localMachine
          ? localhostBlock()
          : domainCheckBlock(decision.origin, lists.socket.entries, new Date(), 'socket'),
      )
      return decision.rule
    },
    checkTls(id, url, tls) {
      const decision = checkTlsHandshake(tls)
      if (!decision.allowed) warnTls(id, url, decision.rule, tls, 'connectSocket')
    },
    print,
    emit,
    nextId: () => String(++sequence),
  })

  return {
    request(request, callbacks) {
      const { id, run } = submit({
        lane: 'request',
        url: request.url,
        method: request.method,
        header: request.header,
        body: typeof request.body === 'string' ? Buffer.from(request.body) : request.body,
        timeout: request.timeout,
        page: request.page,
        enableChunked: request.enableChunked,
        redirect: request.redirect,
        callbacks,
      })
      return { id, abort: () => run.abort() }
    },

    uploadFile(request, source, callbacks) {
      const prepared = uploadRun(request, source, callbacks, emit)
      const { id, run } = submit({ lane: 'uploadFile', ...prepared })
      prepared.bind(id, run)
      return { id, abort: () => run.abort() }
    },

    downloadFile(request, target, callbacks) {
      const prepared = downloadRun(request, target, callbacks, {
        emit,
        maxSize: options.maxDownloadSize ?? MAX_DOWNLOAD_SIZE,
      })
      const { id, run } = submit({ lane: 'downloadFile', ...prepared })
      prepared.bind(id, run)
      return { id, abort: () => run.abort() }
    },

    connectSocket: (request, callbacks) => sockets.connect(request, callbacks),

    judgeWebView(src) {
      const ownAddresses = options.ownAddresses ?? machine
      const decision = checkWebViewSrc({ src, domains: lists.webview, ownAddresses })
      if (!decision.allowed && decision.rule === 'invalid-url') return decision
      if (checksOn()) {
        if (decision.allowed) return { allowed: true, admits: [...lists.webview.origins] }
        print(webViewBlock(src, decision.rule, decision.origin, lists.webview.entries))
        return decision
      }
      warnChecksOff()
      // A tourist app has no lists anywhere, so there is nothing a phone would compare against.
      if (!decision.allowed && options.appid !== TOURIST_APPID) {
        print([webViewPhoneWarning(src, decision.rule, decision.origin)])
      }
      return { allowed: true }
    },

    update(partial) {
      const transportChanged = TRANSPORT_KEYS.some(
        (key) => key in partial && JSON.stringify(partial[key]) !== JSON.stringify(options[key]),
      )
      if ('connectTo' in partial) mappings = parseMappings(partial.connectTo)
      const policyChanged = POLICY_KEYS.some((key) => key in partial)
      Object.assign(options, partial)
      if ('domains' in partial) lists = compileLists(options.domains)
      if ('mock' in partial) mocks = compileMocks(options.mock)
      if (policyChanged) phone.reset()
      if (transportChanged && !closed) {
        const old = transport
        transport = newTransport()
        dispatcher = withMocks(transport)
        retired.add(old)
        // In-flight requests finish on the old sockets; new ones use the new settings.
        void old.close().finally(() => retired.delete(old))
      }
      pump()
    },

    onEvent(listener) {
      eventListeners.add(listener)
      return () => eventListeners.delete(listener)
    },

    onConsole(listener) {
      consoleListeners.add(listener)
      return () => consoleListeners.delete(listener)
    },

    securityDetails: () => security.rows(),

    pending: () =>
      Object.values(lanes).reduce(
        (count, { waiting, inFlight }) => count + waiting.length + inFlight.size,
        refusing.size,
      ),

    async close() {
      if (closed) return
      closed = true
      for (const { waiting, inFlight } of Object.values(lanes)) {
        for (const run of [...waiting, ...inFlight]) run.abort()
      }
      sockets.closeAll()
      await Promise.all([transport, ...retired].map((agent) => agent.destroy()))
      releaseDiagnostics()
      await bodies.clear()
    },
  }
}

/**
 * An `http(s)://` URL parsed once: the policy judges its origin and the run connects to its URL.
 * Undefined when it is not one.
 */
function parseHttpUrl(url: string): RequestTarget | undefined {
  if (!/^https?:\/\//i.test(url)) return undefined
  return parseRequestTarget(url)
}

/** The runtime checks URLs first; this guards callers that skip it, in WeChat's words. */
function invalidUrl(url: string, api: Lane): Failure {
  return { errMsg: failMsg(api, FAIL_WORDS.invalidUrl(url)), errno: ERRNO.invalidUrl }
}

function compileLists(domains: DomainLists): Record<DomainListType | 'webview', DomainList> {
  return {
    request: domainList(domains.request),
    uploadFile: domainList(domains.uploadFile),
    downloadFile: domainList(domains.downloadFile),
    socket: domainList(domains.socket),
    webview: domainList(domains.webview ?? []),
  }
}

function parseMappings(entries: readonly string[] | undefined): HostMapping[] {
  return (entries ?? []).map((entry) => {
    const parsed = parseHostMapping(entry)
    if (!parsed.ok) throw new TypeError(parsed.message)
    return parsed.mapping
  })
}

function machineAddresses(): string[] {
  return Object.values(networkInterfaces())
    .flat()
    .map((address) => address?.address)
    .filter((address): address is string => Boolean(address))
}
