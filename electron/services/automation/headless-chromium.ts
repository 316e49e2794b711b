/**
 * A headless Chromium showing the workbench for `mpdt auto --web`, driven over the Chrome DevTools
 * Protocol on its own loopback debugging port: it opens the workbench's URL and takes the phone's
 * screenshot (`App.captureScreenshot`). Started with its own throw-away profile, stopped with it.
 */
import { spawn, type ChildProcess } from 'node:child_process'
import { existsSync } from 'node:fs'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import WebSocket from 'ws'

/** Where Chromium or Chrome usually lives on Linux and macOS, tried in order. */
export const CHROMIUM_CANDIDATES = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
]

/** Chromium without a sandbox, GPU or background traffic: for containers and CI (tests too). */
export const QUIET_CHROMIUM_FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
  '--disable-sync',
]

const CHROMIUM_ARGS = [
  '--headless=new',
  ...QUIET_CHROMIUM_FLAGS,
  '--window-size=1280,960',
  '--remote-debugging-address=127.0.0.1',
  '--remote-debugging-port=0',
]

const START_MS = 30_000
const CALL_MS = 30_000

export function findChromium(given?: string): string | undefined {
  if (given) return existsSync(given) ? given : undefined
  return CHROMIUM_CANDIDATES.find((candidate) => existsSync(candidate))
}

export interface HeadlessChromium {
  /** The phone (the simulator's frame) as PNG, base64. */
  screenshotPhone(): Promise<string>
  close(): Promise<void>
}

/** One CDP connection to the browser, with calls on a page session. */
class DevToolsConnection {
  private nextId = 1
  private readonly waiting = new Map<
    number,
    { resolve(value: unknown): void; reject(error: Error): void }
  >()

  constructor(private readonly socket: WebSocket) {
    socket.on('message', (data) => {
      const message = JSON.parse(data.toString()) as {
        id?: number
        result?: unknown
        error?: { message: string }
      }
      const pending = message.id === undefined ? undefined : this.waiting.get(message.id)
      if (!pending || message.id === undefined) return
      this.waiting.delete(message.id)
      if (message.error) pending.reject(new Error(message.error.message))
      else pending.resolve(message.result)
    })
    socket.on('close', () => {
      for (const pending of this.waiting.values()) pending.reject(new Error('Chromium closed'))
      this.waiting.clear()
    })
  }

  call<T>(method: string, params: object = {}, sessionId?: string): Promise<T> {
    const id = this.nextId++
    return new Promise<T>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.waiting.delete(id)
        reject(new Error(`Chromium did not answer ${method}`))
      }, CALL_MS)
      this.waiting.set(id, {
        resolve: (value) => {
          clearTimeout(timer)
          resolve(value as T)
        },
        reject: (error) => {
          clearTimeout(timer)
          reject(error)
        },
      })
      this.socket.send(JSON.stringify({ id, method, params, ...(sessionId && { sessionId }) }))
    })
  }
}

function waitForDevToolsUrl(child: ChildProcess): Promise<string> {
  return new Promise((resolve, reject) => {
    let stderr = ''
    const timer = setTimeout(
      () => reject(new Error(`Chromium did not start within ${START_MS / 1000} s: ${stderr}`)),
      START_MS,
    )
    child.stderr?.setEncoding('utf8').on('data', (text: string) => {
      stderr += text
      const found = /DevTools listening on (ws:\/\/\S+)/.exec(stderr)
      if (found) {
        clearTimeout(timer)
        resolve(found[1])
      }
    })
    child.once('exit', (code) => {
      clearTimeout(timer)
      reject(new Error(`Chromium exited (${code}) before it started: ${stderr}`))
    })
  })
}

/** Starts `executable` headless on `url` (the workbench). */
export async function startHeadlessChromium(
  executable: string,
  url: string,
): Promise<HeadlessChromium> {
  const profile = await mkdtemp(join(tmpdir(), 'mpdt-auto-chromium-'))
  const child = spawn(executable, [...CHROMIUM_ARGS, `--user-data-dir=${profile}`, url], {
    stdio: ['ignore', 'ignore', 'pipe'],
  })
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      const exited = new Promise((resolve) => child.once('exit', resolve))
      child.kill('SIGTERM')
      await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 5_000))])
      if (child.exitCode === null) child.kill('SIGKILL')
    }
    await rm(profile, { recursive: true, force: true })
  }
  try {
    const endpoint = await waitForDevToolsUrl(child)
    const socket = new WebSocket(endpoint)
    await new Promise((resolve, reject) => {
      socket.once('open', resolve)
      socket.once('error', reject)
    })
    const devtools = new DevToolsConnection(socket)
    const { targetInfos } = await devtools.call<{
      targetInfos: { targetId: string; type: string }[]
    }>('Target.getTargets')
    const page = targetInfos.find((target) => target.type === 'page')
    if (!page) throw new Error('Chromium opened no page')
    const { sessionId } = await devtools.call<{ sessionId: string }>('Target.attachToTarget', {
      targetId: page.targetId,
      flatten: true,
    })
    return {
      async screenshotPhone() {
        const { result } = await devtools.call<{ result: { value?: string } }>(
          'Runtime.evaluate',
          {
            // The workbench may zoom the phone (the iframe is the zoomed phone, its
            // data-device-width the device's CSS width): the clip's scale gives the picture at
            // the device's own CSS width whatever the zoom.
            expression: `JSON.stringify((() => {
              const frame = document.querySelector('iframe.simulator-frame')
              const r = frame?.getBoundingClientRect()
              const width = Number(frame?.dataset.deviceWidth) || r?.width
              return r && { x: r.x, y: r.y, width: r.width, height: r.height, scale: width / r.width }
            })())`,
            returnByValue: true,
          },
          sessionId,
        )
        const rect = result.value ? (JSON.parse(result.value) as object | undefined) : undefined
        if (!rect) throw new Error('App.captureScreenshot: the simulator is not on the screen')
        const { data } = await devtools.call<{ data: string }>(
          'Page.captureScreenshot',
          { format: 'png', clip: rect },
          sessionId,
        )
        return data
      },
      async close() {
        socket.close()
        await stop()
      },
    }
  } catch (error) {
    await stop()
    throw error
  }
}
