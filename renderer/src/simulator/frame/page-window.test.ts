import { describe, expect, it } from 'vitest'
import type { SystemInfo } from '../../../../shared/runtime'
import { pageSystemInfo, pageWindow } from './page-window'

const DEVICE = {
  screenWidth: 390,
  screenHeight: 844,
  windowWidth: 390,
  windowHeight: 844,
  statusBarHeight: 47,
  pixelRatio: 3,
} as SystemInfo

describe('a page window', () => {
  it("takes WeChat's defaults, app.json window, then the page's own json", () => {
    const window = pageWindow(
      {
        navigationBarTitleText: 'App',
        navigationBarBackgroundColor: '#ff0000',
        enablePullDownRefresh: true,
      },
      { navigationBarTitleText: 'Page', navigationBarTextStyle: 'black' },
    )
    expect(window).toEqual({
      navigationBarTitleText: 'Page',
      navigationBarBackgroundColor: '#ff0000',
      navigationBarTextStyle: 'black',
      navigationStyle: 'default',
      backgroundColor: '#ffffff',
      enablePullDownRefresh: true,
      onReachBottomDistance: 50,
    })
  })

  it('ignores values of the wrong kind', () => {
    const window = pageWindow({ navigationBarTextStyle: 'red', onReachBottomDistance: '9' }, {})
    expect(window.navigationBarTextStyle).toBe('white')
    expect(window.onReachBottomDistance).toBe(50)
  })
})

describe('the device as a page sees it', () => {
  it('loses the status bar, navigation bar and a bottom tabBar from the window height', () => {
    const info = pageSystemInfo(DEVICE, pageWindow({}, {}), 'bottom')
    expect(info.windowHeight).toBe(844 - 47 - 44 - 50)
    expect(info.screenTop).toBe(47 + 44)
  })

  it('keeps the whole screen with navigationStyle custom and no tabBar', () => {
    const info = pageSystemInfo(DEVICE, pageWindow({}, { navigationStyle: 'custom' }), undefined)
    expect(info.windowHeight).toBe(844)
    expect(info.screenTop).toBe(0)
  })

  it('loses the home indicator with a bottom tabBar (taller by it), not with a top one', () => {
    const safeArea = { left: 0, right: 390, top: 47, bottom: 844 - 34, width: 390, height: 763 }
    const device = { ...DEVICE, safeArea }
    expect(pageSystemInfo(device, pageWindow({}, {}), 'bottom').windowHeight).toBe(
      844 - 47 - 44 - 50 - 34,
    )
    expect(pageSystemInfo(device, pageWindow({}, {}), 'top').windowHeight).toBe(844 - 47 - 44 - 50)
  })

  it('puts a top tabBar above the window', () => {
    const info = pageSystemInfo(DEVICE, pageWindow({}, {}), 'top')
    expect(info.screenTop).toBe(47 + 44 + 50)
  })
})
