/**
 * `wx.createWorker` in the simulator, browser mode, on tests/fixtures/projects/worker: the
 * compiled workers bundle runs in a real Web Worker from a `blob:` URL (the frame's CSP allows
 * workers from `blob:` only); messages go both ways, the worker requires its folder's files (a
 * TypeScript one too), its console and errors reach the Console panel at the worker's source,
 * testOnProcessKilled reaches onProcessKilled. The worker inherits the frame's CSP: it can load no
 * script and open no connection (a loopback server counts every request).
 */
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import {
  byId,
  E2E_TEST_TIMEOUT_MS,
  fixtureProject,
  openWorkbench,
  SCREENSHOT_DIR,
  useE2eScratch,
  waitFor,
} from './harness'

describe('wx.createWorker in browser mode', { timeout: E2E_TEST_TIMEOUT_MS }, () => {
  const e2e = useE2eScratch()

  const phone = () => e2e.phone()
  const text = (id: string) => phone().locator(byId(id)).first().innerText()

  it('runs the worker folder in a Web Worker, and the frame CSP keeps it from the network', async () => {
    let requests = 0
    const server = createServer((_request, response) => {
      requests += 1
      response.writeHead(200, { 'Access-Control-Allow-Origin': '*' }).end('worker.postMessage(1)')
    })
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
    e2e.defer(() => new Promise((resolve) => server.close(resolve)))
    const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`

    e2e.session = await openWorkbench(fixtureProject('worker'))
    const page = e2e.page()
    await page.setViewportSize({ width: 1280, height: 1000 })

    expect(
      await waitFor(
        () => text('again'),
        (shown) => shown !== '',
      ),
    ).toBe('{"type":"fib","result":55}')
    expect(await text('fib')).toBe('{"type":"fib","result":6765}')
    expect(await text('later')).toBe('{"type":"later","n":7}')
    expect(await text('globals')).toBe(
      '{"type":"globals","wx":"undefined","fetch":"undefined","process":"undefined","importScripts":"undefined","globalRequire":"undefined","globalProcess":"undefined","globalFetch":"function"}',
    )
    expect(await text('errors')).toBe(
      'n must not be negative, got -1 | module "pages/index/index.js" is not defined, require args is "../../pages/index/index.js" (a worker requires only files of app.json\'s workers folder)',
    )

    // The worker's console and its errors, at the worker's own files.
    await page.getByRole('tab', { name: '控制台' }).click()
    const log = await waitFor(
      () => page.getByRole('log').innerText(),
      (shown) => shown.includes('terminated'),
    )
    expect(log).toMatch(/worker started\s+wxfile:\/\/usr/)
    // The place column names the worker's file and line, as Chrome's console does.
    expect(log).toMatch(/n must not be negative, got -1\s+checks\.ts:7\b/)
    expect(log).toMatch(/workers folder\)\s+index\.js:24\b/)
    expect(log).toContain('killed')
    expect(log).not.toContain('not supported in MP DevTools')

    // What the CSP must refuse inside the worker.
    await phone().locator('input').first().fill(origin)
    await phone().locator(byId('try-escape')).first().dispatchEvent('click')
    expect(
      await waitFor(
        () => text('escape'),
        (shown) => shown !== '',
      ),
    ).toBe('importScripts refused, fetch refused')
    expect(requests).toBe(0)
    await page.locator('.phone').screenshot({ path: join(SCREENSHOT_DIR, 'worker.png') })
    expect(e2e.session.pageErrors.filter((line) => !/Content Security Policy/.test(line))).toEqual(
      [],
    )
  })
})
