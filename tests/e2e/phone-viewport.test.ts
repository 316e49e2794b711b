/**
 * The page viewport in Chromium (tests/fixtures/projects/phone-layout on the default iPhone 14,
 * 390×844, status bar 47): `position: fixed`, `vh`, `100%`, sticky and `env(safe-area-inset-*)`
 * measured against the page's window between the navigation bar and the tab bar, not the phone.
 */
import type { FrameLocator } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { E2E_TEST_TIMEOUT_MS, fixtureProject, openWorkbench, useE2eScratch } from './harness'

interface Box {
  top: number
  bottom: number
  left: number
  right: number
  height: number
}

const STATUS_BAR = 47
const NAVIGATION_BAR = 44
const TAB_BAR = 50
const SCREEN = 844
const WINDOW_TOP = STATUS_BAR + NAVIGATION_BAR
const WINDOW_BOTTOM = SCREEN - TAB_BAR

/** An element's box in the frame's CSS px, found by its WXML id. */
async function boxOf(phone: FrameLocator, id: string): Promise<Box> {
  return phone.locator(`.mp-page:not([hidden]) [id$="--${id}"]`).evaluate((element) => {
    const { top, bottom, left, right, height } = element.getBoundingClientRect()
    return { top, bottom, left, right, height }
  })
}

describe('each page renders in its own viewport', { timeout: E2E_TEST_TIMEOUT_MS }, () => {
  const e2e = useE2eScratch()

  async function openLayout(): Promise<FrameLocator> {
    e2e.session = await openWorkbench(fixtureProject('phone-layout'))
    // At 100 %, the frame's rects are the device's CSS px (zoomed, they are scaled: phone-zoom).
    await e2e.session.page.getByRole('combobox', { name: '缩放' }).selectOption({ label: '100%' })
    const phone = e2e.phone()
    await phone.locator('[id$="--search"]').waitFor()
    await expect
      .poll(() => phone.locator('html').evaluate((html) => (html as HTMLElement).style.zoom))
      .toBe('')
    return phone
  }

  it('places fixed elements, vh and 100% in the window between the bars', async () => {
    const phone = await openLayout()
    const search = await boxOf(phone, 'search')
    expect(search.top).toBe(WINDOW_TOP)
    expect(search.height).toBe(40)
    const footer = await boxOf(phone, 'footer')
    expect(footer.bottom).toBe(WINDOW_BOTTOM)
    // style="height: 10vh" inline: a tenth of the window, not of the phone.
    expect(footer.height).toBeCloseTo((WINDOW_BOTTOM - WINDOW_TOP) / 10, 1)
    expect((await boxOf(phone, 'full')).height).toBe(WINDOW_BOTTOM - WINDOW_TOP)
    const tabBar = await phone.locator('#mp-tab-bar').boundingBox()
    expect(tabBar?.height).toBe(TAB_BAR)
    expect(e2e.session!.pageErrors).toEqual([])
  })

  it('scrolls the page inside the window: fixed stays, sticky sticks under the navigation bar', async () => {
    const phone = await openLayout()
    const sticky = await boxOf(phone, 'sticky')
    expect(sticky.top).toBe(WINDOW_TOP + WINDOW_BOTTOM - WINDOW_TOP)
    await phone.locator('.mp-page:not([hidden]) .mp-page-body').evaluate((body) => {
      body.scrollTop = 1000
    })
    expect((await boxOf(phone, 'sticky')).top).toBe(WINDOW_TOP)
    expect((await boxOf(phone, 'search')).top).toBe(WINDOW_TOP)
    expect((await boxOf(phone, 'footer')).bottom).toBe(WINDOW_BOTTOM)
    // What the user sees at the top of the window is the fixed search bar, not a row.
    const hit = await phone
      .locator('html')
      .evaluate((_, y) => document.elementFromPoint(100, y)?.id ?? '', WINDOW_TOP + 5)
    expect(hit).toMatch(/--search$/)
  })

  it('a full-screen mask dims the page only, never the navigation or tab bar', async () => {
    const phone = await openLayout()
    await phone.locator('.mp-page:not([hidden]) [id$="--mask"]').evaluate((mask) => {
      mask.removeAttribute('hidden')
    })
    const mask = await boxOf(phone, 'mask')
    expect(mask).toMatchObject({ top: WINDOW_TOP, bottom: WINDOW_BOTTOM, left: 0, right: 390 })
  })

  it('with navigationStyle custom the window is the whole screen; env() gives the status bar', async () => {
    const phone = await openLayout()
    // element.click(): a tap without coordinates (Playwright's clicks miss inside a scaled frame).
    await phone.locator('.mp-page:not([hidden]) [id$="--custom"]').evaluate((button) => {
      ;(button as HTMLElement).click()
    })
    await phone.locator('.mp-page:not([hidden]) [id$="--bar"]').waitFor()
    const bar = await boxOf(phone, 'bar')
    expect(bar.top).toBe(0)
    // padding-top: env(safe-area-inset-top) keeps its content below the status bar.
    expect(bar.height).toBe(44 + STATUS_BAR)
    expect((await boxOf(phone, 'screen')).height).toBe(SCREEN)
    // The status bar and the capsule are the phone's, drawn over the page's z-index: 5001 bar.
    const onTop = await phone.locator('#mp-status-bar').evaluate((statusBar) => {
      const doc = statusBar.ownerDocument
      const capsule = doc.getElementById('mp-capsule')!
      ;(statusBar as HTMLElement).style.pointerEvents = 'auto'
      const hit = (element: Element) => {
        const box = element.getBoundingClientRect()
        return doc.elementFromPoint(box.left + 4, box.top + box.height / 2)
      }
      return [statusBar.contains(hit(statusBar)), capsule.contains(hit(capsule))]
    })
    expect(onTop).toEqual([true, true])
    // page { height: 100% } is the window's height.
    const pageHeight = await phone
      .locator('.mp-page:not([hidden]) page')
      .evaluate((element) => element.getBoundingClientRect().height)
    expect(pageHeight).toBe(SCREEN)
    const hidden = await phone
      .locator('#mp-header')
      .evaluate((header) => (header as HTMLElement).hidden)
    expect(hidden).toBe(true)
  })
})
