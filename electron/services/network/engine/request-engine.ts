import { randomUUID } from 'node:crypto'
import { networkInterfaces } from 'node:os'
import type { Agent, Dispatcher } from 'undici'
import type {
  EngineCallbacks,
  EngineRequest,
  EngineTask,
  NetworkCondition,
  NetworkEvent,
  OriginSecurityDetails,
  ToolConsoleMessage,
} from '../../../../shared/network'
import type { DomainLists, NetworkTimeout } from '../../../../shared/project'
import { BodyStore } from '../body/body-store'
import { throttleProfileOf } from '../conditions/network-condition'
import { buildRequestHeaders } from '../headers/request-headers'
import { checkRequestUrl, tlsVersionLabel } from '../policy/request-policy'
import { parseUrlOrigin } from '../policy/url-origin'
import {
  certificateBlock,
  checksOffBlock,
  domainCheckBlock,
  ERR_MSG,
  ERRNO,
  localhostBlock,
  offlineBlock,
  tlsVersionBlock,
  touristBlock,
} from '../policy/wechat-messages'
import { retainDiagnostics } from '../transport/diagnostics'
import { createTransport } from '../transport/dispatcher'
import { parseHostMapping, type HostMapping } from '../transport/host-mapping'
import { TlsPolicyError } from '../transport/tls-policy-error'
import type { Failure } from './network-failure'
import { RequestRun, type Refusal, type RunHost } from './request-run'
import { SecurityDetailsTable } from './security-details'
import { MAX_TIMEOUT, requestTimeout } from './request-timeout'

export const TOURIST_APPID = 'touristappid'

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
}

export interface RequestEngine {
  request(request: EngineRequest, callbacks: EngineCallbacks): EngineTask
  /** Applies to the next request (e.g. the urlCheck checkbox). Throws on an invalid connectTo. */
  update(options: Partial<RequestEngineOptions>): void
  onEvent(listener: (event: NetworkEvent) => void): () => void
  onConsole(listener: (message: ToolConsoleMessage) => void): () => void
  /** One row per origin contacted, for `showRequestInfo()`. */
  securityDetails(): OriginSecurityDetails[]
  /** Requests queued or in flight. */
  pending(): number
  /** Aborts what is pending, closes every socket and deletes spilled bodies. */
  close(): Promise<void>
}

const TRANSPORT_KEYS = ['appid', 'urlCheck', 'connectTo', 'extraCaPem', 'maxInFlight'] as const

/** Creates the engine that makes a project's `wx.request` calls as WeChat's client does. */
export function createRequestEngine(initial: RequestEngineOptions): RequestEngine {
  const options: RequestEngineOptions = { ...initial }
  let mappings = parseMappings(options.connectTo)
  const machine = machineAddresses()
  const engineId = randomUUID().slice(0, 8)
  const bodies = new BodyStore(() => options.tempDir, `mpdt-${engineId}`)
  const eventListeners = new Set<(event: NetworkEvent) => void>()
  const consoleListeners = new Set<(message: ToolConsoleMessage) => void>()
  const waiting: RequestRun[] = []
  const inFlight = new Set<RequestRun>()
  /** Refused calls whose outcome is still to be delivered (on the next microtask). */
  const refusing = new Set<RequestRun>()
  const security = new SecurityDetailsTable()
  const retired = new Set<Agent>()
  const releaseDiagnostics = retainDiagnostics()
  let transport = newTransport()
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
      connectionsPerOrigin: inFlightLimit(),
    })
  }

  function print(messages: ToolConsoleMessage[]): void {
    for (const message of messages) for (const listener of consoleListeners) listener(message)
  }

  function emit(event: NetworkEvent): void {
    for (const listener of eventListeners) listener(event)
  }

  function refuseUrl(url: string, redirect: boolean): Refusal | undefined {
    if (!checksOn()) return undefined
    const decision = checkRequestUrl({
      url,
      domains: options.domains.request,
      ownAddresses: options.ownAddresses ?? machine,
    })
    if (decision.allowed) return undefined
    print(
      decision.localMachine
        ? localhostBlock()
        : domainCheckBlock(decision.origin, options.domains.request),
    )
    return {
      rule: redirect ? 'redirect-domain-list' : decision.rule,
      errMsg: ERR_MSG.notInDomainList,
      errno: ERRNO.notInDomainList,
    }
  }

  function preflight(url: string): Refusal | undefined {
    if (options.networkCondition === 'offline') {
      print(offlineBlock(url))
      return { rule: 'offline', errMsg: ERR_MSG.offline, errno: ERRNO.offline }
    }
    if (!checksOn() && !warnedChecksOff) {
      warnedChecksOff = true
      print(options.appid === TOURIST_APPID ? touristBlock() : checksOffBlock())
    }
    return refuseUrl(url, false)
  }

  const host: RunHost = {
    dispatcher: (): Dispatcher => transport,
    throttle: () => throttleProfileOf(options.networkCondition),
    checkRedirect: (url) => refuseUrl(url, true),
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
    recordOrigin: (url, statusCode, connection) =>
      security.recordResponse(url, statusCode, connection),
    keepBody: (id, body) => bodies.keep(id, body),
    observed: () => eventListeners.size > 0,
    emit,
    settled(run) {
      if (!inFlight.delete(run) && !refusing.delete(run)) {
        const index = waiting.indexOf(run)
        if (index >= 0) waiting.splice(index, 1)
      }
      pump()
    },
  }

  function inFlightLimit(): number {
    return Math.max(1, options.maxInFlight ?? 10)
  }

  function settleSoon(run: RequestRun, settle: () => void): void {
    refusing.add(run)
    queueMicrotask(settle)
  }

  function pump(): void {
    const limit = inFlightLimit()
    while (inFlight.size < limit && waiting.length > 0 && !closed) {
      const run = waiting.shift()!
      inFlight.add(run)
      run.start()
    }
  }

  return {
    request(request, callbacks) {
      const id = String(++sequence)
      const { headers, refused } = buildRequestHeaders(
        request.header,
        options.appid,
        options.userAgent,
      )
      for (const name of refused) {
        print([{ level: 'error', args: [`Refused to set unsafe header "${name}"`] }])
      }
      const body = typeof request.body === 'string' ? Buffer.from(request.body) : request.body
      const run = new RequestRun(
        id,
        request,
        headers,
        body,
        requestTimeout(request.timeout, options.networkTimeout?.request),
        callbacks,
        host,
      )
      emit({
        type: 'queued',
        id,
        api: 'request',
        url: request.url,
        method: request.method,
        requestHeaders: headers,
        requestBodySize: body?.byteLength ?? 0,
        ...(request.page !== undefined && { page: request.page }),
        time: Date.now(),
      })
      // Outcomes never arrive before the caller holds its task.
      const failure = closed ? { errMsg: ERR_MSG.abort } : invalidUrl(request.url)
      const refusal = failure ? undefined : preflight(request.url)
      if (failure) settleSoon(run, () => run.fail(failure))
      else if (refusal) settleSoon(run, () => run.block(refusal))
      else {
        waiting.push(run)
        pump()
      }
      return { id, abort: () => run.abort() }
    },

    update(partial) {
      const transportChanged = TRANSPORT_KEYS.some(
        (key) => key in partial && JSON.stringify(partial[key]) !== JSON.stringify(options[key]),
      )
      if ('connectTo' in partial) mappings = parseMappings(partial.connectTo)
      Object.assign(options, partial)
      if (transportChanged && !closed) {
        const old = transport
        transport = newTransport()
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

    pending: () => waiting.length + inFlight.size + refusing.size,

    async close() {
      if (closed) return
      closed = true
      for (const run of [...waiting, ...inFlight]) run.abort()
      await Promise.all([transport, ...retired].map((agent) => agent.destroy()))
      releaseDiagnostics()
      await bodies.clear()
    },
  }
}

/** The runtime checks URLs first; this guards callers that skip it, in WeChat's words. */
function invalidUrl(url: string): Failure | undefined {
  if (/^https?:\/\//i.test(url) && URL.canParse(url)) return undefined
  return { errMsg: `request:fail invalid url "${url}"`, errno: 600009 }
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
