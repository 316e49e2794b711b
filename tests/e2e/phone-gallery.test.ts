/**
 * The gallery (tests/fixtures/projects/phone-layout): the layout page and the components page on
 * the smallest and the largest phone, checked by their boxes and saved as screenshots for
 * docs/simulator-layout.md (`MPDT_SCREENSHOT_DIR=docs/screenshots`).
 */
import { join } from 'node:path'
import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import {
  copyFixtureProject,
  E2E_TEST_TIMEOUT_MS,
  openWorkbench,
  SCREENSHOT_DIR,
  useE2eScratch,
} from './harness'

const DEVICES = [
  { id: 'iphone-se', label: 'iPhone SE 375×667 @2', height: 667, statusBar: 20 },
  { id: 'iphone-14-pro-max', label: 'iPhone 14 Pro Max 430×932 @3', height: 932, statusBar: 59 },
]

describe('the phone gallery', { timeout: E2E_TEST_TIMEOUT_MS }, () => {
  const e2e = useE2eScratch()

  /** The fixture with `first` as its launch page, open on `device`. */
  async function open(first: string, device: (typeof DEVICES)[number]): Promise<Page> {
    const copy = await copyFixtureProject('phone-layout', first)
    e2e.defer(() => copy.remove())
    e2e.session = await openWorkbench(copy.dir)
    const { page } = e2e.session
    await page.getByRole('combobox', { name: '机型' }).selectOption({ label: device.label })
    await page.locator(`.phone[data-device="${device.id}"] iframe.simulator-frame`).waitFor()
    await e2e.phone().locator('.mp-page').first().waitFor()
    await page.waitForTimeout(300)
    return page
  }

  for (const device of DEVICES) {
    it(`the components page on ${device.id}`, async () => {
      const page = await open('pages/gallery/gallery', device)
      const phone = e2e.phone()
      const area = await phone.locator('[id$="--area"]').boundingBox()
      const block = await phone.locator('[id$="--block"]').boundingBox()
      // x="30" y="20" inside the area.
      expect(block!.x - area!.x).toBeCloseTo(30 * (block!.width / 60), 0)
      expect(await phone.locator('wx-camera').getAttribute('role')).toBe('note')
      await page.locator('.phone').screenshot({
        path: join(SCREENSHOT_DIR, `phone-gallery-${device.id}.png`),
      })
    })

    it(`match-media on ${device.id}`, async () => {
      const page = await open('pages/match-media/match-media', device)
      const phone = e2e.phone()
      const narrow = device.id === 'iphone-se'
      expect(await phone.locator('[id$="--narrow"]').isVisible()).toBe(narrow)
      expect(await phone.locator('[id$="--wide"]').isVisible()).toBe(!narrow)
      // At the fitted zoom the frame is narrower than the device: the WXSS @media still sees
      // the device's width.
      expect(await phone.locator('[id$="--css-narrow"]').isVisible()).toBe(narrow)
      await page.locator('.phone').screenshot({
        path: join(SCREENSHOT_DIR, `phone-match-media-${device.id}.png`),
      })
    })

    it(`the fixed-layout page on ${device.id}`, async () => {
      const page = await open('pages/fixed/fixed', device)
      const phone = e2e.phone()
      const top = await phone
        .locator('[id$="--search"]')
        .evaluate(
          (bar) =>
            bar.getBoundingClientRect().top /
            (Number.parseFloat(bar.ownerDocument.documentElement.style.zoom) || 1),
        )
      // In the device's CSS px (the frame is zoomed to fit the pane).
      expect(top).toBeCloseTo(device.statusBar + 44, 0)
      await page.locator('.phone').screenshot({
        path: join(SCREENSHOT_DIR, `phone-layout-${device.id}.png`),
      })
    })
  }

  const se = DEVICES[0]!

  it('picker-view: a drag moves a column and snaps to an item', async () => {
    const page = await open('pages/picker-view/picker-view', se)
    const phone = e2e.phone()
    const months = phone.locator('picker-view-column').nth(1)
    const box = (await months.boundingBox())!
    const x = box.x + box.width / 2
    const y = box.y + box.height / 2
    await page.mouse.move(x, y)
    await page.mouse.down()
    await page.mouse.move(x, y - 60, { steps: 6 })
    await page.mouse.move(x, y - 104, { steps: 6 })
    await page.mouse.up()
    // Two items up (50px each, 104px dragged) from June: August; the change after the snap.
    await expect.poll(() => phone.locator('[id$="--picked"]').textContent()).toBe('6,7,14')
    await page.locator('.phone').screenshot({
      path: join(SCREENSHOT_DIR, `phone-picker-view-${se.id}.png`),
    })
  })

  it('this.animate with a ScrollTimeline follows the scroll-view, not the clock', async () => {
    const page = await open('pages/animate/animate', se)
    const phone = e2e.phone()
    const opacity = () =>
      phone.locator('[id$="--box"]').evaluate((box) => Number(getComputedStyle(box).opacity))
    const scrollTo = (top: number) =>
      phone.locator('[id$="--source"] .wx-scroll-view').evaluate((box, to) => {
        box.scrollTop = to
      }, top)
    // Longer than the animation's 1000 ms: the clock moves nothing, and nothing is called back.
    await page.waitForTimeout(1200)
    expect(await opacity()).toBe(1)
    await scrollTo(200)
    await expect.poll(opacity).toBeCloseTo(0.5, 1)
    await scrollTo(400)
    await expect.poll(opacity).toBe(0)
    expect(e2e.session!.pageErrors).toEqual([])
  })

  it('button open-type fires its event and share reaches onShareAppMessage', async () => {
    const page = await open('pages/open-type/open-type', se)
    const phone = e2e.phone()
    await phone.locator('[id$="--phone"]').click()
    await expect
      .poll(() => phone.locator('[id$="--answer"]').textContent())
      .toBe('getphonenumber: getPhoneNumber:ok')
    await phone.locator('[id$="--setting"]').click()
    await expect
      .poll(() => phone.locator('[id$="--answer"]').textContent())
      .toBe('opensetting: openSetting:ok')
    await phone.locator('[id$="--share"]').click()
    await expect
      .poll(() => phone.locator('[id$="--answer"]').textContent())
      .toMatch(/^share from button #.*share$/)
    await page.locator('.phone').screenshot({
      path: join(SCREENSHOT_DIR, `phone-open-type-${se.id}.png`),
    })
  })

  it('page-meta and navigation-bar set the page and the phone bar', async () => {
    const page = await open('pages/page-meta/page-meta', se)
    // At 100 %: at a fitted zoom the frame's scroll position rounds to device pixels.
    await page.getByRole('combobox', { name: '缩放' }).selectOption({ label: '100%' })
    const phone = e2e.phone()
    await expect
      .poll(() => phone.locator('#mp-navigation-title').textContent())
      .toBe('page-meta title')
    const fontSize = await phone
      .locator('.rem')
      .evaluate((element) => getComputedStyle(element).fontSize)
    expect(fontSize).toBe('40px')
    await phone.locator('.mp-page-body').evaluate((body) => (body.scrollTop = 120))
    await expect.poll(() => phone.locator('[id$="--scrolled"]').textContent()).toBe('scrollTop 120')
    await page.locator('.phone').screenshot({
      path: join(SCREENSHOT_DIR, `phone-page-meta-${se.id}.png`),
    })
  })

  it('root-portal escapes a transform; page-container opens and the back arrow closes it', async () => {
    const page = await open('pages/root-portal/root-portal', se)
    const phone = e2e.phone()
    const bar = await phone.locator('[id$="--portal-bar"]').boundingBox()
    const viewport = await phone.locator('.mp-page').first().boundingBox()
    expect(bar!.x).toBe(viewport!.x)
    expect(bar!.y + bar!.height).toBeCloseTo(viewport!.y + viewport!.height, 0)
    await page.locator('.phone').screenshot({
      path: join(SCREENSHOT_DIR, `phone-root-portal-${se.id}.png`),
    })

    await phone.locator('[id$="--to-container"]').click()
    await phone.locator('.mp-page:visible [id$="--open"]').click()
    const sheet = phone.locator('.mp-page:visible [id$="--sheet"]')
    await expect.poll(() => sheet.isVisible()).toBe(true)
    await page.waitForTimeout(400)
    const sheetBox = await sheet.boundingBox()
    const pageBox = await phone.locator('.mp-page:visible').boundingBox()
    expect(sheetBox!.y + sheetBox!.height).toBeCloseTo(pageBox!.y + pageBox!.height, 0)
    await page.locator('.phone').screenshot({
      path: join(SCREENSHOT_DIR, `phone-page-container-${se.id}.png`),
    })
    await phone.locator('#mp-navigation-back').click()
    await expect.poll(() => sheet.isVisible()).toBe(false)
    // Still on the page-container page: the back closed the container only.
    expect(await phone.locator('.mp-page:visible [id$="--open"]').isVisible()).toBe(true)

    // wx.navigateBack from the page's code closes it too, and succeeds.
    await phone.locator('.mp-page:visible [id$="--open"]').click()
    await expect.poll(() => sheet.isVisible()).toBe(true)
    await phone.locator('.mp-page:visible [id$="--back-in-code"]').click()
    await expect.poll(() => sheet.isVisible()).toBe(false)
    await expect
      .poll(() => phone.locator('.mp-page:visible .title').innerText())
      .toContain('back-ok')
    expect(await phone.locator('.mp-page:visible [id$="--open"]').isVisible()).toBe(true)
  })
})
