/**
 * The Network and Console panels and the 详情 settings end to end in browser mode: the real
 * `mpdt open --web`, Chromium, the simulator frame and the engine talking HTTPS to a loopback
 * server that api.panels.test is mapped to (host mapping and a CA made at test time).
 */
import { cp, mkdir, readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import type { Locator } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { createCertificateAuthority } from '../helpers/certificates'
import { startHttpsServer, type TestServer } from '../helpers/servers'
import {
  E2E_TEST_TIMEOUT_MS,
  openWorkbench,
  REPO_ROOT,
  SCREENSHOT_DIR,
  useE2eScratch,
  waitFor,
} from './harness'

const URL_CHECK_LABEL = '不校验合法域名、web-view（业务域名）、TLS 版本以及 HTTPS 证书'
const ORIGIN = 'https://api.panels.test'

describe('Network and Console panels in browser mode', { timeout: E2E_TEST_TIMEOUT_MS }, () => {
  const e2e = useE2eScratch()
  let scratch = ''
  let api: TestServer | undefined
  let project = ''

  /** A copy of the fixture whose api.panels.test is an HTTPS loopback server it trusts. */
  async function openPanelsProject(): Promise<void> {
    const ca = createCertificateAuthority()
    const leaf = ca.issue({ hosts: ['api.panels.test'] })
    api = await startHttpsServer(
      (request, response) => {
        request.resume()
        if (request.url === '/missing') {
          response.writeHead(404, { 'content-type': 'application/json' })
          response.end('{"error":"not found"}')
          return
        }
        response.writeHead(200, {
          'content-type': 'application/json',
          'set-cookie': 'session=abc; Path=/',
        })
        response.end(JSON.stringify({ message: 'hi', items: [1, 2, 3] }))
      },
      { cert: leaf.cert, key: leaf.key },
    )
    e2e.defer(() => api?.close())
    scratch = await e2e.folder('mpdt-e2e-panels-')
    project = join(scratch, 'requests')
    await cp(join(REPO_ROOT, 'tests/fixtures/panels/requests'), project, { recursive: true })
    await mkdir(join(project, 'certs'))
    await writeFile(join(project, 'certs/ca.pem'), ca.cert)
    await writeFile(
      join(project, 'project.private.config.json'),
      JSON.stringify({
        mpdt: { connectTo: [`api.panels.test:443:127.0.0.1:${api.port}`], cacert: 'certs/ca.pem' },
      }),
    )
    e2e.session = await openWorkbench(project)
    await e2e.phone().locator(byId('fetch')).waitFor()
  }

  function byId(id: string): string {
    return `[id="${id}"], [id$="--${id}"]`
  }

  /** Taps a button of the fixture page and waits for the request's outcome on the page. */
  async function tap(id: 'fetch' | 'missing' | 'network-type'): Promise<string> {
    // A click event without a pointer taps too; it does not depend on the frame's layout.
    await e2e.phone().locator(byId(id)).dispatchEvent('click')
    const result = e2e.phone().locator(byId('result'))
    await result.filter({ hasText: /success|fail/ }).waitFor()
    return result.innerText()
  }

  /**
   * Runs `change` (a settings write) and checks the simulator kept running through it: a setting
   * applies to the next request without reloading the page.
   */
  async function keepsPageWhile(change: () => Promise<void>): Promise<void> {
    const body = e2e.phone().locator('body')
    await body.evaluate(() => Object.assign(window, { panelsMark: true }))
    await change()
    expect(await body.evaluate(() => 'panelsMark' in window)).toBe(true)
  }

  /** Ticks 不校验合法域名… in 详情 and waits until project.private.config.json says so. */
  async function turnChecksOff(): Promise<void> {
    await showTab('详情')
    await keepsPageWhile(async () => {
      const box = e2e.page().getByRole('checkbox', { name: URL_CHECK_LABEL })
      await box.check()
      await waitFor(
        async () => readFile(join(project, 'project.private.config.json'), 'utf8'),
        (text) => text.includes('"urlCheck": false'),
      )
      await waitFor(
        () => box.isEnabled(),
        (enabled) => enabled,
      )
    })
  }

  async function showTab(name: '网络' | '控制台' | '详情' | 'Mock'): Promise<void> {
    await e2e.page().getByRole('tab', { name }).click()
  }

  function requestTable(): Locator {
    return e2e.page().getByRole('grid', { name: '网络请求' })
  }

  async function rowTexts(): Promise<string[]> {
    return requestTable().locator('tbody tr.row').allInnerTexts()
  }

  /** Each row's cells but the time: HAR's time is the sum of its phases, not the elapsed time. */
  async function rowCells(): Promise<string[][]> {
    const rows = await requestTable().locator('tbody tr.row').all()
    return Promise.all(
      rows.map(async (row) => (await row.locator('td').allInnerTexts()).slice(0, 6)),
    )
  }

  /**
   * The project with three rows in the Network tab: a request blocked by the domain check, then,
   * with the checks off, the same request passing (200) and a missing path (404).
   */
  async function openWithThreeRows(): Promise<void> {
    await openPanelsProject()
    await tap('fetch')
    await turnChecksOff()
    await tap('fetch')
    await tap('missing')
    await showTab('网络')
    await requestTable().locator('tr.row', { hasText: '404' }).waitFor()
  }

  it('shows a request blocked by the domain check with its reason in the table and the console', async () => {
    await openPanelsProject()
    expect(await tap('fetch')).toBe('fail request:fail url not in domain list')
    await showTab('网络')
    const row = requestTable().locator('tr.row', { hasText: 'hello' })
    await row.waitFor()
    expect(await row.locator('td').nth(1).innerText()).toBe('已阻止 (url not in domain list)')
    expect(api!.connectionCount).toBe(0)
    await showTab('控制台')
    const log = e2e.page().getByRole('log', { name: '控制台消息' })
    await log.getByText('request 合法域名校验出错').waitFor()
    expect(await log.innerText()).toContain(`${ORIGIN} 不在以下 request 合法域名列表中`)
    expect(e2e.session!.pageErrors).toEqual([])
  })

  it('ticking the checkbox writes the file and the same request then succeeds', async () => {
    await openPanelsProject()
    expect(await tap('fetch')).toContain('url not in domain list')
    await turnChecksOff()
    const config = JSON.parse(await readFile(join(project, 'project.private.config.json'), 'utf8'))
    expect(config.setting.urlCheck).toBe(false)
    expect(config.mpdt.cacert).toBe('certs/ca.pem')
    expect(await tap('fetch')).toBe('success 200')
    await showTab('网络')
    await requestTable().locator('tr.row', { hasText: '200' }).waitFor()
    expect(await rowTexts()).toEqual([
      expect.stringContaining('已阻止 (url not in domain list)'),
      expect.stringMatching(/hello\s+200\s+POST\s+request\s+pages\/index\/index/),
    ])
  })

  it('adding the origin to the request list lets the request pass with the check on', async () => {
    await openPanelsProject()
    await showTab('详情')
    await e2e.page().getByRole('button', { name: '编辑' }).click()
    await e2e.page().getByRole('textbox', { name: 'request合法域名' }).fill(ORIGIN)
    let saved = ''
    await keepsPageWhile(async () => {
      await e2e.page().getByRole('button', { name: '保存域名' }).click()
      saved = await waitFor(
        async () => readFile(join(project, 'project.domains.json'), 'utf8').catch(() => ''),
        (text) => text.includes(ORIGIN),
      )
    })
    expect(JSON.parse(saved).request).toEqual([ORIGIN])
    await e2e.page().getByRole('list', { name: 'request合法域名' }).getByText(ORIGIN).waitFor()
    expect(await tap('fetch')).toBe('success 200')
  })

  it('refuses a domain with a path and says why, leaving the file alone', async () => {
    await openPanelsProject()
    await showTab('详情')
    await e2e.page().getByRole('button', { name: '编辑' }).click()
    await e2e.page().getByRole('textbox', { name: 'request合法域名' }).fill(`${ORIGIN}/api`)
    await e2e.page().getByRole('button', { name: '保存域名' }).click()
    const alert = e2e.page().getByRole('alert').filter({ hasText: 'without path' })
    await alert.waitFor()
    await expect(readFile(join(project, 'project.domains.json'), 'utf8')).rejects.toThrow()
  })

  it('shows 404 on the row while the page’s success callback ran', async () => {
    await openPanelsProject()
    await turnChecksOff()
    expect(await tap('missing')).toBe('success 404')
    await showTab('网络')
    const row = requestTable().locator('tr.row', { hasText: 'missing' })
    await row.waitFor()
    expect(await row.locator('td').nth(1).innerText()).toBe('404')
  })

  it('exports HAR 1.2 and opens it again with the same rows', async () => {
    await openWithThreeRows()
    const before = await rowCells()
    expect(before).toHaveLength(3)
    const [download] = await Promise.all([
      e2e.page().waitForEvent('download'),
      e2e.page().getByRole('button', { name: '导出 HAR', exact: true }).click(),
    ])
    const harPath = join(scratch, 'export.har')
    await download.saveAs(harPath)
    const har = JSON.parse(await readFile(harPath, 'utf8'))
    expect(har.log.version).toBe('1.2')
    expect(har.log.creator.name).toBe('MP DevTools')
    expect(
      har.log.entries.map((entry: { request: { url: string }; response: { status: number } }) => [
        entry.request.url,
        entry.response.status,
      ]),
    ).toEqual([
      [`${ORIGIN}/hello`, 0],
      [`${ORIGIN}/hello`, 200],
      [`${ORIGIN}/missing`, 404],
    ])
    expect(har.log.entries[1].request.postData.text).toBe('{"item":"apple","qty":2}')
    expect(har.log.entries[1].response.content.text).toContain('"message":"hi"')
    await e2e.page().locator('input[type="file"]').setInputFiles(harPath)
    await e2e.page().getByRole('status').filter({ hasText: 'export.har' }).waitFor()
    expect(await rowCells()).toEqual(before)
  })

  it('with the checks off, marks the request a phone would refuse and says why in its details', async () => {
    await openPanelsProject()
    expect(await tap('fetch')).toBe('fail request:fail url not in domain list')
    await turnChecksOff()
    expect(await tap('fetch')).toBe('success 200')
    expect(await tap('missing')).toBe('success 404')
    await showTab('网络')
    const row = requestTable().locator('tr.row', { hasText: '200' })
    await row.waitFor()
    expect(await rowTexts()).toHaveLength(3)
    const mark = row.getByRole('img', { name: '真机上会失败: request:fail url not in domain list' })
    expect(await mark.getAttribute('title')).toBe('request:fail url not in domain list')
    expect(await row.locator('td').nth(1).innerText()).toBe('200')
    await e2e.page().getByRole('checkbox', { name: '仅看真机会失败' }).check()
    // The blocked row (checks on) is no phone warning: the tool itself refused it.
    const shown = await waitFor(
      () => rowTexts(),
      (texts) => texts.length === 2,
    )
    expect(shown).toEqual([
      expect.stringMatching(/^hello\s+200\b/),
      expect.stringMatching(/^missing\s+404\b/),
    ])
    await row.click()
    const block = e2e.page().getByRole('note', { name: '真机上会失败' })
    await block.waitFor()
    const text = await block.innerText()
    expect(text).toContain('域名不在合法域名列表中')
    expect(text).toContain('request:fail url not in domain list')
    expect(text).toContain('开发管理 → 开发设置 → 服务器域名')
    await e2e.page().screenshot({ path: join(SCREENSHOT_DIR, 'network-phone-warning.png') })
    await showTab('控制台')
    const log = e2e.page().getByRole('log', { name: '控制台消息' })
    await log.getByText(`真机上会失败：${ORIGIN} 不在 request 合法域名列表中`).waitFor()
    expect(e2e.session!.pageErrors).toEqual([])
  })

  it('prints showRequestInfo()’s table from the command line', async () => {
    await openPanelsProject()
    await turnChecksOff()
    await tap('fetch')
    await showTab('控制台')
    const command = e2e.page().getByRole('textbox', { name: '控制台命令' })
    await command.fill('showRequestInfo()')
    await command.press('Enter')
    const table = e2e.page().getByRole('log').getByRole('table')
    await table.getByText(ORIGIN).waitFor()
    const headers = await table.locator('thead th').allInnerTexts()
    expect(headers).toEqual([
      '(索引)',
      'origin',
      'protocol',
      'cipher',
      'subject',
      'issuer',
      'validFrom',
      'validTo',
      'remoteAddress',
    ])
    const cells = await table.locator('tbody tr').first().locator('td').allInnerTexts()
    expect(cells[0]).toBe(ORIGIN)
    expect(cells[1]).toMatch(/^TLSv1\.[23]$/)
    expect(cells[3]).toContain('api.panels.test')
    expect(cells[4]).toContain('MP DevTools Test CA')
    expect(cells[7]).toBe(`127.0.0.1:${api!.port}`)
  })

  it('offline in the simulator toolbar fails the next request and wx.getNetworkType says none', async () => {
    await openPanelsProject()
    await turnChecksOff()
    await showTab('网络')
    await e2e.page().getByRole('combobox', { name: '网络', exact: true }).selectOption('offline')
    // The condition goes to the main process before the request, over the same socket.
    expect(await tap('fetch')).toBe('fail request:fail network is down')
    const row = requestTable().locator('tr.row', { hasText: 'hello' }).last()
    expect(await row.locator('td').nth(1).innerText()).toBe('已阻止 (network is down)')
    // The running mini-program learns the new type at once, without a recompile.
    expect(await tap('network-type')).toBe('success none')
    await e2e.phone().locator(byId('status'), { hasText: 'isConnected false none' }).waitFor()
  })

  it('evaluates a command in the mini-program’s logic context', async () => {
    await openPanelsProject()
    await showTab('控制台')
    const command = e2e.page().getByRole('textbox', { name: '控制台命令' })
    await command.fill('getCurrentPages().map((page) => page.route).join(",")')
    await command.press('Enter')
    const log = e2e.page().getByRole('log')
    await log.getByText('pages/index/index', { exact: true }).waitFor()
    await command.fill('definitelyMissing.value')
    await command.press('Enter')
    await log.getByText(/definitelyMissing is not defined/).waitFor()
  })

  it('answers from a Mock rule made from a recorded response, without the network', async () => {
    await openPanelsProject()
    await turnChecksOff()
    expect(await tap('fetch')).toBe('success 200')
    await showTab('网络')
    await requestTable().locator('tr.row', { hasText: '200' }).click()
    await e2e.page().getByRole('button', { name: '以此响应创建 Mock' }).click()
    const editor = e2e.page().getByRole('form', { name: 'Mock 规则' })
    await editor.waitFor()
    expect(await editor.getByRole('textbox', { name: 'URL', exact: true }).inputValue()).toBe(
      `${ORIGIN}/hello`,
    )
    await editor.getByRole('textbox', { name: '名称', exact: true }).fill('维护中')
    await editor.getByRole('spinbutton', { name: '状态码' }).fill('503')
    await editor
      .getByRole('textbox', { name: '响应体', exact: true })
      .fill('{"error":"maintenance"}')
    await e2e.page().screenshot({ path: join(SCREENSHOT_DIR, 'mock-panel.png') })
    await editor.getByRole('button', { name: '保存规则' }).click()
    const mockFile = join(project, 'project.mock.json')
    const saved = await waitFor(
      () => readFile(mockFile, 'utf8').catch(() => ''),
      (text) => text.includes('维护中'),
    )
    expect(JSON.parse(saved)).toMatchObject({
      enabled: true,
      rules: [
        {
          name: '维护中',
          method: 'POST',
          match: 'exact',
          url: `${ORIGIN}/hello`,
          statusCode: 503,
          body: { error: 'maintenance' },
        },
      ],
    })
    const connections = api!.connectionCount
    expect(await tap('fetch')).toBe('success 503')
    expect(api!.connectionCount).toBe(connections)
    await showTab('网络')
    const row = requestTable().locator('tr.row', { hasText: '503' })
    await row.getByRole('img', { name: 'Mock: 维护中' }).waitFor()
    await row.click()
    await e2e.page().getByText('由接口 Mock 规则“维护中”返回（未访问网络）').waitFor()
    await e2e.page().screenshot({ path: join(SCREENSHOT_DIR, 'mock-network.png') })
    await showTab('Mock')
    const mockSwitch = e2e.page().getByRole('checkbox', { name: '启用 Mock' })
    await mockSwitch.uncheck()
    await waitFor(
      () => readFile(mockFile, 'utf8'),
      (text) => JSON.parse(text).enabled === false,
    )
    // The switch stays disabled until the save has been applied (the file is written first).
    await waitFor(
      () => mockSwitch.isEnabled(),
      (enabled) => enabled,
    )
    expect(await tap('fetch')).toBe('success 200')
    expect(e2e.session!.pageErrors).toEqual([])
  })

  it('takes screenshots of the Network and Console panels, each showing what its caption says', async () => {
    await openWithThreeRows()
    expect((await rowCells()).map((cells) => cells[1])).toEqual([
      '已阻止 (url not in domain list)',
      '200',
      '404',
    ])
    await e2e.page().screenshot({ path: join(SCREENSHOT_DIR, 'network-panel.png') })
    await requestTable().locator('tr.row', { hasText: '200' }).click()
    await e2e.page().getByRole('tab', { name: '预览' }).click()
    const preview = e2e.page().getByRole('tabpanel', { name: '预览' })
    await preview.getByText('message').first().waitFor()
    expect(await preview.innerText()).toContain('message')
    await e2e.page().screenshot({ path: join(SCREENSHOT_DIR, 'network-panel-details.png') })
    await showTab('控制台')
    const log = e2e.page().getByRole('log')
    await log.getByText('合法域名校验出错').waitFor()
    expect(await log.innerText()).toContain('工具未校验合法域名')
    await e2e.page().screenshot({ path: join(SCREENSHOT_DIR, 'console-panel.png') })
    for (const name of ['network-panel', 'network-panel-details', 'console-panel']) {
      const png = await readFile(join(SCREENSHOT_DIR, `${name}.png`))
      expect(png.subarray(1, 4).toString('latin1')).toBe('PNG')
    }
  })
})
