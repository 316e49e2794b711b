import { afterEach, describe, expect, it } from 'vitest'
import { followFrameSize, frameZoom, toCssPx, toCssRect } from './frame-zoom'

/** A window of `width` CSS px whose width can change (the workbench resizing the iframe). */
function windowOf(width: number) {
  const listeners: (() => void)[] = []
  return {
    innerWidth: width,
    document,
    addEventListener: (_: string, listener: () => void) => listeners.push(listener),
    removeEventListener: () => listeners.splice(0),
    resize(to: number) {
      this.innerWidth = to
      for (const listener of listeners) listener()
    },
  }
}

let stop: (() => void) | undefined
afterEach(() => {
  stop?.()
  followFrameSize(windowOf(375) as unknown as Window, 375)()
})

describe('the frame zoom', () => {
  it('zooms the root to frame width over device width, and follows a resize', () => {
    const win = windowOf(750)
    stop = followFrameSize(win as unknown as Window, 375)
    expect(frameZoom()).toBe(2)
    expect(document.documentElement.style.zoom).toBe('2')
    win.resize(281)
    expect(frameZoom()).toBeCloseTo(0.7493, 4)
    win.resize(375)
    expect(document.documentElement.style.zoom).toBe('')
  })

  it('turns zoomed pixels into the page’s CSS px', () => {
    stop = followFrameSize(windowOf(750) as unknown as Window, 375)
    expect(toCssPx(100)).toBe(50)
    expect(toCssRect({ left: 20, top: 40, width: 80, height: 10 })).toEqual({
      left: 10,
      top: 20,
      width: 40,
      height: 5,
      right: 50,
      bottom: 25,
    })
  })

  it('keeps the zoom when the window has no size yet', () => {
    stop = followFrameSize(windowOf(0) as unknown as Window, 375)
    expect(frameZoom()).toBe(1)
  })
})
