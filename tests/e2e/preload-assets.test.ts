/**
 * `wx.preloadAssets` in the simulator: the image is requested from the view as `<image>` requests
 * it (a loopback server sees it), the call succeeds, and the console shows no failure.
 */
import { mkdir, writeFile } from 'node:fs/promises'
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { dirname, join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { png } from '../helpers/pictures'
import { byId, E2E_TEST_TIMEOUT_MS, openWorkbench, useE2eScratch } from './harness'

describe('wx.preloadAssets in the simulator', { timeout: E2E_TEST_TIMEOUT_MS }, () => {
  const e2e = useE2eScratch()

  it('requests the image from the view and answers preloadAssets:ok', async () => {
    const picture = png(20, 10)
    let requested: (path: string) => void = () => undefined
    const firstRequest = new Promise<string>((resolve) => (requested = resolve))
    const server = createServer((request, response) => {
      requested(request.url ?? '')
      response.writeHead(200, { 'Content-Type': 'image/png' })
      response.end(picture)
    })
    await new Promise<void>((listening) => server.listen(0, '127.0.0.1', listening))
    e2e.defer(() => new Promise((closed) => server.close(closed)))
    const src = `http://127.0.0.1:${(server.address() as AddressInfo).port}/preloaded.png`

    const dir = join(await e2e.folder('mpdt-e2e-preload-'), 'preload')
    const files: Record<string, string> = {
      'project.config.json': JSON.stringify({ appid: 'touristappid', projectname: 'Preload' }),
      'app.json': JSON.stringify({ pages: ['pages/index/index'] }),
      'app.js': 'App({})',
      'pages/index/index.wxml': '<view id="answer">{{answer}}</view>',
      'pages/index/index.js': `Page({
        data: { answer: 'waiting' },
        onLoad() {
          wx.preloadAssets({
            data: [{ type: 'image', src: ${JSON.stringify(src)} }],
            success: (res) => this.setData({ answer: 'answered ' + res.errMsg }),
            fail: (res) => this.setData({ answer: 'failed ' + res.errMsg }),
          })
        },
      })`,
    }
    for (const [path, text] of Object.entries(files)) {
      await mkdir(dirname(join(dir, path)), { recursive: true })
      await writeFile(join(dir, path), text)
    }
    e2e.session = await openWorkbench(dir)
    const page = e2e.page()
    await e2e.phone().locator(byId('answer'), { hasText: 'answered preloadAssets:ok' }).waitFor()
    expect(await firstRequest).toBe('/preloaded.png')
    await page.getByRole('tab', { name: '控制台' }).click()
    expect(await page.getByRole('log').getByText('preloadAssets').count()).toBe(0)
  })
})
