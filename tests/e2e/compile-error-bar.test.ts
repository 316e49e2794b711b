/**
 * The simulator's 编译错误 bar keeps to one line until opened, on every device and at every zoom,
 * even in a project whose styles reset `button` and `text` to column flex boxes (as the official
 * demo's common/reset.wxss does): its parts sit side by side and a long first error ends in an
 * ellipsis; a click opens the list of every error and another closes it.
 */
import { mkdir, writeFile } from 'node:fs/promises'
import { dirname, join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { byId, E2E_TEST_TIMEOUT_MS, openWorkbench, SCREENSHOT_DIR, useE2eScratch } from './harness'

const FAR = 'components/a-component-folder-with-a-rather-long-name/and-a-longer-one-inside/card'
const FILES: Record<string, string> = {
  'project.config.json': JSON.stringify({ appid: 'touristappid', compileType: 'miniprogram' }),
  'app.json': JSON.stringify({ pages: ['pages/index/index', 'pages/other/other'] }),
  'app.js': 'App({})\n',
  // The demo's reset and button rules, which reach the frame's own tags too.
  'app.wxss':
    'page, view, text, button { position: relative; display: flex; flex-direction: column;' +
    ' justify-content: flex-start; align-items: stretch; box-sizing: border-box; }\n' +
    'button { display: flex; justify-content: center; align-items: center; font-size: 16px;' +
    ' line-height: 1.2; }\n',
  // The first page runs (so the project's styles are in the frame); the other has two errors.
  'pages/index/index.json': '{}',
  'pages/index/index.wxml': '<view id="title">index</view>\n',
  'pages/index/index.js': 'Page({})\n',
  'pages/other/other.json': JSON.stringify({ usingComponents: { card: FAR, row: `${FAR}-row` } }),
  'pages/other/other.wxml': '<card /><row />\n',
  'pages/other/other.js': 'Page({})\n',
}

const DEVICES = ['iPhone SE 375×667 @2', 'iPhone 14 390×844 @3']
const ZOOMS = ['自适应', '100%', '50%', '150%']

describe('the compile-error bar', { timeout: E2E_TEST_TIMEOUT_MS * 2 }, () => {
  const e2e = useE2eScratch()

  it('is one line at every device and zoom, and opens on a click', async () => {
    const project = join(await e2e.folder('mpdt-e2e-compile-bar-'), 'app')
    for (const [path, text] of Object.entries(FILES)) {
      await mkdir(dirname(join(project, path)), { recursive: true })
      await writeFile(join(project, path), text)
    }
    e2e.session = await openWorkbench(project)
    const page = e2e.page()
    // A window too short for the whole phone, so 自适应 scales it down.
    await page.setViewportSize({ width: 1280, height: 560 })
    const bar = e2e.phone().locator('#mp-compile-errors')
    await bar.waitFor()
    await e2e.phone().locator(byId('title')).waitFor()
    const toggle = bar.locator('.mp-compile-errors-toggle')
    const list = bar.locator('ol')

    for (const device of DEVICES) {
      await page.getByRole('combobox', { name: '机型' }).selectOption({ label: device })
      for (const zoom of ZOOMS) {
        await page.getByRole('combobox', { name: '缩放' }).selectOption({ label: zoom })
        await bar.waitFor()
        const shape = await bar.evaluate((element) => {
          const rect = (selector: string) =>
            element.querySelector(selector)!.getBoundingClientRect()
          const summary = element.querySelector('.mp-compile-errors-summary')!
          return {
            bar: element.getBoundingClientRect().toJSON() as DOMRect,
            title: rect('strong').toJSON() as DOMRect,
            summary: rect('.mp-compile-errors-summary').toJSON() as DOMRect,
            close: rect('.mp-compile-errors-close').toJSON() as DOMRect,
            cut: summary.scrollWidth > summary.clientWidth,
            ellipsis: getComputedStyle(summary).textOverflow,
          }
        })
        const where = `${device} at ${zoom}`
        // One line: the title, the first error and × side by side, the bar one line high (its
        // padding aside), the error cut short with an ellipsis inside the bar.
        expect(Math.abs(shape.summary.top - shape.title.top), where).toBeLessThan(1)
        expect(shape.summary.left, where).toBeGreaterThan(shape.title.right)
        expect(shape.close.left, where).toBeGreaterThanOrEqual(shape.summary.right - 0.5)
        // The title (short, never wrapped) is one line high.
        expect(shape.summary.height, where).toBeLessThanOrEqual(shape.title.height + 1)
        expect(shape.bar.height, where).toBeLessThan(shape.title.height * 3)
        expect(shape.cut, where).toBe(true)
        expect(shape.ellipsis, where).toBe('ellipsis')
        expect(shape.close.right, where).toBeLessThanOrEqual(shape.bar.right + 0.5)
      }
    }
    await page.getByRole('combobox', { name: '缩放' }).selectOption({ label: '自适应' })
    await page.locator('.phone').screenshot({ path: join(SCREENSHOT_DIR, 'compile-error-bar.png') })

    const closedHeight = (await bar.boundingBox())!.height
    await toggle.click()
    expect(await toggle.getAttribute('aria-expanded')).toBe('true')
    expect(await list.isVisible()).toBe(true)
    expect(await list.locator('li').count()).toBeGreaterThanOrEqual(2)
    expect((await bar.boundingBox())!.height).toBeGreaterThan(closedHeight)
    await page
      .locator('.phone')
      .screenshot({ path: join(SCREENSHOT_DIR, 'compile-error-bar-open.png') })
    await toggle.click()
    expect(await list.isVisible()).toBe(false)
    expect((await bar.boundingBox())!.height).toBe(closedHeight)
  })
})
