/**
 * API Mock in the engine: a matching rule answers without the network (the loopback server that
 * api.mock.test is mapped to never sees a connection), everything else still goes out, and the
 * engine's rules (domain list, timeout, abort, redirects, pacing) apply to mocked answers too.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest'
import { newMockRule, type MockRule, type MockSettings } from '../../../../shared/mock'
import type { DownloadOutcome, NetworkEvent, UploadOutcome } from '../../../../shared/network'
import { createCertificateAuthority } from '../../../../tests/helpers/certificates'
import { startHttpsServer, type TestServer } from '../../../../tests/helpers/servers'
import {
  call,
  recordedEngine,
  startCall,
  text,
  type RecordedEngine,
} from '../../../../tests/helpers/engine-kit'
import type { RequestEngineOptions } from './request-engine'

const ORIGIN = 'https://api.mock.test'
const ca = createCertificateAuthority()
let server: TestServer

beforeAll(async () => {
  server = await startHttpsServer(
    (req, res) => res.end(`real ${req.method} ${req.url}`),
    ca.issue({ hosts: ['api.mock.test'] }),
  )
})
afterAll(() => server.close())

let current: RecordedEngine | undefined
let dir = ''
afterEach(async () => {
  await current?.engine.close()
  current = undefined
  if (dir) rmSync(dir, { recursive: true, force: true })
  dir = ''
})

function rule(fields: Partial<MockRule>): MockRule {
  return { ...newMockRule(`${ORIGIN}/orders`), ...fields }
}

function mocked(rules: MockRule[], options: Partial<RequestEngineOptions> = {}): RecordedEngine {
  current = recordedEngine({
    domains: { request: [ORIGIN], socket: [], uploadFile: [ORIGIN], downloadFile: [ORIGIN] },
    extraCaPem: ca.cert,
    connectTo: [`api.mock.test:443:127.0.0.1:${server.port}`],
    mock: { enabled: true, rules },
    ...options,
  })
  return current
}

const eventsOf = (recorded: RecordedEngine, type: NetworkEvent['type']) =>
  recorded.events.filter((event) => event.type === type)

describe('a request a rule matches', () => {
  test('gets the rule’s status, headers and body, and never reaches the network', async () => {
    const recorded = mocked([
      rule({
        name: 'orders',
        statusCode: 201,
        header: { 'X-Trace': 'mock-1' },
        body: '{"list":[1,2]}',
      }),
    ])
    const before = server.connectionCount
    const { outcome } = await call(recorded.engine, { url: `${ORIGIN}/orders?page=2` })
    expect(outcome).toMatchObject({
      ok: true,
      statusCode: 201,
      header: {
        'x-trace': 'mock-1',
        'content-type': 'application/json; charset=utf-8',
        'content-length': '14',
      },
    })
    expect(text(outcome)).toBe('{"list":[1,2]}')
    expect(server.connectionCount).toBe(before)
    expect(eventsOf(recorded, 'headers')).toEqual([
      expect.objectContaining({ statusCode: 201, statusText: 'Created', mock: 'orders' }),
    ])
    expect(eventsOf(recorded, 'finished')).toHaveLength(1)
  })

  test('a text body keeps a content-type the rule sets', async () => {
    const recorded = mocked([
      rule({ bodyType: 'text', body: '<b>hi</b>', header: { 'Content-Type': 'text/html' } }),
    ])
    const { outcome } = await call(recorded.engine, { url: `${ORIGIN}/orders` })
    expect(outcome).toMatchObject({ ok: true, header: { 'content-type': 'text/html' } })
    expect(text(outcome)).toBe('<b>hi</b>')
  })

  test('a request no rule matches goes to the server', async () => {
    const recorded = mocked([rule({ body: '{}' })])
    const before = server.connectionCount
    const { outcome } = await call(recorded.engine, { url: `${ORIGIN}/users` })
    expect(text(outcome)).toBe('real GET /users')
    expect(server.connectionCount).toBe(before + 1)
    expect(eventsOf(recorded, 'headers')[0]).not.toHaveProperty('mock')
  })

  test('the method, exact and regex matches and the rule order decide', async () => {
    const recorded = mocked([
      rule({ method: 'POST', body: '"post"' }),
      rule({ match: 'exact', url: `${ORIGIN}/orders?exact=1`, body: '"exact"' }),
      rule({ match: 'regex', url: '/orders/\\d+$', body: '"regex"' }),
      rule({ body: '"prefix"' }),
    ])
    const body = async (url: string, method = 'GET') =>
      text((await call(recorded.engine, { url, method })).outcome)
    expect(await body(`${ORIGIN}/orders`, 'POST')).toBe('"post"')
    expect(await body(`${ORIGIN}/orders?exact=1`)).toBe('"exact"')
    expect(await body(`${ORIGIN}/orders/42`)).toBe('"regex"')
    expect(await body(`${ORIGIN}/orders/42/items`)).toBe('"prefix"')
  })

  test('a disabled rule, or the switch off, lets the request out', async () => {
    const recorded = mocked([rule({ enabled: false, body: '"mock"' })])
    expect(text((await call(recorded.engine, { url: `${ORIGIN}/orders` })).outcome)).toBe(
      'real GET /orders',
    )
    recorded.engine.update({ mock: { enabled: true, rules: [rule({ body: '"mock"' })] } })
    expect(text((await call(recorded.engine, { url: `${ORIGIN}/orders` })).outcome)).toBe('"mock"')
    const off: MockSettings = { enabled: false, rules: [rule({ body: '"mock"' })] }
    recorded.engine.update({ mock: off })
    expect(text((await call(recorded.engine, { url: `${ORIGIN}/orders` })).outcome)).toBe(
      'real GET /orders',
    )
  })

  test('a 204 answers with no body', async () => {
    const recorded = mocked([rule({ statusCode: 204, body: '' })])
    const { outcome } = await call(recorded.engine, { url: `${ORIGIN}/orders` })
    expect(outcome).toMatchObject({ ok: true, statusCode: 204 })
    expect(text(outcome)).toBe('')
  })
})

describe('the engine’s rules still apply to a mocked answer', () => {
  test('with the checks on, a mocked URL outside the domain list is blocked, as on a phone', async () => {
    const recorded = mocked([rule({ url: 'https://elsewhere.mock.test/', body: '{}' })])
    const { outcome } = await call(recorded.engine, { url: 'https://elsewhere.mock.test/x' })
    expect(outcome).toEqual({
      ok: false,
      errMsg: 'request:fail url not in domain list',
      errno: 600002,
    })
  })

  test('a delay longer than the timeout fails with request:fail timeout', async () => {
    const recorded = mocked([rule({ delay: 2000, body: '{}' })])
    const { outcome } = await call(recorded.engine, { url: `${ORIGIN}/orders`, timeout: 100 })
    expect(outcome).toEqual({ ok: false, errMsg: 'request:fail timeout' })
  })

  test('an abort during the delay fails with request:fail abort and nothing answers later', async () => {
    const recorded = mocked([rule({ delay: 300, body: '{}' })])
    const pending = startCall(recorded.engine, { url: `${ORIGIN}/orders` })
    setTimeout(() => pending.task.abort(), 50)
    expect((await pending.done).outcome).toEqual({ ok: false, errMsg: 'request:fail abort' })
    await new Promise((resolve) => setTimeout(resolve, 400))
    expect(eventsOf(recorded, 'headers')).toEqual([])
  })

  test('a mocked redirect is followed, and its target checked and answered for real', async () => {
    const recorded = mocked([
      rule({ statusCode: 302, header: { location: '/real-target' }, body: '' }),
    ])
    const { outcome } = await call(recorded.engine, { url: `${ORIGIN}/orders` })
    expect(text(outcome)).toBe('real GET /real-target')
    expect(eventsOf(recorded, 'redirect')).toEqual([
      expect.objectContaining({ to: `${ORIGIN}/real-target`, statusCode: 302 }),
    ])
  })

  test('a chunked request gets the body as chunks, paced by a throttled network', async () => {
    const body = JSON.stringify({ text: 'x'.repeat(100_000) })
    const recorded = mocked([rule({ body })], { networkCondition: '4g' })
    const { outcome, chunks } = await call(recorded.engine, {
      url: `${ORIGIN}/orders`,
      enableChunked: true,
    })
    expect(text(outcome)).toBe(body)
    expect(chunks.length).toBeGreaterThan(1)
    expect(Buffer.concat(chunks).toString()).toBe(body)
  })
})

describe('uploads and downloads', () => {
  test('a mocked download writes the rule’s body to the file', async () => {
    dir = mkdtempSync(join(tmpdir(), 'mpdt-mock-'))
    const recorded = mocked([rule({ url: `${ORIGIN}/files/`, bodyType: 'text', body: 'PNG?' })])
    const real = join(dir, 'tmp_download')
    const outcome = await new Promise<DownloadOutcome>((resolve) =>
      recorded.engine.downloadFile(
        { api: 'downloadFile', url: `${ORIGIN}/files/a.png`, header: {} },
        { open: () => ({ ok: true, real, path: 'wxfile://tmp_download', temporary: true }) },
        { onDone: resolve },
      ),
    )
    expect(outcome).toMatchObject({ ok: true, statusCode: 200 })
    expect(readFileSync(real, 'utf8')).toBe('PNG?')
  })

  test('a mocked upload reads the whole file (progress to 100) and gets the rule’s answer', async () => {
    dir = mkdtempSync(join(tmpdir(), 'mpdt-mock-'))
    const path = join(dir, 'photo.png')
    writeFileSync(path, Buffer.alloc(300_000, 1))
    const recorded = mocked([rule({ method: 'POST', url: `${ORIGIN}/upload`, body: '{"ok":1}' })])
    const progress: number[] = []
    const before = server.connectionCount
    const outcome = await new Promise<UploadOutcome>((resolve) =>
      recorded.engine.uploadFile(
        {
          api: 'uploadFile',
          url: `${ORIGIN}/upload`,
          header: {},
          filePath: 'wxfile://tmp_photo.png',
          name: 'file',
          formData: { user: 'ada' },
        },
        { path },
        { onProgress: (p) => progress.push(p.progress), onDone: resolve },
      ),
    )
    expect(outcome).toMatchObject({ ok: true, statusCode: 200 })
    expect(progress.at(-1)).toBe(100)
    expect(server.connectionCount).toBe(before)
  })
})
