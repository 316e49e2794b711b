/**
 * The simulator end to end in browser mode: the real `mpdt open --web`, Chromium, the sandboxed
 * frame, the contract over the WebSocket, and the request engine talking to a loopback server.
 */
import { cp, readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { startHttpServer, type TestServer } from '../helpers/servers'
import {
  E2E_TEST_TIMEOUT_MS,
  openWorkbench,
  REPO_ROOT,
  SCREENSHOT_DIR,
  useE2eScratch,
  waitFor,
} from './harness'

const DEVICES = [
  { id: 'iphone-se', label: 'iPhone SE 375×667 @2' },
  { id: 'iphone-14', label: 'iPhone 14 390×844 @3' },
  { id: 'iphone-14-pro-max', label: 'iPhone 14 Pro Max 430×932 @3' },
  { id: 'pixel-7', label: 'Pixel 7 412×915 @2.625' },
  { id: 'ipad-mini', label: 'iPad mini 768×1024 @2' },
]

interface Arrival {
  url: string
  referer?: string
}

describe('simulator in browser mode', { timeout: E2E_TEST_TIMEOUT_MS }, () => {
  const e2e = useE2eScratch()
  let api: TestServer | undefined
  let arrivals: Arrival[] = []

  /** A copy of a simulator fixture whose api.gallery.test is mapped to a loopback server. */
  async function projectWithApi(name: string): Promise<string> {
    arrivals = []
    api = await startHttpServer((request, response) => {
      arrivals.push({ url: request.url ?? '', referer: request.headers.referer })
      response.writeHead(200, { 'content-type': 'application/json' })
      response.end(JSON.stringify({ message: 'hi' }))
    })
    e2e.defer(() => api?.close())
    const dir = join(await e2e.folder('mpdt-e2e-simulator-'), name)
    await cp(join(REPO_ROOT, 'tests/fixtures/simulator', name), dir, { recursive: true })
    await writeFile(
      join(dir, 'project.private.config.json'),
      JSON.stringify({ mpdt: { connectTo: [`api.gallery.test:80:127.0.0.1:${api.port}`] } }),
    )
    return dir
  }

  /** The element with this WXML id (glass-easel prefixes ids with its component's). */
  function byId(id: string): string {
    return `[id="${id}"], [id$="--${id}"]`
  }

  async function text(selector: string): Promise<string> {
    return e2e.phone().locator(selector).first().innerText()
  }

  /**
   * At 100 %: Playwright aims clicks inside a scaled iframe as if it were not scaled, so taps are
   * tested unscaled (the zoom itself is checked by the screenshots and `zooms the phone`).
   */
  async function showUnscaled(): Promise<void> {
    await e2e.page().getByRole('combobox', { name: '缩放' }).selectOption({ label: '100%' })
  }

  async function openGallery(): Promise<void> {
    e2e.session = await openWorkbench(await projectWithApi('gallery'))
    await showUnscaled()
    await e2e.phone().locator(byId('title')).waitFor()
  }

  it('renders wx:for, wx:if, a template, WXS and a custom component in the sandboxed frame', async () => {
    await openGallery()
    expect(await text(byId('title'))).toBe('GALLERY')
    expect(await e2e.phone().locator(byId('items')).locator('.row').allInnerTexts()).toEqual([
      'apple × 2',
      'pear × 1',
    ])
    expect(await text(byId('count'))).toBe('count 2')
    expect(await e2e.phone().locator(byId('empty')).count()).toBe(0)
    expect(await text(byId('badge'))).toBe('badge:2')
    const sandbox = await e2e.page().locator('iframe.simulator-frame').getAttribute('sandbox')
    expect(sandbox).toBe('allow-scripts')
    expect(e2e.session!.pageErrors).toEqual([])
  })

  it('runs a tap’s handler and setData updates the page', async () => {
    await openGallery()
    await e2e.phone().locator(byId('add')).click()
    await e2e.phone().locator(byId('count'), { hasText: 'count 3' }).waitFor()
    expect(await e2e.phone().locator(byId('items')).locator('.row').allInnerTexts()).toEqual([
      'apple × 2',
      'pear × 1',
      'plum × 3',
    ])
    expect(await text(byId('badge'))).toBe('badge:3')
  })

  it('sends wx.request through the engine to the server and shows the answer', async () => {
    await openGallery()
    await e2e.phone().locator(byId('fetch')).click()
    await e2e.phone().locator(byId('fetched'), { hasText: 'status' }).waitFor()
    expect(await text(byId('fetched'))).toBe('status 200 hi')
    expect(arrivals).toEqual([
      { url: '/hello', referer: 'https://servicewechat.com/touristappid/devtools/page-frame.html' },
    ])
  })

  it('runs the lifecycles in order when navigating there and back', async () => {
    await openGallery()
    await e2e.phone().locator(byId('to-detail')).click()
    await e2e.phone().locator(byId('detail'), { hasText: 'detail 7' }).waitFor()
    await e2e.phone().locator(byId('back')).click()
    const log = await waitFor(
      () => text(byId('log')),
      (value) => value.endsWith('index onShow') && value.includes('detail'),
    )
    expect(log.split(',')).toEqual([
      'index onLoad',
      'index onShow',
      'index onReady',
      'index onHide',
      'detail onLoad',
      'detail onShow',
      'detail onReady',
      'detail onUnload',
      'index onShow',
    ])
  })

  it('shows a toast', async () => {
    await openGallery()
    await e2e.phone().locator(byId('toast')).click()
    await e2e.phone().getByText('Saved', { exact: true }).waitFor()
  })

  it('reloads on save and keeps the current page with its query', async () => {
    const dir = await projectWithApi('gallery')
    e2e.session = await openWorkbench(dir)
    await showUnscaled()
    await e2e.phone().locator(byId('to-detail')).click()
    await e2e.phone().locator(byId('detail'), { hasText: 'detail 7' }).waitFor()
    await writeFile(
      join(dir, 'pages/detail/detail.wxml'),
      '<view id="detail">saved {{id}}</view>\n<view id="back" bindtap="onBack">back</view>\n',
    )
    await e2e.phone().locator(byId('detail'), { hasText: 'saved 7' }).waitFor()
  })

  it('zooms the phone inside the frame, the mini-program keeping the device’s CSS size', async () => {
    await openGallery()
    await e2e.page().getByRole('combobox', { name: '缩放' }).selectOption({ label: '50%' })
    const phoneBox = await e2e.page().locator('.phone').boundingBox()
    expect(phoneBox).toMatchObject({ width: 195, height: 422 })
    // The frame's window is the zoomed phone; its root zooms the device-sized content into it.
    const inFrame = await e2e
      .phone()
      .locator('body')
      .evaluate((body) => ({
        window: body.ownerDocument.defaultView?.innerWidth,
        zoom: body.ownerDocument.documentElement.style.zoom,
        phone: (body.ownerDocument.getElementById('mp-phone') as HTMLElement).offsetWidth,
      }))
    expect(inFrame).toEqual({ window: 195, zoom: '0.5', phone: 390 })
  })

  it('takes a screenshot on every device preset', async () => {
    await openGallery()
    // Room for the whole iPad at 75 %.
    await e2e.page().setViewportSize({ width: 1280, height: 1000 })
    await e2e.page().getByRole('combobox', { name: '缩放' }).selectOption({ label: '75%' })
    const select = e2e.page().getByRole('combobox', { name: '机型' })
    for (const device of DEVICES) {
      await select.selectOption({ label: device.label })
      const frame = e2e.page().locator(`.phone[data-device="${device.id}"] iframe.simulator-frame`)
      await frame.waitFor()
      await e2e.phone().locator(byId('title')).waitFor()
      const width = await e2e
        .phone()
        .locator('body')
        .evaluate((body) => body.ownerDocument.getElementById('mp-phone')?.offsetWidth)
      const deviceWidth = Number(device.label.split(' ').at(-2)!.split('×')[0])
      expect(width).toBe(deviceWidth)
      // rpx recompiled for this width (as WeChat: floored px): app.wxss gives rows
      // `padding: 16rpx 24rpx`.
      const padding = await e2e
        .phone()
        .locator('.row')
        .first()
        .evaluate((row) => row.ownerDocument.defaultView?.getComputedStyle(row).paddingLeft)
      expect(padding).toBe(`${Math.floor((24 * deviceWidth) / 750)}px`)
      await e2e
        .page()
        .locator('.simulator')
        .screenshot({ path: join(SCREENSHOT_DIR, `simulator-${device.id}.png`) })
    }
  })

  it('loads the frame by the token in its path, and refuses its files without the token', async () => {
    await openGallery()
    const frameUrl = new URL(
      await e2e
        .page()
        .locator('iframe.simulator-frame')
        .evaluate((f) => (f as unknown as { src: string }).src),
    )
    expect(frameUrl.pathname).toMatch(/^\/t\/[\w-]+\/simulator\.html$/)
    const origin = frameUrl.origin
    expect((await fetch(`${origin}/simulator.html`)).status).toBe(403)
    expect((await fetch(`${origin}/t/not-the-token/simulator.html`)).status).toBe(403)
    const sandboxed = { headers: { Origin: 'null' } }
    expect((await fetch(`${origin}/simulator.html`, sandboxed)).status).toBe(403)
    expect((await fetch(frameUrl, sandboxed)).status).toBe(200)
  })

  it('gives a mini-program that reaches for the workbench nothing', async () => {
    const dir = await projectWithApi('hostile')
    const source = join(dir, 'pages/index/index.js')
    await writeFile(
      source,
      (await readFile(source, 'utf8')).replace(
        'http://127.0.0.1:1/forged',
        `http://127.0.0.1:${api!.port}/forged`,
      ),
    )
    const configBefore = await readFile(join(dir, 'project.private.config.json'), 'utf8')
    e2e.session = await openWorkbench(dir)
    const report = await waitFor(
      () => text(byId('report')),
      (value) => value.includes('rpc:'),
    )
    // `parent` reads as the frame itself (its own document), `top` cannot be hidden but is
    // another origin: neither is the workbench's document.
    expect(report).toContain('parent.document:Simulator')
    expect(report).toContain('top.document:blocked')
    expect(report).not.toContain('MP DevTools')
    expect(report).toContain('top.bridge:blocked')
    expect(report).toContain('top.localStorage:blocked')
    // Give forged messages time to arrive anywhere they could.
    await new Promise((resolve) => setTimeout(resolve, 1000))
    expect(arrivals).toEqual([])
    expect(await readFile(join(dir, 'project.private.config.json'), 'utf8')).toBe(configBefore)
  })
})
