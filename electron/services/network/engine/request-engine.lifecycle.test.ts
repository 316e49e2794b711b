import type { Socket } from 'node:net'
import { afterAll, beforeAll, expect, test } from 'vitest'
import type { NetworkEvent } from '../../../../shared/network'
import { startHttpServer, type TestServer } from '../../../../tests/helpers/servers'
import { call, recordedEngine, startCall } from '../../../../tests/helpers/engine-kit'

let server: TestServer

beforeAll(async () => {
  server = await startHttpServer((req, res) => {
    if (req.url === '/stall') return
    res.end('ok')
  })
})
afterAll(() => server.close())

test('close() leaves no socket open: the server sees every connection closed', async () => {
  const { engine } = recordedEngine({ urlCheck: false })
  await Promise.all(Array.from({ length: 5 }, () => call(engine, { url: `${server.origin}/` })))
  // Keep-alive sockets stay open until the engine closes them.
  expect(server.openConnections).toBeGreaterThan(0)
  await engine.close()
  await server.waitForNoConnections()
})

test('close() aborts queued and in-flight requests', async () => {
  const { engine } = recordedEngine({ urlCheck: false, maxInFlight: 1 })
  const inFlight = startCall(engine, { url: `${server.origin}/stall` })
  const queued = startCall(engine, { url: `${server.origin}/` })
  await engine.close()
  expect((await inFlight.done).outcome).toEqual({ ok: false, errMsg: 'request:fail abort' })
  expect((await queued.done).outcome).toEqual({ ok: false, errMsg: 'request:fail abort' })
  expect(engine.pending()).toBe(0)
  await server.waitForNoConnections()
})

test('a request after close() fails with abort', async () => {
  const { engine } = recordedEngine({ urlCheck: false })
  await engine.close()
  const { outcome } = await call(engine, { url: `${server.origin}/` })
  expect(outcome).toMatchObject({ ok: false, errMsg: 'request:fail abort' })
})

test('a small finished body is held by reference, the same bytes the caller got', async () => {
  const { engine, events } = recordedEngine({ urlCheck: false })
  const { outcome } = await call(engine, { url: `${server.origin}/` })
  const finished = events.find((e) => e.type === 'finished') as Extract<
    NetworkEvent,
    { type: 'finished' }
  >
  expect(finished.body).toEqual({ kind: 'memory', size: 2, data: expect.any(Uint8Array) })
  expect(finished.body.kind === 'memory' && finished.body.data).toBe(outcome.ok && outcome.body)
  await engine.close()
})

test('an outcome never arrives before request() returns its task', async () => {
  const { engine } = recordedEngine({ networkCondition: 'offline' })
  let returned = false
  const outcome = new Promise<boolean>((resolve) => {
    engine.request(
      { api: 'request', url: `${server.origin}/`, method: 'GET', header: {} },
      { onDone: () => resolve(returned) },
    )
    returned = true
  })
  expect(await outcome).toBe(true)
  await engine.close()
})

test('a refused call counts as pending until its outcome is delivered', async () => {
  const { engine } = recordedEngine({ networkCondition: 'offline' })
  const pending = startCall(engine, { url: `${server.origin}/` })
  expect(engine.pending()).toBe(1)
  await pending.done
  expect(engine.pending()).toBe(0)
  await engine.close()
})

test('an invalid connect-to entry is refused when set', () => {
  const { engine } = recordedEngine({ urlCheck: false })
  expect(() => engine.update({ connectTo: ['api.example.test:443'] })).toThrow(
    /HOST1:PORT1:HOST2:PORT2/,
  )
  return engine.close()
})

test('a CONNECT the server accepts fails instead of hanging on the raw socket', async () => {
  const { engine } = recordedEngine({ urlCheck: false })
  const onConnect = (_req: unknown, socket: Socket) =>
    socket.end('HTTP/1.1 200 Connection Established\r\n\r\n')
  server.server.on('connect', onConnect)
  try {
    const { outcome } = await call(engine, { url: `${server.origin}/`, method: 'CONNECT' })
    expect(outcome).toEqual({ ok: false, errMsg: 'request:fail net::ERR_FAILED', errno: 600001 })
  } finally {
    server.server.off('connect', onConnect)
    await engine.close()
  }
})

test('a listener removed with its disposer gets no more events', async () => {
  const { engine } = recordedEngine({ urlCheck: false })
  const seen: string[] = []
  const dispose = engine.onEvent((e) => seen.push(e.type))
  dispose()
  await call(engine, { url: `${server.origin}/` })
  expect(seen).toEqual([])
  await engine.close()
})
