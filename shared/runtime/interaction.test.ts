import { afterEach, describe, expect, it } from 'vitest'
import type {
  ActionSheetOptions,
  InteractionUi,
  ModalOptions,
  ModalResult,
  NavigationBarPatch,
  PageScreen,
  PageScrollRequest,
  ScreenPage,
  ToastOptions,
} from './native-port'
import { createRuntime, type Runtime } from './runtime'
import { TestingPort } from '../../tests/helpers/runtime-port'

const running: Runtime[] = []
afterEach(() => {
  for (const runtime of running.splice(0)) runtime.dispose()
})

/** A drawn UI that records what it was asked to show; the test answers modals and sheets. */
class RecordingUi implements InteractionUi {
  readonly shown: unknown[] = []
  modal: { options: ModalOptions; done: (result: ModalResult) => void } | undefined
  sheet: { options: ActionSheetOptions; done: (tapIndex: number | undefined) => void } | undefined
  showToast(options: ToastOptions) {
    this.shown.push(['toast', options])
  }
  hideToast() {
    this.shown.push(['hideToast'])
  }
  showModal(options: ModalOptions, done: (result: ModalResult) => void) {
    this.modal = { options, done }
  }
  showActionSheet(options: ActionSheetOptions, done: (tapIndex: number | undefined) => void) {
    this.sheet = { options, done }
  }
  setNavigationBar(pageId: number, patch: NavigationBarPatch) {
    this.shown.push(['navigationBar', pageId, patch])
  }
}

/** A screen without a DOM that records the calls pages make on it. */
class RecordingScreen implements PageScreen {
  readonly calls: unknown[] = []
  readonly events = new Map<number, { scroll(top: number): void; reachBottom(): void }>()
  open(
    page: ScreenPage,
    _c: unknown,
    _a: unknown,
    events: { scroll(top: number): void; reachBottom(): void; pullDownRefresh(): void },
  ) {
    this.events.set(page.id, events)
    this.calls.push(['open', page.route])
  }
  close(id: number) {
    this.calls.push(['close', id])
  }
  stackChanged(stack: ScreenPage[]) {
    this.calls.push(['stack', stack.map((page) => page.route)])
  }
  scrollTo(id: number, request: PageScrollRequest) {
    this.calls.push(['scrollTo', id, request])
  }
  setRefreshing(id: number, refreshing: boolean) {
    this.calls.push(['refreshing', id, refreshing])
  }
}

function start(page = 'Page({})', withUi = true) {
  const port = new TestingPort() as TestingPort & { ui?: RecordingUi; screen?: RecordingScreen }
  if (withUi) {
    port.ui = new RecordingUi()
    port.screen = new RecordingScreen()
  }
  const runtime = createRuntime({
    port,
    appid: 'wx-ui',
    files: { 'app.js': 'App({})', 'pages/index/index.js': page },
    appJson: { pages: ['pages/index/index'] },
  })
  running.push(runtime)
  runtime.launch()
  const wx = runtime.wx as Record<string, (options?: unknown) => Promise<Record<string, unknown>>>
  return { port, runtime, wx, ui: port.ui, screen: port.screen }
}

describe('toast and loading', () => {
  it('showToast draws the toast with WeChat defaults and succeeds', async () => {
    const { wx, ui } = start()
    expect(await wx.showToast({ title: 'Saved' })).toEqual({ errMsg: 'showToast:ok' })
    expect(ui?.shown).toEqual([
      ['toast', { title: 'Saved', icon: 'success', image: undefined, duration: 1500, mask: false }],
    ])
  })

  it('showToast passes icon, duration and mask', async () => {
    const { wx, ui } = start()
    await wx.showToast({ title: 'x', icon: 'none', duration: 3000, mask: true })
    expect(ui?.shown[0]).toEqual([
      'toast',
      { title: 'x', icon: 'none', image: undefined, duration: 3000, mask: true },
    ])
  })

  it('showToast without a title fails with a parameter error and draws nothing', async () => {
    const { wx, ui } = start()
    await expect(wx.showToast({})).rejects.toEqual({
      errMsg:
        'showToast:fail parameter error: parameter.title should be String instead of Undefined;',
      errno: 1001,
    })
    expect(ui?.shown).toEqual([])
  })

  it('showLoading draws a loading toast that stays until hideLoading', async () => {
    const { wx, ui } = start()
    await wx.showLoading({ title: '加载中' })
    await wx.hideLoading()
    expect(ui?.shown).toEqual([
      ['toast', { title: '加载中', icon: 'loading', duration: Infinity, mask: false }],
      ['hideToast'],
    ])
  })
})

describe('showModal', () => {
  it('draws the modal with defaults and answers confirm when the user confirms', async () => {
    const { wx, ui } = start()
    const answer = wx.showModal({ title: 'T', content: 'C' })
    expect(ui?.modal?.options).toEqual({
      title: 'T',
      content: 'C',
      showCancel: true,
      cancelText: '取消',
      cancelColor: '#000000',
      confirmText: '确定',
      confirmColor: '#576B95',
      editable: false,
      placeholderText: '',
    })
    ui?.modal?.done({ confirm: true })
    expect(await answer).toEqual({ errMsg: 'showModal:ok', confirm: true, cancel: false })
  })

  it('answers cancel when the user cancels, and an editable modal returns the text', async () => {
    const { wx, ui } = start()
    const cancelled = wx.showModal({ content: 'C' })
    ui?.modal?.done({ confirm: false })
    expect(await cancelled).toEqual({ errMsg: 'showModal:ok', confirm: false, cancel: true })
    const edited = wx.showModal({ editable: true })
    ui?.modal?.done({ confirm: true, content: 'typed' })
    expect(await edited).toEqual({
      errMsg: 'showModal:ok',
      confirm: true,
      cancel: false,
      content: 'typed',
    })
  })

  it('headless, confirms at once', async () => {
    const { wx } = start('Page({})', false)
    expect(await wx.showModal({ title: 'T' })).toEqual({
      errMsg: 'showModal:ok',
      confirm: true,
      cancel: false,
    })
  })
})

describe('showActionSheet', () => {
  it('answers the tapped index', async () => {
    const { wx, ui } = start()
    const answer = wx.showActionSheet({ itemList: ['A', 'B'] })
    expect(ui?.sheet?.options).toEqual({ itemList: ['A', 'B'], itemColor: '#000000' })
    ui?.sheet?.done(1)
    expect(await answer).toEqual({ errMsg: 'showActionSheet:ok', tapIndex: 1 })
  })

  it('fails with cancel when the user cancels, and headless', async () => {
    const { wx, ui } = start()
    const answer = wx.showActionSheet({ itemList: ['A'] })
    ui?.sheet?.done(undefined)
    await expect(answer).rejects.toEqual({ errMsg: 'showActionSheet:fail cancel' })
    const headless = start('Page({})', false)
    await expect(headless.wx.showActionSheet({ itemList: ['A'] })).rejects.toEqual({
      errMsg: 'showActionSheet:fail cancel',
    })
  })

  it('requires itemList to be an array', async () => {
    const { wx } = start()
    await expect(wx.showActionSheet({ itemList: 'A' })).rejects.toEqual({
      errMsg:
        'showActionSheet:fail parameter error: parameter.itemList should be Array instead of String;',
      errno: 1001,
    })
  })
})

describe('navigation bar', () => {
  it('sets the title, colours and loading of the current page', async () => {
    const { wx, ui, runtime } = start()
    await wx.setNavigationBarTitle({ title: 'Hello' })
    await wx.setNavigationBarColor({ frontColor: '#ffffff', backgroundColor: '#ff0000' })
    await wx.showNavigationBarLoading()
    await wx.hideNavigationBarLoading()
    expect(runtime.getCurrentPages()).toHaveLength(1)
    expect(ui?.shown).toEqual([
      ['navigationBar', 1, { title: 'Hello' }],
      ['navigationBar', 1, { frontColor: '#ffffff', backgroundColor: '#ff0000' }],
      ['navigationBar', 1, { loading: true }],
      ['navigationBar', 1, { loading: false }],
    ])
  })

  it('refuses a front colour other than white or black', async () => {
    const { wx } = start()
    await expect(wx.setNavigationBarColor({ frontColor: '#123456' })).rejects.toEqual({
      errMsg: 'setNavigationBarColor:fail invalid frontColor "#123456"',
    })
  })
})

describe('page scrolling on the screen', () => {
  it('pageScrollTo asks the screen to scroll the current page', async () => {
    const { wx, screen } = start()
    await wx.pageScrollTo({ scrollTop: 120, duration: 0 })
    expect(screen?.calls).toContainEqual([
      'scrollTo',
      1,
      { scrollTop: 120, selector: undefined, offsetTop: undefined, duration: 0 },
    ])
  })

  it('the screen tells the page it scrolled and reached the bottom', () => {
    const { port, screen } = start(`Page({
      onPageScroll(e) { console.log('scroll', e.scrollTop) },
      onReachBottom() { console.log('bottom') },
    })`)
    screen?.events.get(1)?.scroll(40)
    screen?.events.get(1)?.reachBottom()
    expect(port.lines()).toEqual(['log: scroll 40', 'log: bottom'])
  })

  it('pull-down refresh shows the indicator until stopPullDownRefresh', async () => {
    const { wx, screen } = start(`Page({ onPullDownRefresh() { console.log('refresh') } })`)
    await wx.startPullDownRefresh()
    await wx.stopPullDownRefresh()
    expect(screen?.calls.filter((call) => (call as string[])[0] === 'refreshing')).toEqual([
      ['refreshing', 1, true],
      ['refreshing', 1, false],
    ])
  })

  it('the screen learns of each page opened and of every stack change', async () => {
    const port = new TestingPort() as TestingPort & { screen?: RecordingScreen }
    port.screen = new RecordingScreen()
    const runtime = createRuntime({
      port,
      appid: 'wx-ui',
      files: { 'app.js': 'App({})', 'pages/a/a.js': 'Page({})', 'pages/b/b.js': 'Page({})' },
      appJson: { pages: ['pages/a/a', 'pages/b/b'] },
    })
    running.push(runtime)
    runtime.launch()
    const wx = runtime.wx as Record<string, (options?: unknown) => Promise<unknown>>
    await wx.navigateTo({ url: '/pages/b/b' })
    await wx.navigateBack()
    expect(port.screen.calls).toEqual([
      ['open', 'pages/a/a'],
      ['stack', ['pages/a/a']],
      ['open', 'pages/b/b'],
      ['stack', ['pages/a/a', 'pages/b/b']],
      ['close', 2],
      ['stack', ['pages/a/a']],
    ])
  })
})

describe('device, app and capsule information', () => {
  it('getMenuButtonBoundingClientRect places the capsule under the status bar at the right', () => {
    const { wx } = start()
    const rect = (wx.getMenuButtonBoundingClientRect as unknown as () => unknown)()
    expect(rect).toEqual({ width: 87, height: 32, top: 24, right: 368, bottom: 56, left: 281 })
  })

  it('getDeviceInfo and getAppBaseInfo split the system info', () => {
    const { wx } = start()
    expect((wx.getDeviceInfo as unknown as () => unknown)()).toMatchObject({
      brand: 'devtools',
      model: 'iPhone 6/7/8',
      system: 'iOS 10.0.1',
      platform: 'devtools',
    })
    expect((wx.getAppBaseInfo as unknown as () => unknown)()).toMatchObject({
      SDKVersion: '3.8.7',
      language: 'zh_CN',
      version: '8.0.5',
      host: { env: 'WeChat' },
    })
  })
})

describe('window info', () => {
  it('getWindowInfo answers from the device, with a safe area', () => {
    const { wx } = start()
    const info = (wx.getWindowInfo as unknown as () => Record<string, unknown>)()
    expect(info).toMatchObject({
      pixelRatio: 2,
      screenWidth: 375,
      screenHeight: 667,
      windowWidth: 375,
      windowHeight: 603,
      statusBarHeight: 20,
      screenTop: 64,
      safeArea: { left: 0, right: 375, top: 20, bottom: 667, width: 375, height: 647 },
    })
  })
})
