import { describe, expect, it } from 'vitest'
import { FIT_MAX_SCALE, FIT_MIN_SCALE, fitScale } from './fit-scale'

const IPHONE_14 = { width: 390, height: 844 }
const IPAD_MINI = { width: 768, height: 1024 }
const PADDING = { width: 32, height: 32 }

describe('fitScale', () => {
  it('fits a tall phone by the pane’s height, the padding left out', () => {
    // The simulator pane of a 1280×800 window.
    expect(fitScale({ width: 493, height: 686 }, IPHONE_14, PADDING)).toBe(0.774)
  })

  it('fits a wide device by the pane’s width', () => {
    expect(fitScale({ width: 493, height: 900 }, IPAD_MINI, PADDING)).toBe(0.6)
  })

  it('never scales the device above its own CSS size', () => {
    expect(fitScale({ width: 2000, height: 2000 }, IPHONE_14, PADDING)).toBe(FIT_MAX_SCALE)
  })

  it('never scales below the smallest readable scale, even in a pane with no room', () => {
    expect(fitScale({ width: 100, height: 120 }, IPHONE_14, PADDING)).toBe(FIT_MIN_SCALE)
    expect(fitScale({ width: 0, height: 0 }, IPHONE_14, PADDING)).toBe(FIT_MIN_SCALE)
  })

  it('never lets the scaled device end a fraction of a pixel past the room', () => {
    for (let width = 300; width <= 1400; width += 7) {
      for (let height = 400; height <= 1200; height += 11) {
        const scale = fitScale({ width, height }, IPAD_MINI, PADDING)
        if (scale === FIT_MIN_SCALE || scale === FIT_MAX_SCALE) continue
        expect(IPAD_MINI.width * scale).toBeLessThanOrEqual(width - PADDING.width)
        expect(IPAD_MINI.height * scale).toBeLessThanOrEqual(height - PADDING.height)
      }
    }
  })
})
