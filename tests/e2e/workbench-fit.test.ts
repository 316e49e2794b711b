/**
 * The workbench fits a 1280×800 window: the simulated phone scaled (自适应) so the whole device,
 * status bar to tab bar, is visible in the simulator pane, and the 详情 tables kept inside their
 * column, clear of 本地设置. Checked by comparing bounding boxes in Chromium.
 */
import { readFile, rename, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import type { FrameLocator, Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import {
  copyFixtureProject,
  E2E_TEST_TIMEOUT_MS,
  fixtureProject,
  openWorkbench,
  useE2eScratch,
  waitFor,
} from './harness'

interface Box {
  x: number
  y: number
  width: number
  height: number
}

/** Layout rounding: a box may end this much past another and still count as inside it. */
const SUBPIXEL = 0.5

function expectInside(inner: Box, outer: Box): void {
  expect(inner.x).toBeGreaterThanOrEqual(outer.x - SUBPIXEL)
  expect(inner.y).toBeGreaterThanOrEqual(outer.y - SUBPIXEL)
  expect(inner.x + inner.width).toBeLessThanOrEqual(outer.x + outer.width + SUBPIXEL)
  expect(inner.y + inner.height).toBeLessThanOrEqual(outer.y + outer.height + SUBPIXEL)
}

async function boxOf(page: Page, selector: string): Promise<Box> {
  const box = await page.locator(selector).first().boundingBox()
  if (!box) throw new Error(`${selector} is not visible`)
  return box
}

/**
 * Where an element inside the zoomed simulator frame is on the workbench's page: Playwright's own
 * box, right at every zoom since the frame zooms itself (no transform on the iframe).
 */
async function boxInPhone(phone: FrameLocator, selector: string): Promise<Box> {
  const box = await phone.locator(selector).boundingBox()
  if (!box) throw new Error(`${selector} is not visible in the phone`)
  return box
}

describe('the workbench fits a 1280×800 window', { timeout: E2E_TEST_TIMEOUT_MS }, () => {
  const e2e = useE2eScratch()

  /** The `valid` fixture (two tab bar pages) once its tab bar has painted in the phone. */
  async function openWithTabBar(): Promise<Page> {
    e2e.session = await openWorkbench(fixtureProject('valid'))
    const { page } = e2e.session
    await e2e.phone().locator('#mp-tab-bar').waitFor()
    return page
  }

  /** Asserts the whole phone and its tab bar are in the simulator pane, the pane not scrolled. */
  async function expectWholePhoneInPane(page: Page): Promise<void> {
    const pane = await boxOf(page, '.simulator .stage')
    expectInside(pane, { x: 0, y: 0, ...page.viewportSize()! })
    expectInside(await boxOf(page, 'iframe.simulator-frame'), pane)
    expectInside(await boxInPhone(e2e.phone(), '#mp-tab-bar'), pane)
    const overflow = await page
      .locator('.simulator .stage')
      .evaluate((stage) => stage.scrollHeight - stage.clientHeight)
    expect(overflow).toBe(0)
  }

  /** The phone's size once it has settled after a resize or another device. */
  async function settledPhoneBox(page: Page, differentFrom: Box): Promise<Box> {
    await waitFor(
      () => boxOf(page, '.phone'),
      (box) => box.width !== differentFrom.width || box.height !== differentFrom.height,
      10_000,
    )
    return boxOf(page, '.phone')
  }

  it('a new user sees the whole phone, its tab bar inside the simulator pane', async () => {
    const page = await openWithTabBar()
    await expectWholePhoneInPane(page)
    const zoom = page.getByRole('combobox', { name: '缩放' })
    expect(await zoom.locator('option:checked').innerText()).toBe('自适应')
    // Fitting is by the room there is, not a smaller fixed level: the phone fills the pane's height.
    const pane = await boxOf(page, '.simulator .stage')
    const phone = await boxOf(page, '.phone')
    expect(phone.height).toBeGreaterThan(pane.height - 32 - 2)
    expect(e2e.session!.pageErrors).toEqual([])
  })

  it('refits the phone when the window is resized and when the device changes', async () => {
    const page = await openWithTabBar()
    const before = await boxOf(page, '.phone')
    await page.setViewportSize({ width: 1280, height: 640 })
    const shorter = await settledPhoneBox(page, before)
    expect(shorter.height).toBeLessThan(before.height)
    await expectWholePhoneInPane(page)

    await page
      .getByRole('combobox', { name: '机型' })
      .selectOption({ label: 'iPad mini 768×1024 @2' })
    await page.locator('.phone[data-device="ipad-mini"] iframe.simulator-frame').waitFor()
    const ipad = await settledPhoneBox(page, shorter)
    expect(ipad.width / ipad.height).toBeCloseTo(768 / 1024, 2)
    await e2e.phone().locator('#mp-tab-bar').waitFor()
    await expectWholePhoneInPane(page)
  })

  it('an explicit zoom level still applies and is remembered; 自适应 can be chosen back', async () => {
    const page = await openWithTabBar()
    const zoom = page.getByRole('combobox', { name: '缩放' })
    await zoom.selectOption({ label: '100%' })
    expect(await boxOf(page, '.phone')).toMatchObject({ width: 390, height: 844 })
    await page.reload()
    await e2e.phone().locator('#mp-tab-bar').waitFor()
    expect(await zoom.locator('option:checked').innerText()).toBe('100%')
    expect(await boxOf(page, '.phone')).toMatchObject({ width: 390, height: 844 })

    await zoom.selectOption({ label: '自适应' })
    await settledPhoneBox(page, { x: 0, y: 0, width: 390, height: 844 })
    await expectWholePhoneInPane(page)
  })

  it('keeps the 详情 tables, even with long names, clear of the 本地设置 column', async () => {
    const copy = await copyFixtureProject('valid')
    e2e.defer(() => copy.remove())
    // A subpackage, a route and a window setting longer than the column is wide.
    const longRoot = 'packageWithAVeryLongSubpackageRootName'
    await rename(join(copy.dir, 'packageA'), join(copy.dir, longRoot))
    await rename(
      join(copy.dir, longRoot, 'pages/detail'),
      join(copy.dir, longRoot, 'pages/orderConfirmationDetail'),
    )
    const appJson = join(copy.dir, 'app.json')
    await writeFile(
      appJson,
      (await readFile(appJson, 'utf8'))
        .replace('"root": "packageA"', `"root": "${longRoot}"`)
        .replace('"pages/detail/detail"', '"pages/orderConfirmationDetail/detail"')
        .replace('"Valid fixture"', `"${'VeryLongNavigationBarTitle'.repeat(3)}"`),
    )
    e2e.session = await openWorkbench(copy.dir)
    const { page } = e2e.session
    const table = page.getByRole('table', { name: '页面' })
    await table.waitFor()
    const basicInfo = await boxOf(page, 'section[aria-labelledby="basic-info-heading"]')
    const localSettings = await boxOf(page, 'section[aria-labelledby="local-settings-heading"]')
    expect(basicInfo.x + basicInfo.width).toBeLessThanOrEqual(localSettings.x + SUBPIXEL)
    const tableBox = (await table.boundingBox())!
    expectInside(tableBox, basicInfo)
    const boxes = await table.locator('td, .file').evaluateAll((elements) =>
      elements.map((element) => {
        const { x, y, width, height } = element.getBoundingClientRect()
        return { x, y, width, height }
      }),
    )
    expect(boxes.length).toBeGreaterThan(12)
    for (const box of boxes) expectInside(box, tableBox)
    // Nothing in the basic info column is wider than the column (it would scroll or overlap).
    const hidden = await page
      .locator('section[aria-labelledby="basic-info-heading"]')
      .evaluate((section) => section.scrollWidth - section.clientWidth)
    expect(hidden).toBe(0)
    // What is cut short says it in full on hover.
    const longRoute = `${longRoot}/pages/orderConfirmationDetail/detail`
    const routeCell = table.locator('tbody tr').nth(2).locator('td').first()
    expect(await routeCell.getAttribute('title')).toBe(longRoute)
    expect(await table.locator(`code[title="${longRoot}"]`).count()).toBe(1)
  })
})
