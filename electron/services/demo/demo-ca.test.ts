import { createPrivateKey, X509Certificate } from 'node:crypto'
import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, test } from 'vitest'
import {
  DEMO_CA_CERT_FILE,
  DEMO_CA_FOLDER,
  DEMO_CA_KEY_FILE,
  issueDemoLeaf,
  loadDemoCa,
} from './demo-ca'

let dataDir: string
beforeEach(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'mpdt-demo-ca-'))
})
afterEach(async () => {
  await rm(dataDir, { recursive: true, force: true })
})

const caFile = (name: string) => join(dataDir, DEMO_CA_FOLDER, name)

describe('the demo CA', () => {
  test('is generated once per data folder and reused on the next start', async () => {
    const first = await loadDemoCa(dataDir)
    const second = await loadDemoCa(dataDir)
    expect(second).toEqual(first)
    expect(await readFile(caFile(DEMO_CA_CERT_FILE), 'utf8')).toBe(first.cert)
  })

  test('is a certificate authority', async () => {
    const { cert } = await loadDemoCa(dataDir)
    expect(new X509Certificate(cert).ca).toBe(true)
  })

  test.runIf(process.platform !== 'win32')(
    'keeps its private key readable by its owner only',
    async () => {
      await loadDemoCa(dataDir)
      expect((await stat(caFile(DEMO_CA_KEY_FILE))).mode & 0o777).toBe(0o600)
    },
  )

  test('is replaced when the stored key does not belong to the stored certificate', async () => {
    const first = await loadDemoCa(dataDir)
    const other = await mkdtemp(join(tmpdir(), 'mpdt-demo-ca-other-'))
    try {
      await writeFile(caFile(DEMO_CA_KEY_FILE), (await loadDemoCa(other)).key)
    } finally {
      await rm(other, { recursive: true, force: true })
    }
    const replaced = await loadDemoCa(dataDir)
    expect(replaced.cert).not.toBe(first.cert)
    expect(new X509Certificate(replaced.cert).checkPrivateKey(createPrivateKey(replaced.key))).toBe(
      true,
    )
  })

  test('is replaced when the stored certificate is unreadable', async () => {
    const first = await loadDemoCa(dataDir)
    await writeFile(caFile(DEMO_CA_CERT_FILE), 'not a certificate')
    const replaced = await loadDemoCa(dataDir)
    expect(replaced.cert).not.toBe(first.cert)
    expect(await readFile(caFile(DEMO_CA_CERT_FILE), 'utf8')).toBe(replaced.cert)
  })
})

describe('a demo leaf certificate', () => {
  test('names every demo host and is signed by the demo CA', async () => {
    const ca = await loadDemoCa(dataDir)
    const leaf = new X509Certificate(issueDemoLeaf(ca, ['api.demo.test', 'other.demo.test']).cert)
    expect(leaf.checkHost('api.demo.test')).toBe('api.demo.test')
    expect(leaf.checkHost('other.demo.test')).toBe('other.demo.test')
    expect(leaf.checkHost('elsewhere.test')).toBeUndefined()
    expect(leaf.ca).toBe(false)
    expect(leaf.verify(new X509Certificate(ca.cert).publicKey)).toBe(true)
  })
})
