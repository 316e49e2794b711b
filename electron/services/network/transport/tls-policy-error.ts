import type { TlsDetails } from '../../../../shared/network'

/** A TLS connection refused by WeChat's policy (version below 1.2, or an invalid certificate). */
export class TlsPolicyError extends Error {
  readonly code = 'MPDT_TLS_POLICY'
  constructor(
    readonly rule: 'tls-version' | 'certificate',
    readonly details: TlsDetails,
  ) {
    super(
      rule === 'tls-version'
        ? `server negotiated ${details.protocol}, TLS 1.2 or newer is required`
        : `invalid server certificate (${details.authorizationError ?? 'not trusted'})`,
    )
    this.name = 'TlsPolicyError'
  }
}
