import { isIP } from 'node:net'
import forge from 'node-forge'
import { buildCertificate, newKeyPair } from '../../electron/services/certificates/x509'

/**
 * Certificates made at test time with node-forge: a private certificate authority that issues
 * leaf certificates for any host names, expired or not, and self-signed certificates. Keys come
 * from Node's native RSA generator (forge's pure-JS one takes seconds).
 */

export interface KeyAndCertificate {
  /** PEM */
  cert: string
  /** PEM */
  key: string
}

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

export function createCertificateAuthority(
  commonName = 'MP DevTools Test CA',
): CertificateAuthority {
  const keys = newKeyPair()
  const subject = [{ name: 'commonName', value: commonName }]
  const cert = buildCertificate({
    publicKey: keys.publicKey,
    subject,
    issuer: subject,
    notBefore: new Date(Date.now() - DAY),
    notAfter: new Date(Date.now() + 3650 * DAY),
    extensions: [
      { name: 'basicConstraints', cA: true, critical: true },
      { name: 'keyUsage', keyCertSign: true, cRLSign: true, critical: true },
      { name: 'subjectKeyIdentifier' },
    ],
  })
  cert.sign(keys.privateKey, forge.md.sha256.create())
  return {
    cert: forge.pki.certificateToPem(cert),
    key: keys.keyPem,
    issue: (options) => issueLeaf(options, cert, keys.privateKey),
  }
}

/** A certificate that signs itself: valid names, but trusted by nobody. */
export function createSelfSignedCertificate(options: LeafOptions): KeyAndCertificate {
  const keys = newKeyPair()
  const subject = [{ name: 'commonName', value: options.hosts[0] }]
  const cert = buildCertificate({
    publicKey: keys.publicKey,
    subject,
    issuer: subject,
    notBefore: options.notBefore ?? new Date(Date.now() - DAY),
    notAfter: options.notAfter ?? new Date(Date.now() + 365 * DAY),
    extensions: leafExtensions(options.hosts),
  })
  cert.sign(keys.privateKey, forge.md.sha256.create())
  return { cert: forge.pki.certificateToPem(cert), key: keys.keyPem }
}

function issueLeaf(
  options: LeafOptions,
  caCert: forge.pki.Certificate,
  caKey: forge.pki.rsa.PrivateKey,
): KeyAndCertificate {
  const keys = newKeyPair()
  const cert = buildCertificate({
    publicKey: keys.publicKey,
    subject: [{ name: 'commonName', value: options.hosts[0] }],
    issuer: caCert.subject.attributes,
    notBefore: options.notBefore ?? new Date(Date.now() - DAY),
    notAfter: options.notAfter ?? new Date(Date.now() + 365 * DAY),
    extensions: leafExtensions(options.hosts),
  })
  cert.sign(caKey, forge.md.sha256.create())
  return { cert: forge.pki.certificateToPem(cert), key: keys.keyPem }
}

function leafExtensions(hosts: string[]) {
  return [
    { name: 'basicConstraints', cA: false },
    { name: 'keyUsage', digitalSignature: true, keyEncipherment: true },
    { name: 'extKeyUsage', serverAuth: true },
    {
      name: 'subjectAltName',
      altNames: hosts.map((host) =>
        isIP(host) ? { type: 7, ip: host } : { type: 2, value: host },
      ),
    },
  ]
}
