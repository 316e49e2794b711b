import type { RequestListener } from 'node:http'
import { rootCertificates } from 'node:tls'
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest'
import {
  createCertificateAuthority,
  createSelfSignedCertificate,
} from '../../../../tests/helpers/certificates'
import { startHttpsServer, type TestServer } from '../../../../tests/helpers/servers'
import { trustedCertificates } from '../transport/dispatcher'
import {
  call,
  recordedEngine,
  text,
  type RecordedEngine,
} from '../../../../tests/helpers/engine-kit'

const ca = createCertificateAuthority()
const ok: RequestListener = (_req, res) => res.end('ok')
const OLD_TLS = { ciphers: 'DEFAULT@SECLEVEL=0' }
const servers: Record<string, TestServer> = {}
const HOSTS = ['tls10', 'tls11', 'self', 'expired', 'wrong', 'private', 'modern'] as const

beforeAll(async () => {
  const host = (name: string) => `${name}.example.test`
  const leaf = (name: string) => ca.issue({ hosts: [host(name)] })
  const started = await Promise.all([
    startHttpsServer(ok, {
      ...leaf('tls10'),
      ...OLD_TLS,
      minVersion: 'TLSv1',
      maxVersion: 'TLSv1',
    }),
    startHttpsServer(ok, {
      ...leaf('tls11'),
      ...OLD_TLS,
      minVersion: 'TLSv1.1',
      maxVersion: 'TLSv1.1',
    }),
    startHttpsServer(ok, createSelfSignedCertificate({ hosts: [host('self')] })),
    startHttpsServer(
      ok,
      ca.issue({
        hosts: [host('expired')],
        notBefore: new Date(Date.now() - 30 * 86_400_000),
        notAfter: new Date(Date.now() - 86_400_000),
      }),
    ),
    // TLS 1.2 hands out a resumable session during the handshake (TLS 1.3 only after it).
    startHttpsServer(ok, {
      ...ca.issue({ hosts: ['elsewhere.example.test'] }),
      maxVersion: 'TLSv1.2',
    }),
    startHttpsServer(ok, leaf('private')),
    startHttpsServer(ok, { ...leaf('modern'), minVersion: 'TLSv1.2' }),
  ])
  HOSTS.forEach((name, i) => (servers[name] = started[i]))
})
afterAll(() => Promise.all(Object.values(servers).map((s) => s.close())))

let current: RecordedEngine | undefined
function engineWith(urlCheck: boolean, trustCa = true) {
  current = recordedEngine({
    urlCheck,
    domains: {
      request: HOSTS.map((name) => `https://${name}.example.test`),
      socket: [],
      uploadFile: [],
      downloadFile: [],
    },
    connectTo: HOSTS.map((name) => `${name}.example.test:443:127.0.0.1:${servers[name].port}`),
    ...(trustCa && { extraCaPem: ca.cert }),
  })
  return current
}
afterEach(async () => {
  await current?.engine.close()
  current = undefined
})

const TLS_FAIL = { ok: false, errMsg: 'request:fail 小程序要求的 TLS 版本必须大于等于 1.2' }
const CERT_FAIL = { ok: false, errMsg: 'request:fail 对应的服务器证书无效。' }

describe('TLS version', () => {
  test.each([
    ['tls10', 'TLS 1.0'],
    ['tls11', 'TLS 1.1'],
  ])('a %s-only server is refused with urlCheck on, naming %s', async (name, label) => {
    const { engine, console: messages, events } = engineWith(true)
    const { outcome } = await call(engine, { url: `https://${name}.example.test/` })
    expect(outcome).toMatchObject(TLS_FAIL)
    expect(events.at(-1)).toMatchObject({ type: 'blocked', rule: 'tls-version' })
    expect(String(messages[0].args[0])).toMatch(/ wx\.request 错误$/)
    expect(messages[1]).toEqual({
      level: 'error',
      args: [
        `https://${name}.example.test 对应的服务器 TLS 为 ${label} ，小程序要求的 TLS 版本必须大于等于 1.2 。控制台输入 showRequestInfo() 可以获取更详细信息。`,
      ],
    })
  })

  test.each(['tls10', 'tls11'])('a %s-only server works with urlCheck off', async (name) => {
    const { engine } = engineWith(false)
    const { outcome } = await call(engine, { url: `https://${name}.example.test/` })
    expect(text(outcome)).toBe('ok')
  })

  test('TLS 1.2 or newer passes with urlCheck on', async () => {
    const { engine } = engineWith(true)
    const { outcome } = await call(engine, { url: 'https://modern.example.test/' })
    expect(text(outcome)).toBe('ok')
  })
})

describe('certificates', () => {
  test.each(['self', 'expired', 'wrong'])(
    'a %s certificate is refused with urlCheck on',
    async (name) => {
      const { engine, console: messages, events } = engineWith(true)
      const { outcome } = await call(engine, { url: `https://${name}.example.test/` })
      expect(outcome).toMatchObject(CERT_FAIL)
      expect(events.at(-1)).toMatchObject({ type: 'blocked', rule: 'certificate' })
      expect(messages[1]).toEqual({
        level: 'error',
        args: [
          `https://${name}.example.test 对应的服务器证书无效。控制台输入 showRequestInfo() 可以获取更详细信息。`,
        ],
      })
    },
  )

  test.each(['self', 'expired', 'wrong'])(
    'a %s certificate is accepted with urlCheck off',
    async (name) => {
      const { engine } = engineWith(false)
      const { outcome } = await call(engine, { url: `https://${name}.example.test/` })
      expect(text(outcome)).toBe('ok')
    },
  )

  test('a wrong-host certificate stays refused on a second connection (no TLS session reuse)', async () => {
    const { engine } = engineWith(true)
    const first = await call(engine, { url: 'https://wrong.example.test/' })
    await new Promise((resolve) => setTimeout(resolve, 20))
    const second = await call(engine, { url: 'https://wrong.example.test/' })
    expect(first.outcome).toMatchObject(CERT_FAIL)
    expect(second.outcome).toMatchObject(CERT_FAIL)
  })

  test('a private-CA certificate is refused without the extra CA', async () => {
    const { engine } = engineWith(true, false)
    const { outcome } = await call(engine, { url: 'https://private.example.test/' })
    expect(outcome).toMatchObject(CERT_FAIL)
  })

  test('the extra CA makes a private-CA certificate pass', async () => {
    const { engine } = engineWith(true, true)
    const { outcome } = await call(engine, { url: 'https://private.example.test/' })
    expect(text(outcome)).toBe('ok')
  })

  test('the extra CA is added to the default roots, not instead of them', () => {
    const roots = trustedCertificates(ca.cert)
    expect(roots).toEqual([...rootCertificates, ca.cert.trim()])
    expect(trustedCertificates(undefined)).toBeUndefined()
  })
})

describe('security details for showRequestInfo()', () => {
  test('each origin contacted gets its TLS protocol, cipher, certificate and address', async () => {
    const { engine } = engineWith(true)
    await call(engine, { url: 'https://modern.example.test/' })
    await call(engine, { url: 'https://tls10.example.test/' })
    const rows = engine.securityDetails()
    expect(rows.find((r) => r.origin === 'https://modern.example.test')).toMatchObject({
      remoteAddress: `127.0.0.1:${servers.modern.port}`,
      statusCode: 200,
      secureTls: true,
      secureCertificate: true,
      tls: {
        protocol: 'TLSv1.3',
        subject: 'CN=modern.example.test',
        issuer: 'CN=MP DevTools Test CA',
        authorized: true,
      },
    })
    expect(rows.find((r) => r.origin === 'https://tls10.example.test')).toMatchObject({
      secureTls: false,
      tls: { protocol: 'TLSv1' },
    })
  })

  test('the finished event carries the TLS details', async () => {
    const { engine, events } = engineWith(true)
    await call(engine, { url: 'https://modern.example.test/' })
    const finished = events.find((e) => e.type === 'finished')
    expect(finished).toMatchObject({ tls: { protocol: 'TLSv1.3', cipher: expect.any(String) } })
  })
})
