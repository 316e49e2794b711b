import { describe, expect, it } from 'vitest'
import type { SystemInfo } from '../../../../shared/runtime'
import { pageViewport, pageViewportStyles } from './page-viewport'
import { pageSystemInfo, pageWindow } from './page-window'

const IPHONE_14 = {
  screenWidth: 390,
  screenHeight: 844,
  windowWidth: 390,
  windowHeight: 753,
  statusBarHeight: 47,
  pixelRatio: 3,
  system: 'iOS 16.0',
} as SystemInfo

describe('the page viewport', () => {
  it('is the window below the navigation bar and above the tab bar, with no unsafe edge', () => {
    const info = pageSystemInfo(IPHONE_14, pageWindow({}, {}), 'bottom')
    expect(pageViewport(info)).toEqual({
      width: 390,
      height: 844 - 47 - 44 - 50,
      insets: { top: 0, right: 0, bottom: 0, left: 0 },
    })
  })

  it('with navigationStyle custom reaches the screen top, the status bar its top inset', () => {
    const info = pageSystemInfo(IPHONE_14, pageWindow({ navigationStyle: 'custom' }, {}), undefined)
    expect(pageViewport(info)).toEqual({
      width: 390,
      height: 844,
      insets: { top: 47, right: 0, bottom: 0, left: 0 },
    })
  })

  it('counts a safe area that ends above the screen bottom as the bottom inset', () => {
    const info = {
      ...pageSystemInfo(IPHONE_14, pageWindow({}, {}), undefined),
      safeArea: { left: 0, right: 390, top: 47, bottom: 810, width: 390, height: 763 },
    }
    expect(pageViewport(info).insets.bottom).toBe(34)
  })
})

describe('page styles read the page viewport', () => {
  it('turns vh (and dvh, svh, lvh, vmin, vmax) into the page window height', () => {
    expect(pageViewportStyles('.a{height:100vh;margin-top:-50dvh}')).toBe(
      '.a{height:calc(100 * var(--mp-vh, 1vh));margin-top:calc(-50 * var(--mp-vh, 1vh))}',
    )
    expect(pageViewportStyles('min-height: calc(100svh - 44px)')).toBe(
      'min-height: calc(calc(100 * var(--mp-vh, 1vh)) - 44px)',
    )
    expect(pageViewportStyles('width: 50vmin')).toBe(
      'width: calc(50 * min(var(--mp-vw, 1vw), var(--mp-vh, 1vh)))',
    )
  })

  it('turns vw (and dvw, svw, lvw) into the device width, whatever the frame is zoomed to', () => {
    expect(pageViewportStyles('.a{width:100vw;left:-5svw}')).toBe(
      '.a{width:calc(100 * var(--mp-vw, 1vw));left:calc(-5 * var(--mp-vw, 1vw))}',
    )
  })

  it('leaves class names and file names alone', () => {
    const css = '.h-100vh,.w100vw{width:10px;background:url(bg-100vh.png)} .x{top:.5vh}'
    expect(pageViewportStyles(css)).toBe(
      '.h-100vh,.w100vw{width:10px;background:url(bg-100vh.png)} .x{top:calc(.5 * var(--mp-vh, 1vh))}',
    )
  })

  it('reads env() and constant() safe-area insets from the page, keeping the fallback', () => {
    expect(
      pageViewportStyles(
        'padding-bottom: constant(safe-area-inset-bottom); padding-top: env(safe-area-inset-top, 20px)',
      ),
    ).toBe(
      'padding-bottom: var(--mp-safe-area-inset-bottom); padding-top: var(--mp-safe-area-inset-top, 20px)',
    )
  })
})
