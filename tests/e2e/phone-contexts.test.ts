/**
 * The context APIs of built-ins found by id (pages/contexts of the phone-layout fixture): the
 * legacy wx.createCanvasContext draws on `<canvas canvas-id>` with draw(), canvasToTempFilePath
 * gives its picture back as a wxfile:// temp file (shown by <image>, read by getImageInfo in the
 * main process's store, taken by saveImageToPhotosAlbum), wx.createVideoContext drives the
 * `<video>` of that id, wx.createMapContext and SelectorQuery's context() drive the `<map>`; the
 * older wx.createContext's getActions() are drawn by wx.drawCanvas.
 */
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import {
  copyFixtureProject,
  E2E_TEST_TIMEOUT_MS,
  openWorkbench,
  SCREENSHOT_DIR,
  useE2eScratch,
} from './harness'

describe('built-in contexts', { timeout: E2E_TEST_TIMEOUT_MS }, () => {
  const e2e = useE2eScratch()

  it('draws on a legacy canvas, exports it as a temp file, drives a video and a map by id', async () => {
    const copy = await copyFixtureProject('phone-layout', 'pages/contexts/contexts')
    e2e.defer(() => copy.remove())
    e2e.session = await openWorkbench(copy.dir)
    const { page } = e2e.session
    const phone = e2e.phone()
    const state = phone.locator('[id$="--state"]')
    await expect.poll(() => state.innerText()).toBe('drawn canvasToTempFilePath:ok')

    // Red on the left half, blue on the right, drawn in the canvas's CSS px at the density.
    const halves = (id: string) =>
      phone.locator(`canvas[id$="--${id}"]`).evaluate((element) => {
        const canvas = element as HTMLCanvasElement
        const context = canvas.getContext('2d')!
        const at = (x: number) => [...context.getImageData(x, canvas.height / 2, 1, 1).data]
        return {
          size: [canvas.width, canvas.height],
          left: at(canvas.width / 4),
          right: at((canvas.width * 3) / 4),
        }
      })
    const pixels = await halves('legacy')
    const ratio = await phone.locator('body').evaluate(() => devicePixelRatio)
    expect(pixels.size).toEqual([100 * ratio, 60 * ratio])
    expect(pixels.left).toEqual([255, 0, 0, 255])
    expect(pixels.right).toEqual([0, 0, 255, 255])

    // wx.drawCanvas: green everywhere, then yellow over the right half (reserve: true).
    await expect.poll(async () => (await halves('actions')).right).toEqual([255, 255, 0, 255])
    expect((await halves('actions')).left).toEqual([0, 255, 0, 255])

    // The exported picture is a temp file: <image> shows it, getImageInfo reads it (the whole
    // canvas at the density, and its right half exported at 25×30 as JPEG).
    expect(await phone.locator('[id$="--path"]').innerText()).toMatch(/^wxfile:\/\/tmp_.+\.png$/)
    const snapshot = phone.locator('[id$="--snapshot"] img')
    await expect
      .poll(() => snapshot.evaluate((img) => (img as HTMLImageElement).naturalWidth))
      .toBe(100 * ratio)
    expect(await snapshot.getAttribute('src')).toMatch(/^blob:/)
    await expect
      .poll(() => phone.locator('[id$="--info"]').innerText())
      .toBe(`${100 * ratio}x${60 * ratio} png; 25x30 jpeg`)
    await phone.locator('[id$="--save"]').click()
    await phone.getByRole('dialog').getByRole('button', { name: '允许' }).click()
    await expect
      .poll(() => phone.locator('[id$="--saved"]').innerText())
      .toBe('saveImageToPhotosAlbum:ok')

    // MapContext.moveToLocation() went to the 位置; context() answered the same map's scale.
    const mapState = phone.locator('[id$="--map-state"]')
    await expect.poll(() => mapState.innerText()).toBe('23.099994,113.32452 scale 15')
    const map = phone.locator('map')
    expect(await map.locator('circle').count()).toBe(1)
    expect(await map.locator('polygon').count()).toBe(1)
    expect(await map.locator('.wx-map__callout').innerText()).toBe('T.I.T')
    // The wheel zooms in one level: regionchange ends with causedBy scale.
    await map.hover()
    await page.mouse.wheel(0, -100)
    await expect.poll(() => mapState.innerText()).toBe('scale 16')

    expect(
      await phone
        .locator('wx-video video')
        .evaluate((video) => (video as HTMLVideoElement).playbackRate),
    ).toBe(1.5)
    await page.locator('.phone').screenshot({ path: join(SCREENSHOT_DIR, 'phone-contexts.png') })
  })
})
