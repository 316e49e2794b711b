import {
  createCaCertificate,
  issueServerCertificate,
  type PemPair,
} from '../../electron/services/certificates/x509'

/**
 * Certificates made at test time (electron/services/certificates/x509.ts, as the demo's): a
 * private certificate authority that issues leaf certificates for any host names, expired or not,
 * and self-signed certificates.
 */

export type KeyAndCertificate = PemPair

export interface LeafOptions {
  /** DNS names and IP addresses for subjectAltName; the first is also the common name. */
  hosts: string[]
  /** @default one day ago */
  notBefore?: Date
  /** @default one year from now */
  notAfter?: Date
}

export interface CertificateAuthority extends KeyAndCertificate {
  /** A leaf certificate for `hosts`, signed by this authority. */
  issue(options: LeafOptions): KeyAndCertificate
}

const DAY = 24 * 60 * 60 * 1000

const leafFields = (options: LeafOptions) => ({
  hosts: options.hosts,
  notBefore: options.notBefore ?? new Date(Date.now() - DAY),
  notAfter: options.notAfter ?? new Date(Date.now() + 365 * DAY),
})

export function createCertificateAuthority(
  commonName = 'MP DevTools Test CA',
): CertificateAuthority {
  const ca = createCaCertificate([{ name: 'commonName', value: commonName }])
  return { ...ca, issue: (options) => issueServerCertificate(ca, leafFields(options)) }
}

/** A certificate that signs itself: valid names, but trusted by nobody. */
export function createSelfSignedCertificate(options: LeafOptions): KeyAndCertificate {
  return issueServerCertificate(undefined, leafFields(options))
}
