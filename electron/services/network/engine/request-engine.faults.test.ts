/**
 * The fault suite: raw loopback servers that misbehave in every phase of a request. Each case
 * asserts exactly one outcome with its errMsg, the server seeing its socket closed within a second
 * of that outcome, and a normal request working afterwards on the same engine.
 */
import { createHash } from 'node:crypto'
import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises'
import type { Socket } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createGzip } from 'node:zlib'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import type { EngineOutcome, EngineRequest, NetworkEvent } from '../../../../shared/network'
import { applyNetworkEvent, createNetworkRecord } from '../../../../shared/network-record'
import {
  afterRequestHead,
  startRawServer,
  type RawServer,
} from '../../../../tests/helpers/raw-servers'
import { startHttpServer, type TestServer } from '../../../../tests/helpers/servers'
import { recordedEngine, type RecordedEngine } from '../../../../tests/helpers/engine-kit'

const SECOND = 1000
const servers: RawServer[] = []
let healthy: TestServer

beforeAll(async () => {
  healthy = await startHttpServer((_req, res) => res.end('fine'))
})
afterAll(async () => {
  await Promise.all([healthy.close(), ...servers.map((server) => server.close())])
})

async function rawServer(
  onConnection?: (socket: Socket) => void,
  tls?: Parameters<typeof startRawServer>[1],
): Promise<RawServer> {
  const server = await startRawServer(onConnection, tls)
  servers.push(server)
  return server
}

/** A server that answers every request head with `response` (bytes or a writer). */
function answering(response: string | Buffer | ((socket: Socket) => void)) {
  return rawServer((socket) =>
    afterRequestHead(socket, () => {
      if (typeof response === 'function') response(socket)
      else socket.write(response)
    }),
  )
}

interface Ended {
  outcome: EngineOutcome
  endedAt: number
  calls: () => number
}

function request(
  engine: RecordedEngine['engine'],
  req: Partial<EngineRequest> & { url: string },
  onChunk?: (chunk: Uint8Array) => void,
): Promise<Ended> {
  let calls = 0
  return new Promise((resolve) => {
    engine.request(
      { api: 'request', method: 'GET', header: {}, ...req },
      {
        onChunk,
        onDone: (outcome) => {
          calls++
          resolve({ outcome, endedAt: performance.now(), calls: () => calls })
        },
      },
    )
  })
}

/** Exactly one outcome, the server's sockets closed within a second of it, the engine still works. */
async function expectEnded(
  { engine }: RecordedEngine,
  ended: Ended,
  server: RawServer,
  errMsg: string,
): Promise<void> {
  expect(ended.outcome.ok ? 'request:ok' : ended.outcome.errMsg).toBe(errMsg)
  const closedAt = await server.waitForNoConnections(SECOND)
  expect(closedAt - ended.endedAt).toBeLessThan(SECOND)
  await new Promise((resolve) => setTimeout(resolve, 20))
  expect(ended.calls()).toBe(1)
  expect(engine.pending()).toBe(0)
  const after = await request(engine, { url: `${healthy.origin}/after` })
  expect(after.outcome.ok && Buffer.from(after.outcome.body).toString()).toBe('fine')
}

function engineFor(options: Parameters<typeof recordedEngine>[0] = {}): RecordedEngine {
  return recordedEngine({ urlCheck: false, ...options })
}

/** Peak RSS growth while `work` runs, sampled every 5 ms. */
async function peakRssDuring<T>(work: () => Promise<T>): Promise<{ value: T; peak: number }> {
  global.gc?.()
  const base = process.memoryUsage().rss
  let peak = 0
  const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss - base)), 5)
  try {
    const value = await work()
    return { value, peak: Math.max(peak, process.memoryUsage().rss - base) }
  } finally {
    clearInterval(sampler)
  }
}

/** A gzip stream of `size` zero bytes, made in slices so the test never holds `size` bytes. */
async function gzipOfZeros(size: number, layers = 1): Promise<Buffer> {
  let input: AsyncIterable<Buffer> = (async function* () {
    const slice = Buffer.alloc(1024 * 1024)
    for (let sent = 0; sent < size; sent += slice.byteLength) yield slice
  })()
  for (let layer = 0; layer < layers; layer++) {
    const gzip = createGzip({ level: 9 })
    const source = input
    void (async () => {
      for await (const part of source) if (!gzip.write(part)) await once(gzip, 'drain')
      gzip.end()
    })()
    input = gzip
  }
  const parts: Buffer[] = []
  for await (const part of input) parts.push(part as Buffer)
  return Buffer.concat(parts)
}

function once(emitter: NodeJS.EventEmitter, name: string): Promise<void> {
  return new Promise((resolve) => emitter.once(name, () => resolve()))
}

describe('timeouts end the socket in every phase', () => {
  test('a TLS handshake that never completes: the socket closes at the timeout, not at 60 s', async () => {
    const recorded = engineFor()
    const server = await rawServer()
    const ended = await request(recorded.engine, {
      url: `https://127.0.0.1:${server.port}/`,
      timeout: 300,
    })
    expect(server.connectionCount).toBe(1)
    await expectEnded(recorded, ended, server, 'request:fail timeout')
    await recorded.engine.close()
  })

  test('an abort during the TLS handshake closes the socket at once', async () => {
    const recorded = engineFor()
    const server = await rawServer()
    let calls = 0
    const done = new Promise<Ended>((resolve) => {
      const task = recorded.engine.request(
        { api: 'request', method: 'GET', header: {}, url: `https://127.0.0.1:${server.port}/` },
        {
          onDone: (outcome) => {
            calls++
            resolve({ outcome, endedAt: performance.now(), calls: () => calls })
          },
        },
      )
      const started = Date.now()
      const poll = setInterval(() => {
        if (server.connectionCount > 0 || Date.now() - started > 2 * SECOND) {
          clearInterval(poll)
          task.abort()
        }
      }, 5)
    })
    await expectEnded(recorded, await done, server, 'request:fail abort')
    await recorded.engine.close()
  })

  test('headers that never come', async () => {
    const recorded = engineFor()
    const server = await answering(() => {})
    const ended = await request(recorded.engine, { url: `${server.origin}/`, timeout: 300 })
    await expectEnded(recorded, ended, server, 'request:fail timeout')
    await recorded.engine.close()
  })

  test('a body that stalls after its first bytes', async () => {
    const recorded = engineFor()
    const server = await answering('HTTP/1.1 200 OK\r\ncontent-length: 100\r\n\r\n0123456789')
    const ended = await request(recorded.engine, { url: `${server.origin}/`, timeout: 300 })
    await expectEnded(recorded, ended, server, 'request:fail timeout')
    await recorded.engine.close()
  })

  test('a body that drips one byte at a time forever', async () => {
    const recorded = engineFor()
    const server = await answering((socket) => {
      socket.write('HTTP/1.1 200 OK\r\ntransfer-encoding: chunked\r\n\r\n')
      const drip = setInterval(() => {
        if (socket.destroyed) clearInterval(drip)
        else socket.write('1\r\nx\r\n')
      }, 20)
      socket.once('close', () => clearInterval(drip))
    })
    const ended = await request(recorded.engine, { url: `${server.origin}/`, timeout: 400 })
    await expectEnded(recorded, ended, server, 'request:fail timeout')
    await recorded.engine.close()
  })

  test('a redirect loop ends after ten hops with every socket closed', async () => {
    const recorded = engineFor()
    const server = await answering((socket) =>
      socket.end(
        'HTTP/1.1 302 Found\r\nlocation: /again\r\ncontent-length: 0\r\nconnection: close\r\n\r\n',
      ),
    )
    const ended = await request(recorded.engine, { url: `${server.origin}/` })
    await expectEnded(recorded, ended, server, 'request:fail net::ERR_TOO_MANY_REDIRECTS')
    expect(server.connectionCount).toBe(11)
    await recorded.engine.close()
  })
})

describe('failures named as Chrome names them', () => {
  const cases: [string, string | ((socket: Socket) => void), string][] = [
    ['a malformed status line', 'HTTP/1.1 abc Nope\r\n\r\n', 'ERR_INVALID_HTTP_RESPONSE'],
    ['not HTTP at all', 'SSH-2.0-OpenSSH_9.6\r\n', 'ERR_INVALID_HTTP_RESPONSE'],
    [
      'an invalid header name',
      'HTTP/1.1 200 OK\r\nbad header: x\r\ncontent-length: 0\r\n\r\n',
      'ERR_INVALID_HTTP_RESPONSE',
    ],
    ['a clean close before any response', (socket) => socket.end(), 'ERR_EMPTY_RESPONSE'],
    ['a reset before any response', (socket) => socket.resetAndDestroy(), 'ERR_CONNECTION_RESET'],
    [
      'a reset in the middle of the body',
      (socket) => {
        socket.write('HTTP/1.1 200 OK\r\ncontent-length: 100\r\n\r\n0123456789')
        setTimeout(() => socket.resetAndDestroy(), 30)
      },
      'ERR_CONNECTION_RESET',
    ],
    [
      'a clean close short of content-length',
      (socket) => socket.end('HTTP/1.1 200 OK\r\ncontent-length: 100\r\n\r\n0123456789'),
      'ERR_CONTENT_LENGTH_MISMATCH',
    ],
    [
      'a clean close inside a chunked body',
      (socket) =>
        socket.end('HTTP/1.1 200 OK\r\ntransfer-encoding: chunked\r\n\r\na\r\n0123456789\r\n'),
      'ERR_INCOMPLETE_CHUNKED_ENCODING',
    ],
  ]
  for (const [name, response, error] of cases) {
    test(name, async () => {
      const recorded = engineFor()
      const server = await answering(response)
      const ended = await request(recorded.engine, { url: `${server.origin}/` })
      await expectEnded(recorded, ended, server, `request:fail net::${error}`)
      // The Network panel's row, folded from the events by the panel's own fold.
      const [queued, ...rest] = recorded.events
      const row = createNetworkRecord(queued as Extract<NetworkEvent, { type: 'queued' }>)
      for (const event of rest.filter((each) => each.id === queued.id)) {
        applyNetworkEvent(row, event)
      }
      expect(row.errMsg).toBe(`request:fail net::${error}`)
      await recorded.engine.close()
    })
  }

  test('many connections reset at once: each request fails once and frees its slot', async () => {
    const recorded = engineFor()
    const sockets: Socket[] = []
    const server = await rawServer((socket) =>
      afterRequestHead(socket, () => {
        sockets.push(socket)
        if (sockets.length === 10) for (const each of sockets) each.resetAndDestroy()
      }),
    )
    const all = await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        request(recorded.engine, { url: `${server.origin}/${i}` }),
      ),
    )
    for (const ended of all) {
      expect(ended.outcome.ok ? '' : ended.outcome.errMsg).toBe(
        'request:fail net::ERR_CONNECTION_RESET',
      )
      expect(ended.calls()).toBe(1)
    }
    await expectEnded(recorded, all[9], server, 'request:fail net::ERR_CONNECTION_RESET')
    await recorded.engine.close()
  })
})

describe('bounded bodies', () => {
  const CAP = 8 * 1024 * 1024
  const BOMB = 512 * 1024 * 1024
  let bomb: Buffer
  let doubleBomb: Buffer

  beforeAll(async () => {
    bomb = await gzipOfZeros(BOMB)
    doubleBomb = await gzipOfZeros(BOMB, 2)
  }, 60_000)

  const gzipServer = (body: Buffer, encoding: string) =>
    answering((socket) => {
      socket.write(
        `HTTP/1.1 200 OK\r\ncontent-encoding: ${encoding}\r\ncontent-length: ${body.byteLength}\r\n\r\n`,
      )
      socket.write(body)
    })

  for (const [name, layers, encoding] of [
    ['a gzip bomb', 1, 'gzip'],
    ['gzip inside gzip', 2, 'gzip, gzip'],
  ] as const) {
    test(`${name} stops decoding at the cap, measured on decoded bytes`, async () => {
      const recorded = engineFor({ maxResponseSize: CAP })
      const server = await gzipServer(layers === 1 ? bomb : doubleBomb, encoding)
      const { value: ended, peak } = await peakRssDuring(() =>
        request(recorded.engine, { url: `${server.origin}/` }),
      )
      expect(peak).toBeLessThan(CAP + 64 * 1024 * 1024)
      await expectEnded(recorded, ended, server, 'request:fail exceed max response size')
      await recorded.engine.close()
    })
  }

  test('a content-length over the cap fails at the headers', async () => {
    const recorded = engineFor({ maxResponseSize: CAP })
    const server = await answering((socket) =>
      socket.write(`HTTP/1.1 200 OK\r\ncontent-length: ${CAP + 1}\r\n\r\n`),
    )
    const ended = await request(recorded.engine, { url: `${server.origin}/` })
    await expectEnded(recorded, ended, server, 'request:fail exceed max response size')
    await recorded.engine.close()
  })

  test('enableChunked streams past the cap in bounded chunks', async () => {
    const recorded = engineFor({ maxResponseSize: 1024 * 1024 })
    const size = 3 * 1024 * 1024
    const server = await answering((socket) => {
      socket.write(`HTTP/1.1 200 OK\r\ncontent-length: ${size}\r\n\r\n`)
      socket.write(Buffer.alloc(size, 1))
    })
    let received = 0
    let largest = 0
    const ended = await request(
      recorded.engine,
      { url: `${server.origin}/`, enableChunked: true },
      (chunk) => {
        received += chunk.byteLength
        largest = Math.max(largest, chunk.byteLength)
      },
    )
    expect(received).toBe(size)
    expect(largest).toBeLessThanOrEqual(64 * 1024)
    expect(ended.outcome.ok && ended.outcome.body.byteLength).toBe(0)
    await recorded.engine.close()
  })
})

describe('uploads, downloads and sockets end with their request', () => {
  test('a download cut short fails, removes its file and closes the socket', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'mpdt-faults-'))
    const recorded = engineFor()
    const server = await answering((socket) =>
      socket.end('HTTP/1.1 200 OK\r\ncontent-length: 1000\r\n\r\n0123456789'),
    )
    const outcome = await new Promise<{ errMsg?: string }>((resolve) =>
      recorded.engine.downloadFile(
        { api: 'downloadFile', url: `${server.origin}/file.bin`, header: {} },
        {
          open: () => ({
            ok: true,
            real: join(dir, 'file.bin'),
            path: 'wxfile://tmp/file.bin',
            temporary: true,
          }),
        },
        { onDone: (result) => resolve(result.ok ? {} : { errMsg: result.errMsg }) },
      ),
    )
    expect(outcome.errMsg).toBe('downloadFile:fail net::ERR_CONTENT_LENGTH_MISMATCH')
    expect(await readdir(dir)).toEqual([])
    await server.waitForNoConnections(SECOND)
    await recorded.engine.close()
    await rm(dir, { recursive: true, force: true })
  })

  test('an upload whose server never answers closes its socket at the timeout', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'mpdt-faults-'))
    const file = join(dir, 'a.txt')
    await writeFile(file, 'hello')
    const recorded = engineFor()
    const server = await rawServer()
    const started = performance.now()
    const outcome = await new Promise<{ errMsg?: string; at: number }>((resolve) =>
      recorded.engine.uploadFile(
        {
          api: 'uploadFile',
          url: `https://127.0.0.1:${server.port}/up`,
          filePath: 'wxfile://a.txt',
          name: 'file',
          header: {},
          formData: {},
          timeout: 300,
        },
        { path: file },
        {
          onDone: (result) =>
            resolve({ ...(!result.ok && { errMsg: result.errMsg }), at: performance.now() }),
        },
      ),
    )
    expect(outcome.errMsg).toBe('uploadFile:fail timeout')
    expect(outcome.at - started).toBeLessThan(2 * SECOND)
    const closedAt = await server.waitForNoConnections(SECOND)
    expect(closedAt - outcome.at).toBeLessThan(SECOND)
    await recorded.engine.close()
    await rm(dir, { recursive: true, force: true })
  })

  test('a WebSocket server that never upgrades: onError, onClose, socket closed', async () => {
    const recorded = engineFor({ networkTimeout: { connectSocket: 300 } })
    const server = await answering(() => {})
    const ends = await socketEnds(recorded, `ws://127.0.0.1:${server.port}/`)
    expect(ends.errors).toEqual(['Timed out connecting to server.'])
    const closedAt = await server.waitForNoConnections(SECOND)
    expect(closedAt - ends.closedAt).toBeLessThan(SECOND)
    await recorded.engine.close()
  })

  test('a WebSocket frame announcing a huge payload is refused before it is read', async () => {
    const recorded = engineFor()
    const server = await answering((socket) => {
      socket.write(
        'HTTP/1.1 101 Switching Protocols\r\nupgrade: websocket\r\nconnection: Upgrade\r\n' +
          `sec-websocket-accept: ${'x'.repeat(28)}\r\n\r\n`,
      )
    })
    // The accept key above is wrong on purpose first: a refused upgrade also ends cleanly.
    const refused = await socketEnds(recorded, `ws://127.0.0.1:${server.port}/`)
    expect(refused.errors).toHaveLength(1)
    await server.waitForNoConnections(SECOND)

    const huge = await rawServer((socket) =>
      afterRequestHead(socket, (head) => {
        const key = /sec-websocket-key: (.+)/i.exec(head)?.[1].trim() ?? ''
        const accept = createHashBase64(`${key}258EAFA5-E914-47DA-95CA-C5AB0DC85B11`)
        socket.write(
          'HTTP/1.1 101 Switching Protocols\r\nupgrade: websocket\r\nconnection: Upgrade\r\n' +
            `sec-websocket-accept: ${accept}\r\n\r\n`,
        )
        // FIN + binary, 64-bit length 2^40: the client must refuse without waiting for it.
        const header = Buffer.from([0x82, 127, 0, 0, 0x01, 0, 0, 0, 0, 0])
        socket.write(header)
      }),
    )
    const ends = await socketEnds(recorded, `ws://127.0.0.1:${huge.port}/`)
    expect(ends.errors).toEqual(['max payload size exceeded'])
    // The client sent 1009 and closed; the server never answered the close frame.
    expect(ends.code).toBe(1006)
    const closedAt = await huge.waitForNoConnections(SECOND)
    expect(closedAt - ends.closedAt).toBeLessThan(SECOND)
    await recorded.engine.close()
  })
})

function createHashBase64(text: string): string {
  return createHash('sha1').update(text).digest('base64')
}

async function socketEnds(
  { engine }: RecordedEngine,
  url: string,
): Promise<{ errors: string[]; code: number; closedAt: number }> {
  const errors: string[] = []
  return new Promise((resolve, reject) => {
    const result = engine.connectSocket(
      { api: 'connectSocket', url, header: {} },
      {
        onOpen: () => {},
        onMessage: () => {},
        onError: (errMsg) => errors.push(errMsg),
        onClose: (code) => resolve({ errors, code, closedAt: performance.now() }),
      },
    )
    if (!result.ok) reject(new Error(result.errMsg))
  })
}
