import type { Socket } from 'node:net'
import type { PeerCertificate, TLSSocket } from 'node:tls'
import type { TlsDetails } from '../../../../shared/network'

/** What the connector measured while opening one socket; looked up per request by socket. */
export interface ConnectionInfo {
  dnsMs: number
  connectMs: number
  tlsMs: number
  remoteAddress: string
  remotePort: number
  httpVersion: string
  tls?: TlsDetails
  /** The TLS rule this connection breaks, when the policy let it through (checks off). */
  tlsViolation?: 'tls-version' | 'certificate'
  /** Requests already sent on this socket: only the first one pays for DNS, connect and TLS. */
  requests: number
}

const connections = new WeakMap<Socket, ConnectionInfo>()

export function recordConnection(socket: Socket, info: ConnectionInfo): void {
  connections.set(socket, info)
}

export function connectionOf(socket: Socket): ConnectionInfo | undefined {
  return connections.get(socket)
}

/** The TLS facts `showRequestInfo()` and the Network panel show. */
export function describeTls(socket: TLSSocket): TlsDetails {
  const cert = socket.getPeerCertificate()
  const hasCert = cert && Object.keys(cert).length > 0
  return {
    protocol: socket.getProtocol() ?? '',
    cipher: socket.getCipher()?.name ?? '',
    subject: hasCert ? distinguishedName(cert.subject) : '',
    issuer: hasCert ? distinguishedName(cert.issuer) : '',
    validFrom: hasCert ? cert.valid_from : '',
    validTo: hasCert ? cert.valid_to : '',
    remoteAddress: `${socket.remoteAddress ?? ''}:${socket.remotePort ?? ''}`,
    authorized: socket.authorized,
    ...(socket.authorizationError && { authorizationError: String(socket.authorizationError) }),
  }
}

function distinguishedName(name: PeerCertificate['subject'] | undefined): string {
  if (!name) return ''
  return Object.entries(name)
    .map(([key, value]) => `${key}=${Array.isArray(value) ? value.join('+') : value}`)
    .join(', ')
}
