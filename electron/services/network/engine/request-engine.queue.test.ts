import { afterAll, afterEach, beforeAll, expect, test } from 'vitest'
import { startHttpServer, type TestServer } from '../../../../tests/helpers/servers'
import {
  call,
  recordedEngine,
  startCall,
  type PendingCall,
  type RecordedEngine,
} from '../../../../tests/helpers/engine-kit'

let server: TestServer
let concurrent = 0
let maxConcurrent = 0
const arrived: string[] = []
/** Requests to `/hold` wait here until the test releases them. */
const held: (() => void)[] = []

beforeAll(async () => {
  server = await startHttpServer((req, res) => {
    arrived.push(req.url ?? '')
    concurrent++
    maxConcurrent = Math.max(maxConcurrent, concurrent)
    const reply = () => {
      concurrent--
      res.end(req.url)
    }
    if (req.url?.startsWith('/hold')) held.push(reply)
    else setTimeout(reply, 2)
  })
})
afterAll(() => server.close())

let current: RecordedEngine | undefined
function engineWith(options: Parameters<typeof recordedEngine>[0] = {}) {
  concurrent = maxConcurrent = 0
  arrived.length = 0
  current = recordedEngine({ urlCheck: false, ...options })
  return current
}
afterEach(async () => {
  for (const release of held.splice(0)) release()
  await current?.engine.close()
  current = undefined
})

test('1,000 requests never have more than 10 in flight and all complete', async () => {
  const { engine } = engineWith()
  const results = await Promise.all(
    Array.from({ length: 1000 }, (_, i) => call(engine, { url: `${server.origin}/r${i}` })),
  )
  expect(results.every((r) => r.outcome.ok)).toBe(true)
  expect(maxConcurrent).toBeLessThanOrEqual(10)
  expect(maxConcurrent).toBeGreaterThan(1)
  expect(arrived).toHaveLength(1000)
})

test('every request of a busy queue is matched to its socket in the events', async () => {
  const { engine, events } = engineWith()
  await Promise.all(
    Array.from({ length: 200 }, (_, i) => call(engine, { url: `${server.origin}/r${i}` })),
  )
  const headers = events.filter((e) => e.type === 'headers')
  expect(headers).toHaveLength(200)
  const address = `127.0.0.1:${server.port}`
  expect(headers.filter((e) => e.type === 'headers' && e.remoteAddress !== address)).toEqual([])
})

test('waiting requests start first-in first-out', async () => {
  const { engine, events } = engineWith()
  await Promise.all(
    Array.from({ length: 40 }, (_, i) => call(engine, { url: `${server.origin}/r${i}` })),
  )
  const started = events.filter((e) => e.type === 'started').map((e) => e.id)
  const queued = events.filter((e) => e.type === 'queued').map((e) => e.id)
  expect(started).toEqual(queued)
})

test('pending() counts queued and in-flight requests', async () => {
  const { engine } = engineWith()
  const calls = Array.from({ length: 12 }, (_, i) =>
    startCall(engine, { url: `${server.origin}/hold${i}` }),
  )
  expect(engine.pending()).toBe(12)
  await waitFor(() => held.length === 10)
  for (const release of held.splice(0)) release()
  await waitFor(() => held.length === 2)
  for (const release of held.splice(0)) release()
  await Promise.all(calls.map((c) => c.done))
  expect(engine.pending()).toBe(0)
})

test('aborting a queued request removes it: it fails with abort and never reaches the server', async () => {
  const { engine, events } = engineWith()
  const running = Array.from({ length: 10 }, (_, i) =>
    startCall(engine, { url: `${server.origin}/hold${i}` }),
  )
  const queued = startCall(engine, { url: `${server.origin}/queued` })
  const after = startCall(engine, { url: `${server.origin}/after` })
  queued.task.abort()
  expect((await queued.done).outcome).toEqual({ ok: false, errMsg: 'request:fail abort' })
  await waitFor(() => held.length === 10)
  for (const release of held.splice(0)) release()
  await Promise.all([...running, after].map((c) => c.done))
  expect(arrived).not.toContain('/queued')
  expect(arrived).toContain('/after')
  const ofQueued = events.filter((e) => e.id === queued.task.id).map((e) => e.type)
  // Loopback http with the checks off: a phone would refuse it, which the engine only reports.
  expect(ofQueued).toEqual(['queued', 'phone-warning', 'failed'])
})

test('exactly 10 are in flight while more wait', async () => {
  const { engine } = engineWith()
  const calls = Array.from({ length: 15 }, (_, i) =>
    startCall(engine, { url: `${server.origin}/hold${i}` }),
  )
  await waitFor(() => held.length === 10)
  await new Promise((r) => setTimeout(r, 50))
  expect(concurrent).toBe(10)
  await releaseUntilDone(calls)
  expect(maxConcurrent).toBe(10)
})

test('maxInFlight sets the limit', async () => {
  const { engine } = engineWith({ maxInFlight: 3 })
  const calls = Array.from({ length: 5 }, (_, i) =>
    startCall(engine, { url: `${server.origin}/hold${i}` }),
  )
  await waitFor(() => held.length === 3)
  await new Promise((r) => setTimeout(r, 50))
  expect(concurrent).toBe(3)
  await releaseUntilDone(calls)
})

/** Releases held requests as they arrive until every call is done (at most 5 s). */
async function releaseUntilDone(calls: PendingCall[]): Promise<void> {
  let done = false
  const all = Promise.all(calls.map((c) => c.done)).then(() => (done = true))
  for (let i = 0; i < 1000 && !done; i++) {
    for (const release of held.splice(0)) release()
    await new Promise((r) => setTimeout(r, 5))
  }
  await all
}

/** Polls `condition` every 5 ms for at most 2 s. */
async function waitFor(condition: () => boolean): Promise<void> {
  for (let i = 0; i < 400 && !condition(); i++) await new Promise((r) => setTimeout(r, 5))
  expect(condition()).toBe(true)
}
