/**
 * The newcomer's first minutes in browser mode: `mpdt open --web` with a fresh data folder and no
 * project opens the embedded demo and its HTTPS API server (host mapping and the demo CA); taps on
 * the 网络请求 page show up in the Network panel; the origin that is not in the list is blocked
 * with its reason until 不校验合法域名… is ticked, then passes. The tick lands in the user's copy of
 * the demo in the data folder: the app's own resources/demo stays byte-identical.
 */
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import type { Locator, Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import {
  E2E_TEST_TIMEOUT_MS,
  openWorkbench,
  REPO_ROOT,
  SCREENSHOT_DIR,
  useE2eScratch,
  waitFor,
} from './harness'
import { folderSnapshot } from '../../electron/services/demo/folder-snapshot'

const SHIPPED_DEMO = join(REPO_ROOT, 'resources', 'demo')
const URL_CHECK_LABEL = '不校验合法域名、web-view（业务域名）、TLS 版本以及 HTTPS 证书'

/** The demo's request cards (resources/demo/pages/index), by their titles. */
const CARD = {
  get: 'GET 带参数',
  postJson: 'POST JSON',
  notFound: '404 也会进 success',
  mock: '接口 Mock',
  blocked: '不在合法域名列表里',
} as const

describe('the newcomer’s path through the embedded demo', { timeout: E2E_TEST_TIMEOUT_MS }, () => {
  const e2e = useE2eScratch()

  function page(): Page {
    return e2e.page()
  }

  function card(name: keyof typeof CARD): Locator {
    return e2e.phone().locator('request-card', { hasText: CARD[name] })
  }

  /** The card's badge: the status code, 失败, or 请求中… while the request runs. */
  function badge(name: keyof typeof CARD): Locator {
    return card(name).locator('[class*="card__status"]')
  }

  function result(name: keyof typeof CARD): Locator {
    return card(name).locator('[class*="card__text"]')
  }

  function requestTable(): Locator {
    return page().getByRole('grid', { name: '网络请求' })
  }

  function rows(): Locator {
    return requestTable().locator('tbody tr.row')
  }

  /** Each row's name, status and method. */
  async function rowCells(): Promise<string[][]> {
    const all = await rows().all()
    return Promise.all(
      all.map(async (row) => (await row.locator('td').allInnerTexts()).slice(0, 3)),
    )
  }

  /** The last row's name and status (the columns the table keeps beside a request's details). */
  async function lastRow(): Promise<string[]> {
    return (await rows().last().locator('td').allInnerTexts()).slice(0, 2)
  }

  async function showTab(name: '网络' | '控制台' | '详情'): Promise<void> {
    await page().getByRole('tab', { name }).click()
  }

  /**
   * Taps the card's button and waits until the Network panel has one more row and the card shows
   * an outcome (not 请求中…). A click event without a pointer taps too, whatever the zoom.
   */
  async function tap(name: keyof typeof CARD): Promise<{ badge: string; result: string }> {
    const before = await rows().count()
    await card(name).locator('button').dispatchEvent('click')
    const count = await waitFor(
      () => rows().count(),
      (now) => now > before,
    )
    expect(count, `a new Network row after tapping ${CARD[name]}`).toBe(before + 1)
    const shown = await waitFor(
      () => badge(name).innerText(),
      (text) => !text.includes('请求中'),
    )
    return { badge: shown.trim(), result: (await result(name).innerText()).trim() }
  }

  /** The demo as it first shows: its two onLoad requests (one passes, one blocked) are done. */
  async function openDemo(): Promise<void> {
    // A fresh data folder: the newcomer's copy of the demo is new, and its domain check on.
    e2e.session = await openWorkbench(null)
    await page().getByRole('banner').getByRole('heading', { name: 'MP DevTools 演示' }).waitFor()
    await e2e.phone().getByText('试试每一种 wx.request').waitFor()
    await showTab('网络')
    await waitFor(
      () => rows().count(),
      (count) => count === 2,
    )
  }

  it('opens the demo with no project, and its requests show in the Network panel', async () => {
    await openDemo()
    expect(await page().getByRole('heading', { level: 1 }).innerText()).toBe('MP DevTools 演示')
    expect(await rowCells()).toEqual([
      [expect.stringContaining('echo'), '200', 'GET'],
      ['hello', '已阻止 (url not in domain list)', 'GET'],
    ])

    expect(await tap('get')).toEqual({
      badge: '200',
      result: expect.stringContaining('query={"city":"深圳","page":"1"}'),
    })
    expect(await tap('notFound')).toEqual({
      badge: '404',
      result: expect.stringContaining('success 被调用'),
    })
    expect(await tap('postJson')).toEqual({
      badge: '200',
      result: '服务器收到 {"name":"小明","likes":["茶","咖啡"]}',
    })
    expect((await rowCells()).slice(2)).toEqual([
      [expect.stringContaining('echo'), '200', 'GET'],
      ['does-not-exist', '404', 'GET'],
      ['echo', '200', 'POST'],
    ])
    // The demo's project.mock.json answers /orders, which its server does not have.
    expect(await tap('mock')).toEqual({ badge: '200', result: '来自 Mock：拿铁×2、可颂×1' })
    expect(await lastRow()).toEqual(['orders', '200'])
    await rows().last().getByRole('img', { name: 'Mock: 订单列表（后端还没写好）' }).waitFor()
    await card('notFound').scrollIntoViewIfNeeded()
    await page().screenshot({ path: join(SCREENSHOT_DIR, 'newcomer-demo.png') })
    expect(e2e.session!.pageErrors).toEqual([])
  })

  it('blocks the origin that is not in the list until 不校验合法域名… is ticked', async () => {
    const shippedBefore = await folderSnapshot(SHIPPED_DEMO)
    await openDemo()
    expect(await tap('blocked')).toEqual({
      badge: '失败',
      result: 'request:fail url not in domain list（见上方说明）',
    })
    expect(await lastRow()).toEqual(['hello', '已阻止 (url not in domain list)'])
    await card('blocked').scrollIntoViewIfNeeded()
    await rows().last().click()
    await page().getByRole('tabpanel').getByText('url not in domain list').first().waitFor()
    await page().screenshot({ path: join(SCREENSHOT_DIR, 'newcomer-blocked.png') })

    await showTab('控制台')
    const log = page().getByRole('log', { name: '控制台消息' })
    await log.getByText('request 合法域名校验出错').first().waitFor()
    expect(await log.innerText()).toContain(
      'https://other.demo.mpdevtools.test 不在以下 request 合法域名列表中',
    )

    await showTab('详情')
    const box = page().getByRole('checkbox', { name: URL_CHECK_LABEL })
    await box.check()
    await waitFor(
      () => box.isEnabled(),
      (enabled) => enabled,
    )
    expect(await box.isChecked()).toBe(true)

    await showTab('网络')
    expect(await tap('blocked')).toEqual({
      badge: '200',
      result: '已放行：other.demo.mpdevtools.test',
    })
    expect(await lastRow()).toEqual(['hello', '200'])
    await rows().last().click()
    const details = page().getByRole('tabpanel').filter({ hasText: '常规' }).last()
    await waitFor(
      () => details.innerText(),
      (text) => !text.includes('已阻止'),
    )
    await page().screenshot({ path: join(SCREENSHOT_DIR, 'newcomer-passed.png') })
    expect(e2e.session!.pageErrors).toEqual([])
    const copySettings = join(
      e2e.session!.server.dataDir,
      'demo-project',
      'project.private.config.json',
    )
    expect(JSON.parse(await readFile(copySettings, 'utf8'))).toMatchObject({
      setting: { urlCheck: false },
    })
    expect(await folderSnapshot(SHIPPED_DEMO), 'the shipped demo is left as it was').toEqual(
      shippedBefore,
    )
  })
})
