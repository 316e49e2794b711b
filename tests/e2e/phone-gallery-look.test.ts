/**
 * The look gallery (tests/fixtures/projects/phone-gallery, `"style": "v2"` as WeChat's new-project
 * template): one page per built-in component and layout case, on the smallest and the largest
 * phone at 100 %, each saved as `gallery-<page>-<device>.png` for docs/simulator-phone.md
 * (`npm run docs:screenshots`). Key boxes and colours of WeChat's look are asserted, so a change
 * to the built-ins' style sheet that breaks them fails here, not only in the pictures.
 */
import { join } from 'node:path'
import type { FrameLocator, Locator, Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import {
  byId,
  copyFixtureProject,
  E2E_TEST_TIMEOUT_MS,
  openWorkbench,
  SCREENSHOT_DIR,
  showDeviceAt100,
  useE2eScratch,
} from './harness'

const DEVICES = [
  {
    id: 'iphone-se',
    label: 'iPhone SE 375×667 @2',
    width: 375,
    height: 667,
    statusBar: 20,
    homeIndicator: 0,
  },
  {
    id: 'iphone-14-pro-max',
    label: 'iPhone 14 Pro Max 430×932 @3',
    width: 430,
    height: 932,
    statusBar: 59,
    homeIndicator: 34,
  },
] as const
type Device = (typeof DEVICES)[number]

/** The fixture's pages, in app.json's order. */
const PAGES = [
  'view',
  'scroll-view',
  'swiper',
  'movable',
  'cover-view',
  'icon',
  'text',
  'rich-text',
  'progress',
  'button',
  'checkbox',
  'radio',
  'switch',
  'slider',
  'input',
  'textarea',
  'picker',
  'picker-view',
  'form',
  'navigator',
  'image',
  'video',
  'audio',
  'canvas',
  'map',
  'web-view',
  'placeholders',
  'fixed',
  'safe-area',
  'custom-nav',
] as const
type GalleryPage = (typeof PAGES)[number]

/** A box in the device's CSS px (the phone is at 100 %, so the frame's px are the device's). */
interface Box {
  x: number
  y: number
  width: number
  height: number
}

/** Computed style properties of the element. */
function styleOf(locator: Locator, ...names: string[]): Promise<Record<string, string>> {
  return locator.evaluate((element, wanted) => {
    const style = getComputedStyle(element)
    return Object.fromEntries(wanted.map((name) => [name, style.getPropertyValue(name)]))
  }, names)
}

/** The box of the element relative to the frame's viewport (the phone's screen under the bars). */
function boxOf(locator: Locator): Promise<Box> {
  return locator.evaluate((element) => {
    const { x, y, width, height } = element.getBoundingClientRect()
    return { x, y, width, height }
  })
}

/**
 * What each page checks before its picture is taken (soft: every picture is still taken, and the
 * test fails at the end with every difference).
 */
const CHECKS: Partial<
  Record<GalleryPage, (phone: FrameLocator, device: Device, page: Page) => Promise<void>>
> = {
  async button(phone) {
    // style v2: 184 px wide, 17 px bold text, radius 4 px; primary #07c160, default #f2f2f2
    // with #06ae56 text, warn #fa5151 text on the same grey.
    const primary = phone.locator(byId('primary'))
    expect
      .soft(await styleOf(primary, 'background-color', 'color', 'font-size', 'font-weight'))
      .toEqual({
        'background-color': 'rgb(7, 193, 96)',
        color: 'rgb(255, 255, 255)',
        'font-size': '17px',
        'font-weight': '700',
      })
    expect.soft(await styleOf(primary, 'border-top-left-radius')).toEqual({
      'border-top-left-radius': '4px',
    })
    expect.soft((await boxOf(primary)).width).toBe(184)
    expect
      .soft(await styleOf(phone.locator(byId('default')), 'background-color', 'color'))
      .toEqual({
        'background-color': 'rgb(242, 242, 242)',
        color: 'rgb(6, 174, 86)',
      })
    expect.soft(await styleOf(phone.locator(byId('warn')), 'background-color', 'color')).toEqual({
      'background-color': 'rgb(242, 242, 242)',
      color: 'rgb(250, 81, 81)',
    })
    const plain = await styleOf(
      phone.locator(byId('plain')),
      'background-color',
      'color',
      'border-top-color',
    )
    expect.soft(plain).toEqual({
      'background-color': 'rgba(0, 0, 0, 0)',
      color: 'rgb(7, 193, 96)',
      'border-top-color': 'rgb(7, 193, 96)',
    })
    expect
      .soft(await styleOf(phone.locator(byId('mini')), 'font-size'))
      .toEqual({ 'font-size': '16px' })
  },
  async switch(phone) {
    const on = phone.locator(byId('on')).locator(':scope > .wx-switch-input')
    expect.soft(await boxOf(on)).toMatchObject({ width: 52, height: 32 })
    expect.soft(await styleOf(on, 'background-color')).toEqual({
      'background-color': 'rgb(4, 190, 2)',
    })
    expect
      .soft(
        await styleOf(
          phone.locator(byId('off')).locator(':scope > .wx-switch-input'),
          'background-color',
        ),
      )
      .toEqual({ 'background-color': 'rgb(223, 223, 223)' })
  },
  async checkbox(phone) {
    const box = phone.locator(byId('checked')).locator(':scope > .wx-checkbox-input')
    expect.soft(await boxOf(box)).toMatchObject({ width: 22, height: 22 })
    expect.soft(await styleOf(box, 'border-top-left-radius')).toEqual({
      'border-top-left-radius': '3px',
    })

    // Disabled: WeChat's grey box (#e1e1e1), not a faded one.
    const disabled = phone.locator(byId('disabled-checked')).locator(':scope > .wx-checkbox-input')
    expect.soft(await styleOf(disabled, 'background-color', 'opacity')).toEqual({
      'background-color': 'rgb(225, 225, 225)',
      opacity: '1',
    })
  },
  async swiper(phone, device) {
    // previous-margin and next-margin 40px: an item is the swiper less both, the next one shows.
    const item = await boxOf(phone.locator(byId('margins')).locator('swiper-item').first())
    expect.soft(item).toMatchObject({ x: 40, width: device.width - 80 })
  },
  async 'cover-view'(phone) {
    // A video's cover-view children are drawn over it, placed inside it.
    const video = await boxOf(phone.locator(byId('covered')))
    const overlay = await boxOf(phone.locator(byId('overlay')))
    expect.soft(overlay.x - video.x).toBe(12)
    expect.soft(overlay.y - video.y).toBe(12)
  },
  async audio(phone) {
    // WeChat's player: 65 px high in a 1 px border, the poster square, the name and author.
    const player = phone.locator('.wx-audio-default')
    expect.soft((await boxOf(player)).height).toBe(67)
    expect.soft(await player.locator('.wx-audio-name').textContent()).toBe('此时此刻')
    expect
      .soft(await boxOf(player.locator('.wx-audio-left')))
      .toMatchObject({ width: 65, height: 65 })
  },
  async radio(phone) {
    const dot = phone.locator(byId('checked')).locator(':scope > .wx-radio-input')
    expect.soft(await boxOf(dot)).toMatchObject({ width: 22, height: 22 })
    expect.soft(await styleOf(dot, 'background-color')).toEqual({
      'background-color': 'rgb(9, 187, 7)',
    })
  },
  async slider(phone) {
    const slider = phone.locator(byId('plain'))
    expect.soft((await boxOf(slider.locator('.wx-slider-track'))).height).toBe(2)
    expect
      .soft(await boxOf(slider.locator('.wx-slider-thumb')))
      .toMatchObject({ width: 28, height: 28 })
    expect.soft(await styleOf(slider.locator('.wx-slider-active'), 'background-color')).toEqual({
      'background-color': 'rgb(26, 173, 25)',
    })
  },
  async progress(phone) {
    const bar = phone.locator(byId('p20')).locator('.wx-progress-bar')
    expect.soft((await boxOf(bar)).height).toBe(6)
    expect.soft(await styleOf(bar, 'background-color')).toEqual({
      'background-color': 'rgb(235, 235, 235)',
    })
    const inner = phone.locator(byId('p20')).locator('.wx-progress-inner-bar')
    expect.soft(await styleOf(inner, 'background-color')).toEqual({
      'background-color': 'rgb(9, 187, 7)',
    })
    expect.soft((await boxOf(inner)).width).toBeCloseTo((await boxOf(bar)).width * 0.2, 0)
  },
  async 'picker-view'(phone) {
    // value [30, 5, 14] with 50 px items: the column has moved 30 items up, under the indicator
    // (measured once the page is laid out, not while it was still hidden).
    const years = phone.locator('picker-view-column').first()
    await expect
      .poll(() =>
        years.locator('.wx-picker-view-column__content').evaluate((c) => c.style.transform),
      )
      .toBe('translateY(-1500px)')
    expect.soft(await boxOf(years.locator('.wx-picker-view-column__indicator'))).toMatchObject({
      height: 50,
    })
  },
  async icon(phone) {
    expect.soft(await boxOf(phone.locator('icon').first())).toMatchObject({ width: 23, height: 23 })
  },
  async image(phone) {
    // 160×100: widthFix at 120 px wide is 75 high, heightFix at 40 px high is 64 wide.
    expect
      .soft(await boxOf(phone.locator(byId('width-fix'))))
      .toMatchObject({ width: 120, height: 75 })
    expect
      .soft(await boxOf(phone.locator(byId('height-fix'))))
      .toMatchObject({ width: 64, height: 40 })
    expect.soft(await boxOf(phone.locator(byId('default-size')))).toMatchObject({
      width: 320,
      height: 240,
    })
  },
  async textarea(phone) {
    expect
      .soft(await boxOf(phone.locator(byId('plain'))))
      .toMatchObject({ width: 300, height: 150 })
    // auto-height: one line of its value, not 0 (it was fitted before it was laid out).
    expect.soft((await boxOf(phone.locator(byId('auto')))).height).toBeGreaterThan(16)
  },
  async video(phone) {
    expect
      .soft(await boxOf(phone.locator(byId('plain'))))
      .toMatchObject({ width: 300, height: 225 })
  },
  async placeholders(phone) {
    expect.soft(await phone.locator('wx-camera').getAttribute('role')).toBe('note')
  },
  async 'web-view'(phone) {
    await phone.getByRole('alert').filter({ hasText: '不支持打开非业务域名' }).waitFor()
  },
  async fixed(phone, device) {
    // The page's window starts under the navigation bar and, with no tab bar, ends at the screen's
    // bottom: fixed top 0 and bottom 0 are its edges.
    const header = await boxOf(phone.locator(byId('header')))
    const footer = await boxOf(phone.locator(byId('footer')))
    const zero = await boxOf(phone.locator('.mp-page:visible'))
    expect.soft(header.y).toBe(zero.y)
    expect.soft(footer.y + footer.height).toBe(zero.y + zero.height)
    expect.soft(zero.height).toBe(device.height - device.statusBar - 44)
  },
  async 'safe-area'(phone, device) {
    const top = phone.locator(byId('top'))
    const bottom = phone.locator(byId('bottom'))
    expect
      .soft(await styleOf(top, 'padding-top'))
      .toEqual({ 'padding-top': `${device.statusBar}px` })
    expect.soft(await styleOf(bottom, 'padding-bottom')).toEqual({
      'padding-bottom': `${device.homeIndicator}px`,
    })
    const box = await boxOf(bottom)
    expect.soft(box.y + box.height).toBe(device.height)
  },
}

describe('the look gallery', { timeout: E2E_TEST_TIMEOUT_MS }, () => {
  const e2e = useE2eScratch()

  /** Opens `route` by the Console's command line and waits for its root element. */
  async function reLaunch(page: Page, phone: FrameLocator, name: GalleryPage): Promise<void> {
    const command = page.getByRole('textbox', { name: '控制台命令' })
    await command.fill(`wx.reLaunch({ url: '/pages/${name}/${name}' }) && 'opened ${name}'`)
    await command.press('Enter')
    await page.getByRole('log').getByText(`opened ${name}`, { exact: true }).waitFor()
    await phone
      .locator('.mp-page:visible')
      .locator(byId(`look-${name}`))
      .waitFor()
  }

  /**
   * The pages in runs of six, each run in a workbench of its own: after some fifteen reLaunches in
   * one session, headless Chromium's pictures of the frame drop layers (a textarea's text, the
   * picker-view's items) that the phone itself still shows.
   */
  const RUNS = Array.from({ length: Math.ceil(PAGES.length / 6) }, (_, i) =>
    PAGES.slice(i * 6, i * 6 + 6),
  )

  for (const device of DEVICES) {
    for (const run of RUNS) {
      it(`${run.join(', ')} on ${device.id}`, async () => {
        const first = run[0]!
        const copy = await copyFixtureProject('phone-gallery', `pages/${first}/${first}`)
        e2e.defer(() => copy.remove())
        e2e.session = await openWorkbench(copy.dir)
        const { page } = e2e.session
        await showDeviceAt100(page, device)
        const phone = e2e.phone()
        await phone
          .locator('.mp-page:visible')
          .locator(byId(`look-${first}`))
          .waitFor()
        await page.getByRole('tab', { name: '控制台' }).click()
        for (const name of run) {
          if (name !== first) await reLaunch(page, phone, name)
          // Local pictures decode, the canvases draw and the text controls paint: two frames of
          // the phone, and time for the pictures.
          await phone
            .locator('body')
            .evaluate(
              () => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))),
            )
          await page.waitForTimeout(600)
          await CHECKS[name]?.(phone, device, page)
          await page.locator('.phone').screenshot({
            path: join(SCREENSHOT_DIR, `gallery-${name}-${device.id}.png`),
          })
          if (name === 'picker') {
            // The selector's bottom sheet, as WeChat draws it over the page.
            await phone.locator(byId('selector')).click()
            const sheet = phone.locator('.wx-picker')
            await sheet.waitFor()
            await page.waitForTimeout(300)
            const box = await boxOf(sheet)
            const window = await boxOf(phone.locator('.mp-page:visible'))
            expect(box.y + box.height).toBeCloseTo(window.y + window.height, 0)
            // Its rows end above the home indicator (34 px on the Pro Max, none on the SE).
            const rows = await boxOf(sheet.locator('.wx-picker-columns'))
            expect(box.y + box.height - (rows.y + rows.height)).toBe(device.homeIndicator)
            await page.locator('.phone').screenshot({
              path: join(SCREENSHOT_DIR, `gallery-picker-open-${device.id}.png`),
            })
          }
        }
        expect(e2e.session.pageErrors).toEqual([])
      })
    }
  }
})
