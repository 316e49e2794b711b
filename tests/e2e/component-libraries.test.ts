/**
 * Vant Weapp, as published, in the simulator: a project whose package.json depends on it is built
 * with 构建 npm at test time (the installed package linked into its node_modules), opened in
 * browser mode and driven in Chromium. Vant's form fields submit through `<form>` (wx://form-field,
 * and its button's wx://form-field-button), its relations (cell-group/cell,
 * checkbox-group/checkbox, collapse/collapse-item) work, its swipe-cell opens with a drag, and
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
  const textOf = (id: string, accept: (text: string) => boolean) =>
    waitFor(() => byId(id).innerText(), accept)

  it('Vant components render, submit, relate, swipe and are measured', async () => {
    const dir = await npmFixture('component-libraries', '.', ['@vant/weapp'])
    expect((await buildNpm(dir)).ok).toBe(true)
    e2e.session = await openWorkbench(dir)
    await e2e.page().getByRole('combobox', { name: '缩放' }).selectOption({ label: '100%' })

    await new Promise((r) => setTimeout(r, 8000))
    await e2e.page().screenshot({ path: '/tmp/cm-debug.png' })
    await e2e.page().getByRole('tab', { name: /控制台/ }).first().click().catch(() => undefined)
    require('node:fs').writeFileSync('/tmp/cm-workbench.txt', await e2e.page().locator('body').innerText())
    // wx.createSelectorQuery answered from the DOM: the box is the page's width and 40 px high.
    expect(await textOf('measured', (text) => text !== '')).toMatch(/^\d+x40$/)

    // van-field and van-stepper (wx://form-field) submit through van-button form-type=submit
    // (wx://form-field-button): the stepper's plus button counts first.
    await byId('count').locator('.van-stepper__plus').click()
    await byId('submit').click()
    const submitted = await textOf('submitted', (text) => text.startsWith('{'))
    expect(JSON.parse(submitted)).toEqual({ nick: 'Ann', count: 3 })
    await byId('reset').click()
    await textOf('submitted', (text) => text === 'reset')

    // A checkbox tells its group through their relation; the group reports the change.
    await byId('cb-b').locator('.van-checkbox__icon').click()
    await textOf('checked', (text) => text === 'a,b')
    // A collapse item opens through its collapse parent.
    await byId('ci-1').locator('.van-cell').first().click()
    await expect
      .poll(() => byId('ci-1').locator('.van-collapse-item__wrapper').first().getAttribute('style'))
      .not.toMatch(/height:\s*0/)

    // The swipe-cell follows a drag to the left and stays open at its right width.
    const cell = byId('swipe').locator('.van-swipe-cell').first()
    await cell.evaluate((element) => {
      const touch = (x: number) =>
        new Touch({ identifier: 1, target: element, clientX: x, clientY: 10, pageX: x, pageY: 10 })
      const fire = (type: string, x: number) =>
        element.dispatchEvent(
          new TouchEvent(type, {
            bubbles: true,
            cancelable: true,
            touches: type === 'touchend' ? [] : [touch(x)],
            changedTouches: [touch(x)],
          }),
        )
      fire('touchstart', 300)
      for (let step = 1; step <= 8; step += 1) fire('touchmove', 300 - step * 15)
      fire('touchend', 180)
    })
    await expect
      .poll(() => cell.locator('> *').first().getAttribute('style'))
      .toMatch(/translate3d\(-65px/)
    await phone()
      .locator('body')
      .screenshot({ path: join(SCREENSHOT_DIR, 'component-libraries.png') })
    expect(e2e.session.pageErrors).toEqual([])
  })
})
