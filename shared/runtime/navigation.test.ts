import { afterEach, describe, expect, it } from 'vitest'
import type { RuntimeAppJson } from './app-structure'
import { resolvePageUrl } from './navigation-api'
import { createRuntime, type Runtime } from './runtime'
import { TestingPort } from '../../tests/helpers/runtime-port'

const running: Runtime[] = []
afterEach(() => {
  for (const runtime of running.splice(0)) runtime.dispose()
})

/** A page that logs each lifecycle as `<name> <hook>`. */
function loggingPage(name: string): string {
  return `Page({
    onLoad(q) { console.log('${name} onLoad', JSON.stringify(q)) },
    onShow() { console.log('${name} onShow') },
    onReady() { console.log('${name} onReady') },
    onHide() { console.log('${name} onHide') },
    onUnload() { console.log('${name} onUnload') },
  })`
}

const ROUTES = ['a', 'b', 'c', 'd', 'e']
const APP_JSON: RuntimeAppJson = {
  pages: ROUTES.map((name) => `pages/${name}/${name}`),
  tabBar: {
    list: [
      { pagePath: 'pages/a/a', text: 'A' },
      { pagePath: 'pages/b/b', text: 'B' },
    ],
  },
}

function start(options: { appJson?: RuntimeAppJson; app?: string; entry?: string } = {}) {
  const port = new TestingPort()
  const files: Record<string, string> = { 'app.js': options.app ?? 'App({})' }
  for (const name of ROUTES) files[`pages/${name}/${name}.js`] = loggingPage(name)
  const runtime = createRuntime({
    port,
    appid: 'wx-nav',
    files,
    appJson: options.appJson ?? APP_JSON,
  })
  running.push(runtime)
  expect(runtime.launch({ entry: options.entry }).ok).toBe(true)
  const wx = runtime.wx as Record<string, (options?: unknown) => Promise<unknown>>
  const routes = () => runtime.getCurrentPages().map((page) => page.route.split('/')[1])
  /** Lines logged since the last call. */
  let seen = 0
  const lines = () => {
    const all = port.lines().map((line) => line.replace(/^log: /, ''))
    const fresh = all.slice(seen)
    seen = all.length
    return fresh
  }
  lines()
  return { port, runtime, wx, routes, lines }
}

describe('navigateTo and navigateBack', () => {
  it('opens a page on top: the old page hides, the new one loads with its query, shows and is ready', async () => {
    const { wx, routes, lines } = start()
    await wx.navigateTo({ url: '/pages/c/c?id=3&name=x' })
    expect(lines()).toEqual(['a onHide', 'c onLoad {"id":"3","name":"x"}', 'c onShow', 'c onReady'])
    expect(routes()).toEqual(['a', 'c'])
  })

  it('navigates after the call returns, then calls success and complete with errMsg', async () => {
    const { wx, routes } = start()
    const calls: string[] = []
    await new Promise<void>((resolve) => {
      wx.navigateTo({
        url: '/pages/c/c',
        success: (res: { errMsg: string }) =>
          calls.push(`success ${res.errMsg} ${routes().length}`),
        complete: () => resolve(),
      })
      calls.push(`returned ${routes().length}`)
    })
    expect(calls).toEqual(['returned 1', 'success navigateTo:ok 2'])
  })

  it('resolves a relative url from the current page folder', async () => {
    const { wx, routes } = start()
    await wx.navigateTo({ url: '../c/c' })
    await wx.navigateTo({ url: '../d/d?x=1' })
    expect(routes()).toEqual(['a', 'c', 'd'])
    expect(resolvePageUrl('pages/c/c', 'pages/a/a').route).toBe('pages/a/pages/c/c')
    expect(resolvePageUrl('./e?k=v', 'pages/a/a')).toEqual({
      route: 'pages/a/e',
      query: { k: 'v' },
    })
  })

  it('fails for a page app.json does not list', async () => {
    const { wx } = start()
    await expect(wx.navigateTo({ url: '/pages/nope/nope' })).rejects.toEqual({
      errMsg: 'navigateTo:fail page "pages/nope/nope" is not found',
    })
  })

  it('fails for a tab page', async () => {
    const { wx } = start()
    await expect(wx.navigateTo({ url: '/pages/b/b' })).rejects.toEqual({
      errMsg: 'navigateTo:fail can not navigateTo a tabbar page',
    })
  })

  it('fails with a parameter error without a url', async () => {
    const { wx } = start()
    await expect(wx.navigateTo({})).rejects.toEqual({
      errMsg:
        'navigateTo:fail parameter error: parameter.url should be String instead of Undefined;',
      errno: 1001,
    })
  })

  it('keeps at most 10 pages', async () => {
    const { wx, routes } = start({ entry: 'pages/c/c' })
    for (let i = 0; i < 9; i++) await wx.navigateTo({ url: '/pages/d/d' })
    expect(routes()).toHaveLength(10)
    await expect(wx.navigateTo({ url: '/pages/d/d' })).rejects.toEqual({
      errMsg: 'navigateTo:fail webview count limit exceed',
    })
    expect(routes()).toHaveLength(10)
  })

  it('goes back: the top page unloads and the one below shows again', async () => {
    const { wx, routes, lines } = start()
    await wx.navigateTo({ url: '/pages/c/c' })
    lines()
    await wx.navigateBack()
    expect(lines()).toEqual(['c onUnload', 'a onShow'])
    expect(routes()).toEqual(['a'])
  })

  it('goes back delta pages, top first, and at most to the first page', async () => {
    const { wx, routes, lines } = start()
    await wx.navigateTo({ url: '/pages/c/c' })
    await wx.navigateTo({ url: '/pages/d/d' })
    await wx.navigateTo({ url: '/pages/e/e' })
    lines()
    await wx.navigateBack({ delta: 2 })
    expect(lines()).toEqual(['e onUnload', 'd onUnload', 'c onShow'])
    await wx.navigateBack({ delta: 99 })
    expect(routes()).toEqual(['a'])
  })

  it('fails to go back from the first page', async () => {
    const { wx } = start()
    await expect(wx.navigateBack()).rejects.toEqual({
      errMsg: 'navigateBack:fail cannot navigate back at first page.',
    })
  })
})

describe('the event channel of navigateTo', () => {
  it('carries events both ways between the opener and the opened page', async () => {
    const port = new TestingPort()
    const runtime = createRuntime({
      port,
      appid: 'wx-nav',
      files: {
        'app.js': 'App({})',
        'pages/a/a.js': `Page({ open() {
          wx.navigateTo({
            url: '/pages/b/b',
            events: { fromB(data) { console.log('a got', data) } },
            success(res) { res.eventChannel.emit('fromA', 'hello') },
          })
        } })`,
        'pages/b/b.js': `Page({ onLoad() {
          const channel = this.getOpenerEventChannel()
          channel.on('fromA', (data) => { console.log('b got', data); channel.emit('fromB', 'hi') })
        } })`,
      },
      appJson: { pages: ['pages/a/a', 'pages/b/b'] },
    })
    running.push(runtime)
    runtime.launch()
    ;(runtime.getCurrentPages()[0].open as () => void)()
    await new Promise((resolve) => setTimeout(resolve, 5))
    expect(port.lines()).toEqual(['log: b got hello', 'log: a got hi'])
  })

  it('a page not opened by navigateTo gets a channel that reaches nobody', () => {
    const { runtime } = start()
    const channel = (
      runtime.getCurrentPages()[0].getOpenerEventChannel as () => {
        emit(name: string): void
      }
    )()
    expect(() => channel.emit('x')).not.toThrow()
  })
})

describe('redirectTo and reLaunch', () => {
  it('redirectTo unloads the current page and opens the new one in its place', async () => {
    const { wx, routes, lines } = start()
    await wx.navigateTo({ url: '/pages/c/c' })
    lines()
    await wx.redirectTo({ url: '/pages/d/d?q=1' })
    expect(lines()).toEqual(['c onUnload', 'd onLoad {"q":"1"}', 'd onShow', 'd onReady'])
    expect(routes()).toEqual(['a', 'd'])
  })

  it('redirectTo refuses a tab page', async () => {
    const { wx } = start()
    await expect(wx.redirectTo({ url: '/pages/b/b' })).rejects.toEqual({
      errMsg: 'redirectTo:fail can not redirectTo a tabbar page',
    })
  })

  it('reLaunch unloads every page, loaded tab pages too, and opens the page alone', async () => {
    const { wx, routes, lines } = start()
    await wx.switchTab({ url: '/pages/b/b' })
    await wx.navigateTo({ url: '/pages/c/c' })
    lines()
    await wx.reLaunch({ url: '/pages/d/d?k=v' })
    expect(lines()).toEqual([
      'c onUnload',
      'b onUnload',
      'a onUnload',
      'd onLoad {"k":"v"}',
      'd onShow',
      'd onReady',
    ])
    expect(routes()).toEqual(['d'])
  })
})

describe('switchTab', () => {
  it('A to B: A hides, B loads and shows', async () => {
    const { wx, routes, lines } = start()
    await wx.switchTab({ url: '/pages/b/b' })
    expect(lines()).toEqual(['a onHide', 'b onLoad {}', 'b onShow', 'b onReady'])
    expect(routes()).toEqual(['b'])
  })

  it('back to a tab page opened before: it only shows again', async () => {
    const { wx, lines } = start()
    await wx.switchTab({ url: '/pages/b/b' })
    lines()
    await wx.switchTab({ url: '/pages/a/a' })
    expect(lines()).toEqual(['b onHide', 'a onShow'])
  })

  it('to the current tab page alone: nothing happens', async () => {
    const { wx, lines } = start()
    await wx.switchTab({ url: '/pages/a/a' })
    expect(lines()).toEqual([])
  })

  it('from pages above a tab page: they unload, top first, then the tab page shows', async () => {
    const { wx, routes, lines } = start()
    await wx.navigateTo({ url: '/pages/c/c' })
    await wx.navigateTo({ url: '/pages/d/d' })
    lines()
    await wx.switchTab({ url: '/pages/b/b' })
    expect(lines()).toEqual(['d onUnload', 'c onUnload', 'b onLoad {}', 'b onShow', 'b onReady'])
    expect(routes()).toEqual(['b'])
  })

  it("tapping a tab item switches to its page, then runs that page's onTabItemTap", async () => {
    const port = new TestingPort()
    const runtime = createRuntime({
      port,
      appid: 'wx-nav',
      files: {
        'app.js': 'App({})',
        'pages/a/a.js': `Page({ onTabItemTap(item) { console.log('a tab', JSON.stringify(item)) } })`,
        'pages/b/b.js': `Page({
          onShow() { console.log('b onShow') },
          onTabItemTap(item) { console.log('b tab', JSON.stringify(item)) },
        })`,
      },
      appJson: { pages: ['pages/a/a', 'pages/b/b'], tabBar: APP_JSON.tabBar },
    })
    running.push(runtime)
    runtime.launch()
    runtime.tapTabItem(1)
    await new Promise((resolve) => setTimeout(resolve, 5))
    expect(port.lines()).toEqual([
      'log: b onShow',
      'log: b tab {"index":1,"pagePath":"pages/b/b","text":"B"}',
    ])
  })

  it('refuses a page that is not in the tabBar', async () => {
    const { wx } = start()
    await expect(wx.switchTab({ url: '/pages/c/c' })).rejects.toEqual({
      errMsg: 'switchTab:fail can not switch to no-tabBar page',
    })
  })
})

describe('a custom tab bar (app.json tabBar.custom)', () => {
  it('each tab page gets its own instance from getTabBar(); other pages none', async () => {
    const port = new TestingPort()
    const runtime = createRuntime({
      port,
      appid: 'wx-nav',
      files: {
        'app.js': 'App({})',
        'custom-tab-bar/index.js': `Component({ data: { selected: -1 },
          pageLifetimes: { show() { console.log('tab bar show') } } })`,
        'custom-tab-bar/index.json': '{ "component": true }',
        'pages/a/a.js': `Page({ onShow() { this.getTabBar().setData({ selected: 0 }) } })`,
        'pages/b/b.js': `Page({ onShow() { this.getTabBar().setData({ selected: 1 }) } })`,
        'pages/c/c.js': 'Page({})',
      },
      appJson: {
        pages: ['pages/a/a', 'pages/b/b', 'pages/c/c'],
        tabBar: {
          custom: true,
          list: [
            { pagePath: 'pages/a/a', text: 'A' },
            { pagePath: 'pages/b/b', text: 'B' },
          ],
        },
      },
    })
    running.push(runtime)
    runtime.launch()
    const wx = runtime.wx as Record<string, (options?: unknown) => Promise<unknown>>
    await wx.switchTab({ url: '/pages/b/b' })
    await wx.navigateTo({ url: '/pages/c/c' })
    const [b, c] = runtime.getCurrentPages()
    const tabBarOf = (page: Record<string, unknown>) =>
      (page.getTabBar as () => { data: { selected: number } } | undefined)()
    expect(tabBarOf(b)?.data.selected).toBe(1)
    expect(tabBarOf(c)).toBeUndefined()
    expect(port.errors).toEqual([])
    expect(port.lines()).toEqual(['log: tab bar show', 'log: tab bar show'])
  })
})

describe('page events and app visibility', () => {
  it('component pageLifetimes follow the page: show, hide, show', async () => {
    const port = new TestingPort()
    const runtime = createRuntime({
      port,
      appid: 'wx-nav',
      files: {
        'app.js': 'App({})',
        'pages/a/a.js': `Component({ pageLifetimes: {
          show() { console.log('a show') }, hide() { console.log('a hide') } } })`,
        'pages/c/c.js': 'Page({})',
      },
      appJson: { pages: ['pages/a/a', 'pages/c/c'] },
    })
    running.push(runtime)
    runtime.launch()
    const wx = runtime.wx as Record<string, (options?: unknown) => Promise<unknown>>
    await wx.navigateTo({ url: '/pages/c/c' })
    await wx.navigateBack()
    expect(port.lines()).toEqual(['a show', 'a hide', 'a show'].map((l) => `log: ${l}`))
  })

  it('going to the background hides the page then the app; coming back shows the app then the page', () => {
    const { runtime, lines } = start({
      app: `App({ onShow(o) { console.log('app onShow', o.path) }, onHide() { console.log('app onHide') } })`,
    })
    runtime.enterBackground()
    runtime.enterForeground()
    expect(lines()).toEqual(['a onHide', 'app onHide', 'app onShow pages/a/a', 'a onShow'])
  })

  it('startPullDownRefresh runs onPullDownRefresh of the current page', async () => {
    const port = new TestingPort()
    const runtime = createRuntime({
      port,
      appid: 'wx-nav',
      files: {
        'app.js': 'App({})',
        'pages/a/a.js': `Page({ onPullDownRefresh() { console.log('refresh'); wx.stopPullDownRefresh() } })`,
      },
      appJson: { pages: ['pages/a/a'] },
    })
    running.push(runtime)
    runtime.launch()
    await (runtime.wx.startPullDownRefresh as () => Promise<unknown>)()
    expect(port.lines()).toEqual(['log: refresh'])
  })
})
