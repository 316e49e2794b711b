/**
 * WeChat's `wx.connectSocket` on the client side, with the `ws` library: wss and the `socket`
 * list when checks are on (any port of a listed domain), at most five sockets at once (connecting
 * or open), the connect timeout, forced Referer and User-Agent, host mapping and extra CAs like
 * requests, and one event stream per socket for the Network panel (every frame, both ways).
 */
import { connect as netConnect, isIP, type Socket } from 'node:net'
import { connect as tlsConnect } from 'node:tls'
import WebSocket, { type ClientOptions } from 'ws'
import type {
  BlockRule,
  EngineSocket,
  EngineSocketRequest,
  NetworkEvent,
  SocketCallbacks,
  SocketConnectResult,
  SocketData,
  TlsDetails,
  ToolConsoleMessage,
} from '../../../../shared/network'
import { buildRequestHeaders } from '../headers/request-headers'
import {
  ERR_MSG,
  ERRNO,
  FAIL_WORDS,
  failMsg,
  retitle,
  TRANSFER_ERR_MSG,
} from '../../../../shared/wechat-errors'
import { parseRequestTarget, type RequestTarget } from '../policy/url-origin'
import { describeTls } from '../transport/connection-info'
import { trustedCertificates } from '../transport/dispatcher'
import { resolveHostMapping, type HostMapping } from '../transport/host-mapping'
import { framePreview } from './frame-preview'
import { socketErrorMessage } from './socket-error'

export interface SocketSettings {
  appid: string
  userAgent: string
  mappings: readonly HostMapping[]
  extraCaPem?: string
  /** urlCheck on (and not a tourist appid): list, wss, TLS ≥ 1.2 and certificate checks. */
  checksOn: boolean
  /** app.json `networkTimeout.connectSocket` (or 60 s), ms. */
  timeout: number
  maxOpen: number
  offline: boolean
}

export interface SocketPoolHost {
  settings(): SocketSettings
  /**
   * Socket `id`'s refused rule (after printing WeChat's console block), or undefined when allowed
   * (with the checks off: after reporting what a phone would refuse).
   */
  checkUrl(target: RequestTarget, id: string): BlockRule | undefined
  /** Checks off: the handshake of socket `id` completed; reports what a phone would refuse. */
  checkTls(id: string, url: string, tls: TlsDetails): void
  print(messages: ToolConsoleMessage[]): void
  emit(event: NetworkEvent): void
  nextId(): string
}

/** Reasons DevTools fills in when the server gave none. */
const CLOSE_REASONS: Record<number, string> = {
  1000: 'normal closure',
  1001: 'going away',
  1006: 'abnormal closure',
  1011: 'internal server error',
  1015: 'tls handshake',
}

export class SocketPool {
  private readonly open = new Set<WebSocket>()

  constructor(private readonly host: SocketPoolHost) {}

  connect(request: EngineSocketRequest, callbacks: SocketCallbacks): SocketConnectResult {
    const { host } = this
    const settings = host.settings()
    const { url } = request
    // Parsed once: the policy judges this origin and ws connects to this URL.
    const target = /^wss?:\/\//i.test(url) ? parseRequestTarget(url) : undefined
    if (!target) {
      return { ok: false, errMsg: TRANSFER_ERR_MSG.socketInvalidUrl(url), errno: ERRNO.invalidUrl }
    }
    if (this.open.size >= settings.maxOpen) {
      host.print([
        {
          level: 'error',
          args: [
            `同时最多发起 ${settings.maxOpen} 个 socket 请求，更多请参考文档：https://developers.weixin.qq.com/miniprogram/dev/framework/ability/network.html`,
          ],
        },
      ])
      return { ok: false, errMsg: TRANSFER_ERR_MSG.socketLimit }
    }
    const id = host.nextId()
    const { headers } = buildRequestHeaders(request.header, settings.appid, settings.userAgent)
    delete headers['accept-encoding']
    host.emit({
      type: 'queued',
      id,
      api: 'connectSocket',
      url,
      method: 'GET',
      requestHeaders: headers,
      requestBodySize: 0,
      ...(request.page !== undefined && { page: request.page }),
      time: Date.now(),
    })
    const refusal: BlockRule | undefined = settings.offline ? 'offline' : host.checkUrl(target, id)
    if (refusal) {
      const errMsg =
        refusal === 'offline'
          ? retitle(ERR_MSG.offline, 'connectSocket')
          : failMsg('connectSocket', TRANSFER_ERR_MSG.socketNotInDomainList)
      const errno = refusal === 'offline' ? ERRNO.offline : ERRNO.notInDomainList
      host.emit({ type: 'blocked', id, rule: refusal, url, errMsg, errno, time: Date.now() })
      return { ok: false, errMsg, errno }
    }
    return { ok: true, socket: this.start(id, request, target.url, headers, settings, callbacks) }
  }

  /** Drops every socket at once (the engine is closing). */
  closeAll(): void {
    for (const ws of [...this.open]) ws.terminate()
  }

  private start(
    id: string,
    request: EngineSocketRequest,
    target: URL,
    headers: Record<string, string>,
    settings: SocketSettings,
    callbacks: SocketCallbacks,
  ): EngineSocket {
    const { host } = this
    const ws = new WebSocket(target, request.protocols ?? [], {
      headers,
      perMessageDeflate: false,
      followRedirects: false,
      // ws hands its request options over; the factory reads only host and port.
      createConnection: connectionFactory(settings, /^wss:/i.test(request.url), (tls) =>
        host.checkTls(id, request.url, tls),
      ) as unknown as NonNullable<ClientOptions['createConnection']>,
    })
    ws.binaryType = 'nodebuffer'
    this.open.add(ws)
    let errored = false
    const timer = setTimeout(() => {
      errored = true
      callbacks.onError(TRANSFER_ERR_MSG.socketTimeout)
      fail(TRANSFER_ERR_MSG.socketTimeout)
      ws.terminate()
    }, settings.timeout)
    const fail = (errMsg: string) =>
      host.emit({ type: 'failed', id, errMsg: failMsg('connectSocket', errMsg), time: Date.now() })
    const frame = (direction: 'send' | 'receive', data: SocketData) =>
      host.emit({ type: 'socket-frame', id, direction, ...framePreview(data), time: Date.now() })

    ws.on('upgrade', (response) => {
      const responseHeaders: Record<string, string> = {}
      for (const [name, value] of Object.entries(response.headers)) {
        if (value !== undefined)
          responseHeaders[name] = Array.isArray(value) ? value.join(',') : value
      }
      host.emit({
        type: 'started',
        id,
        url: request.url,
        requestHeaders: headers,
        time: Date.now(),
      })
      host.emit({
        type: 'headers',
        id,
        statusCode: response.statusCode ?? 101,
        statusText: response.statusMessage ?? 'Switching Protocols',
        responseHeaders,
        ...(response.socket.remoteAddress && {
          remoteAddress: `${response.socket.remoteAddress}:${response.socket.remotePort}`,
        }),
        httpVersion: 'HTTP/1.1',
        time: Date.now(),
      })
      ws.once('open', () => {
        clearTimeout(timer)
        callbacks.onOpen({ header: responseHeaders })
      })
    })
    ws.on('message', (data: Buffer, isBinary: boolean) => {
      const message: SocketData = isBinary ? new Uint8Array(data) : data.toString('utf8')
      frame('receive', message)
      callbacks.onMessage(message)
    })
    ws.on('error', (error) => {
      clearTimeout(timer)
      if (errored) return
      errored = true
      const errMsg = socketErrorMessage(error)
      fail(errMsg)
      callbacks.onError(errMsg)
    })
    ws.on('close', (code: number, reason: Buffer) => {
      clearTimeout(timer)
      this.open.delete(ws)
      const text = reason.toString('utf8') || CLOSE_REASONS[code] || ''
      host.emit({ type: 'socket-closed', id, code, reason: text, time: Date.now() })
      callbacks.onClose(code, text)
    })

    return {
      id,
      send(data) {
        if (ws.readyState !== WebSocket.OPEN) return FAIL_WORDS.socketNotOpen
        ws.send(data)
        frame('send', data)
        return undefined
      },
      close(code = 1000, reason = '') {
        if (ws.readyState === WebSocket.CLOSING || ws.readyState === WebSocket.CLOSED) {
          return FAIL_WORDS.socketNotOpen
        }
        try {
          ws.close(code, reason)
          return undefined
        } catch (error) {
          return (error as Error).message
        }
      },
    }
  }
}

/**
 * The socket under a WebSocket: host mapping applied while SNI and the certificate check keep the
 * URL's name; with checks on, TLS ≥ 1.2 and a valid certificate (Node's roots plus extra CAs);
 * with them off, any handshake, whose details go to `onLenientHandshake`.
 */
function connectionFactory(
  settings: SocketSettings,
  secure: boolean,
  onLenientHandshake: (tls: TlsDetails) => void,
): (options: Record<string, unknown>) => Socket {
  const ca = trustedCertificates(settings.extraCaPem)
  return (options) => {
    const hostname = String(options.host ?? '')
    const port = Number(options.port) || (secure ? 443 : 80)
    const target = resolveHostMapping(settings.mappings, hostname, port)
    if (!secure) return netConnect({ host: target.host, port: target.port })
    const socket = tlsConnect({
      host: target.host,
      port: target.port,
      ...(isIP(hostname) ? {} : { servername: hostname }),
      ALPNProtocols: ['http/1.1'],
      rejectUnauthorized: settings.checksOn,
      // Checks off accepts TLS 1.0/1.1 as for requests: OpenSSL 3 needs SECLEVEL=0 to offer them.
      ...(settings.checksOn
        ? { minVersion: 'TLSv1.2' as const }
        : { minVersion: 'TLSv1' as const, ciphers: 'DEFAULT@SECLEVEL=0' }),
      ...(ca && { ca }),
    })
    if (!settings.checksOn)
      socket.once('secureConnect', () => onLenientHandshake(describeTls(socket)))
    return socket
  }
}
