import type { OriginSecurityDetails, TlsDetails } from '../../../../shared/network'
import { tlsVersionNumber } from '../policy/request-policy'
import type { ConnectionInfo } from '../transport/connection-info'

/**
 * What `showRequestInfo()` prints: one row per origin contacted, the latest contact winning, TLS
 * refusals included (they are what the developer wants to inspect).
 */
export class SecurityDetailsTable {
  private readonly byOrigin = new Map<string, OriginSecurityDetails>()

  recordResponse(url: string, statusCode: number, connection: ConnectionInfo | undefined): void {
    const remoteAddress = connection ? `${connection.remoteAddress}:${connection.remotePort}` : ''
    this.record(url, statusCode, remoteAddress, connection?.tls)
  }

  recordTlsRefusal(url: string, details: TlsDetails): void {
    this.record(url, 0, details.remoteAddress, details)
  }

  rows(): OriginSecurityDetails[] {
    return [...this.byOrigin.values()]
  }

  private record(url: string, statusCode: number, remoteAddress: string, tls?: TlsDetails): void {
    const origin = new URL(url).origin
    this.byOrigin.set(origin, {
      origin,
      remoteAddress,
      httpVersion: 'HTTP/1.1',
      statusCode,
      ...(tls && { tls }),
      secureTls: tls ? tlsVersionNumber(tls.protocol) >= 1.2 : false,
      secureCertificate: tls?.authorized ?? false,
    })
  }
}
