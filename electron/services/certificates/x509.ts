/**
 * X.509 building blocks on node-forge, for certificates the app makes itself (the demo's CA and
 * leaf) and the ones tests generate: RSA key pairs from Node's crypto, and a certificate with a
 * random positive serial from the given fields (the caller signs it).
 */
import { generateKeyPairSync, randomBytes } from 'node:crypto'
import forge from 'node-forge'

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
