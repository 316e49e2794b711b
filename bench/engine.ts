/**
 * `npm run bench:engine`: small GETs to one loopback HTTP server, at a fixed concurrency, through
 * (a) raw undici, (b) the request engine, (c) a headless project's wx.request (runtime + engine,
 * in-process, as `mpdt run` does). Prints requests/s, p50 and p99 latency, and the throughput
 * ratio to raw undici against the targets. One more row, without a target, shows the engine with
 * an event listener attached, as in the workbench, where every request's events feed the Network
 * panel (with no listener the engine builds no events). Then the memory rows (`engine-memory.ts`):
 * peak RSS growth for a 50 MB text response and for a gzip bomb. A benchmark, not a test: a
 * missed target is reported, never an error.
 */
import { mkdtemp, rm } from 'node:fs/promises'
import { availableParallelism, loadavg, tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { Agent, request } from 'undici'
import { runHeadless } from '../electron/services/headless/run-session'
import { SIMULATED_USER_AGENT } from '../electron/services/headless/simulated-device'
import { createRequestEngine } from '../electron/services/network'
import { measureMemory, memoryLines } from './engine-memory'
import { startLoopbackServer } from './loopback-server'
import { runLoad, summarize, type LoadResult } from './measure'
import { measureWxCreation, TARGET_WX_CREATION } from './wx-creation'

const TOTAL = 5_000
const CONCURRENCY = 10
const WARMUP = 2000
/** Each variant runs this many rounds, one after the other within a round. */
const ROUNDS = 5
const TARGETS = { engine: 0.9, wxRequest: 0.75 }
const BENCH_PROJECT = resolve('bench/projects/request-loop')

type Variant = (origin: string) => Promise<LoadResult>

const rawUndici: Variant = async (origin) => {
  const agent = new Agent({ connections: CONCURRENCY })
  const send = async () => {
    const { body } = await request(`${origin}/bench`, { dispatcher: agent })
    await body.arrayBuffer()
  }
  try {
    await runLoad(send, WARMUP, CONCURRENCY)
    return await runLoad(send, TOTAL, CONCURRENCY)
  } finally {
    await agent.close()
  }
}

/**
 * undici's own floor: `Agent.dispatch` with a handler that drops the body, the layer the engine
 * is built on (the `request()` above adds a body stream and a promise per request, which the
 * engine does not use, so the engine can beat it). No target: it shows what the engine's rules,
 * headers, queue and body handling cost over bare undici.
 */
const rawDispatch: Variant = async (origin) => {
  const agent = new Agent({ connections: CONCURRENCY })
  const send = () =>
    new Promise<void>((done, fail) => {
      agent.dispatch(
        { origin, path: '/bench', method: 'GET', headers: {} },
        {
          onRequestStart: () => {},
          onResponseData: () => {},
          onResponseEnd: () => done(),
          onResponseError: (_controller, error) => fail(error),
        },
      )
    })
  try {
    await runLoad(send, WARMUP, CONCURRENCY)
    return await runLoad(send, TOTAL, CONCURRENCY)
  } finally {
    await agent.close()
  }
}

const engineVariant =
  (observed: boolean): Variant =>
  async (origin) => {
    const tempDir = await mkdtemp(join(tmpdir(), 'mpdt-bench-'))
    const requestEngine = createRequestEngine({
      appid: 'touristappid',
      urlCheck: false,
      domains: { request: [], socket: [], uploadFile: [], downloadFile: [] },
      userAgent: SIMULATED_USER_AGENT,
      tempDir,
    })
    let events = 0
    if (observed) requestEngine.onEvent(() => events++)
    const send = () =>
      new Promise<void>((done, fail) =>
        requestEngine.request(
          { api: 'request', url: `${origin}/bench`, method: 'GET', header: {} },
          {
            onDone: (outcome) =>
              outcome.ok ? done() : fail(new Error(`engine request failed: ${outcome.errMsg}`)),
          },
        ),
      )
    try {
      await runLoad(send, WARMUP, CONCURRENCY)
      const result = await runLoad(send, TOTAL, CONCURRENCY)
      if (observed && events < (WARMUP + TOTAL) * 4) {
        throw new Error(`the observed engine reported only ${events} events`)
      }
      return result
    } finally {
      await requestEngine.close()
      await rm(tempDir, { recursive: true, force: true })
    }
  }

/** The bench project's page runs the load itself and prints every latency (see its bench.js). */
const wxRequest: Variant = async (origin) => {
  const port = new URL(origin).port
  let measured: { latencies: number[]; seconds: number } | undefined
  let cpuAtStart: NodeJS.CpuUsage | undefined
  let cpu: NodeJS.CpuUsage | undefined
  const exitCode = await runHeadless({
    projectDir: BENCH_PROJECT,
    page: `pages/bench/bench?port=${port}&total=${TOTAL}&concurrency=${CONCURRENCY}&warmup=${WARMUP}`,
    timeoutMs: 300_000,
    out: () => {},
    err: (line) => process.stderr.write(`${line}\n`),
    // Console calls reach the host synchronously, so they mark the measured part exactly.
    observeConsole: (_level, args) => {
      if (args[0] === 'bench-measure-start') cpuAtStart = process.cpuUsage()
      if (args[0] === 'bench-result') {
        cpu = process.cpuUsage(cpuAtStart)
        // The sandbox hands the host each value as printed (JSON), never the realm's object.
        measured = JSON.parse(String(args[1])) as typeof measured
      }
    },
  })
  if (exitCode !== 0 || !measured || !cpu) {
    throw new Error(`the bench project ended with ${exitCode}`)
  }
  return summarize(measured.latencies, measured.seconds, cpu)
}

function medianOf(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.floor(sorted.length / 2)]
}

/** The round with the median throughput. */
function medianRound(results: LoadResult[]): LoadResult {
  const rps = medianOf(results.map((result) => result.requestsPerSecond))
  return results.find((result) => result.requestsPerSecond === rps) ?? results[0]
}

/**
 * Each round's throughput over raw undici's in the same round, then the median: a busy moment
 * slows the neighbours compared, so the ratio holds better than a ratio of separate medians.
 */
function medianRatio(results: LoadResult[], raw: LoadResult[]): number {
  return medianOf(results.map((result, i) => result.requestsPerSecond / raw[i].requestsPerSecond))
}

function row(cells: string[]): string {
  const widths = [22, 9, 9, 9, 11, 14, 18]
  return cells
    .map((cell, i) => cell.padEnd(widths[i] ?? 0))
    .join('')
    .trimEnd()
}

async function main(): Promise<void> {
  const server = await startLoopbackServer()
  const variants = {
    raw: rawUndici,
    rawDispatch,
    engine: engineVariant(false),
    observedEngine: engineVariant(true),
    wxRequest,
  }
  const results: Record<keyof typeof variants, LoadResult[]> = {
    raw: [],
    rawDispatch: [],
    engine: [],
    observedEngine: [],
    wxRequest: [],
  }
  try {
    const names = Object.keys(variants) as (keyof typeof variants)[]
    // One unmeasured round of every variant first, so each one's code paths are compiled by V8.
    for (const name of names) await variants[name](server.origin)
    for (let round = 0; round < ROUNDS; round++) {
      // Each round starts with another variant, so none always runs first or last.
      const order = [...names.slice(round % names.length), ...names.slice(0, round % names.length)]
      for (const name of order) results[name].push(await variants[name](server.origin))
    }
  } finally {
    await server.close()
  }
  const lines = [
    `bench:engine: ${TOTAL} GETs at concurrency ${CONCURRENCY} to ${server.origin} ` +
      `(a warm-up round, then ${ROUNDS} rounds in rotating order, each after ${WARMUP} warm-up GETs: the median round,` +
      ' and the median of per-round ratios)',
    '',
    row(['', 'req/s', 'p50 ms', 'p99 ms', 'CPU µs/req', '× raw undici', 'target']),
  ]
  const report = (label: string, rounds: LoadResult[], target?: number) => {
    const result = medianRound(rounds)
    const ratio = medianRatio(rounds, results.raw)
    const verdict =
      target === undefined ? '' : `≥ ${target.toFixed(2)}× ${ratio >= target ? 'met' : 'NOT met'}`
    lines.push(
      row([
        label,
        result.requestsPerSecond.toFixed(0),
        result.p50.toFixed(2),
        result.p99.toFixed(2),
        result.cpuPerRequest.toFixed(0),
        ratio.toFixed(2),
        verdict,
      ]),
    )
  }
  report('raw undici', results.raw)
  report('undici dispatch', results.rawDispatch)
  report('engine', results.engine, TARGETS.engine)
  report('engine, events on', results.observedEngine)
  report('headless wx.request', results.wxRequest, TARGETS.wxRequest)
  const creation = await measureWxCreation()
  lines.push(
    '',
    `wx creation (createRuntime → App onLaunch, median of alternating launches): full table ` +
      `${creation.table.toFixed(2)} ms, 55-member wx before it ${creation.baseline.toFixed(2)} ms, ` +
      `${creation.ratio.toFixed(2)}× (target ≤ ${TARGET_WX_CREATION}× ` +
      `${creation.ratio <= TARGET_WX_CREATION ? 'met' : 'NOT met'})`,
  )
  lines.push(...memoryLines(await measureMemory()))
  lines.push(
    '',
    `load average ${loadavg()[0].toFixed(2)} on ${availableParallelism()} cores: ` +
      'req/s ratios are only meaningful on an otherwise idle machine; CPU µs/req is steadier.',
  )
  process.stdout.write(`${lines.join('\n')}\n`)
}

main().catch((error: unknown) => {
  process.stderr.write(`bench:engine failed: ${(error as Error).stack ?? String(error)}\n`)
  process.exitCode = 1
})
