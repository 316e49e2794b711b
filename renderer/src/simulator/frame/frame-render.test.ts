/**
 * The simulator frame in a DOM with the real glass-easel, booted over its message protocol with a
 * real compiled fixture project (tests/fixtures/simulator/shop, compiled into shop.bundle.json by
 * tests/integration/simulator/bundle-fixture.test.ts). One frame per file: glass-easel's
 * DOM backend listens on the whole document, so the tests below share one running project and
 * run in order (navigation tests leave the stack as they found it).
 */
import { beforeAll, describe, expect, it } from 'vitest'
import { TEST_SYSTEM_INFO } from '../../../../tests/helpers/runtime-port'
import type {
  FrameMessage,
  HostMessage,
  SimulatorBundle,
} from '../../../../shared/simulator-protocol'
import shopBundle from '../../../../tests/fixtures/simulator/shop.bundle.json?raw'
import { startFrame, type FrameHandle } from './frame-boot'

/** iPhone 6/7/8 as WeChat's tools describe it; the bundle was compiled for its width. */
const DEVICE = TEST_SYSTEM_INFO

const posted: FrameMessage[] = []
const parent = { postMessage: (message: unknown) => posted.push(message as FrameMessage) }
let frame: FrameHandle
let bootedByStranger = false

/** Lets deferred work (navigation, API callbacks) run. */
const nextTasks = () => new Promise((resolve) => setTimeout(resolve, 5))

function send(message: HostMessage, source: unknown = parent): void {
  window.dispatchEvent(new MessageEvent('message', { data: message, source: source as Window }))
}

function byId(id: string): HTMLElement {
  const found = document.getElementById(id)
  if (!found) throw new Error(`no #${id}`)
  return found
}

/** The visible page's viewport. */
function shownPage(): HTMLElement {
  const shown = [...document.querySelectorAll<HTMLElement>('.mp-page')].filter((p) => !p.hidden)
  expect(shown).toHaveLength(1)
  return shown[0]
}

/** What scrolls in the visible page. */
function shownBody(): HTMLElement {
  const body = shownPage().querySelector<HTMLElement>(':scope > .mp-page-body')
  if (!body) throw new Error('no .mp-page-body in the shown page')
  return body
}

/** An element of the shown page by its WXML id (glass-easel writes it as `<instance>--<id>`). */
function inShownPage(id: string): HTMLElement {
  const found = shownPage().querySelector<HTMLElement>(`[id$="--${id}"]`)
  if (!found) throw new Error(`no #${id} in the shown page`)
  return found
}

function mouseTap(element: HTMLElement): void {
  for (const type of ['mousedown', 'mouseup', 'click']) {
    element.dispatchEvent(
      new MouseEvent(type, { bubbles: true, clientX: 5, clientY: 6, detail: 1 }),
    )
  }
}

function appLog(): string[] {
  const app = frame.simulator()?.runtime.getApp() as { globalData: { log: string[] } }
  return app.globalData.log
}

beforeAll(async () => {
  const bundle = JSON.parse(shopBundle) as SimulatorBundle
  frame = startFrame(window, parent)
  const boot: HostMessage = {
    type: 'wx-host:boot',
    bundle,
    systemInfo: DEVICE,
    storage: {},
    networkType: 'wifi',
  }
  send(boot, window)
  bootedByStranger = frame.simulator() !== undefined
  send(boot)
  await nextTasks()
})

describe('boot', () => {
  it('says ready to its parent first', () => {
    expect(posted[0]).toEqual({ type: 'wx-bridge:ready' })
  })

  it('ignores a boot message that does not come from its parent', () => {
    expect(bootedByStranger).toBe(false)
    expect(frame.simulator()).toBeDefined()
  })

  it('forwards the mini-program console to the parent', () => {
    expect(posted).toContainEqual({
      type: 'wx-bridge:console',
      level: 'log',
      args: ['app onLaunch'],
      source: 'miniprogram',
    })
  })

  it('reports the first page painted and the page stack', () => {
    expect(posted).toContainEqual(
      expect.objectContaining({ type: 'wx-bridge:painted', route: 'pages/index/index' }),
    )
    expect(posted).toContainEqual({
      type: 'wx-bridge:pages',
      stack: [{ route: 'pages/index/index', query: {} }],
    })
  })
})

describe('rendering', () => {
  it('renders wx:for rows through an imported template', () => {
    expect(inShownPage('items').textContent).toBe('apple x2;banana x1;')
  })

  it('leaves out a wx:if branch whose condition is false', () => {
    expect(shownPage().querySelector('[id$="--empty"]')).toBeNull()
  })

  it('renders a custom component with a WXS module', () => {
    expect(inShownPage('total').textContent).toBe('total ¥12.50')
  })

  it('applies app.wxss with rpx converted for the device', () => {
    const css = [...document.head.querySelectorAll('style')].map((s) => s.textContent).join('\n')
    expect(css).toContain('.hint { color: #888888; font-size: 12px; }')
  })

  it('converts rpx in an inline style after {{}} evaluation', () => {
    expect(inShownPage('bar').getAttribute('style')).toBe('width: 187px')
  })

  it('shows the compile errors with file, line and column, while good pages run', () => {
    const overlay = byId('mp-compile-errors')
    expect(overlay.getAttribute('role')).toBe('alert')
    expect(overlay.textContent).toMatch(/pages\/broken\/broken\.wxml:\d+:\d+/)
    expect(inShownPage('items').textContent).toContain('apple')
  })
})

describe('events', () => {
  it('a mouse tap runs bindtap with a WeChat event object and setData updates the DOM', async () => {
    mouseTap(inShownPage('add'))
    expect(inShownPage('items').textContent).toBe('apple x2;banana x1;pear x3;')
    expect(inShownPage('last-event').textContent).toBe('tap,add,add,adder,number,true,number')
  })

  it('a click no pointer made (keyboard, element.click()) taps once; a mouse click taps once', () => {
    inShownPage('add').click()
    expect(inShownPage('items').querySelectorAll('.item')).toHaveLength(4)
  })
})

describe('the bars', () => {
  it('draws the navigation bar from app.json window', () => {
    expect(byId('mp-navigation-title').textContent).toBe('Shop')
    expect(byId('mp-header').style.backgroundColor).toBe('#1aad19')
    expect(byId('mp-header').style.color).toBe('#ffffff')
    expect(byId('mp-navigation-back').hidden).toBe(true)
  })

  it('draws the tabBar on a tab page with the selected item and its icon', () => {
    const tabs = [...byId('mp-tab-bar').querySelectorAll<HTMLElement>('[role=tab]')]
    expect(tabs.map((tab) => tab.textContent)).toEqual(['Home', 'Mine'])
    expect(tabs.map((tab) => tab.getAttribute('aria-selected'))).toEqual(['true', 'false'])
    expect(tabs[0].style.color).toBe('#ff0000')
    expect(tabs[0].querySelector('img')?.getAttribute('src')).toMatch(/^data:image\/png;base64,/)
    expect(byId('mp-tab-bar').hidden).toBe(false)
  })

  it('draws the capsule where getMenuButtonBoundingClientRect says it is', () => {
    const rect = (
      frame.simulator()?.runtime.wx.getMenuButtonBoundingClientRect as () => Record<string, number>
    )()
    const capsule = byId('mp-capsule')
    expect([
      capsule.style.top,
      capsule.style.left,
      capsule.style.width,
      capsule.style.height,
    ]).toEqual([`${rect.top}px`, `${rect.left}px`, `${rect.width}px`, `${rect.height}px`])
    expect(capsule.querySelectorAll('[role="button"]')).toHaveLength(2)
  })

  it('answers getSystemInfoSync for the device less the bars of the page', () => {
    const info = (frame.simulator()?.runtime.wx.getSystemInfoSync as () => Record<string, number>)()
    expect(info.windowHeight).toBe(667 - 20 - 44 - 50)
    expect(info.windowWidth).toBe(375)
  })
})

describe('navigation', () => {
  it('navigateTo shows the new page with its query, bars and lifecycles in order', async () => {
    appLog().splice(0)
    mouseTap(inShownPage('to-detail'))
    await nextTasks()
    expect(inShownPage('detail').textContent).toBe('detail 7')
    expect(appLog()).toEqual([
      'index onHide',
      'price-tag hide',
      'detail onLoad 7',
      'detail onShow',
      'detail onReady',
    ])
    expect(byId('mp-navigation-title').textContent).toBe('Detail')
    expect(byId('mp-header').style.color).toBe('#000000')
    expect(byId('mp-navigation-back').hidden).toBe(false)
    expect(byId('mp-tab-bar').hidden).toBe(true)
    expect(posted.at(-1)).toEqual({
      type: 'wx-bridge:pages',
      stack: [
        { route: 'pages/index/index', query: {} },
        { route: 'pages/detail/detail', query: { id: '7' } },
      ],
    })
  })

  it('setNavigationBarTitle changes the title of the page', async () => {
    mouseTap(inShownPage('rename'))
    await nextTasks()
    expect(byId('mp-navigation-title').textContent).toBe('Renamed')
  })

  it('scrolling the page runs onPageScroll with scrollTop', () => {
    const page = shownBody()
    page.scrollTop = 120
    page.dispatchEvent(new Event('scroll'))
    expect(appLog()).toContain(`detail scroll ${page.scrollTop}`)
  })

  it('wx.pageScrollTo scrolls the current page to scrollTop', async () => {
    const pageScrollTo = frame.simulator()?.runtime.wx.pageScrollTo as (o: unknown) => unknown
    await pageScrollTo({ scrollTop: 200, duration: 0 })
    expect(shownBody().scrollTop).toBe(200)
  })

  it('scrolling near the bottom runs onReachBottom once until the page leaves that zone', () => {
    const page = shownBody()
    Object.defineProperty(page, 'scrollHeight', { value: 1000, configurable: true })
    Object.defineProperty(page, 'clientHeight', { value: 500, configurable: true })
    appLog().splice(0)
    for (const top of [400, 460, 470, 300, 480]) {
      page.scrollTop = top
      page.dispatchEvent(new Event('scroll'))
    }
    expect(appLog().filter((line) => line === 'detail reachBottom')).toHaveLength(2)
  })

  it('pulling the page down from its top refreshes it until stopPullDownRefresh', async () => {
    const page = shownPage()
    const body = shownBody()
    body.scrollTop = 0
    appLog().splice(0)
    body.dispatchEvent(new MouseEvent('mousedown', { bubbles: true, clientY: 10 }))
    body.dispatchEvent(new MouseEvent('mouseup', { bubbles: true, clientY: 100 }))
    expect(appLog()).toEqual(['detail pullDownRefresh'])
    expect(page.classList.contains('mp-refreshing')).toBe(true)
    await nextTasks()
    await nextTasks()
    expect(page.classList.contains('mp-refreshing')).toBe(false)
  })

  it('adds each style sheet to the document once, however often pages open', async () => {
    const sheets = document.head.querySelectorAll('style').length
    ;(frame.simulator()?.runtime.wx.navigateTo as (o: unknown) => void)({
      url: '/pages/detail/detail',
    })
    await nextTasks()
    ;(frame.simulator()?.runtime.wx.navigateBack as (o?: unknown) => void)()
    await nextTasks()
    expect(document.head.querySelectorAll('style').length).toBe(sheets)
  })

  it('the back button goes back: the page unloads, the one below shows with its bars', async () => {
    appLog().splice(0)
    byId('mp-navigation-back').click()
    await nextTasks()
    expect(appLog()).toEqual(['detail onUnload', 'index onShow', 'price-tag show'])
    expect(inShownPage('items')).toBeDefined()
    expect(byId('mp-navigation-title').textContent).toBe('Shop')
    expect(document.querySelectorAll('.mp-page')).toHaveLength(1)
  })

  it('a page alone in the stack that is not the home page offers a home button to reLaunch', async () => {
    expect(byId('mp-navigation-home').hidden).toBe(true)
    ;(frame.simulator()?.runtime.wx.reLaunch as (o: unknown) => void)({
      url: '/pages/detail/detail',
    })
    await nextTasks()
    expect(byId('mp-navigation-back').hidden).toBe(true)
    expect(byId('mp-navigation-home').hidden).toBe(false)
    expect(byId('mp-navigation-home').getAttribute('aria-label')).toBe('首页')
    byId('mp-navigation-home').click()
    await nextTasks()
    expect(inShownPage('items')).toBeDefined()
    expect(byId('mp-navigation-home').hidden).toBe(true)
  })

  it('a tab switches to its page; navigationStyle custom hides the navigation bar', async () => {
    const mine = [...document.querySelectorAll<HTMLElement>('[role=tab]')][1]
    mine.click()
    await nextTasks()
    expect(inShownPage('mine').textContent).toBe('mine page')
    expect(byId('mp-header').hidden).toBe(true)
    expect(mine.getAttribute('aria-selected')).toBe('true')
    const info = (frame.simulator()?.runtime.wx.getSystemInfoSync as () => Record<string, number>)()
    expect(info.windowHeight).toBe(667 - 50)
    ;[...document.querySelectorAll<HTMLElement>('[role=tab]')][0].click()
    await nextTasks()
    expect(inShownPage('items')).toBeDefined()
  })
})

describe('interaction APIs drawn in the phone', () => {
  it('showToast shows a status with its title', async () => {
    mouseTap(inShownPage('toast'))
    await nextTasks()
    const toast = document.querySelector('[role=status]')
    expect(toast?.textContent).toBe('Added')
    expect(toast?.getAttribute('data-icon')).toBe('success')
    ;(frame.simulator()?.runtime.wx.hideToast as () => void)()
    expect(document.querySelector('[role=status]')).toBeNull()
  })

  it('showModal shows a dialog; confirming resolves confirm', async () => {
    mouseTap(inShownPage('modal'))
    await nextTasks()
    const dialog = document.querySelector<HTMLElement>('[role=dialog]')
    expect(dialog?.textContent).toContain('Delete?')
    expect(dialog?.textContent).toContain('It goes away')
    dialog?.querySelector<HTMLElement>('.mp-modal-confirm')?.click()
    await nextTasks()
    expect(document.querySelector('[role=dialog]')).toBeNull()
    expect(inShownPage('modal-result').textContent).toBe('confirmed')
  })

  it('showActionSheet answers the tapped item, and cancel when the mask is tapped', async () => {
    mouseTap(inShownPage('sheet'))
    await nextTasks()
    const items = [...document.querySelectorAll<HTMLElement>('.mp-action-sheet-item')]
    expect(items.map((item) => item.textContent)).toEqual(['Red', 'Green'])
    items[1].click()
    await nextTasks()
    expect(inShownPage('sheet-result').textContent).toBe('picked 1')
    mouseTap(inShownPage('sheet'))
    await nextTasks()
    document.querySelector<HTMLElement>('.mp-action-sheet')?.parentElement?.click()
    await nextTasks()
    expect(inShownPage('sheet-result').textContent).toBe('showActionSheet:fail cancel')
  })
})

describe('uncaught errors', () => {
  it('a promise rejection nobody handled goes to the parent as wx-bridge:error and to wx.onUnhandledRejection', () => {
    const wx = frame.simulator()?.runtime.wx as Record<string, (listener: unknown) => void>
    const heard: unknown[] = []
    const listener = (res: { reason: Error }) => heard.push(res.reason.message)
    wx.onUnhandledRejection(listener)
    const rejection = new Event('unhandledrejection') as Event & { reason: unknown }
    rejection.reason = new Error('left unhandled')
    window.dispatchEvent(rejection)
    wx.offUnhandledRejection(listener)
    expect(posted.at(-1)).toMatchObject({
      type: 'wx-bridge:error',
      error: { message: 'left unhandled' },
    })
    expect(heard).toEqual(['left unhandled'])
  })
})

describe('requests', () => {
  it('wx.request goes to the parent as a wx-bridge:call task and its task events come back', async () => {
    const wx = frame.simulator()?.runtime.wx as Record<string, (o: unknown) => unknown>
    const answer = new Promise<Record<string, unknown>>((resolve) =>
      wx.request({ url: 'https://api.example.com/items', success: resolve }),
    )
    const request = posted.find((m) => m.type === 'wx-bridge:call' && m.method === 'request')
    expect(request).toMatchObject({
      type: 'wx-bridge:call',
      params: { url: 'https://api.example.com/items', method: 'GET', page: 'pages/index/index' },
    })
    const taskId = (request as { callId: string }).callId
    const head = { statusCode: 200, header: { 'content-type': 'application/json' }, cookies: [] }
    send({ type: 'wx-host:task', taskId, event: { kind: 'headers', head } })
    const body = new TextEncoder().encode('{"n":1}')
    send({
      type: 'wx-host:task',
      taskId,
      event: { kind: 'done', outcome: { ok: true, body, ...head } },
    })
    expect(await answer).toMatchObject({ statusCode: 200, data: { n: 1 } })
  })

  it('wx-host:network-type changes what getNetworkType answers and tells onNetworkStatusChange', async () => {
    const wx = frame.simulator()?.runtime.wx as Record<string, (o?: unknown) => Promise<unknown>>
    const told: unknown[] = []
    const listener = (res: unknown) => told.push(res)
    wx.onNetworkStatusChange(listener)
    send({ type: 'wx-host:network-type', networkType: '4g' })
    wx.offNetworkStatusChange(listener)
    expect(await wx.getNetworkType()).toEqual({ errMsg: 'getNetworkType:ok', networkType: '4g' })
    expect(told).toEqual([{ isConnected: true, networkType: '4g' }])
  })

  it('storage writes go to the parent with the appid', () => {
    ;(frame.simulator()?.runtime.wx.setStorageSync as (k: string, v: unknown) => void)('k', 1)
    expect(posted.at(-1)).toEqual({
      type: 'wx-bridge:storage',
      appid: 'wx-simulator-test',
      change: { kind: 'set', key: 'k', item: { type: 'Number', data: '1' } },
    })
  })
})

// Last: once glass-easel's DOM backend saw a touch it ignores the mouse; the frame taps from it.
describe('touch', () => {
  it('a touch tap runs bindtap too', () => {
    const target = inShownPage('add')
    const before = inShownPage('items').querySelectorAll('.item').length
    const touch = { identifier: 1, clientX: 3, clientY: 4, pageX: 3, pageY: 4, target }
    for (const type of ['touchstart', 'touchend']) {
      target.dispatchEvent(
        new TouchEvent(type, {
          bubbles: true,
          touches: type === 'touchstart' ? [touch as never] : [],
          changedTouches: [touch as never],
        }),
      )
    }
    expect(inShownPage('items').querySelectorAll('.item')).toHaveLength(before + 1)
  })

  it('after a touch, a mouse click still taps once; the mouse events a touch makes do not', () => {
    const target = inShownPage('add')
    const items = () => inShownPage('items').querySelectorAll('.item').length
    const before = items()
    mouseTap(target)
    expect(items()).toBe(before + 1)
    // The browser's compatibility events after a real touch: that touch already tapped.
    for (const type of ['mousedown', 'mouseup']) {
      const ev = new MouseEvent(type, { bubbles: true, clientX: 5, clientY: 6, detail: 1 })
      Object.defineProperty(ev, 'sourceCapabilities', { value: { firesTouchEvents: true } })
      target.dispatchEvent(ev)
    }
    expect(items()).toBe(before + 1)
    // A press dragged further than a tap is not one.
    target.dispatchEvent(new MouseEvent('mousedown', { bubbles: true, clientX: 5, clientY: 6 }))
    target.dispatchEvent(new MouseEvent('mouseup', { bubbles: true, clientX: 5, clientY: 60 }))
    expect(items()).toBe(before + 1)
  })
})

describe('automation commands (mpdt auto --web)', () => {
  const answers = () =>
    posted.filter(
      (message): message is Extract<FrameMessage, { type: 'wx-bridge:automation' }> =>
        message.type === 'wx-bridge:automation',
    )

  it('answers a command from its parent with the running mini-program', async () => {
    send({
      type: 'wx-host:automation',
      command: { id: 'a-parent', method: 'App.getCurrentPage', params: {} },
    })
    await nextTasks()
    expect(answers().map((answer) => answer.message)).toContainEqual({
      id: 'a-parent',
      result: expect.objectContaining({ path: 'pages/index/index' }),
    })
  })

  it('ignores a command the mini-program posts to its own window', async () => {
    send(
      {
        type: 'wx-host:automation',
        command: { id: 'a-self', method: 'App.callFunction', params: {} },
      },
      window,
    )
    await nextTasks()
    expect(answers().some((answer) => (answer.message as { id?: string }).id === 'a-self')).toBe(
      false,
    )
  })
})
