import { X509Certificate } from 'node:crypto'
import { mkdtemp, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import type { EngineRequest } from '../../../shared/network'
import { APPID, call, recordedEngine, startCall, text } from '../../../tests/helpers/engine-kit'
import type { RequestEngine, RequestEngineOptions } from '../network'
import { answerTokens } from './chat-answer'
import { DEMO_API_ORIGIN, DEMO_OTHER_ORIGIN } from './demo-hosts'
import { DEMO_PHOTO_HEIGHT, DEMO_PHOTO_WIDTH } from './demo-photo'
import { BINARY_BODY, TEXT_BODY } from './demo-routes'
import { startDemoServer, type DemoServer } from './demo-server'

let dataDir: string
let demo: DemoServer
let engine: RequestEngine
const engines: RequestEngine[] = []

/** An engine set up as the demo project's: urlCheck on, the demo's lists, mapping and CA. */
function demoEngine(options: Partial<RequestEngineOptions> = {}): RequestEngine {
  const created = recordedEngine({
    domains: {
      request: [demo.origin],
      socket: [demo.wsOrigin],
      uploadFile: [demo.origin],
      downloadFile: [demo.origin],
    },
    connectTo: demo.connectTo,
    extraCaPem: demo.caPem,
    ...options,
  }).engine
  engines.push(created)
  return created
}

function json(outcome: Awaited<ReturnType<typeof call>>['outcome']): Record<string, unknown> {
  return JSON.parse(text(outcome)) as Record<string, unknown>
}

const api = (path: string) => `${DEMO_API_ORIGIN}${path}`

beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'mpdt-demo-server-'))
  demo = await startDemoServer({ dataDir })
  engine = demoEngine()
})

afterAll(async () => {
  await Promise.all(engines.map((each) => each.close()))
  await demo.close()
  await rm(dataDir, { recursive: true, force: true })
})

describe('startDemoServer', () => {
  test('serves the made-up demo origins from loopback', () => {
    expect(demo.origin).toBe('https://api.demo.mpdevtools.test')
    expect(demo.wsOrigin).toBe('wss://api.demo.mpdevtools.test')
    expect(demo.connectTo).toEqual([
      `api.demo.mpdevtools.test:443:127.0.0.1:${demo.port}`,
      `other.demo.mpdevtools.test:443:127.0.0.1:${demo.port}`,
    ])
    expect(demo.port).toBeGreaterThan(0)
  })

  test('hands back the demo CA certificate it serves under', () => {
    expect(new X509Certificate(demo.caPem).ca).toBe(true)
  })

  test('names the file that holds the same CA certificate', async () => {
    expect(await readFile(demo.caFile, 'utf8')).toBe(demo.caPem)
  })
})

describe('certificate trust', () => {
  test('an engine that trusts the demo CA passes the certificate check with urlCheck on', async () => {
    const { outcome } = await call(engine, { url: api('/text') })
    expect(outcome.ok).toBe(true)
  })

  test('without the demo CA the certificate is refused', async () => {
    const untrusting = demoEngine({ extraCaPem: undefined })
    const { outcome } = await call(untrusting, { url: api('/text') })
    expect(outcome).toMatchObject({ ok: false, errMsg: 'request:fail 对应的服务器证书无效。' })
  })
})

describe('the demo API routes', () => {
  test('GET /echo returns the query and the headers, with the forced Referer', async () => {
    const { outcome } = await call(engine, { url: api('/echo?city=深圳&page=1') })
    const body = json(outcome)
    expect(body.query).toEqual({ city: '深圳', page: '1' })
    expect(body.headers).toMatchObject({
      referer: `https://servicewechat.com/${APPID}/devtools/page-frame.html`,
    })
  })

  test('POST /echo parses a JSON body', async () => {
    const { outcome } = await call(engine, {
      url: api('/echo'),
      method: 'POST',
      header: { 'content-type': 'application/json' },
      body: JSON.stringify({ name: '小明', likes: ['茶'] }),
    })
    expect(json(outcome)).toMatchObject({ method: 'POST', body: { name: '小明', likes: ['茶'] } })
  })

  test('POST /echo parses a form-urlencoded body', async () => {
    const { outcome } = await call(engine, {
      url: api('/echo'),
      method: 'POST',
      header: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'name=%E5%B0%8F%E6%98%8E&age=18',
    })
    expect(json(outcome)).toMatchObject({ body: { name: '小明', age: '18' } })
  })

  test('GET /text answers plain text', async () => {
    const { outcome } = await call(engine, { url: api('/text') })
    expect(outcome).toMatchObject({
      statusCode: 200,
      header: { 'content-type': 'text/plain; charset=utf-8' },
    })
    expect(text(outcome)).toBe(TEXT_BODY)
  })

  test('GET /binary answers the bytes 0 to 255', async () => {
    const { outcome } = await call(engine, { url: api('/binary') })
    expect(outcome.ok && Buffer.from(outcome.body)).toEqual(BINARY_BODY)
  })

  test('an unknown path is a 404 with a JSON body', async () => {
    const { outcome } = await call(engine, { url: api('/no-such-page') })
    expect(outcome).toMatchObject({ ok: true, statusCode: 404 })
    expect(json(outcome)).toEqual({ error: 'not found', path: '/no-such-page' })
  })

  test('GET /redirect is a 302 to another demo path, which the engine follows', async () => {
    const manual = await call(engine, { url: api('/redirect'), redirect: 'manual' })
    expect(manual.outcome).toMatchObject({
      statusCode: 302,
      header: { location: '/echo?redirected=1' },
    })
    const followed = await call(engine, { url: api('/redirect') })
    expect(json(followed.outcome)).toMatchObject({ path: '/echo', query: { redirected: '1' } })
  })

  test('GET /slow answers after its delay, so a shorter timeout fails', async () => {
    const late = await call(engine, { url: api('/slow?delay=1000'), timeout: 100 })
    expect(late.outcome).toEqual({ ok: false, errMsg: 'request:fail timeout' })
    const inTime = await call(engine, { url: api('/slow?delay=50') })
    expect(json(inTime.outcome)).toEqual({ delayed: 50 })
  })

  test('GET /long keeps sending until the request is aborted', async () => {
    const pending = startCall(engine, { url: api('/long?seconds=30'), enableChunked: true })
    await pending.headers
    pending.task.abort()
    const { outcome } = await pending.done
    expect(outcome).toEqual({ ok: false, errMsg: 'request:fail abort' })
  })

  test('GET /chat/stream sends the answer token by token as server-sent events', async () => {
    const { outcome, chunks } = await call(engine, {
      url: api('/chat/stream?q=流式'),
      enableChunked: true,
    })
    expect(outcome).toMatchObject({
      ok: true,
      header: { 'content-type': 'text/event-stream; charset=utf-8' },
    })
    const events = Buffer.concat(chunks).toString('utf8').split('\n\n').filter(Boolean)
    expect(events.at(-1)).toBe('data: [DONE]')
    const tokens = events
      .slice(0, -1)
      .map((event) => (JSON.parse(event.slice('data: '.length)) as { token: string }).token)
    expect(tokens).toEqual(answerTokens('流式'))
    // Streamed, not buffered: the tokens arrive over many chunks.
    expect(chunks.length).toBeGreaterThan(tokens.length / 2)
  })

  test('POST /upload reads a multipart file and its fields', async () => {
    const boundary = '----mpdt-demo-test'
    const photo = Buffer.alloc(3000, 7)
    const body = Buffer.concat([
      Buffer.from(
        `--${boundary}\r\ncontent-disposition: form-data; name="user"\r\n\r\n小明\r\n` +
          `--${boundary}\r\ncontent-disposition: form-data; name="file"; filename="cat.png"\r\n` +
          'content-type: image/png\r\n\r\n',
      ),
      photo,
      Buffer.from(`\r\n--${boundary}--\r\n`),
    ])
    const request: Partial<EngineRequest> & { url: string } = {
      url: api('/upload'),
      method: 'POST',
      header: { 'content-type': `multipart/form-data; boundary=${boundary}` },
      body: new Uint8Array(body),
    }
    const { outcome } = await call(engine, request)
    expect(json(outcome)).toEqual({
      field: 'file',
      name: 'cat.png',
      size: 3000,
      mimeType: 'image/png',
      fields: { user: '小明' },
    })
  })

  test('POST /upload without a multipart body is refused with 415', async () => {
    const { outcome } = await call(engine, { url: api('/upload'), method: 'POST', body: 'x' })
    expect(outcome).toMatchObject({ statusCode: 415 })
  })

  test('GET /download/photo.png serves a PNG image', async () => {
    const { outcome } = await call(engine, { url: api('/download/photo.png') })
    expect(outcome).toMatchObject({ statusCode: 200, header: { 'content-type': 'image/png' } })
    const png = Buffer.from(outcome.ok ? outcome.body : [])
    expect(png.subarray(0, 8)).toEqual(
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    )
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([
      DEMO_PHOTO_WIDTH,
      DEMO_PHOTO_HEIGHT,
    ])
  })
})

describe('the unlisted origin', () => {
  test('is blocked while urlCheck is on', async () => {
    const { outcome } = await call(engine, { url: `${DEMO_OTHER_ORIGIN}/hello` })
    expect(outcome).toMatchObject({ ok: false, errMsg: 'request:fail url not in domain list' })
  })

  test('answers once urlCheck is off', async () => {
    const unchecked = demoEngine({ urlCheck: false })
    const { outcome } = await call(unchecked, { url: `${DEMO_OTHER_ORIGIN}/hello` })
    expect(json(outcome)).toMatchObject({ host: 'other.demo.mpdevtools.test', path: '/hello' })
  })

  test('answers once it is added to the request list', async () => {
    const listed = demoEngine()
    listed.update({
      domains: {
        request: [demo.origin, DEMO_OTHER_ORIGIN],
        socket: [],
        uploadFile: [],
        downloadFile: [],
      },
    })
    const { outcome } = await call(listed, { url: `${DEMO_OTHER_ORIGIN}/hello` })
    expect(outcome).toMatchObject({ ok: true, statusCode: 200 })
  })
})
