import type { IncomingHttpHeaders, IncomingMessage, ServerResponse } from 'node:http'
import { createServer, type AddressInfo, type Socket } from 'node:net'
import { brotliCompressSync, deflateSync, gzipSync } from 'node:zlib'
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest'
import type { EngineOutcome, NetworkEvent } from '../../../../shared/network'
import { createCertificateAuthority } from '../../../../tests/helpers/certificates'
import { startHttpsServer, type TestServer } from '../../../../tests/helpers/servers'
import {
  APPID,
  call,
  recordedEngine,
  startCall,
  text,
  USER_AGENT,
  type RecordedEngine,
} from '../../../../tests/helpers/engine-kit'

const ca = createCertificateAuthority()
let server: TestServer
/** Headers the server saw on the last request. */
let seen: { headers: IncomingHttpHeaders; rawHeaders: string[]; body: string }
const PAYLOAD = 'MP DevTools '.repeat(2000)

const routes: Record<string, (req: IncomingMessage, res: ServerResponse) => void> = {
  '/echo': (_req, res) => res.end('ok'),
  '/cookies': (_req, res) => {
    res.setHeader('Set-Cookie', [
      'session=abc; Path=/; HttpOnly',
      'theme=dark; Expires=Wed, 21 Oct 2026 07:28:00 GMT',
    ])
    res.setHeader('X-Trace-Id', 'T-1')
    res.end('ok')
  },
  '/stall': () => {},
  '/stall-body': (_req, res) => {
    res.writeHead(200, { 'content-length': '100' })
    res.write('partial')
  },
  '/reset': (req, res) => {
    res.writeHead(200, { 'content-length': '100000' })
    res.write('x'.repeat(1000), () => setTimeout(() => req.socket.destroy(), 20))
  },
  '/chunked': (_req, res) => {
    res.writeHead(200, { 'content-type': 'text/event-stream' })
    const parts = ['data: one\n\n', 'data: two\n\n', 'data: three\n\n']
    const next = (i: number) => {
      if (i === parts.length) return res.end()
      res.write(parts[i])
      setTimeout(() => next(i + 1), 40)
    }
    next(0)
  },
  '/slow': (_req, res) => {
    res.writeHead(200, { 'content-length': '50' })
    let sent = 0
    const timer = setInterval(() => {
      res.write('0123456789')
      if (++sent === 5) {
        clearInterval(timer)
        res.end()
      }
    }, 50)
  },
  '/gzip': (_req, res) => res.writeHead(200, { 'content-encoding': 'gzip' }).end(gzipSync(PAYLOAD)),
  '/br': (_req, res) =>
    res.writeHead(200, { 'content-encoding': 'br' }).end(brotliCompressSync(PAYLOAD)),
  '/deflate': (_req, res) =>
    res.writeHead(200, { 'content-encoding': 'deflate' }).end(deflateSync(PAYLOAD)),
  '/bad-gzip': (_req, res) => res.writeHead(200, { 'content-encoding': 'gzip' }).end('not gzip'),
  '/early-hints': (_req, res) => {
    res.writeEarlyHints({ link: '</style.css>; rel=preload; as=style' })
    res.end('after hints')
  },
  '/missing': (_req, res) => res.writeHead(404, { 'content-type': 'text/plain' }).end('nope'),
}

beforeAll(async () => {
  server = await startHttpsServer(
    (req, res) => {
      let body = ''
      req.on('data', (chunk) => (body += chunk))
      req.on('end', () => {
        seen = { headers: req.headers, rawHeaders: req.rawHeaders, body }
      })
      const route = routes[new URL(req.url ?? '/', 'https://x').pathname] ?? routes['/echo']
      route(req, res)
    },
    ca.issue({ hosts: ['api.example.test'] }),
  )
})
afterAll(() => server.close())

let current: RecordedEngine | undefined
function engineWith(options: Parameters<typeof recordedEngine>[0] = {}) {
  current = recordedEngine({
    domains: {
      request: ['https://api.example.test'],
      socket: [],
      uploadFile: [],
      downloadFile: [],
    },
    connectTo: [`api.example.test:443:127.0.0.1:${server.port}`],
    extraCaPem: ca.cert,
    ...options,
  })
  return current
}
afterEach(async () => {
  await current?.engine.close()
  current = undefined
})

const url = (path: string) => `https://api.example.test${path}`

describe('request headers', () => {
  test('Referer is always WeChat’s page-frame URL and a caller’s Referer is dropped', async () => {
    const { engine } = engineWith()
    await call(engine, {
      url: url('/echo'),
      header: { REFERER: 'https://evil.test/', rEfErEr: 'x' },
    })
    const referers = seen.rawHeaders.filter((_, i) => i % 2 === 0 && /^referer$/i.test(_))
    expect(referers).toHaveLength(1)
    expect(seen.headers.referer).toBe(`https://servicewechat.com/${APPID}/devtools/page-frame.html`)
  })

  test('User-Agent is the simulated device’s, whatever the caller sets', async () => {
    const { engine } = engineWith()
    await call(engine, { url: url('/echo'), header: { 'User-Agent': 'curl/8' } })
    expect(seen.headers['user-agent']).toBe(USER_AGENT)
  })

  test('a Cookie header passes through as given', async () => {
    const { engine } = engineWith()
    await call(engine, { url: url('/echo'), header: { Cookie: 'session=abc; theme=dark' } })
    expect(seen.headers.cookie).toBe('session=abc; theme=dark')
  })

  test('there is no cookie jar: Set-Cookie is not sent back by itself', async () => {
    const { engine } = engineWith()
    await call(engine, { url: url('/cookies') })
    await call(engine, { url: url('/echo') })
    expect(seen.headers.cookie).toBeUndefined()
  })

  test('other caller headers are sent with their values', async () => {
    const { engine } = engineWith()
    await call(engine, { url: url('/echo'), header: { 'X-Token': 't1', 'content-type': 'a/b' } })
    expect(seen.headers).toMatchObject({ 'x-token': 't1', 'content-type': 'a/b' })
  })

  test('compressed responses are asked for unless the caller says otherwise', async () => {
    const { engine } = engineWith()
    await call(engine, { url: url('/echo') })
    expect(seen.headers['accept-encoding']).toBe('gzip, deflate, br')
    await call(engine, { url: url('/echo'), header: { 'Accept-Encoding': 'identity' } })
    expect(seen.headers['accept-encoding']).toBe('identity')
  })

  test('connection-level headers are refused with a console error', async () => {
    const { engine, console: messages } = engineWith()
    const { outcome } = await call(engine, {
      url: url('/echo'),
      header: { Host: 'evil.test', 'Content-Length': '5' },
    })
    expect(outcome.ok).toBe(true)
    expect(seen.headers.host).toBe('api.example.test')
    expect(messages).toEqual([
      { level: 'error', args: ['Refused to set unsafe header "Host"'] },
      { level: 'error', args: ['Refused to set unsafe header "Content-Length"'] },
    ])
  })

  test('a string body and a byte body are sent as they are', async () => {
    const { engine } = engineWith()
    await call(engine, { url: url('/echo'), method: 'POST', body: '{"a":"中文"}' })
    expect(seen.body).toBe('{"a":"中文"}')
    await call(engine, { url: url('/echo'), method: 'PUT', body: new TextEncoder().encode('k=v') })
    expect(seen.body).toBe('k=v')
  })
})

describe('responses', () => {
  test('each Set-Cookie comes back as one entry of cookies', async () => {
    const { engine } = engineWith()
    const { outcome } = await call(engine, { url: url('/cookies') })
    expect(outcome.ok && outcome.cookies).toEqual([
      'session=abc; Path=/; HttpOnly',
      'theme=dark; Expires=Wed, 21 Oct 2026 07:28:00 GMT',
    ])
  })

  test('header names keep the server’s spelling and repeated fields are joined with ","', async () => {
    const { engine } = engineWith()
    const { outcome } = await call(engine, { url: url('/cookies') })
    expect(outcome.ok && outcome.header['X-Trace-Id']).toBe('T-1')
    expect(outcome.ok && outcome.header['Set-Cookie']).toBe(
      'session=abc; Path=/; HttpOnly,theme=dark; Expires=Wed, 21 Oct 2026 07:28:00 GMT',
    )
  })

  test('an interim 103 response is skipped: headers and outcome are the final response', async () => {
    const { engine } = engineWith()
    const heads: number[] = []
    const outcome = await new Promise<EngineOutcome>((resolve) =>
      engine.request(
        { api: 'request', url: url('/early-hints'), method: 'GET', header: {} },
        { onHeaders: (h) => heads.push(h.statusCode), onDone: resolve },
      ),
    )
    expect(heads).toEqual([200])
    expect(text(outcome)).toBe('after hints')
  })

  test('an invalid URL fails with errno 600009 without a request', async () => {
    const { engine, events } = engineWith()
    const { outcome } = await call(engine, { url: 'ftp://api.example.test/' })
    expect(outcome).toEqual({
      ok: false,
      errMsg: 'request:fail invalid url "ftp://api.example.test/"',
      errno: 600009,
    })
    expect(events.map((e) => e.type)).toEqual(['queued', 'failed'])
  })

  test('a 404 is a successful outcome with its status', async () => {
    const { engine } = engineWith()
    const { outcome } = await call(engine, { url: url('/missing') })
    expect(outcome).toMatchObject({ ok: true, statusCode: 404 })
    expect(text(outcome)).toBe('nope')
  })

  test('headers are reported before the outcome', async () => {
    const { engine } = engineWith()
    const { head, outcome } = await call(engine, { url: url('/cookies') })
    expect(head).toMatchObject({ statusCode: 200, cookies: expect.any(Array) })
    expect(outcome.ok).toBe(true)
  })

  test.each(['/gzip', '/br', '/deflate'])('a %s body is decoded', async (path) => {
    const { engine, events } = engineWith()
    const { outcome } = await call(engine, { url: url(path) })
    expect(text(outcome)).toBe(PAYLOAD)
    const finished = events.find((e) => e.type === 'finished')
    expect(finished).toMatchObject({ decodedSize: PAYLOAD.length })
    expect(finished?.type === 'finished' && finished.encodedSize).toBeLessThan(PAYLOAD.length / 10)
  })

  test('a body that does not decode fails with ERR_CONTENT_DECODING_FAILED', async () => {
    const { engine } = engineWith()
    const { outcome } = await call(engine, { url: url('/bad-gzip') })
    expect(outcome).toEqual({
      ok: false,
      errMsg: 'request:fail net::ERR_CONTENT_DECODING_FAILED',
      errno: 600001,
    })
  })

  test('a slow response completes with its whole body', async () => {
    const { engine } = engineWith()
    const { outcome } = await call(engine, { url: url('/slow') })
    expect(text(outcome)).toBe('0123456789'.repeat(5))
  })

  test('with enableChunked, chunks arrive separately, in order, before the outcome', async () => {
    const { engine } = engineWith()
    const order: string[] = []
    const done = new Promise<void>((resolve) =>
      engine.request(
        { api: 'request', url: url('/chunked'), method: 'GET', header: {}, enableChunked: true },
        {
          onHeaders: () => order.push('headers'),
          onChunk: (chunk) => order.push(Buffer.from(chunk).toString()),
          onDone: (outcome) => {
            order.push(outcome.ok ? 'done' : outcome.errMsg)
            resolve()
          },
        },
      ),
    )
    await done
    expect(order).toEqual(['headers', 'data: one\n\n', 'data: two\n\n', 'data: three\n\n', 'done'])
  })

  test('without enableChunked no chunk callbacks are made', async () => {
    const { engine } = engineWith()
    const { chunks, outcome } = await call(engine, { url: url('/chunked') })
    expect(chunks).toEqual([])
    expect(text(outcome)).toBe('data: one\n\ndata: two\n\ndata: three\n\n')
  })

  test('a connection closed (not reset) mid-body fails as Chrome says: a length mismatch', async () => {
    const { engine } = engineWith()
    const { outcome } = await call(engine, { url: url('/reset') })
    expect(outcome).toEqual({
      ok: false,
      errMsg: 'request:fail net::ERR_CONTENT_LENGTH_MISMATCH',
      errno: 600001,
    })
  })
})

describe('timeout', () => {
  test('a stalled server fails the call with request:fail timeout', async () => {
    const { engine } = engineWith()
    const { outcome } = await call(engine, { url: url('/stall'), timeout: 150 })
    expect(outcome).toEqual({ ok: false, errMsg: 'request:fail timeout' })
  })

  test('the timeout also covers a TLS handshake that never completes', async () => {
    const silent = createServer(() => {})
    const sockets = new Set<Socket>()
    silent.on('connection', (socket) => sockets.add(socket))
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve))
    const { port } = silent.address() as AddressInfo
    try {
      const { engine } = engineWith({ connectTo: [`api.example.test:443:127.0.0.1:${port}`] })
      const { outcome } = await call(engine, { url: url('/echo'), timeout: 150 })
      expect(outcome).toEqual({ ok: false, errMsg: 'request:fail timeout' })
    } finally {
      for (const socket of sockets) socket.destroy()
      await new Promise((resolve) => silent.close(resolve))
    }
  })

  test('the timeout also covers the body', async () => {
    const { engine } = engineWith()
    // The timeout must outlast the connection and the headers, however loaded the machine: it is
    // measured from a first request that opened a connection (TLS handshake included), and the
    // timed one usually reuses that connection. Its headers arrive, then its body stalls.
    const started = performance.now()
    expect((await call(engine, { url: url('/echo') })).outcome.ok).toBe(true)
    const timeout = Math.max(1_000, Math.ceil(4 * (performance.now() - started)))
    const { outcome, head } = await call(engine, { url: url('/stall-body'), timeout })
    expect(head?.statusCode).toBe(200)
    expect(outcome).toEqual({ ok: false, errMsg: 'request:fail timeout' })
  })

  test('app.json networkTimeout.request applies when the call has none', async () => {
    const { engine } = engineWith({ networkTimeout: { request: 150 } })
    const { outcome } = await call(engine, { url: url('/stall') })
    expect(outcome).toEqual({ ok: false, errMsg: 'request:fail timeout' })
  })
})

describe('abort', () => {
  test('abort before the headers fails with request:fail abort', async () => {
    const { engine } = engineWith()
    const pending = startCall(engine, { url: url('/stall') })
    setTimeout(() => pending.task.abort(), 50)
    expect((await pending.done).outcome).toEqual({ ok: false, errMsg: 'request:fail abort' })
  })

  test('abort during the body fails with request:fail abort and stops the download', async () => {
    const { engine } = engineWith()
    const pending = startCall(engine, { url: url('/stall-body') })
    await pending.headers
    pending.task.abort()
    expect((await pending.done).outcome).toEqual({ ok: false, errMsg: 'request:fail abort' })
  })

  test('abort after the outcome changes nothing', async () => {
    const { engine } = engineWith()
    const pending = startCall(engine, { url: url('/echo') })
    const { outcome } = await pending.done
    pending.task.abort()
    expect(outcome.ok).toBe(true)
  })
})

describe('events', () => {
  test('one stream per request: queued, started, headers, chunk, finished with timings', async () => {
    const { engine, events } = engineWith()
    await call(engine, { url: url('/echo'), page: 'pages/index/index' })
    expect(events.map((e) => e.type)).toEqual(['queued', 'started', 'headers', 'chunk', 'finished'])
    expect(events[0]).toMatchObject({ api: 'request', method: 'GET', page: 'pages/index/index' })
    expect(events[2]).toMatchObject({
      statusCode: 200,
      remoteAddress: `127.0.0.1:${server.port}`,
      httpVersion: 'HTTP/1.1',
    })
    const finished = events[4] as Extract<NetworkEvent, { type: 'finished' }>
    for (const phase of ['queue', 'dns', 'connect', 'tls', 'firstByte', 'download', 'total']) {
      expect(finished.timings[phase as keyof typeof finished.timings]).toBeGreaterThanOrEqual(0)
    }
    expect(finished.timings.tls).toBeGreaterThan(0)
    expect(finished.timings.total).toBeGreaterThanOrEqual(finished.timings.firstByte)
  })

  test('a request on a reused socket pays no connect or TLS time', async () => {
    const { engine, events } = engineWith()
    await call(engine, { url: url('/echo') })
    // undici marks the socket free on its next turn; only then can the next request reuse it.
    await new Promise((resolve) => setImmediate(resolve))
    await call(engine, { url: url('/echo') })
    const finished = events.filter((e) => e.type === 'finished')
    expect(finished[0].timings.connect).toBeGreaterThan(0)
    expect(finished[1].timings).toMatchObject({ dns: 0, connect: 0, tls: 0 })
  })

  test('a failure ends the stream with failed', async () => {
    const { engine, events } = engineWith()
    await call(engine, { url: url('/stall'), timeout: 100 })
    expect(events.at(-1)).toMatchObject({ type: 'failed', errMsg: 'request:fail timeout' })
  })
})
