import { performance } from 'node:perf_hooks'
import { afterAll, afterEach, beforeAll, expect, test } from 'vitest'
import { startHttpServer, type TestServer } from '../../../../tests/helpers/servers'
import {
  call,
  recordedEngine,
  text,
  type RecordedEngine,
} from '../../../../tests/helpers/engine-kit'

let server: TestServer
/** When the server finished reading each request body, ms after its first byte. */
let uploadMs = 0
const DOWNLOAD = Buffer.alloc(64 * 1024, 'd')

beforeAll(async () => {
  server = await startHttpServer((req, res) => {
    let first = 0
    let size = 0
    req.on('data', (chunk: Buffer) => {
      first ||= performance.now()
      size += chunk.byteLength
    })
    req.on('end', () => {
      uploadMs = first ? performance.now() - first : 0
      res.end(req.url === '/download' ? DOWNLOAD : String(size))
    })
  })
})
afterAll(() => server.close())

let current: RecordedEngine | undefined
function engineWith(options: Parameters<typeof recordedEngine>[0] = {}) {
  current = recordedEngine({ urlCheck: false, ...options })
  return current
}
afterEach(async () => {
  await current?.engine.close()
  current = undefined
})

test('offline fails every request with network is down and never connects', async () => {
  const { engine, events } = engineWith({ networkCondition: 'offline' })
  const before = server.connectionCount
  const { outcome } = await call(engine, { url: `${server.origin}/x` })
  expect(outcome).toEqual({ ok: false, errMsg: 'request:fail network is down', errno: 600003 })
  expect(events.at(-1)).toMatchObject({ type: 'blocked', rule: 'offline' })
  expect(server.connectionCount).toBe(before)
})

test('offline prints WeChat’s 无网络状态模拟 block with the URL', async () => {
  const { engine, console: messages } = engineWith({ networkCondition: 'offline' })
  const url = `${server.origin}/x`
  await call(engine, { url })
  expect(messages).toEqual([
    { level: 'group', args: ['无网络状态模拟'] },
    {
      level: 'error',
      args: [
        `已开启无网络状态模拟，网络请求 ${url} 已被阻止；在模拟器工具栏切换网络状态，可恢复网络请求。`,
      ],
    },
    { level: 'groupEnd', args: [] },
  ])
})

test('going back online lets the next request through', async () => {
  const { engine } = engineWith({ networkCondition: 'offline' })
  engine.update({ networkCondition: 'online' })
  const { outcome } = await call(engine, { url: `${server.origin}/x` })
  expect(outcome.ok).toBe(true)
})

// Throttling is checked by lower bounds only: a slow machine can take longer, never shorter.

test('throttled latency delays the request start', async () => {
  const { engine, events } = engineWith({
    networkCondition: { latency: 300, download: 0, upload: 0 },
  })
  await call(engine, { url: `${server.origin}/x` })
  const started = events.find((e) => e.type === 'started')!.time
  const headers = events.find((e) => e.type === 'headers')!.time
  expect(headers - started).toBeGreaterThanOrEqual(290)
})

test('throttled download paces the body to the bandwidth', async () => {
  const { engine, events } = engineWith({
    networkCondition: { latency: 0, download: 128 * 1024, upload: 0 },
  })
  const { outcome } = await call(engine, { url: `${server.origin}/download` })
  expect(text(outcome)).toBe(DOWNLOAD.toString())
  const finished = events.find((e) => e.type === 'finished')
  // 64 KB at 128 KB/s: about 500 ms, minus the 50 ms burst allowance.
  expect(finished?.type === 'finished' && finished.timings.download).toBeGreaterThanOrEqual(400)
})

test('throttled upload paces the request body to the bandwidth', async () => {
  const { engine } = engineWith({
    networkCondition: { latency: 0, download: 0, upload: 128 * 1024 },
  })
  const body = new Uint8Array(96 * 1024)
  const { outcome } = await call(engine, { url: `${server.origin}/upload`, method: 'POST', body })
  expect(text(outcome)).toBe(String(body.byteLength))
  // 96 KB at 128 KB/s: the server reads for about 750 ms after the first slice.
  expect(uploadMs).toBeGreaterThanOrEqual(550)
})
