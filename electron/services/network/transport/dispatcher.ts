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
}

/**
 * One undici Agent per set of transport settings. Pooled sockets were judged under the settings
 * they were opened with, so the engine builds a new Agent whenever these settings change.
 */
export function createTransport(settings: TransportSettings): Agent {
  const extra = settings.extraCaPem?.trim()
  return new Agent({
    connect: createConnector({
      mappings: settings.mappings,
      enforceTlsPolicy: settings.enforceTlsPolicy,
      connectTimeout: settings.connectTimeout,
      ...(extra && { ca: [...rootCertificates, extra] }),
    }),
    // The engine applies WeChat's timeout itself; undici's own must never fire first.
    headersTimeout: 0,
    bodyTimeout: 0,
  })
}
