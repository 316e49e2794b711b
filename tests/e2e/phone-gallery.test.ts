/**
 * The gallery (tests/fixtures/projects/phone-layout): the layout page and the components page on
 * the smallest and the largest phone, checked by their boxes and saved as screenshots for
 * docs/simulator-layout.md (`MPDT_SCREENSHOT_DIR=docs/screenshots`).
 */
import { readFile, writeFile } from 'node:fs/promises'
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
    const copy = await copyFixtureProject('phone-layout')
    e2e.defer(() => copy.remove())
    const appJson = join(copy.dir, 'app.json')
    const app = JSON.parse(await readFile(appJson, 'utf8')) as { pages: string[] }
    app.pages = [first, ...app.pages.filter((route) => route !== first)]
    await writeFile(appJson, JSON.stringify(app))
    e2e.session = await openWorkbench(copy.dir)
    const { page } = e2e.session
    await page.getByRole('combobox', { name: '机型' }).selectOption({ label: device.label })
    await page.locator(`.phone[data-device="${device.id}"] iframe`).waitFor()
    await page.frameLocator('iframe.simulator-frame').locator('.mp-page').first().waitFor()
    await page.waitForTimeout(300)
    return page
  }

  for (const device of DEVICES) {
    it(`the components page on ${device.id}`, async () => {
      const page = await open('pages/gallery/gallery', device)
      const phone = page.frameLocator('iframe.simulator-frame')
      const area = await phone.locator('[id$="--area"]').boundingBox()
      const block = await phone.locator('[id$="--block"]').boundingBox()
      // x="30" y="20" inside the area.
      expect(block!.x - area!.x).toBeCloseTo(30 * (block!.width / 60), 0)
      expect(await phone.locator('wx-camera').getAttribute('role')).toBe('note')
      await page.locator('.phone').screenshot({
        path: join(SCREENSHOT_DIR, `phone-gallery-${device.id}.png`),
      })
    })

    it(`the fixed-layout page on ${device.id}`, async () => {
      const page = await open('pages/fixed/fixed', device)
      const phone = page.frameLocator('iframe.simulator-frame')
      const top = await phone
        .locator('[id$="--search"]')
        .evaluate((bar) => bar.getBoundingClientRect().top)
      expect(top).toBe(device.statusBar + 44)
      await page.locator('.phone').screenshot({
        path: join(SCREENSHOT_DIR, `phone-layout-${device.id}.png`),
      })
    })
  }
})
