import type { OriginSecurityDetails, TlsDetails } from '../../../../shared/network'
import { tlsVersionNumber } from '../policy/request-policy'
import type { ConnectionInfo } from '../transport/connection-info'

/**
 * What `showRequestInfo()` prints: one row per origin contacted, the latest contact winning, TLS
 * refusals included (they are what the developer wants to inspect).
 */
export class SecurityDetailsTable {
  private readonly byOrigin = new Map<string, OriginSecurityDetails>()
  /** The connection each origin's row was taken from. */
  private readonly sources = new Map<string, ConnectionInfo | undefined>()

  /** Every response records its origin, so a repeat of the latest row is recognized cheaply. */
  recordResponse(origin: string, statusCode: number, connection: ConnectionInfo | undefined): void {
    const latest = this.byOrigin.get(origin)
    if (latest && latest.statusCode === statusCode && this.sources.get(origin) === connection)
      return
    const remoteAddress = connection ? `${connection.remoteAddress}:${connection.remotePort}` : ''
    this.record(origin, statusCode, remoteAddress, connection?.tls)
    this.sources.set(origin, connection)
  }

  recordTlsRefusal(url: string, details: TlsDetails): void {
    this.record(new URL(url).origin, 0, details.remoteAddress, details)
  }

  rows(): OriginSecurityDetails[] {
    return [...this.byOrigin.values()]
  }

  private record(
    origin: string,
    statusCode: number,
    remoteAddress: string,
    tls?: TlsDetails,
  ): void {
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
