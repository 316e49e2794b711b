/**
 * Vant Weapp, as published, in the simulator: a project whose package.json depends on it is built
 * with 构建 npm at test time (the installed package linked into its node_modules), opened in
 * browser mode and driven in Chromium. Vant's form fields submit through `<form>` (wx://form-field,
 * and its button's wx://form-field-button), its relations (cell-group/cell,
 * checkbox-group/checkbox, collapse/collapse-item) work, its swipe-cell opens with a drag, and
 * wx.createSelectorQuery measures from the page's DOM and answers the built-ins' node() and context().
 */
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { buildNpm } from '../../electron/services/npm'
import { npmFixture } from '../helpers/npm-fixture'
import { removeTemporaryFolders } from '../helpers/copy-fixture'
import {
  E2E_TEST_TIMEOUT_MS,
  openWorkbench,
  SCREENSHOT_DIR,
  touchDrag,
  useE2eScratch,
  waitFor,
} from './harness'

describe('component libraries in the simulator', { timeout: E2E_TEST_TIMEOUT_MS }, () => {
  const e2e = useE2eScratch()
  e2e.defer(removeTemporaryFolders)

  const byId = (id: string) => e2e.phone().locator(`[id$="--${id}"]`).first()
  // Vant's classes carry their component's style-scope prefix in the DOM (`<scope>--van-cell`).
  const textOf = (id: string, accept: (text: string) => boolean) =>
    waitFor(() => byId(id).innerText(), accept)

  it('Vant components render, submit, relate, swipe and are measured', async () => {
    const dir = await npmFixture('component-libraries', '.', ['@vant/weapp'])
    expect((await buildNpm(dir)).ok).toBe(true)
    e2e.session = await openWorkbench(dir)
    await e2e.page().getByRole('combobox', { name: '缩放' }).selectOption({ label: '100%' })

    // wx.createSelectorQuery answered from the DOM: the box is the page's width and 40 px high.
    expect(await textOf('measured', (text) => text !== '')).toMatch(/^\d+x40$/)
    // node() and context() answer the canvas's Canvas (the page drew red on it) and the video's
    // VideoContext; a view answers null for both.
    expect(await textOf('objects', (text) => text !== '')).toBe(
      'canvas 40x20 function; video function function function; view null null',
    )
    const red = await byId('pad').evaluate((canvas) =>
      Array.from((canvas as HTMLCanvasElement).getContext('2d')!.getImageData(5, 5, 1, 1).data),
    )
    expect(red).toEqual([255, 0, 0, 255])

    // van-field and van-stepper (wx://form-field) submit their `value` through van-button
    // form-type=submit (wx://form-field-button); typing sets the field's value.
    await byId('nick').locator('input').fill('Bob')
    await byId('submit').click()
    const submitted = await textOf('submitted', (text) => text.startsWith('{'))
    expect(JSON.parse(submitted)).toEqual({ nick: 'Bob', count: 2 })
    await byId('reset').click()
    await textOf('submitted', (text) => text === 'reset')

    // A checkbox tells its group through their relation; the group reports the change.
    await byId('cb-b').locator('[class*="van-checkbox__icon"]').first().click()
    await textOf('checked', (text) => text === 'a,b')
    // A collapse item asks its collapse parent (relation), which reports the open items. (Its
    // height animation is wx.createAnimation's, not the component model's.)
    await byId('ci-1').locator('[class*="van-cell"]').first().click()
    await textOf('open', (text) => text === '1')

    // The swipe-cell follows a drag to the left and stays open at its right width.
    const cell = byId('swipe').locator('[class*="van-swipe-cell"]').first()
    await cell.evaluate(touchDrag, { from: 300, to: 180 })
    await expect
      .poll(() => cell.locator('> *').first().getAttribute('style'))
      .toMatch(/translate3d\(-65px/)
    await e2e
      .phone()
      .locator('body')
      .screenshot({ path: join(SCREENSHOT_DIR, 'component-libraries.png') })
    // Left to other parts of the simulator: Vant's icon font is remote (blocked, or unreachable
    // here), and collapse-item's height animation calls wx.createAnimation.
    const elsewhere = /\.woff2?\?|wx\.createAnimation is not a function/
    expect(e2e.session.pageErrors.filter((error) => !elsewhere.test(error))).toEqual([])
  })
})
