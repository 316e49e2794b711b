/**
 * The page viewport in Chromium (tests/fixtures/projects/phone-layout on the default iPhone 14,
 * 390×844, status bar 47): `position: fixed`, `vh`, `100%`, sticky and `env(safe-area-inset-*)`
 * measured against the page's window between the navigation bar and the tab bar, not the phone.
 */
import type { FrameLocator } from 'playwright-core'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import {
  E2E_TEST_TIMEOUT_MS,
  fixtureProject,
  openWorkbench,
  REPO_ROOT,
  showDeviceAt100,
  useE2eScratch,
} from './harness'

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
const HOME_INDICATOR = 34
const SCREEN = 844
const WINDOW_TOP = STATUS_BAR + NAVIGATION_BAR
// The iPhone 14 has a home indicator: the tab bar is taller by it.
const WINDOW_BOTTOM = SCREEN - TAB_BAR - HOME_INDICATOR

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
    expect(tabBar?.height).toBe(TAB_BAR + HOME_INDICATOR)
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

/** The tab bar's and its neighbours' boxes, in the frame's CSS px at 100 %. */
interface TabBarGeometry {
  screen: number
  tabBar: Box
  /** The bottom of the lowest label of the tab bar. */
  labelsBottom: number
  /** The shown page's scrolling body. */
  body: Box
  indicator: Box | undefined
}

/** The geometry of the tab bar `bar` whose labels are `label` (selectors in the frame). */
async function tabBarGeometry(
  phone: FrameLocator,
  bar: string,
  label: string,
): Promise<TabBarGeometry> {
  return phone.locator('html').evaluate(
    (html, [barSelector, labelSelector]) => {
      const doc = html.ownerDocument
      const box = (element: Element | null): Box | undefined => {
        if (!element) return undefined
        const { top, bottom, left, right, height } = element.getBoundingClientRect()
        return { top, bottom, left, right, height }
      }
      const labels = Array.from(doc.querySelectorAll(labelSelector))
      return {
        screen: doc.defaultView!.innerHeight,
        tabBar: box(doc.querySelector(barSelector))!,
        labelsBottom: Math.max(...labels.map((l) => l.getBoundingClientRect().bottom)),
        body: box(doc.querySelector('.mp-page:not([hidden]) .mp-page-body'))!,
        indicator: box(doc.getElementById('mp-home-indicator')),
      }
    },
    [bar, label],
  )
}

const DEVICES = [
  { id: 'iphone-se', label: 'iPhone SE 375×667 @2', screen: 667, indicator: 0 },
  { id: 'iphone-14-pro-max', label: 'iPhone 14 Pro Max 430×932 @3', screen: 932, indicator: 34 },
] as const

describe(
  'the tab bar keeps its items above the home indicator',
  { timeout: E2E_TEST_TIMEOUT_MS },
  () => {
    const e2e = useE2eScratch()

    async function openOn(project: string, device: (typeof DEVICES)[number], ready: string) {
      e2e.session = await openWorkbench(project)
      await showDeviceAt100(e2e.session.page, device)
      const phone = e2e.phone()
      await phone.locator(`.mp-page:not([hidden]) ${ready}`).waitFor()
      return phone
    }

    function expectAboveIndicator(geometry: TabBarGeometry, device: (typeof DEVICES)[number]) {
      expect(geometry.screen).toBe(device.screen)
      expect(geometry.tabBar.bottom).toBe(device.screen)
      expect(geometry.body.bottom).toBe(geometry.tabBar.top)
      if (device.indicator === 0) {
        expect(geometry.indicator).toBeUndefined()
        return
      }
      expect(geometry.indicator).toBeDefined()
      expect(geometry.labelsBottom).toBeLessThanOrEqual(geometry.indicator!.top)
      expect(geometry.labelsBottom).toBeLessThanOrEqual(device.screen - device.indicator)
    }

    for (const device of DEVICES) {
      it(`the drawn tab bar on ${device.id}: its labels above the home indicator`, async () => {
        const phone = await openOn(fixtureProject('phone-layout'), device, '[id$="--search"]')
        const geometry = await tabBarGeometry(phone, '#mp-tab-bar', '#mp-tab-bar .mp-tab-text')
        expect(geometry.tabBar.height).toBe(TAB_BAR + device.indicator)
        expectAboveIndicator(geometry, device)
        expect(e2e.session!.pageErrors).toEqual([])
      })

      it(`a custom tab bar on ${device.id}: env(safe-area-inset-bottom) lifts its labels`, async () => {
        const project = join(REPO_ROOT, 'tests', 'fixtures', 'simulator', 'custom-tabs')
        const phone = await openOn(project, device, '[id$="--tab-0"]')
        const shown = '.mp-page:not([hidden])'
        const geometry = await tabBarGeometry(
          phone,
          `${shown} .mp-custom-tab-bar`,
          `${shown} .mp-custom-tab-bar [id*="--tab-"]`,
        )
        expect(geometry.tabBar.height).toBe(TAB_BAR + device.indicator)
        expectAboveIndicator(geometry, device)
        expect(e2e.session!.pageErrors).toEqual([])
      })
    }
  },
)
