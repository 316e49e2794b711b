/**
 * End-to-end harness: the real `mpdt open --web` server and Debian's Chromium driven by
 * playwright-core. Everything started here is stopped by `stop()`, whatever happened.
 */
import { spawn, type ChildProcess } from 'node:child_process'
import { existsSync, mkdirSync } from 'node:fs'
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import {
  chromium,
  type Browser,
  type BrowserContext,
  type FrameLocator,
  type Page,
} from 'playwright-core'
import { afterAll, afterEach } from 'vitest'
import { QUIET_CHROMIUM_FLAGS } from '../../electron/services/automation/headless-chromium'

export const REPO_ROOT = resolve(fileURLToPath(new URL('../..', import.meta.url)))
export const CHROMIUM_PATH = '/usr/bin/chromium'
export const CHROMIUM_MISSING = 'Chromium not found: run apt-get install -y chromium'
/**
 * Where specs write their screenshots: an ignored folder, so `npm test` never rewrites tracked
 * files; `npm run docs:screenshots` points it at `docs/screenshots/` (the README's pictures).
 */
export const SCREENSHOT_DIR = resolve(
  REPO_ROOT,
  process.env.MPDT_SCREENSHOT_DIR ?? join('test-results', 'screenshots'),
)
mkdirSync(SCREENSHOT_DIR, { recursive: true })

/**
 * Tests talk only to loopback: the frame's CSP lets images, media and fonts load from any https
 * host (as WeChat does), so a component library's icon font on a CDN would otherwise be looked up
 * and fetched. Every host name resolves to nothing here but 127.0.0.1 (this Chromium applies the
 * rule to IP literals too).
 */
const CHROMIUM_ARGS = [
  ...QUIET_CHROMIUM_FLAGS,
  '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1',
]
/**
 * Room for `bin/mpdt.js` to rebuild out/ first (it waits for another build holding its lock) on
 * a busy machine; tests using the harness allow for it with `E2E_TEST_TIMEOUT_MS`.
 */
const SERVER_START_MS = 180_000
export const E2E_TEST_TIMEOUT_MS = SERVER_START_MS + 60_000
const SERVER_STOP_MS = 5_000
const RUNNING_LINE = /^MP DevTools is running at (http:\/\/127\.0\.0\.1:\d+\/\?token=\S+)$/m

// Everything started and not yet stopped, so `stopEverything` can clean up after a test that
// timed out before it got hold of its session.
const liveServers = new Set<ChildProcess>()
const liveBrowsers = new Set<Browser>()

/** Stops every server and browser this harness started that is still running. */
export async function stopEverything(): Promise<void> {
  sharedBrowser = undefined
  await Promise.all([...liveBrowsers].map((browser) => browser.close().catch(() => undefined)))
  await Promise.all([...liveServers].map((child) => stopChild(child)))
}

/** Fails (never skips) when Debian's Chromium is not installed. */
export function requireChromium(executable: string = CHROMIUM_PATH): void {
  if (!existsSync(executable)) throw new Error(CHROMIUM_MISSING)
}

export function fixtureProject(name: string): string {
  return join(REPO_ROOT, 'tests', 'fixtures', 'projects', name)
}

export interface ProjectCopy {
  dir: string
  remove(): Promise<void>
}

/**
 * A throw-away copy of a fixture project, for tests that write to it; with `firstPage`, its
 * app.json launches that page.
 */
export async function copyFixtureProject(name: string, firstPage?: string): Promise<ProjectCopy> {
  const parent = await mkdtemp(join(tmpdir(), 'mpdt-e2e-project-'))
  const dir = join(parent, name)
  await cp(fixtureProject(name), dir, { recursive: true })
  if (firstPage) {
    const appJson = join(dir, 'app.json')
    const app = JSON.parse(await readFile(appJson, 'utf8')) as { pages: string[] }
    app.pages = [firstPage, ...app.pages.filter((route) => route !== firstPage)]
    await writeFile(appJson, JSON.stringify(app))
  }
  return { dir, remove: () => rm(parent, { recursive: true, force: true }) }
}

export interface ServerOptions {
  /** The OS locale the server reports (`LANG`). @default 'zh_CN.UTF-8' */
  lang?: string
}

export interface RunningServer {
  url: string
  dataDir: string
  /** Everything the server printed so far, for failure messages. */
  output(): string
  stop(): Promise<void>
}

async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return
  const exited = new Promise<void>((done) => child.once('exit', () => done()))
  child.kill('SIGTERM')
  let timer: NodeJS.Timeout | undefined
  const late = new Promise<'late'>(
    (done) => (timer = setTimeout(() => done('late'), SERVER_STOP_MS)),
  )
  if ((await Promise.race([exited, late])) === 'late') {
    child.kill('SIGKILL')
    await exited
  }
  clearTimeout(timer)
}

/**
 * Starts `node bin/mpdt.js open <dir> --web --port 0` (no `<dir>`: nothing to open, as the data
 * folder is new) and waits, bounded, for the URL it prints.
 */
export async function startServer(
  projectDir: string | null,
  options: ServerOptions = {},
): Promise<RunningServer> {
  const dataDir = await mkdtemp(join(tmpdir(), 'mpdt-e2e-data-'))
  const child = spawn(
    process.execPath,
    ['bin/mpdt.js', 'open', ...(projectDir === null ? [] : [projectDir]), '--web', '--port', '0'],
    {
      cwd: REPO_ROOT,
      env: {
        ...process.env,
        MPDT_DATA_DIR: dataDir,
        LANG: options.lang ?? 'zh_CN.UTF-8',
        LC_ALL: '',
        LC_MESSAGES: '',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  )
  liveServers.add(child)
  child.once('exit', () => liveServers.delete(child))
  let stdout = ''
  let stderr = ''
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk))
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk))
  const output = () => `stdout:\n${stdout}\nstderr:\n${stderr}`
  const stop = async () => {
    await stopChild(child)
    await rm(dataDir, { recursive: true, force: true })
  }

  try {
    const url = await new Promise<string>((found, failed) => {
      const timer = setTimeout(
        () => failed(new Error(`mpdt printed no URL within ${SERVER_START_MS} ms\n${output()}`)),
        SERVER_START_MS,
      )
      const onData = () => {
        const match = RUNNING_LINE.exec(stdout)
        if (!match) return
        clearTimeout(timer)
        found(match[1])
      }
      child.stdout.on('data', onData)
      child.once('exit', (code, signal) => {
        clearTimeout(timer)
        failed(new Error(`mpdt exited (${code ?? signal}) before printing its URL\n${output()}`))
      })
      child.once('error', (error) => {
        clearTimeout(timer)
        failed(error)
      })
    })
    return { url, dataDir, output, stop }
  } catch (error) {
    await stop()
    throw error
  }
}

/** `hostResolverRules` replaces the loopback-only rule (keep `MAP * ~NOTFOUND` in it). */
export async function launchChromium(hostResolverRules?: string): Promise<Browser> {
  requireChromium()
  const args = hostResolverRules
    ? [...QUIET_CHROMIUM_FLAGS, `--host-resolver-rules=${hostResolverRules}`]
    : CHROMIUM_ARGS
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args, headless: true })
  liveBrowsers.add(browser)
  browser.once('disconnected', () => liveBrowsers.delete(browser))
  return browser
}

export interface WorkbenchSession {
  server: RunningServer
  page: Page
  /** Console errors and uncaught exceptions of the page (CSP violations show up here too). */
  pageErrors: string[]
  /** Closes the page's browser context and stops the server; safe to call more than once. */
  close(): Promise<void>
}

let sharedBrowser: Promise<Browser> | undefined

/** One Chromium for all tests of a file (each test gets its own context); `stopEverything` closes it. */
function browserForTests(): Promise<Browser> {
  sharedBrowser ??= launchChromium()
  const launching = sharedBrowser
  launching.catch(() => {
    if (sharedBrowser === launching) sharedBrowser = undefined
  })
  return launching.then((browser) => {
    if (browser.isConnected()) return browser
    sharedBrowser = undefined
    return browserForTests()
  })
}

export interface WorkbenchOptions extends ServerOptions {
  /** @default 'zh-CN' */
  locale?: string
  /**
   * Test host names resolved to loopback, e.g. `MAP h5.example.test 127.0.0.1, MAP * ~NOTFOUND`:
   * the session gets a Chromium of its own, closed with it.
   */
  hostResolverRules?: string
  /** Accept the test servers' certificates (issued at test time by a private CA). */
  ignoreHTTPSErrors?: boolean
}

/** The server for `projectDir` and, in a fresh browser context, a page on its workbench. */
export async function openWorkbench(
  projectDir: string | null,
  options: WorkbenchOptions = {},
): Promise<WorkbenchSession> {
  requireChromium()
  const server = await startServer(projectDir, options)
  let context: BrowserContext | undefined
  let ownBrowser: Browser | undefined
  try {
    if (options.hostResolverRules) ownBrowser = await launchChromium(options.hostResolverRules)
    const browser = ownBrowser ?? (await browserForTests())
    context = await browser.newContext({
      locale: options.locale ?? 'zh-CN',
      viewport: { width: 1280, height: 800 },
      ...(options.ignoreHTTPSErrors && { ignoreHTTPSErrors: true }),
    })
    const page = await context.newPage()
    // Bounded, with room for a machine busy with other builds and tests.
    page.setDefaultTimeout(30_000)
    const pageErrors: string[] = []
    page.on('console', (message) => {
      if (message.type() === 'error')
        pageErrors.push(`${message.text()} (${message.location().url})`)
    })
    page.on('pageerror', (error) => pageErrors.push(error.message))
    await page.goto(server.url)
    let closed = false
    const opened = context
    return {
      server,
      page,
      pageErrors,
      async close() {
        if (closed) return
        closed = true
        try {
          await opened.close()
          await ownBrowser?.close()
        } finally {
          await server.stop()
        }
      },
    }
  } catch (error) {
    await context?.close().catch(() => undefined)
    await ownBrowser?.close().catch(() => undefined)
    await server.stop()
    throw error
  }
}

/** A selector for the phone's element of WXML id `id` (glass-easel may prefix it with its scope). */
/**
 * Shows the phone as `device` (the 机型 option `label`, `.phone[data-device=id]`) at 100 %, in a
 * window with room for the Pro Max: one CSS px of the phone is one px of a picture.
 */
export async function showDeviceAt100(
  page: Page,
  device: { id: string; label: string },
): Promise<void> {
  await page.setViewportSize({ width: 1400, height: 1300 })
  await page.getByRole('combobox', { name: '机型' }).selectOption({ label: device.label })
  await page.getByRole('combobox', { name: '缩放' }).selectOption({ label: '100%' })
  await page.locator(`.phone[data-device="${device.id}"] iframe`).waitFor()
}

export const byId = (id: string): string => `[id="${id}"], [id$="--${id}"]`

/** What one test set up; `useE2eScratch` takes it down after the test, whatever happened. */
export interface E2eScratch {
  /** The workbench the test opened (`openWorkbench`); closed first, then cleared. */
  session: WorkbenchSession | undefined
  /** The session's page; throws when the test has opened no workbench. */
  page(): Page
  /** The simulated phone's frame in the session's page. */
  phone(): FrameLocator
  /** Runs `undo` (close a server, remove a folder) once the session is closed, newest first. */
  defer(undo: () => unknown): void
  /** A new empty folder in the OS temp folder, removed after the test. */
  folder(prefix: string): Promise<string>
}

/**
 * For the enclosing `describe`: after each test, closes its session and runs what it deferred
 * (every step, even when one fails: the first failure is thrown once all have run); after all its
 * tests, `stopEverything`.
 */
export function useE2eScratch(): E2eScratch {
  let undos: Array<() => unknown> = []
  const scratch: E2eScratch = {
    session: undefined,
    page() {
      if (!scratch.session)
        throw new Error('no workbench open: set session = await openWorkbench(…)')
      return scratch.session.page
    },
    phone() {
      return scratch.page().frameLocator('iframe.simulator-frame')
    },
    defer(undo) {
      undos.push(undo)
    },
    async folder(prefix) {
      const dir = await mkdtemp(join(tmpdir(), prefix))
      undos.push(() => rm(dir, { recursive: true, force: true }))
      return dir
    },
  }
  afterEach(async () => {
    const session = scratch.session
    const steps = [...(session ? [() => session.close()] : []), ...undos.reverse()]
    scratch.session = undefined
    undos = []
    const failures: unknown[] = []
    for (const step of steps) {
      try {
        await step()
      } catch (error) {
        failures.push(error)
      }
    }
    if (failures.length > 0) throw failures[0]
  })
  afterAll(stopEverything)
  return scratch
}

/** Polls `read` until `accept` holds, at most `timeoutMs`; returns the last value read. */
export async function waitFor<T>(
  read: () => Promise<T>,
  accept: (value: T) => boolean,
  timeoutMs = 30_000,
): Promise<T> {
  const giveUpAt = Date.now() + timeoutMs
  let value = await read()
  while (!accept(value) && Date.now() < giveUpAt) {
    await new Promise((done) => setTimeout(done, 100))
    value = await read()
  }
  return value
}

/**
 * A finger on `element` from x `from` to x `to` in eight moves (none when they are equal: a tap),
 * as TouchEvents. Runs in the page: `locator.evaluate(touchDrag, { from, to })`.
 */
export function touchDrag(element: Element, { from, to }: { from: number; to: number }): void {
  const touch = (x: number) =>
    new Touch({ identifier: 1, target: element, clientX: x, clientY: 10, pageX: x, pageY: 10 })
  const fire = (type: string, x: number) =>
    element.dispatchEvent(
      new TouchEvent(type, {
        bubbles: true,
        cancelable: true,
        touches: type === 'touchend' ? [] : [touch(x)],
        changedTouches: [touch(x)],
      }),
    )
  fire('touchstart', from)
  const moves = from === to ? 0 : 8
  for (let step = 1; step <= moves; step += 1) fire('touchmove', from + ((to - from) * step) / 8)
  fire('touchend', to)
}
