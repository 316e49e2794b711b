import { afterEach, describe, expect, it } from 'vitest'
import type { RuntimeAppJson } from './app-structure'
import { createRuntime, type Runtime } from './runtime'
import { idle, TestingPort } from '../../tests/helpers/runtime-port'

const running: Runtime[] = []
afterEach(() => {
  for (const runtime of running.splice(0)) runtime.dispose()
})

const APP_JSON: RuntimeAppJson = {
  pages: ['pages/index/index', 'pages/other/other', 'pages/tab/tab'],
  tabBar: {
    list: [
      { pagePath: 'pages/index/index', text: 'Home' },
      { pagePath: 'pages/tab/tab', text: 'Tab' },
    ],
  },
}

function loggingPage(name: string): string {
  return `Page({
    onLoad(q) { console.log('${name} onLoad', JSON.stringify(q)) },
    onShow() { console.log('${name} onShow') },
  })`
}

/** Launches `app` (app.js) on `entry`; every page logs its onLoad and onShow. */
function start(app: string, entry = 'pages/gone/gone?from=share&id=7') {
  const port = new TestingPort()
  const runtime = createRuntime({
    port,
    appid: 'wx-not-found',
    files: {
      'app.js': app,
      'pages/index/index.js': loggingPage('index'),
      'pages/other/other.js': loggingPage('other'),
      'pages/tab/tab.js': loggingPage('tab'),
    },
    appJson: APP_JSON,
  })
  running.push(runtime)
  const launched = runtime.launch({ entry })
  const lines = () => port.lines().map((line) => line.replace(/^log: /, ''))
  const routes = () => runtime.getCurrentPages().map((page) => page.route)
  return { port, runtime, launched, lines, routes }
}

const LOGGING_APP = `App({
  onLaunch(o) { console.log('app onLaunch', o.path, JSON.stringify(o.query)) },
  onShow(o) { console.log('app onShow', o.path, JSON.stringify(o.query)) },
  onHide() { console.log('app onHide') },
  onPageNotFound(res) { console.log('app onPageNotFound', JSON.stringify(res)) },
})`

describe('launching on a page app.json does not list', () => {
  it('launches the app with that path and query, then calls App.onPageNotFound with isEntryPage', () => {
    const { launched, lines } = start(LOGGING_APP)
    expect(launched.ok).toBe(true)
    expect(lines()).toEqual([
      'app onLaunch pages/gone/gone {"from":"share","id":"7"}',
      'app onShow pages/gone/gone {"from":"share","id":"7"}',
      'app onPageNotFound {"path":"pages/gone/gone","query":{"from":"share","id":"7"},"isEntryPage":true}',
    ])
  })

  it('calls the wx.onPageNotFound listeners after App.onPageNotFound, in the order they were added', () => {
    const { lines } = start(`
      wx.onPageNotFound((res) => console.log('first', res.path, res.isEntryPage))
      wx.onPageNotFound((res) => console.log('second', JSON.stringify(res.query)))
      App({ onPageNotFound() { console.log('app') } })`)
    expect(lines()).toEqual([
      'app',
      'first pages/gone/gone true',
      'second {"from":"share","id":"7"}',
    ])
  })

  it('wx.offPageNotFound(listener) removes that listener only', () => {
    const { lines } = start(`
      const kept = () => console.log('kept')
      const removed = () => console.log('removed')
      wx.onPageNotFound(kept)
      wx.onPageNotFound(removed)
      wx.offPageNotFound(removed)
      App({})`)
    expect(lines()).toEqual(['kept'])
  })

  it('wx.offPageNotFound() without a listener removes them all', () => {
    const { lines } = start(`
      wx.onPageNotFound(() => console.log('one'))
      wx.onPageNotFound(() => console.log('two'))
      wx.offPageNotFound()
      App({})`)
    expect(lines()).toEqual([])
  })

  it('opens the page App.onPageNotFound redirects to, and WeChat’s 页面不存在 page never shows', async () => {
    const { runtime, port, lines, routes } = start(`App({
      onPageNotFound(res) { wx.redirectTo({ url: '/pages/other/other?was=' + res.path }) },
    })`)
    await idle(runtime)
    expect(routes()).toEqual(['pages/other/other'])
    expect(lines()).toEqual(['other onLoad {"was":"pages/gone/gone"}', 'other onShow'])
    expect(port.missingPages).toEqual([])
  })

  it('opens the page a wx.onPageNotFound listener reLaunches to', async () => {
    const { runtime, port, routes } = start(`
      wx.onPageNotFound(() => wx.reLaunch({ url: 'pages/other/other' }))
      App({})`)
    await idle(runtime)
    expect(routes()).toEqual(['pages/other/other'])
    expect(port.missingPages).toEqual([])
  })

  it('opens the tab page a listener switches to', async () => {
    const { runtime, port, routes } = start(`
      wx.onPageNotFound(() => wx.switchTab({ url: '/pages/tab/tab' }))
      App({})`)
    await idle(runtime)
    expect(routes()).toEqual(['pages/tab/tab'])
    expect(port.missingPages).toEqual([])
  })

  it('shows WeChat’s 页面不存在 page when nobody redirects, after the current macrotask', async () => {
    const { runtime, port, routes } = start(LOGGING_APP)
    expect(port.missingPages).toEqual([])
    await idle(runtime)
    expect(port.missingPages).toEqual([
      { path: 'pages/gone/gone', query: { from: 'share', id: '7' } },
    ])
    expect(routes()).toEqual([])
  })

  it('shows the 页面不存在 page when the redirect fails, and does not call onPageNotFound again', async () => {
    const { runtime, port, lines } = start(`App({
      onPageNotFound(res) {
        console.log('onPageNotFound', res.path)
        wx.redirectTo({ url: '/pages/also-gone/also-gone', fail: (e) => console.log(e.errMsg) })
      },
    })`)
    await idle(runtime)
    expect(lines()).toEqual([
      'onPageNotFound pages/gone/gone',
      'redirectTo:fail page "pages/also-gone/also-gone" is not found',
    ])
    expect(port.missingPages).toEqual([
      { path: 'pages/gone/gone', query: { from: 'share', id: '7' } },
    ])
  })

  it('shows the 页面不存在 page when the handler throws, and reports the exception', async () => {
    const { runtime, port } = start(
      `App({ onPageNotFound() { throw new Error('broken handler') } })`,
    )
    await idle(runtime)
    expect(port.errors.map((error) => error.message)).toEqual(['broken handler'])
    expect(port.missingPages).toHaveLength(1)
  })

  it('going to the background and back on the 页面不存在 page shows the app at the missing path', async () => {
    const { runtime, lines } = start(LOGGING_APP, 'pages/gone/gone?id=1')
    await idle(runtime)
    const before = lines().length
    runtime.enterBackground()
    runtime.enterForeground()
    expect(lines().slice(before)).toEqual(['app onHide', 'app onShow pages/gone/gone {"id":"1"}'])
  })

  it('does not call onPageNotFound when navigateTo asks for a missing page: the call fails', async () => {
    const { runtime, lines } = start(LOGGING_APP, 'pages/index/index')
    await idle(runtime)
    const wx = runtime.wx as Record<string, (options: unknown) => Promise<unknown>>
    await expect(wx.navigateTo({ url: '/pages/gone/gone' })).rejects.toEqual({
      errMsg: 'navigateTo:fail page "pages/gone/gone" is not found',
    })
    expect(lines().some((line) => line.startsWith('app onPageNotFound'))).toBe(false)
  })

  it('launches on a listed page without calling onPageNotFound', async () => {
    const { runtime, port, lines } = start(LOGGING_APP, 'pages/index/index')
    await idle(runtime)
    expect(lines()).toEqual([
      'app onLaunch pages/index/index {}',
      'app onShow pages/index/index {}',
      'index onLoad {}',
      'index onShow',
    ])
    expect(port.missingPages).toEqual([])
  })
})
