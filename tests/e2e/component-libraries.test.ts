/**
 * TDesign and Vant Weapp, as published, in the simulator: a project whose package.json depends on
 * them is built with 构建 npm at test time (the installed packages linked into its node_modules),
 * opened in browser mode and driven in Chromium. TDesign's form fields submit through `<form>`
 * (wx://form-field, wx://form-field-button), its swipe-cell opens with a drag (WXS event API),
 * Vant's relations (cell-group/cell, checkbox-group/checkbox, collapse/collapse-item) work, and
 * wx.createSelectorQuery measures from the page's DOM.
 */
import { join } from 'node:path'
import type { FrameLocator } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { buildNpm } from '../../electron/services/npm'
import { npmFixture } from '../../electron/services/npm/npm-fixture'
import { removeTemporaryFolders } from '../../electron/services/project/copy-fixture'
import {
  E2E_TEST_TIMEOUT_MS,
  openWorkbench,
  SCREENSHOT_DIR,
  useE2eScratch,
  waitFor,
} from './harness'

describe('component libraries in the simulator', { timeout: E2E_TEST_TIMEOUT_MS }, () => {
  const e2e = useE2eScratch()
  e2e.defer(removeTemporaryFolders)

  const phone = (): FrameLocator => e2e.page().frameLocator('iframe.simulator-frame')
  const byId = (id: string) => phone().locator(`[id$="--${id}"]`).first()

  async function open(): Promise<void> {
    const dir = await npmFixture('component-libraries', '.', ['tdesign-miniprogram', '@vant/weapp'])
    const built = await buildNpm(dir)
    expect(built.ok).toBe(true)
    e2e.session = await openWorkbench(dir)
    await e2e.page().getByRole('combobox', { name: '缩放' }).selectOption({ label: '100%' })
    await byId('measured').waitFor()
  }

  it('TDesign and Vant components render, submit, swipe and relate', async () => {
    await open()
    // wx.createSelectorQuery answered from the DOM: the box is the page's width and 40 px high.
    const measured = await waitFor(
      () => byId('measured').innerText(),
      (text) => text !== '',
    )
    expect(measured).toMatch(/^\d+x40$/)
    await phone().locator('body').screenshot({ path: join(SCREENSHOT_DIR, 'component-libraries.png') })
    const fs = await import('node:fs')
    fs.writeFileSync('/tmp/cm-frame.html', await phone().locator('body').innerHTML())
    await e2e.page().getByRole('tab', { name: /控制台/ }).first().click().catch(() => undefined)
    fs.writeFileSync('/tmp/cm-workbench.txt', JSON.stringify(e2e.session?.pageErrors) + '\n' + (await e2e.page().locator('body').innerText()))

    // TDesign's t-input (wx://form-field) and t-switch submit through t-button form-type=submit
    // (wx://form-field-button).
    await phone().locator('.t-switch__body, .t-switch').first().click()
    await byId('submit').click()
    const submitted = await waitFor(
      () => byId('submitted').innerText(),
      (text) => text.startsWith('{'),
    )
    expect(JSON.parse(submitted)).toEqual({ nick: 'Ann', news: true })
    await byId('reset').click()
    await waitFor(
      () => byId('submitted').innerText(),
      (text) => text === 'reset',
    )

    // Vant: a checkbox tells its group (relations), the group reports the change.
    await byId('cb-b').click()
    await waitFor(
      () => byId('checked').innerText(),
      (text) => text === 'a,b',
    )
    // Vant: a collapse item opens through its collapse parent.
    await byId('ci-1').locator('.van-cell').first().click()
    await expect
      .poll(() => byId('ci-1').locator('.van-collapse-item__content').first().isVisible())
      .toBe(true)

    // TDesign's swipe-cell: a drag to the left moves the content with WXS setStyle and opens it.
    const swipe = byId('swipe')
    const box = await swipe.boundingBox()
    if (!box) throw new Error('swipe-cell has no box')
    await swipe.evaluate(
      (element, { width }) => {
        const target = element.querySelector('[id$="--wrapper"]') ?? element
        const touch = (x: number) =>
          new Touch({ identifier: 1, target, clientX: x, clientY: 10, pageX: x, pageY: 10 })
        const fire = (type: string, x: number) =>
          target.dispatchEvent(
            new TouchEvent(type, {
              bubbles: true,
              composed: true,
              touches: type === 'touchend' ? [] : [touch(x)],
              changedTouches: [touch(x)],
            }),
          )
        fire('touchstart', width - 20)
        for (let step = 1; step <= 10; step += 1) fire('touchmove', width - 20 - step * 20)
        fire('touchend', width - 220)
      },
      { width: box.width },
    )
    await expect
      .poll(() => swipe.locator('[id$="--wrapper"]').first().getAttribute('style'))
      .toMatch(/translate3d\(-\d+(\.\d+)?px/)
    await phone()
      .locator('body')
      .screenshot({ path: join(SCREENSHOT_DIR, 'component-libraries.png') })
    expect(e2e.session?.pageErrors ?? []).toEqual([])
  })
})
