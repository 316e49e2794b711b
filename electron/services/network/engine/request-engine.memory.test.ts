import { stat } from 'node:fs/promises'
import { afterAll, beforeAll, expect, test } from 'vitest'
import type { NetworkEvent } from '../../../../shared/network'
import { startHttpServer, type TestServer } from '../../../../tests/helpers/servers'
import { call, recordedEngine } from '../../../../tests/helpers/engine-kit'

const SIZE = 100 * 1024 * 1024
const SLICE = Buffer.alloc(256 * 1024, 7)
let server: TestServer

beforeAll(async () => {
  server = await startHttpServer((_req, res) => {
    res.writeHead(200, {
      'content-length': String(SIZE),
      'content-type': 'application/octet-stream',
    })
    let sent = 0
    const pump = () => {
      while (sent < SIZE) {
        sent += SLICE.byteLength
        if (!res.write(SLICE)) return void res.once('drain', pump)
      }
      res.end()
    }
    pump()
  })
})
afterAll(() => server.close())

test('a 100 MB response peaks under 3× its size in memory and spills to disk', async () => {
  const { engine, events } = recordedEngine({ urlCheck: false })
  global.gc?.()
  const base = process.memoryUsage()
  let peakRss = 0
  let peakBuffers = 0
  const sample = () => {
    const now = process.memoryUsage()
    peakRss = Math.max(peakRss, now.rss - base.rss)
    peakBuffers = Math.max(peakBuffers, now.arrayBuffers - base.arrayBuffers)
  }
  const sampler = setInterval(sample, 5)
  const { outcome } = await call(engine, { url: `${server.origin}/big` })
  sample()
  clearInterval(sampler)

  expect(outcome.ok && outcome.body.byteLength).toBe(SIZE)
  expect(outcome.ok && outcome.body[SIZE - 1]).toBe(7)
  expect(peakBuffers).toBeLessThan(3 * SIZE)
  expect(peakRss).toBeLessThan(3 * SIZE)

  const finished = events.find((e) => e.type === 'finished') as Extract<
    NetworkEvent,
    { type: 'finished' }
  >
  expect(finished.body.kind).toBe('file')
  const path = finished.body.kind === 'file' ? finished.body.path : ''
  expect((await stat(path)).size).toBe(SIZE)
  await engine.close()
  await expect(stat(path)).rejects.toThrow()
})
