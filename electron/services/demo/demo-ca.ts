/**
 * The demo's private certificate authority: generated once per machine with node-forge, kept in
 * `<dataDir>/demo-ca/` (key readable by the owner only), and trusted by nobody but the demo
 * project's engine, which gets it as extra CA. Each server start issues a fresh leaf for the
 * demo's made-up hosts. Keys come from Node's native RSA generator (forge's pure-JS one is slow).
 */
import { createPrivateKey, randomBytes, X509Certificate } from 'node:crypto'
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { writeFileAtomic } from '../project/atomic-write'
import { createCaCertificate, issueServerCertificate, type PemPair } from '../certificates/x509'

export const DEMO_CA_FOLDER = 'demo-ca'
export const DEMO_CA_CERT_FILE = 'ca.pem'
export const DEMO_CA_KEY_FILE = 'ca-key.pem'

const CA_COMMON_NAME = 'MP DevTools Demo CA (this machine only)'
const DAY = 24 * 60 * 60 * 1000
/** A CA that expires within this margin is replaced, so a leaf never outlives its issuer. */
const RENEW_MARGIN = 30 * DAY

/**
 * The machine's demo CA: read from `<dataDir>/demo-ca/`, or generated and saved there when missing,
 * unreadable, mismatched or close to expiry.
 */
export async function loadDemoCa(dataDir: string): Promise<PemPair> {
  const folder = join(dataDir, DEMO_CA_FOLDER)
  const stored = await readStoredCa(folder)
  if (stored) return stored
  const created = createCa()
  await mkdir(folder, { recursive: true, mode: 0o700 })
  await writePrivate(join(folder, DEMO_CA_KEY_FILE), created.key)
  await writeFileAtomic(join(folder, DEMO_CA_CERT_FILE), created.cert)
  return created
}

/** Created with mode 0600 from its first byte, then renamed into place. */
async function writePrivate(file: string, content: string): Promise<void> {
  const temporary = `${file}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`
  try {
    await writeFile(temporary, content, { mode: 0o600, flag: 'wx' })
    await rename(temporary, file)
  } finally {
    await rm(temporary, { force: true })
  }
}

async function readStoredCa(folder: string): Promise<PemPair | undefined> {
  let pair: PemPair
  try {
    pair = {
      cert: await readFile(join(folder, DEMO_CA_CERT_FILE), 'utf8'),
      key: await readFile(join(folder, DEMO_CA_KEY_FILE), 'utf8'),
    }
  } catch {
    return undefined
  }
  try {
    const cert = new X509Certificate(pair.cert)
    const usable =
      cert.ca &&
      Date.parse(cert.validTo) - Date.now() > RENEW_MARGIN &&
      cert.checkPrivateKey(createPrivateKey(pair.key))
    return usable ? pair : undefined
  } catch {
    return undefined
  }
}

function createCa(): PemPair {
  return createCaCertificate([
    { name: 'commonName', value: CA_COMMON_NAME },
    { name: 'organizationName', value: 'MP DevTools' },
  ])
}

/** A server certificate for `hosts` (the first is the common name), signed by `ca`. */
export function issueDemoLeaf(ca: PemPair, hosts: readonly string[]): PemPair {
  return issueServerCertificate(ca, {
    hosts,
    notBefore: new Date(Date.now() - DAY),
    // Well inside the CA's life (see RENEW_MARGIN) and a new one on every start.
    notAfter: new Date(Date.now() + 7 * DAY),
  })
}
