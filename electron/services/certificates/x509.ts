/**
 * X.509 on node-forge, for certificates the app makes itself (the demo's CA and leaf) and the ones
 * tests generate: RSA key pairs from Node's crypto, a certificate with a random positive serial
 * from the given fields, a certificate authority and the server certificates it issues.
 */
import { generateKeyPairSync, randomBytes } from 'node:crypto'
import { isIP } from 'node:net'
import forge from 'node-forge'

export interface PemPair {
  /** PEM certificate */
  cert: string
  /** PEM private key */
  key: string
}

const DAY = 24 * 60 * 60 * 1000

export interface CertificateFields {
  publicKey: forge.pki.rsa.PublicKey
  subject: forge.pki.CertificateField[]
  issuer: forge.pki.CertificateField[]
  notBefore: Date
  notAfter: Date
  extensions: object[]
}

export function buildCertificate(fields: CertificateFields): forge.pki.Certificate {
  const cert = forge.pki.createCertificate()
  cert.publicKey = fields.publicKey
  // A positive serial: the leading 0x01 keeps the DER integer's sign bit clear.
  cert.serialNumber = `01${randomBytes(15).toString('hex')}`
  cert.validity.notBefore = fields.notBefore
  cert.validity.notAfter = fields.notAfter
  cert.setSubject(fields.subject)
  cert.setIssuer(fields.issuer)
  cert.setExtensions(fields.extensions)
  return cert
}

/** A 2048-bit RSA pair (Node's crypto is much faster than forge's), as PEM and as forge keys. */
export function newKeyPair() {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', {
    modulusLength: 2048,
    publicKeyEncoding: { type: 'spki', format: 'pem' },
    privateKeyEncoding: { type: 'pkcs1', format: 'pem' },
  })
  return {
    keyPem: privateKey,
    privateKey: forge.pki.privateKeyFromPem(privateKey) as forge.pki.rsa.PrivateKey,
    publicKey: forge.pki.publicKeyFromPem(publicKey) as forge.pki.rsa.PublicKey,
  }
}

/** A certificate authority named `subject`, valid for ten years, that signs server certificates. */
export function createCaCertificate(subject: forge.pki.CertificateField[]): PemPair {
  const keys = newKeyPair()
  const cert = buildCertificate({
    publicKey: keys.publicKey,
    subject,
    issuer: subject,
    notBefore: new Date(Date.now() - DAY),
    notAfter: new Date(Date.now() + 3650 * DAY),
    extensions: [
      { name: 'basicConstraints', cA: true, pathLenConstraint: 0, critical: true },
      { name: 'keyUsage', keyCertSign: true, cRLSign: true, critical: true },
      { name: 'subjectKeyIdentifier' },
    ],
  })
  cert.sign(keys.privateKey, forge.md.sha256.create())
  return { cert: forge.pki.certificateToPem(cert), key: keys.keyPem }
}

export interface ServerCertificateFields {
  /** DNS names and IP addresses for subjectAltName; the first is also the common name. */
  hosts: readonly string[]
  notBefore: Date
  notAfter: Date
}

/** A server certificate for `fields.hosts`, signed by `ca`, or by itself without one. */
export function issueServerCertificate(
  ca: PemPair | undefined,
  fields: ServerCertificateFields,
): PemPair {
  const keys = newKeyPair()
  const subject = [{ name: 'commonName', value: fields.hosts[0] }]
  const caCert = ca && forge.pki.certificateFromPem(ca.cert)
  const cert = buildCertificate({
    publicKey: keys.publicKey,
    subject,
    issuer: caCert ? caCert.subject.attributes : subject,
    notBefore: fields.notBefore,
    notAfter: fields.notAfter,
    extensions: [
      { name: 'basicConstraints', cA: false },
      { name: 'keyUsage', digitalSignature: true, keyEncipherment: true, critical: true },
      { name: 'extKeyUsage', serverAuth: true },
      {
        name: 'subjectAltName',
        altNames: fields.hosts.map((host) =>
          isIP(host) ? { type: 7, ip: host } : { type: 2, value: host },
        ),
      },
    ],
  })
  const signer = ca
    ? (forge.pki.privateKeyFromPem(ca.key) as forge.pki.rsa.PrivateKey)
    : keys.privateKey
  cert.sign(signer, forge.md.sha256.create())
  return { cert: forge.pki.certificateToPem(cert), key: keys.keyPem }
}
