/**
 * Remote media in the simulator (tests/fixtures/projects/phone-layout, page pages/media/media),
 * against a real loopback server started here: `<image>`, `<video>`, CSS background-image and
 * @font-face load from http:, as WeChat loads them without a domain list; a failed picture is an
 * empty box with `binderror`; and the frame's CSP still refuses scripts and fetches to that same
 * server (the server never sees those requests) and frames of anything but http(s) (`<web-view>`
 * pages, tests/e2e/web-view.test.ts).
 */
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import type { FrameLocator } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import {
  copyFixtureProject,
  E2E_TEST_TIMEOUT_MS,
  openWorkbench,
  useE2eScratch,
  waitFor,
} from './harness'
import { png } from '../helpers/pictures'

/** Half a second of 8 kHz mono silence as a WAV file. */
function wav(): Buffer {
  const samples = 4000
  const header = Buffer.alloc(44)
  header.write('RIFF', 0, 'ascii')
  header.writeUInt32LE(36 + samples * 2, 4)
  header.write('WAVEfmt ', 8, 'ascii')
  header.writeUInt32LE(16, 16)
  header.writeUInt16LE(1, 20)
  header.writeUInt16LE(1, 22)
  header.writeUInt32LE(8000, 24)
  header.writeUInt32LE(16000, 28)
  header.writeUInt16LE(2, 32)
  header.writeUInt16LE(16, 34)
  header.write('data', 36, 'ascii')
  header.writeUInt32LE(samples * 2, 40)
  return Buffer.concat([header, Buffer.alloc(samples * 2)])
}

interface MediaServer {
  url: string
  /** Paths requested so far. */
  requested: string[]
  server: Server
}

async function startMediaServer(): Promise<MediaServer> {
  const requested: string[] = []
  const files: Record<string, [string, Buffer]> = {
    '/pic.png': ['image/png', png(200, 100)],
    '/bg.png': ['image/png', png(4, 4)],
    '/lazy.png': ['image/png', png(4, 4)],
    '/tone.wav': ['audio/wav', wav()],
    '/font.woff2': ['font/woff2', Buffer.from('not really a font')],
    '/script.js': ['text/javascript', Buffer.from('window.reached = true')],
    '/fetch': ['text/plain', Buffer.from('reached')],
  }
  const server = createServer((request, response) => {
    const path = new URL(request.url ?? '/', 'http://127.0.0.1').pathname
    requested.push(path)
    const file = files[path]
    if (!file) {
      response.writeHead(404).end()
      return
    }
    response.writeHead(200, { 'Content-Type': file[0], 'Access-Control-Allow-Origin': '*' })
    response.end(file[1])
  })
  await new Promise<void>((listening) => server.listen(0, '127.0.0.1', listening))
  const { port } = server.address() as AddressInfo
  return { url: `http://127.0.0.1:${port}`, requested, server }
}

describe('remote media in the simulator', { timeout: E2E_TEST_TIMEOUT_MS }, () => {
  const e2e = useE2eScratch()

  async function openMedia(): Promise<{ phone: FrameLocator; media: MediaServer }> {
    const media = await startMediaServer()
    e2e.defer(() => new Promise((closed) => media.server.close(closed)))
    const copy = await copyFixtureProject('phone-layout')
    e2e.defer(() => copy.remove())
    const page = (name: string) => join(copy.dir, 'pages/media', name)
    for (const name of ['server.js', 'media.wxss']) {
      const text = await readFile(page(name), 'utf8')
      await writeFile(page(name), text.replaceAll('http://127.0.0.1:1', media.url))
    }
    const appJson = join(copy.dir, 'app.json')
    const app = JSON.parse(await readFile(appJson, 'utf8')) as { pages: string[] }
    app.pages = ['pages/media/media', ...app.pages.filter((route) => route !== 'pages/media/media')]
    await writeFile(appJson, JSON.stringify(app))
    e2e.session = await openWorkbench(copy.dir)
    // At 100 %, boxes on the screen are the device's CSS px.
    await e2e.session.page.getByRole('combobox', { name: '缩放' }).selectOption({ label: '100%' })
    const phone = e2e.phone()
    await phone.locator('[id$="--log"]').waitFor({ state: 'attached' })
    await expect
      .poll(() => phone.locator('html').evaluate((html) => (html as HTMLElement).style.zoom))
      .toBe('')
    return { phone, media }
  }

  const log = (phone: FrameLocator) =>
    waitFor(
      () => phone.locator('[id$="--log"]').innerText(),
      (text) => text.includes('load ') && text.includes('error ') && text.includes('metadata '),
      20_000,
    )

  it('loads pictures, video, background images and fonts from http:', async () => {
    const { phone, media } = await openMedia()
    const text = await log(phone)
    expect(text).toContain('load 200x100')
    expect(text).toMatch(/metadata 0\.5/)
    await waitFor(
      async () => media.requested,
      (paths) => paths.includes('/bg.png') && paths.includes('/font.woff2'),
      10_000,
    )
    expect(media.requested).toEqual(
      expect.arrayContaining(['/pic.png', '/bg.png', '/font.woff2', '/tone.wav']),
    )
    // widthFix: 100 px wide, the height from the picture's 2:1 ratio.
    const wide = await phone.locator('[id$="--wide"]').boundingBox()
    expect(wide?.height).toBeCloseTo(50, 0)
    // aspectFit: the picture inside the 100×100 box keeps its ratio.
    const fit = await phone
      .locator('[id$="--pic"] img')
      .evaluate((img) => getComputedStyle(img).objectFit)
    expect(fit).toBe('contain')
  })

  it('a failed picture is an empty box and fires binderror with an errMsg, as is one without src', async () => {
    const { phone } = await openMedia()
    const text = await log(phone)
    expect(text).toContain(`error GET `)
    expect(text).toContain('/missing.png failed')
    const missing = phone.locator('[id$="--missing"]')
    expect(await missing.boundingBox()).toMatchObject({ width: 50, height: 50 })
    const visibility = await missing
      .locator('img')
      .evaluate((img) => getComputedStyle(img).visibility)
    expect(visibility).toBe('hidden')
    // So is one without src: no grey outline round an <img> with nothing to show.
    const empty = phone.locator('[id$="--empty"] img')
    expect(await empty.evaluate((img) => getComputedStyle(img).visibility)).toBe('hidden')
  })

  it('lazy-load waits until the picture nears the window', async () => {
    const { phone, media } = await openMedia()
    await log(phone)
    expect(media.requested).not.toContain('/lazy.png')
    await phone.locator('.mp-page:not([hidden]) .mp-page-body').evaluate((body) => {
      body.scrollTop = 2800
    })
    const paths = await waitFor(
      async () => media.requested,
      (requested) => requested.includes('/lazy.png'),
      10_000,
    )
    expect(paths).toContain('/lazy.png')
  })

  it('still refuses scripts and fetches to the same server, and frames of data: or blob:', async () => {
    const { phone, media } = await openMedia()
    await log(phone)
    const outcome = await phone.locator('body').evaluate(async (body, base) => {
      const script = document.createElement('script')
      const scriptDone = new Promise((done) => {
        script.onload = () => done('script loaded')
        script.onerror = () => done('script refused')
      })
      script.src = `${base}/script.js`
      body.appendChild(script)
      const fetched = await fetch(`${base}/fetch`).then(
        () => 'fetch answered',
        () => 'fetch refused',
      )
      const refusedFrames: string[] = []
      document.addEventListener('securitypolicyviolation', (event) => {
        if (event.effectiveDirective === 'frame-src') refusedFrames.push(event.effectiveDirective)
      })
      for (const src of [
        'data:text/html,<p>reached</p>',
        URL.createObjectURL(new Blob(['<p>reached</p>'], { type: 'text/html' })),
      ]) {
        const frame = document.createElement('iframe')
        frame.src = src
        body.appendChild(frame)
      }
      await new Promise((settled) => setTimeout(settled, 500))
      return [await scriptDone, fetched, refusedFrames]
    }, media.url)
    expect(outcome).toEqual(['script refused', 'fetch refused', ['frame-src', 'frame-src']])
    expect(media.requested).not.toContain('/script.js')
    expect(media.requested).not.toContain('/fetch')
  })
})
