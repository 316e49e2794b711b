/**
 * What the simulator plays the user for, end to end in browser mode on
 * tests/fixtures/projects/simulated-user: the toolbar's 位置 answers wx.getLocation and moves
 * wx.onLocationChange live; the authorization dialog's answer is kept per appid and shown in
 * 详情 → 授权, where an edit reaches the running mini-program; wx.previewImage opens the viewer in
 * the phone; a wx.createAnimation export plays on a view's animation attribute.
 */
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import {
  byId,
  copyFixtureProject,
  E2E_TEST_TIMEOUT_MS,
  openWorkbench,
  SCREENSHOT_DIR,
  useE2eScratch,
  waitFor,
} from './harness'

describe('the simulated user in browser mode', { timeout: E2E_TEST_TIMEOUT_MS }, () => {
  const e2e = useE2eScratch()

  const phone = () => e2e.phone()

  const tap = (id: string) => phone().locator(byId(id)).first().dispatchEvent('click')
  const text = (id: string) => phone().locator(byId(id)).first().innerText()

  it('位置, authorization in 详情, the image viewer and the animation attribute', async () => {
    const project = await copyFixtureProject('simulated-user')
    e2e.defer(() => project.remove())
    e2e.session = await openWorkbench(project.dir)
    const page = e2e.page()
    await page.setViewportSize({ width: 1280, height: 1000 })
    await page.getByRole('combobox', { name: '缩放' }).selectOption({ label: '100%' })
    await phone().locator(byId('locate')).waitFor()

    // The toolbar's place, asked with WeChat's dialog, allowed.
    await page.getByRole('spinbutton', { name: '纬度' }).fill('39.9042')
    await page.getByRole('spinbutton', { name: '经度' }).fill('116.4074')
    await page.getByRole('spinbutton', { name: '经度' }).press('Enter')
    await tap('locate')
    await phone().getByRole('dialog').getByRole('button', { name: '允许' }).click()
    expect(
      await waitFor(
        () => text('place'),
        (shown) => shown !== '',
      ),
    ).toBe('39.9042,116.4074')

    // Kept: no second question; a move in the toolbar reaches onLocationChange at once.
    await tap('follow')
    expect(
      await waitFor(
        () => text('moves'),
        (shown) => shown !== '',
      ),
    ).toBe('39.9042;')
    await page.getByRole('spinbutton', { name: '纬度' }).fill('31.2304')
    await page.getByRole('spinbutton', { name: '纬度' }).press('Enter')
    expect(
      await waitFor(
        () => text('moves'),
        (shown) => shown.includes('31.2304'),
      ),
    ).toBe('39.9042;31.2304;')

    // 详情 → 授权 shows the answer; unticking it reaches wx.getSetting without a reload.
    await page.getByRole('tab', { name: '详情' }).click()
    const allowed = page.getByRole('checkbox', { name: /scope\.userLocation/ })
    expect(await allowed.isChecked()).toBe(true)
    await allowed.uncheck()
    await tap('setting')
    expect(
      await waitFor(
        () => text('scopes'),
        (shown) => shown.includes('false'),
      ),
    ).toBe('{"scope.userLocation":false}')

    // The image viewer: the current picture, its place, the next one, closed by a tap.
    await tap('preview')
    const viewer = phone().getByRole('dialog', { name: '图片预览' })
    await viewer.waitFor()
    expect(await viewer.locator('.mp-image-viewer-place').innerText()).toBe('2 / 2')
    expect(await viewer.locator('img').getAttribute('src')).toMatch(/^data:image\/png/)
    await page.locator('.phone').screenshot({ path: join(SCREENSHOT_DIR, 'preview-image.png') })
    await viewer.getByRole('button', { name: '上一张' }).click()
    expect(await viewer.locator('.mp-image-viewer-place').innerText()).toBe('1 / 2')
    await viewer.click({ position: { x: 195, y: 300 } })
    await viewer.waitFor({ state: 'detached' })

    // The animation attribute: the step's opacity and transform end on the view.
    await tap('animate')
    const box = phone().locator(byId('box')).first()
    const opacity = await waitFor(
      () => box.evaluate((node) => getComputedStyle(node).opacity),
      (value) => value === '0.25',
    )
    expect(opacity).toBe('0.25')
    expect(await box.evaluate((node) => (node as HTMLElement).style.transform)).toBe(
      'rotate(45deg)',
    )
  })
})
