/**
 * A page's window as WeChat composes it: app.json `window` overlaid by the page's own .json
 * (window fields at its top level), and the device metrics that follow from it: the navigation
 * bar (hidden by `navigationStyle: custom`) and the tabBar (on tab pages) take height from the
 * window, as `wx.getSystemInfoSync().windowHeight` reports in WeChat.
 */
import type { SystemInfo } from '../../../../shared/runtime'

/** Height of the navigation bar under the status bar, in CSS px. */
export const NAVIGATION_BAR_HEIGHT = 44
/** Height of the tabBar's items, in CSS px (a bottom tabBar is taller by the home indicator's). */
export const TAB_BAR_HEIGHT = 50

/**
 * How far the home indicator's strip reaches up from the screen's bottom (34 px on iPhones without
 * a home button, 0 elsewhere): below `safeArea.bottom`. WeChat's bottom tabBar is taller by it, its
 * items above it, the indicator drawn in the padding under them.
 */
export function homeIndicatorInset(device: SystemInfo): number {
  const bottom = (device.safeArea as { bottom?: number } | undefined)?.bottom
  return bottom === undefined ? 0 : Math.max(0, device.screenHeight - bottom)
}

export interface PageWindow {
  navigationBarTitleText: string
  navigationBarBackgroundColor: string
  navigationBarTextStyle: 'black' | 'white'
  navigationStyle: 'default' | 'custom'
  backgroundColor: string
  enablePullDownRefresh: boolean
  onReachBottomDistance: number
}

const WINDOW_DEFAULTS: PageWindow = {
  navigationBarTitleText: '',
  navigationBarBackgroundColor: '#000000',
  navigationBarTextStyle: 'white',
  navigationStyle: 'default',
  backgroundColor: '#ffffff',
  enablePullDownRefresh: false,
  onReachBottomDistance: 50,
}

function pick(source: Record<string, unknown>, into: PageWindow): void {
  const text = (name: keyof PageWindow) => {
    if (typeof source[name] === 'string')
      (into as unknown as Record<string, unknown>)[name] = source[name]
  }
  text('navigationBarTitleText')
  text('navigationBarBackgroundColor')
  text('backgroundColor')
  if (source.navigationBarTextStyle === 'black' || source.navigationBarTextStyle === 'white') {
    into.navigationBarTextStyle = source.navigationBarTextStyle
  }
  if (source.navigationStyle === 'custom' || source.navigationStyle === 'default') {
    into.navigationStyle = source.navigationStyle
  }
  if (typeof source.enablePullDownRefresh === 'boolean') {
    into.enablePullDownRefresh = source.enablePullDownRefresh
  }
  if (typeof source.onReachBottomDistance === 'number') {
    into.onReachBottomDistance = source.onReachBottomDistance
  }
}

/** The window of the page whose .json is `pageJson`, over app.json's `window`. */
export function pageWindow(
  appWindow: Record<string, unknown> | undefined,
  pageJson: Record<string, unknown> | undefined,
): PageWindow {
  const window = { ...WINDOW_DEFAULTS }
  pick(appWindow ?? {}, window)
  pick(pageJson ?? {}, window)
  return window
}

/** The device as a page sees it: window height less the bars it shows. */
export function pageSystemInfo(
  device: SystemInfo,
  window: PageWindow,
  tabBar: 'bottom' | 'top' | undefined,
): SystemInfo {
  const top =
    window.navigationStyle === 'custom' ? 0 : device.statusBarHeight + NAVIGATION_BAR_HEIGHT
  const bottom = tabBar === 'bottom' ? TAB_BAR_HEIGHT + homeIndicatorInset(device) : 0
  const bars = top + (tabBar === 'top' ? TAB_BAR_HEIGHT : bottom)
  return {
    ...device,
    windowWidth: device.screenWidth,
    windowHeight: device.screenHeight - bars,
    screenTop: top + (tabBar === 'top' ? TAB_BAR_HEIGHT : 0),
    // The device's (above a home indicator), else below the status bar to the screen's bottom.
    safeArea: device.safeArea ?? {
      left: 0,
      right: device.screenWidth,
      top: device.statusBarHeight,
      bottom: device.screenHeight,
      width: device.screenWidth,
      height: device.screenHeight - device.statusBarHeight,
    },
  }
}
