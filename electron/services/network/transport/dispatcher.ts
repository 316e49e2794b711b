import { rootCertificates } from 'node:tls'
import { Agent } from 'undici'
import { createConnector } from './connector'
import type { HostMapping } from './host-mapping'

export interface TransportSettings {
  mappings: readonly HostMapping[]
  /** PEM text of extra trusted CA certificates, added to Node's default roots. */
  extraCaPem?: string
  enforceTlsPolicy: boolean
  /** ms; the engine's own timeout covers the whole request, this only bounds a stuck connect. */
  connectTimeout: number
  /** Sockets per origin: the engine's in-flight limit, so finishing requests hand theirs on. */
  connectionsPerOrigin: number
}

/**
 * One undici Agent per set of transport settings. Pooled sockets were judged under the settings
 * they were opened with, so the engine builds a new Agent whenever these settings change.
 */
export function createTransport(settings: TransportSettings): Agent {
  const ca = trustedCertificates(settings.extraCaPem)
  return new Agent({
    connect: createConnector({
      mappings: settings.mappings,
      enforceTlsPolicy: settings.enforceTlsPolicy,
      connectTimeout: settings.connectTimeout,
      ...(ca && { ca }),
    }),
    connections: settings.connectionsPerOrigin,
    // The engine applies WeChat's timeout itself; undici's own must never fire first.
    headersTimeout: 0,
    bodyTimeout: 0,
  })
}

/**
 * The roots to trust: Node's defaults plus the extra PEM (Node's `ca` option replaces the
 * defaults, so they are listed again); undefined keeps the defaults untouched.
 */
export function trustedCertificates(extraCaPem: string | undefined): string[] | undefined {
  const extra = extraCaPem?.trim()
  return extra ? [...rootCertificates, extra] : undefined
}
