/**
 * Component libraries from npm, end to end in browser mode: a fixture project's node_modules is
 * assembled at test time from the packages installed with this repository (linked, as pnpm
 * does), 构建 npm writes miniprogram_npm, and the workbench renders the library's components with
 * their own styles; taps reach the page's handlers with no console error.
 */
import { cp, readdir } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { buildNpm } from '../../electron/services/npm'
import { linkInstalled } from '../helpers/npm-fixture'
import {
  E2E_TEST_TIMEOUT_MS,
  openWorkbench,
  REPO_ROOT,
  SCREENSHOT_DIR,
  touchDrag,
  useE2eScratch,
} from './harness'

describe('npm component libraries in browser mode', { timeout: E2E_TEST_TIMEOUT_MS }, () => {
  const e2e = useE2eScratch()

  /** A copy of fixture `name` with `installed` linked into node_modules, after 构建 npm. */
  async function builtFixture(name: string, installed: string[]): Promise<string> {
    const dir = join(await e2e.folder('mpdt-e2e-npm-'), name)
    await cp(join(REPO_ROOT, 'tests/fixtures/npm', name), dir, { recursive: true })
    await linkInstalled(dir, installed)
    const built = await buildNpm(dir)
    expect(built.ok ? null : built.error).toBeNull()
    return dir
  }

  async function open(dir: string): Promise<void> {
    e2e.session = await openWorkbench(dir)
    // At 100 %: Playwright aims clicks inside a scaled iframe as if it were not scaled.
    await e2e.page().getByRole('combobox', { name: '缩放' }).selectOption({ label: '100%' })
  }

  async function shoot(name: string): Promise<void> {
    await e2e
      .page()
      .locator('.simulator')
      .screenshot({ path: join(SCREENSHOT_DIR, `${name}.png`) })
  }

  /**
   * Elements with a library class: isolated components' classes carry their prefix
   * (`c…button_index-k5p8hy--van-button`), so the class is matched as a token's end.
   */
  const cls = (name: string) => `[class*="--${name} "], [class$="--${name}"]`

  const style = (selector: string, property: string) =>
    e2e
      .phone()
      .locator(selector)
      .first()
      .evaluate(
        (element, name) =>
          element.ownerDocument.defaultView!.getComputedStyle(element)[name as never],
        property,
      )

  it('Vant: button, cell, icon and field render styled; taps, tabs, input, toast, tab bar and popup reach the page', async () => {
    await open(await builtFixture('vant', ['@vant/weapp', 'dayjs']))
    const tapMe = e2e.phone().locator(cls('van-button'), { hasText: 'Tapped 0' })
    await tapMe.waitFor()
    // Vant's BEM modifiers come from WXS testing `x.constructor === 'Array'`.
    await e2e.phone().locator(cls('van-button--primary'), { hasText: 'Tapped 0' }).waitFor()
    expect(await style(cls('van-button--primary'), 'background-color')).toBe('rgb(7, 193, 96)')
    // Vant's own stylesheet: its cell layout and colours, its tab bar fixed at the bottom.
    expect(await style(cls('van-cell'), 'display')).toBe('flex')
    expect(await style(cls('van-cell__value'), 'color')).toBe('rgb(150, 151, 153)')
    expect(await style(cls('van-tabbar'), 'display')).toBe('flex')
    // dayjs, required by the page from miniprogram_npm.
    await e2e.phone().locator(cls('van-cell__value'), { hasText: '2024/03/05' }).waitFor()
    await shoot('npm-vant')

    await e2e.phone().locator('.control', { hasText: 'tap 0' }).click()
    await e2e.phone().locator(cls('van-button'), { hasText: 'Tapped 1' }).waitFor()
    // The van-button itself: its dynamic `bindtap` runs `onClick`, which emits `click` once.
    await e2e.phone().locator(cls('van-button'), { hasText: 'Tapped 1' }).click()
    await e2e.phone().locator(cls('van-button'), { hasText: 'Tapped 2' }).waitFor()

    // van-tabs: a tap on a tab shows its van-tab (their relation) and tells the page.
    expect(await e2e.phone().getByText('second tab body').isVisible()).toBe(false)
    await e2e.phone().locator(cls('van-tab'), { hasText: 'Second' }).click()
    await e2e.phone().locator('.echo', { hasText: 'tab: 1' }).waitFor()
    await e2e.phone().getByText('second tab body').waitFor()
    await e2e.phone().getByText('first tab body').waitFor({ state: 'hidden' })
    // Its line is `addUnit(40)` wide: WXS keeps the backslashes of getRegExp('^-?\d+…').
    expect(await style(cls('van-tabs__line'), 'width')).toBe('40px')
    await shoot('npm-vant-tabs')

    await e2e.phone().locator('input').first().fill('Ada')
    await e2e.phone().locator('.echo', { hasText: 'name: Ada' }).waitFor()

    await e2e.phone().locator('.control', { hasText: 'show toast' }).click()
    await e2e.phone().locator(cls('van-toast'), { hasText: 'toast text' }).waitFor()

    await e2e.phone().locator(cls('van-tabbar-item'), { hasText: 'Search' }).click()
    await e2e.phone().locator('.echo', { hasText: 'bar: 1' }).waitFor()

    await e2e.phone().locator('.control', { hasText: 'open popup' }).click()
    await e2e.phone().locator(cls('van-popup--bottom'), { hasText: 'popup body' }).waitFor()
    await shoot('npm-vant-popup')
    // Tapping the overlay closes the popup through its `close` event, once.
    await e2e
      .phone()
      .locator(cls('van-overlay'))
      .click({ position: { x: 20, y: 20 } })
    await e2e.phone().locator('.echo', { hasText: 'popup closed 1' }).waitFor()

    // Dialog.alert finds `#van-dialog` through selectComponent and shows it from wx.nextTick.
    await e2e.phone().locator('.control', { hasText: 'open dialog' }).click()
    await e2e.phone().locator(cls('van-dialog'), { hasText: 'from van-dialog' }).waitFor()
    await shoot('npm-vant-dialog')
    expect(e2e.session!.pageErrors.filter((error) => !isRemoteIconFont(error))).toEqual([])
  })

  it('TDesign (ES modules and tslib): button, cell, tabs, tab bar, form fields, popup, dialog, toast and swipe-cell render styled and answer', async () => {
    await open(await builtFixture('tdesign', ['tdesign-miniprogram', 'tslib']))
    const button = e2e.phone().locator(cls('t-button'), { hasText: 'Tapped 0' })
    await button.waitFor()
    // TDesign's own stylesheet: its brand colour on the primary button, its cell layout, its tab
    // bar fixed at the bottom.
    expect(await style(cls('t-button--primary'), 'backgroundColor')).toBe('rgb(0, 82, 217)')
    expect(await style(cls('t-cell'), 'display')).toBe('flex')
    expect(await style(cls('t-tab-bar'), 'position')).toBe('fixed')
    // `.t-button { display: inline-flex }` makes the button as wide as its text, as WeChat's
    // custom-element button is: the small Submit and Reset sit side by side in their flex row. A
    // plain <button> fills its line, but not as a flex item.
    const boxOf = (text: string, selector = cls('t-button')) =>
      e2e
        .phone()
        .locator(selector, { hasText: text })
        .evaluate((element) => {
          const { left, right, top, width } = element.getBoundingClientRect()
          return { left, right, top, width, line: element.ownerDocument.body.clientWidth }
        })
    const [submit, reset] = [await boxOf('Submit'), await boxOf('Reset')]
    expect(submit.width).toBeLessThan(submit.line / 3)
    expect(reset.top).toBe(submit.top)
    expect(reset.left).toBeGreaterThan(submit.right)
    const block = await boxOf('native block', 'button')
    expect(block.width).toBe(block.line)
    expect((await boxOf('native in row', 'button')).width).toBeLessThan(block.line / 2)
    await shoot('npm-tdesign')
    await button.click()
    await e2e.phone().locator(cls('t-button'), { hasText: 'Tapped 1' }).waitFor()

    // t-tabs: a tap on a tab changes the panel (its relation with t-tab-panel) and tells the page.
    await e2e.phone().locator(cls('t-tabs__item'), { hasText: 'Second' }).click()
    await e2e.phone().locator('.echo', { hasText: 'tab: second' }).waitFor()
    await e2e.phone().getByText('second panel').waitFor()
    await e2e.phone().locator(cls('t-tab-bar-item'), { hasText: 'Search' }).click()
    await e2e.phone().locator('.echo', { hasText: 'bar: search' }).waitFor()

    // t-input and t-switch (wx://form-field) submit through t-button type=submit
    // (wx://form-field-button) inside a <form>; reset puts the input back.
    const input = e2e.phone().locator(cls('t-input')).locator('input')
    await input.fill('Ada')
    await e2e.phone().locator(cls('t-switch__body')).click()
    await e2e.phone().locator(cls('t-button'), { hasText: 'Submit' }).click()
    await e2e.phone().locator('.submitted', { hasText: '{' }).waitFor()
    expect(JSON.parse(await e2e.phone().locator('.submitted').innerText())).toEqual({
      nick: 'Ada',
      agree: true,
    })
    await e2e.phone().locator(cls('t-button'), { hasText: 'Reset' }).click()
    await e2e.phone().locator('.submitted', { hasText: 'reset' }).waitFor()
    await expect.poll(() => input.inputValue()).toBe('')

    await e2e.phone().locator('.control', { hasText: 'open popup' }).click()
    await e2e.phone().locator(cls('t-popup--bottom'), { hasText: 'popup body' }).waitFor()
    await shoot('npm-tdesign-popup')
    // Tapping the overlay closes the popup through its visible-change event.
    await e2e
      .phone()
      .locator(cls('t-overlay'))
      .click({ position: { x: 20, y: 20 } })
    await e2e.phone().locator('.echo', { hasText: 'popup: false' }).waitFor()

    // Dialog.confirm (imported from the package) finds #t-dialog and resolves on OK.
    await e2e.phone().locator('.control', { hasText: 'open dialog' }).click()
    await e2e.phone().locator(cls('t-dialog'), { hasText: 'from t-dialog' }).waitFor()
    await shoot('npm-tdesign-dialog')
    await e2e.phone().locator(cls('t-dialog__button--confirm')).click()
    await e2e.phone().locator('.echo', { hasText: 'dialog: confirmed' }).waitFor()

    await e2e.phone().locator('.control', { hasText: 'show toast' }).click()
    await e2e.phone().locator(cls('t-toast'), { hasText: 'toast text' }).waitFor()
    await shoot('npm-tdesign-toast')

    // t-swipe-cell follows a drag to the left (its WXS keeps the drag in getState()) and stays open at its action's width; the
    // action then answers a tap.
    const swipe = e2e.phone().locator(cls('t-swipe-cell')).first()
    await swipe.evaluate(touchDrag, { from: 300, to: 180 })
    const actionWidth = await e2e
      .phone()
      .locator(cls('t-swipe-cell__right'))
      .evaluate((element) => element.getBoundingClientRect().width)
    expect(actionWidth).toBeGreaterThan(0)
    const wrapper = swipe.locator('#wrapper, [id$="--wrapper"]').first()
    const offset = async () =>
      Number(/translate3d\((-?[\d.]+)px/.exec((await wrapper.getAttribute('style')) ?? '')?.[1])
    await expect.poll(offset).toBeCloseTo(-actionWidth, 1)
    await shoot('npm-tdesign-swipe-cell')
    await e2e.phone().locator('.delete-action').evaluate(touchDrag, { from: 10, to: 10 })
    await e2e.phone().locator('.echo', { hasText: 'action: Delete' }).waitFor()
    expect(e2e.session!.pageErrors.filter((error) => !isRemoteIconFont(error))).toEqual([])
  })

  it('WeUI through useExtendedLib: navigation bar, cells, badge, slideview and loading render styled from MP DevTools’ own copy; taps reach the page from touch and mouse; the slideview swipes open', async () => {
    const dir = join(await e2e.folder('mpdt-e2e-weui-'), 'weui')
    await cp(join(REPO_ROOT, 'tests/fixtures/npm/weui'), dir, { recursive: true })
    await open(dir)
    const cell = e2e.phone().locator(cls('weui-cell'), { hasText: 'Tapped 0' })
    await cell.waitFor()
    // weui-wxss's own rules: the cell's flex row and the badge's red.
    expect(await style(cls('weui-cell'), 'display')).toBe('flex')
    expect(await style(cls('weui-badge'), 'backgroundColor')).toBe('rgb(250, 81, 81)')
    // mp-slideview renders its WebView template (it chooses by `this.renderer`): the row and its
    // buttons, hidden to the right until swiped.
    await e2e.phone().locator(cls('weui-slideview'), { hasText: 'Slide me' }).waitFor()
    expect(await e2e.phone().locator(cls('weui-slideview__btn')).allInnerTexts()).toEqual([
      'Mark',
      'Delete',
    ])
    // mp-navigation-bar: the back arrow at the left edge, the title centred on the phone.
    const box = (selector: string) =>
      e2e
        .phone()
        .locator(selector)
        .first()
        .evaluate((element) => {
          const rect = element.getBoundingClientRect()
          return { left: rect.left, centre: rect.left + rect.width / 2, width: innerWidth }
        })
    const back = await box(cls('weui-navigation-bar__btn_goback'))
    const title = await box(`${cls('weui-navigation-bar__center')} text`)
    expect(back.left).toBeLessThan(40)
    expect(Math.abs(title.centre - title.width / 2)).toBeLessThan(2)
    await shoot('npm-weui')
    await cell.click()
    await e2e.phone().locator(cls('weui-cell'), { hasText: 'Tapped 1' }).waitFor()
    // A touch taps; the mouse still taps after it, as in WeChat's simulator.
    await e2e.phone().locator(cls('weui-cell'), { hasText: 'Tapped 1' }).evaluate(touchDrag, {
      from: 10,
      to: 10,
    })
    await e2e.phone().locator(cls('weui-cell'), { hasText: 'Tapped 2' }).waitFor()
    await e2e.phone().locator(cls('weui-cell'), { hasText: 'Tapped 2' }).click()
    await e2e.phone().locator(cls('weui-cell'), { hasText: 'Tapped 3' }).waitFor()
    // The slideview measured itself in its `ready` (WeChat runs every component's ready once the
    // page is laid out): a swipe to the left brings its buttons in, and a tap on one reaches the
    // page. The Delete button is past the phone's right edge before the swipe, inside it after.
    const remove = e2e.phone().locator(cls('weui-slideview__btn'), { hasText: 'Delete' })
    expect(
      await remove.evaluate((element) => element.getBoundingClientRect().left >= innerWidth),
    ).toBe(true)
    await e2e
      .phone()
      .locator(cls('weui-slideview__left'))
      .first()
      .evaluate(touchDrag, { from: 300, to: 60 })
    const rightEdgeGap = () =>
      remove.evaluate((element) => innerWidth - element.getBoundingClientRect().right)
    await expect.poll(rightEdgeGap, { timeout: 5000 }).toBeGreaterThanOrEqual(-1)
    await remove.click()
    await e2e.phone().locator(cls('weui-cell'), { hasText: 'button 1' }).waitFor()
    // Nothing was installed or built into the project.
    expect(await readdir(dir)).not.toContain('miniprogram_npm')
    expect(e2e.session!.pageErrors).toEqual([])
  })
})

/**
 * Vant and TDesign load their icon fonts from their CDNs by absolute URLs; this machine has no
 * network (and the phone frame may refuse remote fonts), so icons show as boxes. Those font
 * loads are the only console errors allowed here.
 */
function isRemoteIconFont(error: string): boolean {
  return /https?:\/\/(?!127\.0\.0\.1)[^\s'"()]+\.(woff2?|ttf)\b/.test(error)
}
