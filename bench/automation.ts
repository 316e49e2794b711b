/**
 * `npm run bench:automation`: the real miniprogram-automator client against `mpdt auto` on
 * tests/fixtures/automation/todo, headless and in the workbench (--web, headless Chromium): 100
 * round trips of `Element.tap` + `Page.getData` each (after 10 unmeasured), against a bare
 * WebSocket echo on 127.0.0.1 in the same run (100 round trips of a message of the same size).
 * Prints p50/p95 ms per round trip and the ratio to the echo. A benchmark, not a test: it fails
 * only on a broken setup. Run it from the repository root (npm run does).
 */
import { spawn, type ChildProcess } from 'node:child_process'
import { mkdtemp, rm } from 'node:fs/promises'
import { loadavg, tmpdir } from 'node:os'
import { join } from 'node:path'
import { performance } from 'node:perf_hooks'
import automator from 'miniprogram-automator'
import WebSocket, { WebSocketServer } from 'ws'

// npm runs scripts from the package root; the bundle's own path may go through a linked
// node_modules into another checkout.
const REPO_ROOT = process.cwd()
const FIXTURE = join(REPO_ROOT, 'tests/fixtures/automation/todo')
const ROUND_TRIPS = 100
const WARM_UP = 10
const START_MS = 300_000

function percentiles(samples: number[]): { p50: number; p95: number } {
  const sorted = [...samples].sort((a, b) => a - b)
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]
  return { p50: at(0.5), p95: at(0.95) }
}

/** `count` timed calls of `once` after `WARM_UP` untimed ones; ms per call. */
async function timeRoundTrips(once: () => Promise<void>, count: number): Promise<number[]> {
  for (let i = 0; i < WARM_UP; i++) await once()
  const samples: number[] = []
  for (let i = 0; i < count; i++) {
    const t0 = performance.now()
    await once()
    samples.push(performance.now() - t0)
  }
  return samples
}

/** A bare WebSocket echo on 127.0.0.1 and a `ws` client: the floor of any round trip. */
async function echoRoundTrips(): Promise<number[]> {
  const server = new WebSocketServer({ host: '127.0.0.1', port: 0 })
  await new Promise((done) => server.once('listening', done))
  server.on('connection', (socket) => socket.on('message', (data) => socket.send(data.toString())))
  const { port } = server.address() as { port: number }
  const client = new WebSocket(`ws://127.0.0.1:${port}`)
  await new Promise((done) => client.once('open', done))
  const message = JSON.stringify({
    id: '6f1c2c4e-5f1a-4c1e-9a55-1f2d3c4b5a69',
    method: 'Element.tap',
    params: { elementId: 'e1', pageId: 1 },
  })
  const samples = await timeRoundTrips(
    () =>
      new Promise<void>((done) => {
        client.once('message', () => done())
        client.send(message)
      }),
    ROUND_TRIPS,
  )
  client.close()
  await new Promise((done) => server.close(done))
  return samples
}

/** Starts `mpdt auto` on the fixture (port chosen by the OS) and resolves to its port. */
function startAuto(
  args: string[],
  dataDir: string,
): { child: ChildProcess; port: Promise<number> } {
  const child = spawn(
    process.execPath,
    ['bin/mpdt.js', 'auto', FIXTURE, '--auto-port', '0', ...args],
    {
      cwd: REPO_ROOT,
      env: { ...process.env, MPDT_DATA_DIR: dataDir },
      stdio: ['ignore', 'ignore', 'pipe'],
    },
  )
  const port = new Promise<number>((done, fail) => {
    let stderr = ''
    const timer = setTimeout(() => fail(new Error(`mpdt auto did not start: ${stderr}`)), START_MS)
    child.stderr?.setEncoding('utf8').on('data', (text: string) => {
      stderr += text
      const found = /automation on ws:\/\/127\.0\.0\.1:(\d+)/.exec(stderr)
      if (found) {
        clearTimeout(timer)
        done(Number(found[1]))
      }
    })
    child.once('exit', (code) => fail(new Error(`mpdt auto exited (${code}): ${stderr}`)))
  })
  return { child, port }
}

async function automationRoundTrips(args: string[], dataDir: string): Promise<number[]> {
  const { child, port } = startAuto(args, dataDir)
  try {
    const miniProgram = await automator.connect({ wsEndpoint: `ws://127.0.0.1:${await port}` })
    const page = await miniProgram.currentPage()
    const add = await page?.$('#add')
    if (!page || !add) throw new Error('the fixture has no #add on its first page')
    const samples = await timeRoundTrips(async () => {
      await add.tap()
      await page.data('count')
    }, ROUND_TRIPS)
    const exited = new Promise((done) => child.once('exit', done))
    await miniProgram.close()
    await exited
    return samples
  } finally {
    if (child.exitCode === null) child.kill('SIGTERM')
  }
}

async function main(): Promise<void> {
  const dataDir = await mkdtemp(join(tmpdir(), 'mpdt-bench-automation-'))
  try {
    console.log(
      `load average ${loadavg()
        .map((load) => load.toFixed(2))
        .join(' ')}`,
    )
    const echo = percentiles(await echoRoundTrips())
    const headless = percentiles(await automationRoundTrips([], dataDir))
    const workbench = percentiles(await automationRoundTrips(['--web'], dataDir))
    const rows = [
      ['bare WebSocket echo (1 message)', echo],
      ['headless: tap + getData', headless],
      ['workbench (--web): tap + getData', workbench],
    ] as const
    console.log(`\n${ROUND_TRIPS} round trips each (after ${WARM_UP} unmeasured)\n`)
    console.log('variant                              p50 ms   p95 ms   p50 / echo p50')
    for (const [name, { p50, p95 }] of rows) {
      console.log(
        `${name.padEnd(36)} ${p50.toFixed(2).padStart(7)}  ${p95.toFixed(2).padStart(7)}   ${(p50 / echo.p50).toFixed(1).padStart(6)}×`,
      )
    }
  } finally {
    await rm(dataDir, { recursive: true, force: true })
  }
}

main().catch((error: unknown) => {
  console.error(error)
  process.exit(1)
})
