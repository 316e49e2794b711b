/**
 * A page of many components per library (tests/fixtures/npm/*-showcase: TDesign and Vant built
 * with 构建 npm from the packages installed with this repository, WeUI through useExtendedLib) on
 * the smallest and the largest phone: buttons sit side by side at their own width, a dialog's
 * mask dims the page's viewport only (not the navigation bar) and the dialog is centred in it;
 * WeUI's loading circle, checkbox ticks and the grids' and tab bar's pictures are drawn.
 * The screenshots are docs/npm-packages.md's (`MPDT_SCREENSHOT_DIR=docs/screenshots`).
 */
import { cp } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { buildNpm } from '../../electron/services/npm'
import { linkInstalled } from '../helpers/npm-fixture'
import {
  E2E_TEST_TIMEOUT_MS,
  openWorkbench,
  REPO_ROOT,
  SCREENSHOT_DIR,
  useE2eScratch,
} from './harness'

const DEVICES = [
  { id: 'iphone-se', label: 'iPhone SE 375×667 @2' },
  { id: 'iphone-14-pro-max', label: 'iPhone 14 Pro Max 430×932 @3' },
]

/** Each library: what to install, its button class, its dialog's mask and box. */
const LIBRARIES = [
  {
    name: 'tdesign',
    installed: ['tdesign-miniprogram', 'tslib'],
    button: 't-button',
    mask: 't-overlay',
    dialog: 't-dialog',
  },
  {
    name: 'vant',
    installed: ['@vant/weapp'],
    button: 'van-button',
    mask: 'van-overlay',
    dialog: 'van-dialog',
  },
  { name: 'weui', installed: [], button: 'weui-btn', mask: 'weui-mask', dialog: 'weui-dialog' },
]

/** Elements with a library class; an isolated component's classes carry their scope prefix. */
const cls = (name: string) => `[class~="${name}"], [class*="--${name} "], [class$="--${name}"]`

describe(
  'component libraries on the smallest and the largest phone',
  { timeout: E2E_TEST_TIMEOUT_MS },
  () => {
    const e2e = useE2eScratch()

    for (const library of LIBRARIES)
      for (const device of DEVICES)
        it(`${library.name} on ${device.id}`, async () => {
          const dir = join(await e2e.folder('mpdt-e2e-showcase-'), library.name)
          await cp(join(REPO_ROOT, `tests/fixtures/npm/${library.name}-showcase`), dir, {
            recursive: true,
          })
          if (library.installed.length > 0) {
            await linkInstalled(dir, library.installed)
            const built = await buildNpm(dir)
            expect(built.ok ? null : built.error).toBeNull()
          }
          e2e.session = await openWorkbench(dir)
          const page = e2e.page()
          // Room for the largest phone at 100 %, where Playwright aims inside the frame unscaled.
          await page.setViewportSize({ width: 1280, height: 1100 })
          await page.getByRole('combobox', { name: '机型' }).selectOption({ label: device.label })
          await page.getByRole('combobox', { name: '缩放' }).selectOption({ label: '100%' })
          const phone = () => e2e.phone()
          const rect = (selector: string, hasText?: string) =>
            phone()
              .locator(selector, hasText === undefined ? {} : { hasText })
              .first()
              .evaluate((element) => {
                const { top, bottom, left, right } = element.getBoundingClientRect()
                return { top, bottom, left, right }
              })

          // The row of small buttons: Dialog and Popup on one line, each as wide as its text.
          const dialogButton = await rect(cls(library.button), 'Dialog')
          const popupButton = await rect(
            cls(library.button),
            library.name === 'weui' ? 'Half' : 'Popup',
          )
          expect(popupButton.top).toBe(dialogButton.top)
          expect(popupButton.left).toBeGreaterThan(dialogButton.right)
          if (library.name === 'weui') {
            // mp-loading's circle is the library's own picture (`/_assets/…` from its own root).
            const circle = phone().locator(cls('weui-loading-animation')).first()
            await expect
              .poll(() => circle.evaluate((host) => host.querySelector('img')?.naturalWidth))
              .toBeGreaterThan(0)
            // The checked radio draws its tick (a mask over the brand colour), the checked
            // checkbox its green disc: the checkbox's selectors reach the class it gave its cell.
            const checked = phone().locator(cls('weui-icon-is-checked'))
            const look = (index: number) =>
              checked.nth(index).evaluate((element) => {
                const style = getComputedStyle(element)
                return {
                  mask: style.webkitMaskImage || style.maskImage,
                  image: style.backgroundImage,
                }
              })
            expect((await look(0)).mask).toContain('data:image/svg')
            expect((await look(1)).image).toContain('data:image/svg')
            // The grids' and the tab bar's icons are the project's own pictures (`/images/…`),
            // named in the page's data and shown by the library's `<image>`s.
            const icons = phone().locator(
              `${cls('weui-grid__icon_img')}, ${cls('weui-tabbar__icon')}`,
            )
            await expect
              .poll(() =>
                icons.evaluateAll((hosts) =>
                  hosts.map((host) => host.querySelector('img')?.naturalWidth ?? 0),
                ),
              )
              .toEqual([...Array(8)].map(() => 56))
          }
          await page.waitForTimeout(300)
          await page.locator('.phone').screenshot({
            path: join(SCREENSHOT_DIR, `library-${library.name}-${device.id}.png`),
          })

          await phone().locator(cls(library.button), { hasText: 'Dialog' }).first().click()
          await phone().locator(cls(library.dialog)).first().waitFor()
          const viewport = await rect('.mp-page')
          // The mask covers the page's viewport, below the navigation bar, to the phone's bottom.
          await expect.poll(() => rect(cls(library.mask))).toEqual(viewport)
          const dialog = await rect(cls(library.dialog))
          const centre = (dialog.left + dialog.right) / 2
          expect(Math.abs(centre - (viewport.left + viewport.right) / 2)).toBeLessThan(1)
          // Its opening transition has ended.
          await expect
            .poll(() =>
              phone()
                .locator(cls(library.dialog))
                .first()
                .evaluate((element) => getComputedStyle(element).opacity),
            )
            .toBe('1')
          await page.locator('.phone').screenshot({
            path: join(SCREENSHOT_DIR, `library-${library.name}-dialog-${device.id}.png`),
          })
          const remote = /https?:\/\/(?!127\.0\.0\.1)[^\s'"()]+\.(woff2?|ttf|png)\b/
          expect(e2e.session.pageErrors.filter((error) => !remote.test(error))).toEqual([])
        })
  },
)
