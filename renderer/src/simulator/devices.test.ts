import { describe, expect, it } from 'vitest'
import { DEFAULT_DEVICE_ID, DEVICE_PRESETS, devicePreset, systemInfoFor } from './devices'
import { pageViewport } from './frame/page-viewport'
import { pageSystemInfo, pageWindow } from './frame/page-window'

describe('device presets', () => {
  it('offer the phones and tablet of WeChat’s tool with their CSS size and pixel ratio', () => {
    expect(DEVICE_PRESETS.map((d) => [d.name, d.width, d.height, d.pixelRatio])).toEqual([
      ['iPhone SE', 375, 667, 2],
      ['iPhone 14', 390, 844, 3],
      ['iPhone 14 Pro Max', 430, 932, 3],
      ['Pixel 7', 412, 915, 2.625],
      ['iPad mini', 768, 1024, 2],
    ])
  })

  it('fall back to the default device for an unknown id', () => {
    expect(devicePreset('nokia-3310').id).toBe(DEFAULT_DEVICE_ID)
  })

  it('answer getSystemInfoSync for the device, the window below the status and navigation bars', () => {
    const info = systemInfoFor(devicePreset('iphone-se'))
    expect(info).toMatchObject({
      brand: 'Apple',
      model: 'iPhone SE',
      pixelRatio: 2,
      screenWidth: 375,
      screenHeight: 667,
      windowWidth: 375,
      windowHeight: 667 - 20 - 44,
      statusBarHeight: 20,
      platform: 'devtools',
    })
    expect(info.SDKVersion).toMatch(/^\d+\.\d+\.\d+$/)
    expect(info.safeArea).toEqual({
      left: 0,
      right: 375,
      top: 20,
      bottom: 667,
      width: 375,
      height: 647,
    })
  })

  it('keep the home indicator out of the safe area on iPhones without a home button', () => {
    const info = systemInfoFor(devicePreset('iphone-14'))
    expect(info.safeArea).toMatchObject({ top: 47, bottom: 844 - 34, height: 844 - 47 - 34 })
    const window = pageWindow({ navigationStyle: 'custom' }, {})
    // A page reaching the screen's bottom gets it as env(safe-area-inset-bottom).
    expect(pageViewport(pageSystemInfo(info, window, undefined)).insets.bottom).toBe(34)
    // Above a tab bar, the page does not reach it.
    expect(pageViewport(pageSystemInfo(info, window, 'bottom')).insets.bottom).toBe(0)
  })
})
