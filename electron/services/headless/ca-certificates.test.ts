import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createCertificateAuthority } from '../../../tests/helpers/certificates'
import { readCertificates } from './ca-certificates'

describe('readCertificates', () => {
  let dir: string
  let caPem: string
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'mpdt-ca-'))
    caPem = createCertificateAuthority().cert
  })
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true })
  })

  const fileWith = async (name: string, text: string) => {
    const path = join(dir, name)
    await writeFile(path, text)
    return path
  }

  it('answers the PEM text of a file of certificates', async () => {
    const twoCas = `${caPem}\n${createCertificateAuthority('Second CA').cert}`
    expect(await readCertificates(await fileWith('ok.pem', twoCas))).toEqual({
      ok: true,
      value: twoCas,
    })
  })

  it('refuses a file without a certificate', async () => {
    const result = await readCertificates(await fileWith('text.pem', 'hello'))
    expect(result.ok).toBe(false)
    if (!result.ok) expect(result.error.code).toBe('CA_INVALID')
  })

  it('refuses a certificate block that does not parse', async () => {
    const broken = caPem.replace(/\n[A-Za-z0-9+/]{20}/, '\n!!!!')
    const result = await readCertificates(await fileWith('broken.pem', broken))
    expect(result.ok).toBe(false)
    if (!result.ok) expect(result.error.code).toBe('CA_INVALID')
  })

  it('refuses a file that cannot be read', async () => {
    const result = await readCertificates(join(dir, 'missing.pem'))
    expect(result.ok).toBe(false)
    if (!result.ok) expect(result.error.code).toBe('CA_UNREADABLE')
  })
})
