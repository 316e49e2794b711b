/**
 * Zoom without transforms: at every zoom level (自适应 included) Playwright's clicks into the
 * simulator land on the element aimed at, among neighbours 40 px wide, and the mini-program sees
 * the same numbers as at 100 %: tap `x`/`y`, touch points, SelectorQuery rects, a movable-view
 * dragged by the mouse, `vw`. The page is `pages/zoom/zoom` of the phone-layout fixture.
 */
import { describe, expect, it } from 'vitest'
import { copyFixtureProject, E2E_TEST_TIMEOUT_MS, openWorkbench, useE2eScratch } from './harness'

const IPHONE_SE = { id: 'iphone-se', label: 'iPhone SE 375×667 @2', width: 375 }

describe('zoom', { timeout: E2E_TEST_TIMEOUT_MS * 2 }, () => {
  const e2e = useE2eScratch()

  it('clicks, taps, rects and drags agree at every zoom level', async () => {
    const copy = await copyFixtureProject('phone-layout', 'pages/zoom/zoom')
    e2e.defer(() => copy.remove())
    e2e.session = await openWorkbench(copy.dir)
    const { page } = e2e.session
    await page.getByRole('combobox', { name: '机型' }).selectOption({ label: IPHONE_SE.label })
    const iframe = page.locator(`.phone[data-device="${IPHONE_SE.id}"] iframe.simulator-frame`)
    await iframe.waitFor()
    const phone = e2e.phone()
    const byId = (id: string) => phone.locator(`[id$="--${id}"]`)
    await byId('cell-0').waitFor()

    let yBelowCell: number | undefined
    const levels = { '100%': 13, '50%': 6, '75%': 20, '150%': 9, '200%': 17, 自适应: 2 }
    for (const [index, [level, cell]] of Object.entries(levels).entries()) {
      // A window too short for the whole phone, so 自适应 scales it down.
      if (level === '自适应') await page.setViewportSize({ width: 1280, height: 560 })
      await page.getByRole('combobox', { name: '缩放' }).selectOption({ label: level })
      // No transform or zoom outside the frame: the iframe is the scaled phone.
      const outside = await iframe.evaluate((frame) => {
        const styles: string[] = []
        for (let node: Element | null = frame; node; node = node.parentElement) {
          const style = getComputedStyle(node)
          styles.push(`${style.transform}|${style.zoom}`)
        }
        return styles
      })
      expect(outside.every((style) => style === 'none|1')).toBe(true)
      const box = await iframe.boundingBox()
      const zoom = box!.width / IPHONE_SE.width
      if (level !== '100%') expect(zoom).not.toBe(1)
      // 50vw is half the device, not half the zoomed frame.
      const halfWidth = async () =>
        Number.parseFloat(await byId('wide').evaluate((wide) => getComputedStyle(wide).width))
      await expect
        .poll(async () => Math.abs((await halfWidth()) - IPHONE_SE.width / 2))
        .toBeLessThan(0.1)

      // Cells of 40 px, 8 a row: a click scaled wrongly lands on a neighbour.
      await byId(`cell-${cell}`).click()
      await expect.poll(() => byId('tapped').innerText()).toMatch(new RegExp(`^${cell} `))
      const left = (cell % 8) * 40
      const top = Math.floor(cell / 8) * 40
      // SelectorQuery's rect, from the page's corner in CSS px (within the rounding of the
      // zoomed layout to device pixels).
      const expected = [left, top, 40, 40]
      const offBy = async () => {
        const rect = (await byId('rect').innerText()).split(' ').map(Number)
        return Math.max(...expected.map((value, i) => Math.abs((rect[i] ?? NaN) - value)))
      }
      await expect.poll(offBy).toBeLessThan(0.25)
      const [, x, y, clientX, clientY] = (await byId('tapped').innerText()).split(' ').map(Number)
      // Playwright clicks the middle of the cell; tap x/y and the touch are in CSS px (y from
      // the screen's top, as at 100 %).
      // One screen pixel is 1 / zoom CSS px, and the page rounds.
      const slack = 1 + 1 / zoom
      expect(Math.abs(x - (left + 20))).toBeLessThanOrEqual(slack)
      yBelowCell ??= y - top
      expect(Math.abs(y - top - yBelowCell)).toBeLessThanOrEqual(slack)
      expect([clientX, clientY]).toEqual([x, y])

      // Drag the movable-view 60 CSS px right and 30 down (back again on the next level) with
      // the mouse, moving in screen pixels.
      const sign = index % 2 === 0 ? 1 : -1
      const block = await byId('block').boundingBox()
      const startX = block!.x + block!.width / 2
      const startY = block!.y + block!.height / 2
      await page.mouse.move(startX, startY)
      await page.mouse.down()
      await page.mouse.move(startX + sign * 60 * zoom, startY + sign * 30 * zoom, { steps: 4 })
      await page.mouse.up()
      const target = sign > 0 ? [60, 30] : [0, 0]
      const missedBy = async () => {
        const moved = (await byId('moved').innerText()).split(' ').map(Number)
        return Math.max(...target.map((value, i) => Math.abs((moved[i] ?? NaN) - value)))
      }
      await expect.poll(missedBy).toBeLessThanOrEqual(slack)
    }
  })
})
