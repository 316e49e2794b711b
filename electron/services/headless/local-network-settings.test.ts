import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises'
import { realpath } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import {
  isConnectToSyntax,
  LOCAL_SETTINGS_FILE,
  readLocalNetworkSettings,
} from './local-network-settings'

describe('readLocalNetworkSettings', () => {
  let base: string
  let project: string
  const writePrivate = (value: unknown) =>
    writeFile(join(project, LOCAL_SETTINGS_FILE), JSON.stringify(value))

  beforeEach(async () => {
    base = await mkdtemp(join(tmpdir(), 'mpdt-local-'))
    project = join(base, 'project')
    await mkdir(join(project, 'certs'), { recursive: true })
    await writeFile(join(project, 'certs', 'dev ca.pem'), 'PEM')
  })
  afterEach(async () => {
    await rm(base, { recursive: true, force: true })
  })

  it('has no local settings without a private config', async () => {
    expect(await readLocalNetworkSettings(project)).toEqual({ ok: true, value: { connectTo: [] } })
  })

  it('has no local settings when the private config has no mpdt key', async () => {
    await writePrivate({ setting: { urlCheck: false } })
    expect(await readLocalNetworkSettings(project)).toEqual({ ok: true, value: { connectTo: [] } })
  })

  it('reads connectTo and resolves cacert inside the project', async () => {
    await writePrivate({
      mpdt: { connectTo: ['api.example.test:443:127.0.0.1:8443'], cacert: 'certs/dev ca.pem' },
    })
    expect(await readLocalNetworkSettings(project)).toEqual({
      ok: true,
      value: {
        connectTo: ['api.example.test:443:127.0.0.1:8443'],
        cacert: await realpath(join(project, 'certs', 'dev ca.pem')),
      },
    })
  })

  it('refuses a cacert outside the project', async () => {
    await writeFile(join(base, 'ca.pem'), 'PEM')
    await writePrivate({ mpdt: { cacert: '../ca.pem' } })
    const result = await readLocalNetworkSettings(project)
    expect(result.ok).toBe(false)
    if (!result.ok) expect(result.error.code).toBe('LOCAL_SETTINGS_INVALID')
  })

  it('refuses a malformed connectTo entry, naming it', async () => {
    await writePrivate({ mpdt: { connectTo: ['api.example.test:443'] } })
    const result = await readLocalNetworkSettings(project)
    expect(result.ok).toBe(false)
    if (!result.ok) expect(result.error.message).toMatch(/^mpdt\.connectTo\[0\] should be/)
  })

  it('refuses an mpdt value that is not an object', async () => {
    await writePrivate({ mpdt: ['x'] })
    expect((await readLocalNetworkSettings(project)).ok).toBe(false)
  })
})

describe('isConnectToSyntax', () => {
  it('accepts names, IPv4 and bracketed IPv6 hosts with numeric ports', () => {
    expect(isConnectToSyntax('api.example.test:443:127.0.0.1:8443')).toBe(true)
    expect(isConnectToSyntax('api.example.test:443:[::1]:8443')).toBe(true)
  })

  it('rejects missing parts and out-of-range ports', () => {
    expect(isConnectToSyntax('api.example.test:443:127.0.0.1')).toBe(false)
    expect(isConnectToSyntax('api.example.test:443:127.0.0.1:70000')).toBe(false)
    expect(isConnectToSyntax('api.example.test:https:127.0.0.1:1')).toBe(false)
  })
})
