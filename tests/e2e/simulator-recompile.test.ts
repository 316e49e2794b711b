/**
 * 编译 end to end in browser mode with the spare frame (renderer/src/simulator/frame-stage.ts): a
 * spare frame loads behind the running one without running anything, a compile shows that very
 * iframe and boots it, the phone is painted, and nothing of the old run survives: its iframe (and
 * with it its document, timers and workers) is gone and the new run's realm has none of its
 * globals.
 */
import { mkdir, writeFile } from 'node:fs/promises'
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { dirname, join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { png } from '../helpers/pictures'
import { byId, E2E_TEST_TIMEOUT_MS, openWorkbench, SCREENSHOT_DIR, useE2eScratch } from './harness'

describe('recompiling the simulator', { timeout: E2E_TEST_TIMEOUT_MS }, () => {
  const e2e = useE2eScratch()

  /** A loopback server of one 200×100 picture; resolves to its URL. */
  async function pictureServer(): Promise<string> {
    const picture = png(200, 100)
    const server = createServer((_request, response) => {
      response.writeHead(200, { 'Content-Type': 'image/png' })
      response.end(picture)
    })
    await new Promise<void>((listening) => server.listen(0, '127.0.0.1', listening))
    e2e.defer(() => new Promise((closed) => server.close(closed)))
    return `http://127.0.0.1:${(server.address() as AddressInfo).port}/pic.png`
  }

  /** A one-page project with a network picture. */
  async function project(): Promise<string> {
    const dir = join(await e2e.folder('mpdt-e2e-recompile-'), 'recompile')
    const pic = await pictureServer()
    const files: Record<string, string> = {
      'project.config.json': JSON.stringify({ appid: 'touristappid', projectname: 'Recompile' }),
      'app.json': JSON.stringify({ pages: ['pages/index/index'] }),
      'app.js': 'App({})',
      'pages/index/index.wxml':
        '<view id="hello">hello {{name}}</view>' +
        '<image id="pic" src="{{pic}}" bindload="loaded" /><view id="size">{{size}}</view>',
      'pages/index/index.js': `Page({
        data: { name: 'phone', pic: ${JSON.stringify(pic)}, size: '' },
        loaded(e) { this.setData({ size: e.detail.width + '×' + e.detail.height }) },
      })`,
    }
    for (const [path, text] of Object.entries(files)) {
      await mkdir(dirname(join(dir, path)), { recursive: true })
      await writeFile(join(dir, path), text)
    }
    return dir
  }

  /** What the console's command line evaluates `code` to in the running mini-program. */
  async function evaluate(code: string, expected: string): Promise<void> {
    const command = e2e.page().getByRole('textbox', { name: '控制台命令' })
    await command.fill(code)
    await command.press('Enter')
    await e2e.page().getByRole('log').getByText(expected, { exact: true }).first().waitFor()
  }

  it('boots the loaded spare frame on 编译, paints the page, and keeps nothing of the old run', async () => {
    e2e.session = await openWorkbench(await project())
    const page = e2e.page()
    await e2e.phone().locator(byId('hello'), { hasText: 'hello phone' }).waitFor()
    await page.getByRole('tab', { name: '控制台' }).click()

    // The old run leaves a global and a running timer behind.
    await evaluate(
      "(globalThis.oldRun = 'old run', setInterval(() => console.log('old run tick'), 50), 'armed')",
      'armed',
    )
    await page.getByRole('log').getByText('old run tick').first().waitFor()
    await evaluate("typeof globalThis.oldRun + ' while it runs'", 'string while it runs')

    // A spare frame, loaded and waiting: sandboxed alike, hidden, booted with nothing.
    const old = await page.locator('iframe.simulator-frame').elementHandle()
    const spare = page.locator('iframe.simulator-spare')
    await spare.waitFor({ state: 'attached' })
    expect(await spare.getAttribute('sandbox')).toBe('allow-scripts')
    expect(await spare.getAttribute('aria-hidden')).toBe('true')
    const spareHandle = await spare.elementHandle()
    const spareDocument = await spareHandle!.contentFrame()
    await spareDocument!.waitForFunction(() => document.readyState === 'complete')
    expect(await spareDocument!.locator('.mp-page').count()).toBe(0)

    // What happens in it, in order: frames drawn with the page on them, the picture requested.
    await spareDocument!.evaluate(() => {
      const order: string[] = ((window as unknown as { order: string[] }).order = [])
      new MutationObserver(() => {
        const img = document.querySelector('image img')
        if (img?.getAttribute('src')?.startsWith('http') && !order.includes('picture requested'))
          order.push('picture requested')
      }).observe(document, { subtree: true, childList: true, attributes: true })
      const frame = () => {
        if (document.querySelector('image') && !order.includes('frame with the page'))
          order.push('frame with the page')
        requestAnimationFrame(frame)
      }
      requestAnimationFrame(frame)
    })

    await page.getByRole('button', { name: '编译' }).click()
    await e2e.phone().locator(byId('hello'), { hasText: 'hello phone' }).waitFor()
    await page.locator('.phone[aria-busy="false"]').waitFor()
    // The picture loads, requested once the page had its first frame (not holding it up).
    await e2e.phone().locator(byId('size'), { hasText: '200×100' }).waitFor()
    expect(
      await spareDocument!.evaluate(() => (window as unknown as { order: string[] }).order),
    ).toEqual(['frame with the page', 'picture requested'])

    // That very iframe runs the new launch; the old one is out of the document.
    expect(await spareHandle!.evaluate((frame) => frame.className)).toBe('simulator-frame')
    expect(await spareHandle!.evaluate((frame) => frame.getAttribute('aria-hidden'))).toBeNull()
    expect(await old!.evaluate((frame) => frame.isConnected)).toBe(false)
    expect(await page.locator('iframe.simulator-frame').count()).toBe(1)
    await evaluate("typeof globalThis.oldRun + ' after the compile'", 'undefined after the compile')
    await page.locator('.phone').screenshot({ path: join(SCREENSHOT_DIR, 'recompiled-phone.png') })

    // Compiled again before the next spare has loaded (or once it has): a clean frame either way.
    await evaluate("(globalThis.oldRun = 'second run', 'armed again')", 'armed again')
    await page.getByRole('button', { name: '编译' }).click()
    await e2e.phone().locator(byId('hello'), { hasText: 'hello phone' }).waitFor()
    await evaluate("typeof globalThis.oldRun + ' once more'", 'undefined once more')
    expect(await page.locator('iframe.simulator-frame').count()).toBe(1)
    expect(e2e.session.pageErrors).toEqual([])
  })
})
