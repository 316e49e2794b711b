import { readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import type { WebSocketRoute } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import {
  copyFixtureProject,
  E2E_TEST_TIMEOUT_MS,
  fixtureProject,
  openWorkbench,
  SCREENSHOT_DIR,
  useE2eScratch,
  waitFor,
} from './harness'

const URL_CHECK_LABEL = '不校验合法域名、web-view（业务域名）、TLS 版本以及 HTTPS 证书'

describe('workbench in browser mode', { timeout: E2E_TEST_TIMEOUT_MS }, () => {
  const e2e = useE2eScratch()

  async function pageRoutes(): Promise<string[]> {
    const rows = e2e
      .page()
      .getByRole('table', { name: '页面' })
      .locator('tbody tr td:first-child code')
    return rows.allInnerTexts()
  }

  /** The open view, from the toolbar, once the project given (or the demo) has opened. */
  async function showOpenView(): Promise<void> {
    const page = e2e.page()
    await page.getByRole('table', { name: '页面' }).waitFor()
    await page.getByRole('toolbar').getByRole('button', { name: '打开项目' }).click()
    await page.getByRole('heading', { name: '打开小程序项目' }).waitFor()
  }

  it('opens the project given on the command line and lists its pages', async () => {
    e2e.session = await openWorkbench(fixtureProject('valid'))
    const { page } = e2e.session
    await page.getByRole('table', { name: '页面' }).waitFor()
    expect(await page.getByRole('heading', { level: 1 }).innerText()).toBe('valid-fixture')
    expect(await pageRoutes()).toEqual([
      'pages/index/index',
      'pages/logs/logs',
      'packageA/pages/detail/detail',
    ])
    expect(await page.getByRole('tab', { name: '详情' }).getAttribute('aria-selected')).toBe('true')
    expect(e2e.session.pageErrors).toEqual([])
    await page.screenshot({ path: join(SCREENSHOT_DIR, 'workbench-details.png') })
  })

  it('shows a broken app.json’s error with its file, line and column', async () => {
    e2e.session = await openWorkbench(fixtureProject('broken-json'))
    const { page } = e2e.session
    const banner = page.getByRole('alert').filter({ hasText: 'app.json:3:3' })
    await banner.waitFor()
    expect(await banner.innerText()).toContain('项目有 1 个错误')
    await page.getByRole('tab', { name: /问题/ }).click()
    const row = page.getByRole('tabpanel').getByRole('row').filter({ hasText: 'app.json:3:3' })
    expect(await row.getByRole('cell').allInnerTexts()).toEqual([
      '错误',
      'app.json:3:3',
      'JSON 语法错误',
      expect.stringContaining("expected ','"),
    ])
    await page.screenshot({ path: join(SCREENSHOT_DIR, 'workbench-problem.png') })
  })

  it('the urlCheck checkbox writes project.private.config.json on disk', async () => {
    const copy = await copyFixtureProject('valid')
    e2e.defer(() => copy.remove())
    const privateFile = join(copy.dir, 'project.private.config.json')
    e2e.session = await openWorkbench(copy.dir)
    const box = e2e.session.page.getByRole('checkbox', { name: URL_CHECK_LABEL, exact: true })
    // The fixture's private file says urlCheck: false, so the box starts ticked.
    expect(await box.isChecked()).toBe(true)
    await box.uncheck()
    const unticked = await waitFor(
      () => readFile(privateFile, 'utf8'),
      (text) => JSON.parse(text).setting.urlCheck === true,
    )
    expect(JSON.parse(unticked).setting).toEqual({ urlCheck: true })
    await box.check()
    const ticked = await waitFor(
      () => readFile(privateFile, 'utf8'),
      (text) => JSON.parse(text).setting.urlCheck === false,
    )
    expect(JSON.parse(ticked).description).toMatch(/^项目私有配置文件/)
    expect(JSON.parse(ticked).setting).toEqual({ urlCheck: false })
  })

  it('an edit of app.json on disk updates the page list', async () => {
    const copy = await copyFixtureProject('valid')
    e2e.defer(() => copy.remove())
    const appJson = join(copy.dir, 'app.json')
    e2e.session = await openWorkbench(copy.dir)
    await e2e.session.page.getByRole('table', { name: '页面' }).waitFor()
    const app = JSON.parse(await readFile(appJson, 'utf8'))
    app.pages = ['pages/logs/logs']
    await writeFile(appJson, JSON.stringify(app, null, 2))
    const routes = await waitFor(pageRoutes, (list) => !list.includes('pages/index/index'))
    expect(routes).toEqual(['pages/logs/logs', 'packageA/pages/detail/detail'])
  })

  it('the language switch changes the UI text and is remembered', async () => {
    e2e.session = await openWorkbench(fixtureProject('valid'))
    const { page } = e2e.session
    await page.getByRole('tab', { name: '详情' }).waitFor()
    await page.getByRole('combobox', { name: /语言/ }).selectOption('en')
    await page.getByRole('tab', { name: 'Details' }).waitFor()
    expect(await page.getByRole('button', { name: 'Compile' }).isVisible()).toBe(true)
    await page.reload()
    await page.getByRole('tab', { name: 'Details' }).waitFor()
    expect(await page.locator('html').getAttribute('lang')).toBe('en')
  })

  it('follows the OS locale: English when the OS is English', async () => {
    e2e.session = await openWorkbench(fixtureProject('valid'), {
      lang: 'en_US.UTF-8',
      locale: 'zh-CN',
    })
    await e2e.session.page.getByRole('tab', { name: 'Details' }).waitFor()
    expect(
      await e2e.session.page
        .getByRole('checkbox', { name: /^Does not verify valid domain names/ })
        .count(),
    ).toBe(1)
    await e2e.session.page.screenshot({ path: join(SCREENSHOT_DIR, 'workbench-details-en.png') })
  })

  it('with no project given and none opened before, opens the embedded demo', async () => {
    e2e.session = await openWorkbench(null)
    const { page } = e2e.session
    await page.getByRole('heading', { name: 'MP DevTools 演示', level: 1 }).waitFor()
    await page.getByRole('table', { name: '页面' }).waitFor()
    expect(await pageRoutes()).toContain('pages/index/index')
  })

  it('the toolbar’s open button shows the open view; a missing folder is reported there', async () => {
    e2e.session = await openWorkbench(null)
    const { page } = e2e.session
    await showOpenView()
    await page.screenshot({ path: join(SCREENSHOT_DIR, 'workbench-open.png') })
    const missing = join(fixtureProject('valid'), 'no-such-folder')
    await page.getByRole('textbox', { name: '项目目录路径' }).fill(missing)
    await page.getByRole('button', { name: '打开', exact: true }).click()
    const alert = page.getByRole('alert').filter({ hasText: '无法打开项目' })
    await alert.waitFor()
    expect(await alert.innerText()).toContain('no-such-folder')
  })

  it('opens a typed folder from the open view and lists its pages', async () => {
    e2e.session = await openWorkbench(null)
    const { page } = e2e.session
    await showOpenView()
    await page.getByRole('textbox', { name: '项目目录路径' }).fill(fixtureProject('valid'))
    await page.getByRole('button', { name: '打开', exact: true }).click()
    await page.getByRole('table', { name: '页面' }).waitFor()
    expect(await pageRoutes()).toContain('pages/index/index')
  })

  it('dropping a folder (as a file URI) on the window opens it', async () => {
    e2e.session = await openWorkbench(null)
    const { page } = e2e.session
    await showOpenView()
    const uri = pathToFileURL(fixtureProject('valid')).href
    // Runs in the page (the DOM types are not part of this Node program).
    await page.evaluate(`(() => {
      const data = new DataTransfer()
      data.setData('text/uri-list', ${JSON.stringify(uri)})
      const drop = new DragEvent('drop', { dataTransfer: data, bubbles: true, cancelable: true })
      document.querySelector('.workbench').dispatchEvent(drop)
    })()`)
    await page.getByRole('table', { name: '页面' }).waitFor()
    expect(await pageRoutes()).toContain('pages/index/index')
  })

  it('reconnects after the host closes the socket for an oversized frame (1009)', async () => {
    e2e.session = await openWorkbench(fixtureProject('valid'))
    const { page } = e2e.session
    // Each socket the page opens goes to the real host through a route that sees its frames.
    const sockets: { toHost: WebSocketRoute; calls: string[]; closedWith?: number }[] = []
    await page.routeWebSocket(/\/rpc\b/, (route) => {
      const toHost = route.connectToServer()
      const socket: (typeof sockets)[number] = { toHost, calls: [] }
      sockets.push(socket)
      route.onMessage((frame) => {
        if (typeof frame === 'string' && frame.includes('"call"')) socket.calls.push(frame)
        toHost.send(frame)
      })
      toHost.onClose((code, reason) => {
        socket.closedWith = code
        void route.close({ code, reason })
      })
    })
    await page.reload()
    await page.getByRole('table', { name: '页面' }).waitFor()
    expect(sockets).toHaveLength(1)
    // A frame over the host's 4 MB limit on the page's socket: the host closes it with 1009.
    sockets[0].toHost.send('x'.repeat(5 * 1024 * 1024))
    const reconnecting = page.getByRole('alert').filter({ hasText: '正在重新连接' })
    await reconnecting.waitFor()
    await reconnecting.waitFor({ state: 'detached' })
    // ws closes with 1009 and the host then drops the socket, which may beat the close frame.
    expect([1009, 1006]).toContain(sockets[0].closedWith)
    expect(sockets).toHaveLength(2)
    // The workbench talks to the host again, over the new socket.
    const before = sockets[1].calls.length
    await page.getByRole('button', { name: '编译', exact: true }).click()
    await expect.poll(() => sockets[1].calls.length).toBeGreaterThan(before)
    await page.getByRole('table', { name: '页面' }).waitFor()
    expect(await page.getByRole('alert').filter({ hasText: '失败' }).count()).toBe(0)
  })

  it('says the connection is lost when the server stops', async () => {
    e2e.session = await openWorkbench(fixtureProject('valid'))
    const { page } = e2e.session
    await page.getByRole('table', { name: '页面' }).waitFor()
    await e2e.session.server.stop()
    await page.getByRole('alert').filter({ hasText: '连接已断开' }).waitFor()
    expect(await page.getByRole('table', { name: '页面' }).isVisible()).toBe(true)
  })
})
