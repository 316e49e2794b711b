import { describe, expect, it } from 'vitest'
import { DEFAULT_DEVICE_ID, DEVICE_PRESETS, devicePreset, systemInfoFor } from './devices'

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
  })
})
