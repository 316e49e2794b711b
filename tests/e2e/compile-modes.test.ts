/**
 * 自定义编译条件 end to end in browser mode: a compile mode added from the toolbar launches its
 * page with its query and scene, lands in project.private.config.json, 普通编译 goes back to the
 * first page, and a mode whose page app.json lacks shows WeChat's 页面不存在 page.
 */
import { cp, readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import {
  E2E_TEST_TIMEOUT_MS,
  openWorkbench,
  REPO_ROOT,
  SCREENSHOT_DIR,
  useE2eScratch,
  waitFor,
} from './harness'

describe('compile modes in browser mode', { timeout: E2E_TEST_TIMEOUT_MS }, () => {
  const e2e = useE2eScratch()
  let project = ''

  function byId(id: string): string {
    return `[id="${id}"], [id$="--${id}"]`
  }

  async function openGallery(): Promise<void> {
    project = join(await e2e.folder('mpdt-e2e-modes-'), 'gallery')
    await cp(join(REPO_ROOT, 'tests/fixtures/simulator/gallery'), project, { recursive: true })
    e2e.session = await openWorkbench(project)
    // Unscaled: Playwright aims clicks in a scaled iframe as if it were not scaled.
    await e2e.page().getByRole('combobox', { name: '缩放' }).selectOption({ label: '100%' })
    await e2e.phone().locator(byId('title')).waitFor()
  }

  function modeMenu() {
    return e2e.page().getByRole('combobox', { name: '编译模式' })
  }

  /** Opens 自定义编译条件 from the menu and fills it in. */
  async function fillNewMode(fields: {
    name: string
    page: string
    query: string
    scene?: string
  }) {
    await modeMenu().selectOption({ label: '添加编译模式…' })
    const dialog = e2e.page().getByRole('dialog', { name: '自定义编译条件' })
    await dialog.getByRole('textbox', { name: '模式名称' }).fill(fields.name)
    await dialog.getByRole('combobox', { name: '启动页面' }).fill(fields.page)
    await dialog.getByRole('textbox', { name: '启动参数' }).fill(fields.query)
    if (fields.scene) {
      await dialog.getByRole('combobox', { name: '进入场景' }).selectOption(fields.scene)
    }
    return dialog
  }

  /** What the console's command line evaluates `code` to in the mini-program. */
  async function evaluate(code: string, expected: string): Promise<void> {
    await e2e.page().getByRole('tab', { name: '控制台' }).click()
    const command = e2e.page().getByRole('textbox', { name: '控制台命令' })
    await command.fill(code)
    await command.press('Enter')
    await e2e.page().getByRole('log').getByText(expected, { exact: true }).waitFor()
  }

  it('launches an added mode’s page with its query and scene, and saves it privately', async () => {
    await openGallery()
    const dialog = await fillNewMode({
      name: '扫码进详情',
      page: 'pages/detail/detail',
      query: 'id=7',
      scene: '1011',
    })
    await e2e.page().screenshot({ path: join(SCREENSHOT_DIR, 'compile-mode-dialog.png') })
    await dialog.getByRole('button', { name: '确定' }).click()
    await e2e.phone().locator(byId('detail'), { hasText: 'detail 7' }).waitFor()
    expect(await modeMenu().inputValue()).toBe('0')
    const saved = await waitFor(
      async () => JSON.parse(await readFile(join(project, 'project.private.config.json'), 'utf8')),
      (value) => value.condition?.miniprogram?.current === 0,
    )
    expect(saved.condition.miniprogram.list).toEqual([
      {
        name: '扫码进详情',
        pathName: 'pages/detail/detail',
        query: 'id=7',
        launchMode: 'default',
        scene: 1011,
      },
    ])
    expect(saved.mpdt).toEqual({ connectTo: [] })
    await evaluate('String(wx.getLaunchOptionsSync().scene)', '1011')
    expect(e2e.session!.pageErrors).toEqual([])
  })

  it('普通编译 and 编译 launch app.json’s first page again', async () => {
    await openGallery()
    const dialog = await fillNewMode({ name: 'detail', page: 'pages/detail/detail', query: 'id=3' })
    await dialog.getByRole('button', { name: '确定' }).click()
    await e2e.phone().locator(byId('detail'), { hasText: 'detail 3' }).waitFor()
    await modeMenu().selectOption({ label: '普通编译' })
    await e2e.phone().locator(byId('title')).waitFor()
    await modeMenu().selectOption({ label: 'detail' })
    await e2e.phone().locator(byId('detail'), { hasText: 'detail 3' }).waitFor()
    // 编译 with the mode selected starts on its page again, not on the page on screen.
    await evaluate("wx.reLaunch({ url: '/pages/index/index' }) && 'relaunched'", 'relaunched')
    await e2e.phone().locator(byId('title')).waitFor()
    await e2e.page().getByRole('button', { name: '编译', exact: true }).click()
    await e2e.phone().locator(byId('detail'), { hasText: 'detail 3' }).waitFor()
  })

  it('a mode whose page app.json lacks shows WeChat’s 页面不存在 page, and 返回首页 leaves it', async () => {
    await openGallery()
    const dialog = await fillNewMode({
      name: 'old link',
      page: 'pages/old/old',
      query: 'from=share',
    })
    await dialog.getByText('pages/old/old 不在 app.json 中').waitFor()
    await dialog.getByRole('button', { name: '确定' }).click()
    const missing = e2e.phone().getByRole('region', { name: '页面不存在' })
    await missing.getByText('pages/old/old?from=share').waitFor()
    await e2e.page().screenshot({ path: join(SCREENSHOT_DIR, 'page-not-found.png') })
    await e2e.page().getByRole('tab', { name: '控制台' }).click()
    await e2e
      .page()
      .getByRole('log')
      .getByText(/页面 pages\/old\/old 不存在/)
      .waitFor()
    await missing.getByRole('button', { name: '返回首页' }).click()
    await e2e.phone().locator(byId('title')).waitFor()
    expect(await missing.count()).toBe(0)
  })
})
