/**
 * `<web-view>` and the 业务域名 rule end to end (tests/fixtures/projects/web-view): a loopback
 * HTTPS server with a certificate issued at test time serves the web page under a test host name
 * Chromium resolves to 127.0.0.1. With the checks on, a page whose origin is in the `webview`
 * list of project.domains.json covers the mini-program page and cannot reach the workbench; an
 * unlisted one shows WeChat's refusal, fires binderror and prints the console block, until the
 * origin is added in 详情; with the checks off it opens and the console says a phone would refuse.
 * A link inside the page is judged the same way: to an unlisted origin it is stopped before it
 * leaves (no request reaches that origin) and refused; to a listed one it goes.
 */
import type { IncomingHttpHeaders } from 'node:http'
import { readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import type { Frame, FrameLocator } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { createCertificateAuthority } from '../helpers/certificates'
import { startHttpsServer } from '../helpers/servers'
import {
  copyFixtureProject,
  E2E_TEST_TIMEOUT_MS,
  openWorkbench,
  SCREENSHOT_DIR,
  useE2eScratch,
  waitFor,
} from './harness'

const HOST = 'h5.webview.test'
/** Another web site the page links to. */
const OTHER = 'other.webview.test'
const RULES = `MAP ${HOST} 127.0.0.1, MAP ${OTHER} 127.0.0.1, MAP * ~NOTFOUND, EXCLUDE 127.0.0.1`
/** Cells of 40 px, 4 a row: a click that misses hits a neighbour. */
const CELLS =
  '<div style="width:160px;line-height:0">' +
  Array.from(
    { length: 16 },
    (_, cell) =>
      `<button id="cell-${cell}" style="width:40px;height:40px;margin:0;padding:0;border:0"` +
      ` onclick="document.getElementById('clicked').textContent='${cell}'">${cell}</button>`,
  ).join('') +
  '</div><p id="clicked">none</p>'
const pageHtml = (port: number) =>
  '<!doctype html><html><head><meta charset="utf-8"><title>H5</title></head>' +
  '<body style="margin:0;background:#fff3cd"><h1 id="h5">Hello from the web page</h1>' +
  `<a id="away" href="https://${OTHER}:${port}/away.html">away</a>${CELLS}</body></html>`
const AWAY_HTML = '<!doctype html><h1 id="away-page">Another site</h1>'
const ESCAPE = 'escaped to the workbench'

interface Seen {
  path: string
  headers: IncomingHttpHeaders
}

describe('web-view and the 业务域名 rule', { timeout: E2E_TEST_TIMEOUT_MS }, () => {
  const e2e = useE2eScratch()
  const ca = createCertificateAuthority()
  const leaf = ca.issue({ hosts: [HOST, OTHER] })

  async function openProject(options: { webview: string[]; urlCheck: boolean }) {
    const seen: Seen[] = []
    const h5 = await startHttpsServer(
      (request, response) => {
        seen.push({ path: request.url ?? '', headers: request.headers })
        const html =
          request.url === '/page.html'
            ? pageHtml(request.socket.localPort ?? 0)
            : request.url === '/away.html'
              ? AWAY_HTML
              : undefined
        if (html === undefined) {
          response.writeHead(404).end()
          return
        }
        response.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' }).end(html)
      },
      { cert: leaf.cert, key: leaf.key },
    )
    e2e.defer(() => h5.close())
    const origin = `https://${HOST}:${h5.port}`
    const otherOrigin = `https://${OTHER}:${h5.port}`
    const src = `${origin}/page.html`
    const copy = await copyFixtureProject('web-view')
    e2e.defer(() => copy.remove())
    await writeFile(join(copy.dir, 'pages/web/target.js'), `module.exports = '${src}'\n`)
    const webview = options.webview.map((entry) =>
      entry.replace('OTHER', otherOrigin).replace('ORIGIN', origin),
    )
    await writeFile(join(copy.dir, 'project.domains.json'), JSON.stringify({ webview }, null, 2))
    if (!options.urlCheck) {
      await writeFile(
        join(copy.dir, 'project.private.config.json'),
        JSON.stringify({ setting: { urlCheck: false } }),
      )
    }
    e2e.session = await openWorkbench(copy.dir, {
      hostResolverRules: RULES,
      ignoreHTTPSErrors: true,
    })
    const phone = e2e.phone()
    await phone.locator('[id$="--under"]').waitFor({ state: 'attached' })
    return { phone, seen, origin, otherOrigin, src, dir: copy.dir }
  }

  async function showConsole(): Promise<void> {
    await e2e.page().getByRole('tab', { name: '控制台' }).click()
  }

  async function consoleShows(text: string | RegExp): Promise<void> {
    await showConsole()
    await e2e.page().getByRole('log').getByText(text).first().waitFor()
  }

  function webPageFrame(): Promise<Frame | undefined> {
    return waitFor(
      async () =>
        e2e
          .page()
          .frames()
          .find((frame) => frame.url().startsWith(`https://${HOST}`)),
      (frame) => frame !== undefined,
      20_000,
    )
  }

  /** The web page: inside the web-view's guard (see builtins/web-view.ts). */
  function webPage(phone: FrameLocator): FrameLocator {
    return phone.frameLocator('iframe.wx-web-view-frame').frameLocator('iframe.wx-web-view-page')
  }

  /**
   * Follows the page's link to the other site. A click in script: Playwright maps a pointer click
   * into a frame nested in the zoomed phone by unzoomed offsets, so at a fitted zoom it misses.
   */
  async function followAwayLink(phone: FrameLocator): Promise<void> {
    await webPage(phone)
      .locator('#away')
      .evaluate((link) => (link as HTMLAnchorElement).click())
  }

  async function webPageText(phone: FrameLocator): Promise<string> {
    return webPage(phone).locator('#h5').innerText()
  }

  it('opens a listed https page over the page, between the bars, with bindload', async () => {
    const { phone, seen, src } = await openProject({ webview: ['ORIGIN'], urlCheck: true })
    expect(await webPageText(phone)).toBe('Hello from the web page')
    await consoleShows(`web-view load ${JSON.stringify({ src })}`)
    // The page request carries no Referer (the workbench's URL holds its token).
    const page = seen.find((request) => request.path === '/page.html')
    expect(page?.headers.referer).toBeUndefined()

    const host = await phone.locator('web-view').boundingBox()
    const viewport = await phone.locator('.mp-page:not([hidden])').boundingBox()
    expect(host).toEqual(viewport)
    const bars = await phone.locator('body').evaluate(() => ({
      navigationBottom: document.querySelector('#mp-header')!.getBoundingClientRect().bottom,
      tabBarTop: document.querySelector('#mp-tab-bar')!.getBoundingClientRect().top,
    }))
    const box = await phone.locator('web-view').evaluate((element) => {
      const rect = element.getBoundingClientRect()
      return { top: rect.top, bottom: rect.bottom }
    })
    expect(box).toEqual({ top: bars.navigationBottom, bottom: bars.tabBarTop })
    // What the page drew beneath is covered: the point at its centre hits the web page's frame.
    const onTop = await phone.locator('[id$="--under"]').evaluate((under) => {
      const rect = under.getBoundingClientRect()
      const hit = document.elementFromPoint(rect.left + rect.width / 2, rect.top + rect.height / 2)
      return hit?.className
    })
    expect(onTop).toBe('wx-web-view-frame')
    await e2e.page().screenshot({ path: join(SCREENSHOT_DIR, 'web-view-open.png') })
  })

  it('pointer clicks land on the element aimed at in the web page at 100 %', async () => {
    // Only at 100 %: the web page is scaled with the phone (laid out at the device's width, as in
    // WeChat), and Playwright maps a click into a frame nested in a zoomed one by unscaled offsets.
    const { phone } = await openProject({ webview: ['ORIGIN'], urlCheck: true })
    await webPageText(phone)
    await e2e.page().getByRole('combobox', { name: '缩放' }).selectOption({ label: '100%' })
    for (const cell of [5, 10, 3, 14]) {
      // Forced: no actionability retries, so a click mapped to the wrong point is a miss.
      await webPage(phone).locator(`#cell-${cell}`).click({ force: true })
      await expect.poll(() => webPage(phone).locator('#clicked').innerText()).toBe(String(cell))
    }
  })

  it('the web page is sandboxed: it cannot reach the workbench or the mini-program', async () => {
    const { phone } = await openProject({ webview: ['ORIGIN'], urlCheck: true })
    await webPageText(phone)
    const workbenchUrl = e2e.page().url()
    const frame = (await webPageFrame())!
    const tries = await frame.evaluate((escape) => {
      const attempt = (reach: () => unknown): string => {
        try {
          reach()
          return 'reached'
        } catch (error) {
          return (error as Error).name
        }
      }
      const forged = {
        type: 'wx-bridge:console',
        level: 'log',
        args: [escape],
        source: 'miniprogram',
      }
      window.top?.postMessage(forged, '*')
      window.parent.postMessage(forged, '*')
      window.parent.postMessage(
        { type: 'wx-host:eval', evalId: 'forged', code: `console.log(${JSON.stringify(escape)})` },
        '*',
      )
      return {
        top: attempt(() => window.top?.document.title),
        parent: attempt(() => window.parent.document.title),
        storage: attempt(() => window.localStorage.length),
        cookie: attempt(() => document.cookie),
        popup: String(window.open('about:blank')),
        navigate: attempt(() => {
          window.top!.location.href = 'https://h5.webview.test/away'
        }),
      }
    }, ESCAPE)
    expect(tries).toMatchObject({
      top: 'SecurityError',
      parent: 'SecurityError',
      storage: 'SecurityError',
      cookie: 'SecurityError',
      popup: 'null',
    })
    await new Promise((settled) => setTimeout(settled, 1_000))
    expect(e2e.page().url()).toBe(workbenchUrl)
    await consoleShows(/^web-view load /)
    expect(await e2e.page().getByRole('log').getByText(ESCAPE).count()).toBe(0)
    // The mini-program still runs and answers the workbench.
    expect(await phone.locator('iframe.wx-web-view-frame').count()).toBe(1)
  })

  it('refuses an unlisted origin with WeChat’s page and binderror, until 详情 adds it', async () => {
    const { phone, seen, src, origin, dir } = await openProject({ webview: [], urlCheck: true })
    const refusal = phone.getByRole('alert').filter({ hasText: '不支持打开非业务域名' })
    await refusal.waitFor()
    expect(await refusal.innerText()).toContain(`不支持打开非业务域名 ${src}，请重新配置`)
    expect(await refusal.innerText()).toContain(
      `${origin} 不在 project.domains.json 的 webview（业务域名）列表中`,
    )
    await consoleShows(`web-view error ${JSON.stringify({ url: src, fullUrl: src, src })}`)
    await consoleShows(/web-view（业务域名）校验出错/)
    await e2e.page().screenshot({ path: join(SCREENSHOT_DIR, 'web-view-refused.png') })
    expect(seen).toEqual([])

    await e2e.page().getByRole('tab', { name: '详情' }).click()
    await e2e.page().getByRole('button', { name: '编辑' }).click()
    await e2e.page().getByRole('textbox', { name: '业务域名' }).fill(origin)
    await e2e.page().getByRole('button', { name: '保存域名' }).click()
    await e2e.page().getByRole('list', { name: '业务域名' }).getByText(origin).waitFor()
    const saved = await waitFor(
      async () => JSON.parse(await readFile(join(dir, 'project.domains.json'), 'utf8')),
      (value) => value.webview?.includes(origin),
    )
    expect(saved.webview).toEqual([origin])
    await e2e.page().getByRole('button', { name: '编译', exact: true }).click()
    // The simulator frame is made anew by 编译: wait for the page's request, then read it.
    await waitFor(
      async () => seen.some((request) => request.path === '/page.html'),
      (requested) => requested,
      20_000,
    )
    expect(await (await webPageFrame())!.locator('#h5').innerText()).toBe('Hello from the web page')
  })

  it('with the checks off opens an unlisted page and says a phone would refuse it', async () => {
    const { phone, src } = await openProject({ webview: [], urlCheck: false })
    expect(await webPageText(phone)).toBe('Hello from the web page')
    await consoleShows(/^真机上会失败：.* 不在 project\.domains\.json 的 webview（业务域名）列表中/)
    await consoleShows(`web-view load ${JSON.stringify({ src })}`)
  })

  it('stops a link inside the page to an unlisted origin and refuses it as WeChat does', async () => {
    const { phone, seen, otherOrigin } = await openProject({ webview: ['ORIGIN'], urlCheck: true })
    await webPageText(phone)
    await followAwayLink(phone)
    const refusal = phone.getByRole('alert').filter({ hasText: '不支持打开非业务域名' })
    await refusal.waitFor()
    // The policy names where the page was going by its origin only.
    expect(await refusal.innerText()).toContain(`不支持打开非业务域名 ${otherOrigin}，请重新配置`)
    expect(await refusal.innerText()).toContain(
      `${otherOrigin} 不在 project.domains.json 的 webview（业务域名）列表中`,
    )
    const url = otherOrigin
    await consoleShows(`web-view error ${JSON.stringify({ url, fullUrl: url, src: url })}`)
    await consoleShows(/web-view（业务域名）校验出错/)
    await e2e.page().screenshot({ path: join(SCREENSHOT_DIR, 'web-view-link-refused.png') })
    // Stopped before it left: the other site was never asked for anything.
    expect(seen.map((request) => request.path)).toEqual(['/page.html'])
  })

  it('lets a link inside the page go to another listed origin', async () => {
    const { phone, seen } = await openProject({ webview: ['ORIGIN', 'OTHER'], urlCheck: true })
    await webPageText(phone)
    await followAwayLink(phone)
    expect(await webPage(phone).locator('#away-page').innerText()).toBe('Another site')
    expect(seen.map((request) => request.path)).toEqual(['/page.html', '/away.html'])
    expect(await phone.getByRole('alert').count()).toBe(0)
  })

  it('with the checks off a link inside the page goes anywhere', async () => {
    const { phone } = await openProject({ webview: [], urlCheck: false })
    await webPageText(phone)
    await followAwayLink(phone)
    expect(await webPage(phone).locator('#away-page').innerText()).toBe('Another site')
  })
})
