/**
 * The memory rows of `npm run bench:engine`: peak RSS growth while the engine fetches a 50 MB
 * text response and the runtime turns it into the string `success` gets (as a multiple of the
 * body), and while it refuses a gzip bomb that inflates to 1 GB (against the 200 MB cap plus
 * 64 MB). RSS is sampled every 5 ms from a baseline taken after a garbage collection.
 */
import { mkdtemp, rm } from 'node:fs/promises'
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { setFlagsFromString } from 'node:v8'
import { runInNewContext } from 'node:vm'
import { createGzip } from 'node:zlib'
import { SIMULATED_USER_AGENT } from '../electron/services/headless/simulated-device'
import { createRequestEngine } from '../electron/services/network'
import { MAX_RESPONSE_SIZE } from '../electron/services/network/engine/request-engine'
import type { EngineOutcome } from '../shared/network'
import { responseData } from '../shared/runtime/request-result'

const MB = 1024 * 1024
const TEXT_SIZE = 50 * MB
const BOMB_SIZE = 1024 * MB
export const MEMORY_TARGETS = { textMultiple: 2.5, bombHeadroom: 64 * MB }

setFlagsFromString('--expose-gc')
const gc = runInNewContext('gc') as () => void

export interface MemoryRows {
  /** Peak RSS growth over the text body's size. */
  textMultiple: number
  textErrMsg: string
  /** Peak RSS growth while the bomb was refused, bytes. */
  bombPeak: number
  bombErrMsg: string
}

/** `size` zero bytes gzipped in 1 MB slices, so the bench never holds them. */
async function gzipOfZeros(size: number): Promise<Buffer> {
  const gzip = createGzip({ level: 9 })
  const parts: Buffer[] = []
  gzip.on('data', (part: Buffer) => parts.push(part))
  const slice = Buffer.alloc(MB)
  for (let written = 0; written < size; written += MB) {
    if (!gzip.write(slice)) await new Promise((resolve) => gzip.once('drain', resolve))
  }
  await new Promise((resolve) => gzip.end(resolve))
  return Buffer.concat(parts)
}

async function peakRssGrowth<T>(work: () => Promise<T>): Promise<{ value: T; peak: number }> {
  gc()
  const base = process.memoryUsage.rss()
  let peak = 0
  const sample = () => (peak = Math.max(peak, process.memoryUsage.rss() - base))
  const sampler = setInterval(sample, 5)
  try {
    const value = await work()
    sample()
    return { value, peak }
  } finally {
    clearInterval(sampler)
  }
}

export async function measureMemory(): Promise<MemoryRows> {
  const bomb = await gzipOfZeros(BOMB_SIZE)
  const text = Buffer.alloc(TEXT_SIZE, 'a')
  const server = createServer((req, res) => {
    const body = req.url === '/bomb' ? bomb : text
    res.writeHead(200, {
      'content-type': 'text/plain',
      'content-length': body.byteLength,
      ...(req.url === '/bomb' && { 'content-encoding': 'gzip' }),
    })
    res.end(body)
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  const tempDir = await mkdtemp(join(tmpdir(), 'mpdt-bench-memory-'))
  const engine = createRequestEngine({
    appid: 'touristappid',
    urlCheck: false,
    domains: { request: [], socket: [], uploadFile: [], downloadFile: [] },
    userAgent: SIMULATED_USER_AGENT,
    tempDir,
  })
  const fetch = (path: string) =>
    new Promise<EngineOutcome>((resolve) =>
      engine.request(
        { api: 'request', url: `${origin}${path}`, method: 'GET', header: {} },
        { onDone: resolve },
      ),
    )
  try {
    const textRun = await peakRssGrowth(async () => {
      const outcome = await fetch('/text')
      // What the runtime hands `success`: the body decoded to a string.
      const data = outcome.ok ? responseData(outcome.body, 'text', 'text') : undefined
      return { outcome, length: typeof data === 'string' ? data.length : 0 }
    })
    if (textRun.value.length !== TEXT_SIZE) throw new Error('the 50 MB text response was cut')
    const bombRun = await peakRssGrowth(() => fetch('/bomb'))
    return {
      textMultiple: textRun.peak / TEXT_SIZE,
      textErrMsg: textRun.value.outcome.ok ? 'request:ok' : textRun.value.outcome.errMsg,
      bombPeak: bombRun.peak,
      bombErrMsg: bombRun.value.ok ? 'request:ok' : bombRun.value.errMsg,
    }
  } finally {
    await engine.close()
    server.closeAllConnections()
    await new Promise((resolve) => server.close(resolve))
    await rm(tempDir, { recursive: true, force: true })
  }
}

/** The rows as printed under the throughput table. */
export function memoryLines(rows: MemoryRows): string[] {
  const { textMultiple, bombHeadroom } = MEMORY_TARGETS
  const bombLimit = MAX_RESPONSE_SIZE + bombHeadroom
  return [
    '',
    'peak RSS growth                     measured            target',
    `50 MB text response (${rows.textErrMsg})`.padEnd(36) +
      `${rows.textMultiple.toFixed(2)}× the body`.padEnd(20) +
      `≤ ${textMultiple}× ${rows.textMultiple <= textMultiple ? 'met' : 'NOT met'}`,
    `1 GB gzip bomb (${rows.bombErrMsg})`.padEnd(36) +
      `${(rows.bombPeak / MB).toFixed(0)} MB`.padEnd(20) +
      `< ${bombLimit / MB} MB (cap + ${bombHeadroom / MB} MB) ${rows.bombPeak < bombLimit ? 'met' : 'NOT met'}`,
  ]
}
