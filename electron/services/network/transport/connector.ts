import { isIP, type Socket } from 'node:net'
import { performance } from 'node:perf_hooks'
import type { TLSSocket } from 'node:tls'
import { buildConnector } from 'undici'
import { checkTlsHandshake } from '../policy/request-policy'
import { describeTls, recordConnection } from './connection-info'
import { currentConnectionOwner } from './connection-owner'
import { resolveHostMapping, type HostMapping } from './host-mapping'
import { TlsPolicyError } from './tls-policy-error'

export interface ConnectorOptions {
  mappings: readonly HostMapping[]
  /** Trusted roots; undefined keeps Node's defaults. */
  ca?: string[]
  /**
   * urlCheck on: refuse TLS < 1.2 and invalid certificates right after the handshake; off: let
   * them through, noting the rule on the connection for the engine's phone warnings.
   */
  enforceTlsPolicy: boolean
  /** ms */
  connectTimeout: number
}

/**
 * The socket factory for the engine's undici Agent. It always completes the handshake leniently
 * (TLS 1.0+, any certificate: OpenSSL 3 needs SECLEVEL=0 for TLS 1.0/1.1) and then judges the
 * connection itself, so a refusal can name the TLS version the server offered, as WeChat does,
 * and the same details feed showRequestInfo(). It also applies host mapping while SNI and the
 * certificate check keep the requested name, and measures DNS/connect/TLS time per socket.
 */
export function createConnector(options: ConnectorOptions): buildConnector.connector {
  const connect = buildConnector({
    timeout: options.connectTimeout,
    rejectUnauthorized: false,
    minVersion: 'TLSv1',
    ciphers: 'DEFAULT@SECLEVEL=0',
    // A resumed TLS session skips Node's host-name check, so a wrong-host certificate judged
    // once would pass on the next connection: every handshake is full, whether the policy
    // refuses it or only reports it (checks off).
    maxCachedSessions: 0,
    ...(options.ca && { ca: options.ca }),
  })
  return (params, callback) => {
    const port = Number(params.port) || (params.protocol === 'https:' ? 443 : 80)
    const target = resolveHostMapping(options.mappings, params.hostname, port)
    const servername = params.servername || (isIP(params.hostname) ? undefined : params.hostname)
    const startedAt = performance.now()
    let lookedUpAt: number | undefined
    let connectedAt: number | undefined
    // The request this socket is opened for destroys it if it ends before the socket is ready.
    const owner = currentConnectionOwner()
    const socket = connect(
      {
        ...params,
        hostname: target.host,
        host: `${target.host}:${target.port}`,
        port: String(target.port),
        ...(servername && { servername }),
      },
      (error, connected) => {
        if (socket) owner?.release(socket)
        if (error || !connected) {
          callback(error ?? new Error('connect failed'), null)
          return
        }
        const readyAt = performance.now()
        const secure = params.protocol === 'https:'
        const tls = secure ? describeTls(connected as TLSSocket) : undefined
        const decision = tls && checkTlsHandshake(tls)
        if (tls && decision && !decision.allowed && options.enforceTlsPolicy) {
          connected.destroy()
          callback(new TlsPolicyError(decision.rule, tls), null)
          return
        }
        const tcpDone = connectedAt ?? readyAt
        recordConnection(connected, {
          dnsMs: lookedUpAt === undefined ? 0 : lookedUpAt - startedAt,
          connectMs: tcpDone - (lookedUpAt ?? startedAt),
          tlsMs: secure ? readyAt - tcpDone : 0,
          remoteAddress: connected.remoteAddress ?? '',
          remotePort: connected.remotePort ?? 0,
          httpVersion: 'HTTP/1.1',
          ...(tls && { tls }),
          ...(decision && !decision.allowed && { tlsViolation: decision.rule }),
          requests: 0,
        })
        callback(null, connected)
      },
    ) as unknown as Socket | undefined
    if (socket) owner?.adopt(socket)
    socket?.once('lookup', () => (lookedUpAt = performance.now()))
    socket?.once('connect', () => (connectedAt = performance.now()))
  }
}
