/**
 * The phones and tablet the simulator offers, with the CSS size and pixel ratio a mini-program
 * sees on them, and what `wx.getSystemInfoSync()` answers for each (as WeChat's tool reports it:
 * platform `devtools`, the chosen model, its screen, and the window below the status and
 * navigation bars).
 */
import type { SystemInfo } from '../../../shared/runtime/native-port'

export interface DevicePreset {
  id: string
  /** As WeChat's tool lists it. */
  name: string
  brand: string
  /** CSS px */
  width: number
  height: number
  pixelRatio: number
  /** CSS px of the system status bar. */
  statusBarHeight: number
  /** CSS px at the bottom kept for the home indicator (iPhones without a home button), else 0. */
  homeIndicatorHeight: number
  system: string
}

export const DEVICE_PRESETS: readonly DevicePreset[] = [
  {
    id: 'iphone-se',
    name: 'iPhone SE',
    brand: 'Apple',
    width: 375,
    height: 667,
    pixelRatio: 2,
    statusBarHeight: 20,
    homeIndicatorHeight: 0,
    system: 'iOS 16.0',
  },
  {
    id: 'iphone-14',
    name: 'iPhone 14',
    brand: 'Apple',
    width: 390,
    height: 844,
    pixelRatio: 3,
    statusBarHeight: 47,
    homeIndicatorHeight: 34,
    system: 'iOS 16.0',
  },
  {
    id: 'iphone-14-pro-max',
    name: 'iPhone 14 Pro Max',
    brand: 'Apple',
    width: 430,
    height: 932,
    pixelRatio: 3,
    statusBarHeight: 59,
    homeIndicatorHeight: 34,
    system: 'iOS 16.0',
  },
  {
    id: 'pixel-7',
    name: 'Pixel 7',
    brand: 'Google',
    width: 412,
    height: 915,
    pixelRatio: 2.625,
    statusBarHeight: 24,
    homeIndicatorHeight: 0,
    system: 'Android 13',
  },
  {
    id: 'ipad-mini',
    name: 'iPad mini',
    brand: 'Apple',
    width: 768,
    height: 1024,
    pixelRatio: 2,
    statusBarHeight: 24,
    homeIndicatorHeight: 0,
    system: 'iPadOS 16.0',
  },
]

export const DEFAULT_DEVICE_ID = 'iphone-14'

/** Zoom levels in percent; the frame keeps the device's CSS size and is scaled. */
export const ZOOM_LEVELS: readonly number[] = [50, 75, 85, 100, 125, 150, 200]

/** 自适应: the whole device scaled to fit the simulator pane (see fit-scale.ts). */
export const ZOOM_FIT = 'fit'

/** A zoom level in percent, or fitting the pane. */
export type ZoomChoice = typeof ZOOM_FIT | number

/** A new user sees the whole phone, whatever the window's size. */
export const DEFAULT_ZOOM: ZoomChoice = ZOOM_FIT

/** The zoom a remembered text names, or the default when it names none that is offered. */
export function zoomChoice(text: string | null): ZoomChoice {
  if (text === ZOOM_FIT) return ZOOM_FIT
  const level = Number(text)
  return ZOOM_LEVELS.includes(level) ? level : DEFAULT_ZOOM
}

/** Height of WeChat's navigation bar below the status bar, in CSS px. */
export const NAVIGATION_BAR_HEIGHT = 44

/** The base library version the simulator reports. */
export const SDK_VERSION = '3.3.4'

export function devicePreset(id: string): DevicePreset {
  return DEVICE_PRESETS.find((device) => device.id === id) ?? deviceById(DEFAULT_DEVICE_ID)
}

function deviceById(id: string): DevicePreset {
  const found = DEVICE_PRESETS.find((device) => device.id === id)
  if (!found) throw new Error(`no device preset ${id}`)
  return found
}

export function systemInfoFor(device: DevicePreset, language = 'zh_CN'): SystemInfo {
  return {
    brand: device.brand,
    model: device.name,
    pixelRatio: device.pixelRatio,
    screenWidth: device.width,
    screenHeight: device.height,
    windowWidth: device.width,
    windowHeight: device.height - device.statusBarHeight - NAVIGATION_BAR_HEIGHT,
    statusBarHeight: device.statusBarHeight,
    // Below the status bar and above the home indicator, as iOS reports it.
    safeArea: {
      left: 0,
      right: device.width,
      top: device.statusBarHeight,
      bottom: device.height - device.homeIndicatorHeight,
      width: device.width,
      height: device.height - device.statusBarHeight - device.homeIndicatorHeight,
    },
    language,
    version: '8.0.5',
    system: device.system,
    platform: 'devtools',
    fontSizeSetting: 16,
    SDKVersion: SDK_VERSION,
  }
}
