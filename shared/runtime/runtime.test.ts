import { afterEach, describe, expect, it } from 'vitest'
import { createRuntime, type Runtime } from './runtime'
import type { RuntimeAppJson } from './app-structure'
import { idle, TestingPort } from '../../tests/helpers/runtime-port'

const running: Runtime[] = []
afterEach(() => {
  for (const runtime of running.splice(0)) runtime.dispose()
})

const PAGE = `Page({ onLoad(q) { console.log('page onLoad', q) } })`

function start(
  files: Record<string, string>,
  options: {
    appJson?: RuntimeAppJson
    entry?: string
    port?: TestingPort
    appid?: string
    scene?: number
  } = {},
) {
  const port = options.port ?? new TestingPort()
  const runtime = createRuntime({
    port,
    appid: options.appid ?? 'wx0000000000000001',
    files: { 'app.js': 'App({})', ...files },
    appJson: options.appJson ?? { pages: ['pages/index/index'] },
  })
  running.push(runtime)
  const launched = runtime.launch({ entry: options.entry, scene: options.scene })
  return { port, runtime, launched }
}

describe('lifecycles', () => {
  it('runs App onLaunch and onShow, then the entry page onLoad, onShow and onReady, in order', () => {
    const { port, launched } = start({
      'app.js': `App({
        onLaunch(o) { console.log('onLaunch', o.path, o.scene, o.query) },
        onShow(o) { console.log('app onShow', o.path) },
      })`,
      'pages/index/index.js': `Page({
        onLoad(q) { console.log('onLoad', q) },
        onShow() { console.log('page onShow') },
        onReady() { console.log('onReady') },
      })`,
    })
    expect(launched.ok).toBe(true)
    expect(port.lines()).toEqual([
      'log: onLaunch pages/index/index 1001 {}',
      'log: app onShow pages/index/index',
      'log: onLoad {}',
      'log: page onShow',
      'log: onReady',
    ])
  })

  it('opens the given entry page with its query, values as written', () => {
    const { port, runtime } = start(
      {
        'pages/index/index.js': PAGE,
        'pages/detail/detail.js': `Page({ onLoad(q) { console.log('detail', q, this.route, this.options.id) } })`,
      },
      {
        appJson: { pages: ['pages/index/index', 'pages/detail/detail'] },
        entry: '/pages/detail/detail?id=3&name=%E4%B8%AD',
      },
    )
    expect(port.lines()).toEqual([
      'log: detail {"id":"3","name":"%E4%B8%AD"} pages/detail/detail 3',
    ])
    expect(runtime.getCurrentPages().map((page) => page.route)).toEqual(['pages/detail/detail'])
  })

  it('gives App.onLaunch the launch scene, and wx.getLaunchOptionsSync the same from app.js on', () => {
    const { port, runtime } = start(
      {
        'app.js': `
          const atTop = wx.getLaunchOptionsSync()
          App({ onLaunch(o) { console.log('onLaunch', o.scene, atTop.scene, atTop.path, atTop.query) } })`,
        'pages/detail/detail.js': PAGE,
      },
      {
        appJson: { pages: ['pages/index/index', 'pages/detail/detail'] },
        entry: 'pages/detail/detail?from=qr',
        scene: 1047,
      },
    )
    expect(port.lines()[0]).toBe('log: onLaunch 1047 1047 pages/detail/detail {"from":"qr"}')
    const wx = runtime.wx as Record<string, () => Record<string, unknown>>
    expect(wx.getLaunchOptionsSync()).toEqual({
      path: 'pages/detail/detail',
      query: { from: 'qr' },
      scene: 1047,
      referrerInfo: {},
      apiCategory: 'default',
    })
  })

  it('wx.getEnterOptionsSync follows the last onShow; the launch options stay; copies are free to change', () => {
    const { runtime } = start(
      { 'pages/index/index.js': PAGE, 'pages/detail/detail.js': PAGE },
      {
        appJson: { pages: ['pages/index/index', 'pages/detail/detail'] },
        entry: 'pages/index/index?a=1',
      },
    )
    const wx = runtime.wx as Record<string, (o?: unknown) => Record<string, unknown>>
    ;(wx.getLaunchOptionsSync().query as Record<string, string>).a = 'changed'
    wx.reLaunch({ url: '/pages/detail/detail?b=2' })
    return new Promise<void>((resolve) =>
      setTimeout(() => {
        runtime.enterBackground()
        runtime.enterForeground()
        expect(wx.getEnterOptionsSync()).toMatchObject({
          path: 'pages/detail/detail',
          query: { b: '2' },
          scene: 1001,
        })
        expect(wx.getLaunchOptionsSync()).toMatchObject({
          path: 'pages/index/index',
          query: { a: '1' },
        })
        resolve()
      }, 10),
    )
  })

  it('opens a subpackage page', () => {
    const { port } = start(
      {
        'pages/index/index.js': PAGE,
        'pkg/pages/a/a.js': `Page({ onLoad() { console.log('a') } })`,
      },
      {
        appJson: {
          pages: ['pages/index/index'],
          subpackages: [{ root: 'pkg', pages: ['pages/a/a'] }],
        },
        entry: 'pkg/pages/a/a',
      },
    )
    expect(port.lines()).toEqual(['log: a'])
  })

  it('builds a page from Component() with methods, lifetimes and a Behavior', () => {
    const { port, runtime } = start({
      'behaviors/named.js': `module.exports = Behavior({ data: { name: 'from behavior' } })`,
      'pages/index/index.js': `Component({
        behaviors: [require('../../behaviors/named')],
        data: { count: 1 },
        lifetimes: { attached() { console.log('attached') } },
        methods: {
          onLoad(q) { console.log('onLoad', this.data.name, this.data.count) },
          onReady() { this.setData({ count: 2 }); console.log('onReady', this.data.count) },
        },
      })`,
    })
    expect(port.lines()).toEqual(['log: attached', 'log: onLoad from behavior 1', 'log: onReady 2'])
    expect((runtime.getCurrentPages()[0].data as { count: number }).count).toBe(2)
  })

  it('triggers pageLifetimes.show of a Component page after its onShow', () => {
    const { port } = start({
      'pages/index/index.js': `Component({
        pageLifetimes: { show() { console.log('pageLifetimes.show') } },
        methods: { onShow() { console.log('onShow') } },
      })`,
    })
    expect(port.lines()).toEqual(['log: onShow', 'log: pageLifetimes.show'])
  })

  it('keeps setData and this.data working on a Page', () => {
    const { runtime } = start({
      'pages/index/index.js': `Page({ data: { list: [{ n: 1 }] }, onLoad() { this.setData({ 'list[0].n': 5 }) } })`,
    })
    expect(runtime.getCurrentPages()[0].data).toEqual({ list: [{ n: 5 }] })
  })

  it('runs the JS of components the page uses, before the page', () => {
    const { port, launched } = start(
      {
        'components/card/card.js': `console.log('card registered'); Component({ properties: { title: String } })`,
        'pages/index/index.js': `console.log('page registered'); Page({})`,
      },
      {
        appJson: { pages: ['pages/index/index'] },
      },
    )
    expect(launched.ok).toBe(true)
    expect(port.lines()).toEqual(['log: page registered'])
    const withJson = start({
      'components/card/card.js': `console.log('card registered'); Component({})`,
      'pages/index/index.js': `console.log('page registered'); Page({})`,
      'pages/index/index.json': '{ "usingComponents": { "card": "../../components/card/card" } }',
    })
    expect(withJson.port.lines()).toEqual(['log: card registered', 'log: page registered'])
  })

  it('runs app.json global components too', () => {
    const { port } = start(
      {
        'components/g/g.js': `console.log('global registered'); Component({})`,
        'pages/index/index.js': PAGE,
      },
      { appJson: { pages: ['pages/index/index'], usingComponents: { g: 'components/g/g' } } },
    )
    expect(port.lines()[0]).toBe('log: global registered')
  })
})

describe('App and getApp', () => {
  it('gives pages the app instance and its globalData', () => {
    const { port } = start({
      'app.js': `App({ globalData: { user: 'ann' }, hello() { return 'hi' } })`,
      'pages/index/index.js': `Page({ onLoad() { const app = getApp(); console.log(app.globalData.user, app.hello()) } })`,
    })
    expect(port.lines()).toEqual(['log: ann hi'])
  })

  it('returns undefined from getApp() before App(), or a default with allowDefault', () => {
    const { port } = start({
      'app.js': `console.log(typeof getApp()); const d = getApp({ allowDefault: true }); d.early = 1; App({ later: 2 })`,
      'pages/index/index.js': `Page({ onLoad() { console.log(getApp().early, getApp().later) } })`,
    })
    expect(port.lines()).toEqual(['log: undefined', 'log: 1 2'])
  })

  it('reports a second App() call', () => {
    const { port } = start({ 'app.js': 'App({}); App({})', 'pages/index/index.js': PAGE })
    expect(port.errors.map((error) => error.message)).toEqual(['App() can only be called once'])
  })
})

describe('require', () => {
  it('loads relative, absolute and extension-less paths, each module once', () => {
    const { port } = start({
      'utils/count.js': `console.log('count runs'); exports.n = 1`,
      'utils/format.js': `exports.upper = (s) => s.toUpperCase()`,
      'pages/index/index.js': `
        const a = require('../../utils/count.js')
        const b = require('/utils/count')
        const { upper } = require('../../utils/format')
        console.log(a === b, upper('ok'))
        Page({})`,
    })
    expect(port.lines()).toEqual(['log: count runs', 'log: true OK'])
  })

  it('resolves a bare path relative to the requiring file', () => {
    const { port } = start({
      'pages/index/helper.js': `module.exports = 'helper'`,
      'pages/index/index.js': `console.log(require('helper')); Page({})`,
    })
    expect(port.lines()).toEqual(['log: helper'])
  })

  it('finds a package in miniprogram_npm', () => {
    const { port } = start({
      'miniprogram_npm/dayjs/index.js': `module.exports = 'dayjs'`,
      'pages/index/index.js': `console.log(require('dayjs')); Page({})`,
    })
    expect(port.lines()).toEqual(['log: dayjs'])
  })

  it('gives a cycle the partial exports, as CommonJS does', () => {
    const { port } = start({
      'a.js': `exports.early = 'a-early'; const b = require('./b'); exports.late = 'a-late'; exports.seenByB = b.seen`,
      'b.js': `const a = require('./a'); exports.seen = [a.early, a.late].join(',')`,
      'pages/index/index.js': `const a = require('/a'); console.log(a.seenByB, a.late); Page({})`,
    })
    expect(port.lines()).toEqual(['log: a-early, a-late'])
  })

  it("throws WeChat's error for a module that does not exist", () => {
    const { port } = start({
      'pages/index/index.js': `try { require('./nope') } catch (e) { console.log(e.message) } Page({})`,
    })
    expect(port.lines()).toEqual([
      'log: module "pages/index/nope.js" is not defined, require args is "./nope"',
    ])
  })

  it('sets this to module.exports at the top level of a module', () => {
    const { port } = start({
      'pages/index/index.js': `console.log(this === module.exports, this === exports); Page({})`,
    })
    expect(port.lines()).toEqual(['log: true true'])
  })
})

describe('globals', () => {
  it('hides the browser and Node globals WeChat does not have', () => {
    const { port } = start({
      'pages/index/index.js': `console.log(typeof window, typeof document, typeof fetch, typeof XMLHttpRequest, typeof process); Page({})`,
    })
    expect(port.lines()).toEqual(['log: undefined undefined undefined undefined undefined'])
  })

  it('hides setImmediate and MessageChannel: schedulers (React) then use the counted setTimeout', () => {
    const { port } = start({
      'pages/index/index.js': `console.log(typeof setImmediate, typeof clearImmediate, typeof MessageChannel, typeof setTimeout); Page({})`,
    })
    expect(port.lines()).toEqual(['log: undefined undefined undefined function'])
  })

  it('lists the page stack with getCurrentPages()', () => {
    const { port } = start({
      'pages/index/index.js': `Page({ onLoad() { const p = getCurrentPages(); console.log(p.length, p[0] === this, p[0].route) } })`,
    })
    expect(port.lines()).toEqual(['log: 1 true pages/index/index'])
  })
})

describe('console', () => {
  it('forwards each level as called, arguments unchanged', () => {
    const { port } = start({
      'pages/index/index.js': `
        console.log('l', 1); console.info('i'); console.warn('w'); console.error('e'); console.debug('d')
        console.group('g'); console.table([{ a: 1 }]); console.groupEnd()
        Page({})`,
    })
    expect(port.logs.map((log) => [log.level, log.args])).toEqual([
      ['log', ['l', 1]],
      ['info', ['i']],
      ['warn', ['w']],
      ['error', ['e']],
      ['debug', ['d']],
      ['group', ['g']],
      ['table', [[{ a: 1 }]]],
      ['groupEnd', []],
    ])
    expect(port.logs.every((log) => log.source === 'miniprogram')).toBe(true)
  })

  it('supports assert, count and time as console helpers', () => {
    const { port } = start({
      'pages/index/index.js': `console.assert(1 === 2, 'math'); console.assert(true, 'fine'); console.count(); console.count(); Page({})`,
    })
    expect(port.lines()).toEqual([
      'error: Assertion failed: math',
      'log: default: 1',
      'log: default: 2',
    ])
  })
})

describe('exceptions in mini-program code', () => {
  it('reports an exception in onLoad with a stack naming the file, and keeps running', () => {
    const { port, launched } = start({
      'pages/index/index.js': `Page({
  onLoad() {
    null.boom()
  },
  onShow() { console.log('still shown') },
  onReady() { console.log('still ready') },
})`,
    })
    expect(launched.ok).toBe(true)
    expect(port.errors).toHaveLength(1)
    expect(port.errors[0].message).toMatch(/Cannot read properties of null/)
    expect(port.errors[0].stack).toContain('pages/index/index.js:3:')
    expect(port.lines()).toEqual(['log: still shown', 'log: still ready'])
  })

  it('reports an exception thrown while a module loads and launches the rest', () => {
    const { port, launched } = start({
      'app.js': `throw new Error('app broke')`,
      'pages/index/index.js': `Page({ onLoad() { console.log('loaded', typeof getApp()) } })`,
    })
    expect(launched.ok).toBe(true)
    expect(port.errors.map((error) => error.message)).toEqual(['app broke'])
    expect(port.errors[0].stack).toContain('app.js:1:')
    expect(port.lines()).toEqual(['log: loaded undefined'])
  })

  it('reports a rejected async lifecycle', async () => {
    const { port, runtime } = start({
      'pages/index/index.js': `Page({ async onLoad() { await null; throw new Error('async broke') } })`,
    })
    await idle(runtime)
    expect(port.errors.map((error) => error.message)).toEqual(['async broke'])
  })

  it('reports an exception in a component lifetime caught by glass-easel', () => {
    const { port } = start({
      'pages/index/index.js': `Component({ lifetimes: { attached() { throw new Error('attach broke') } }, methods: { onLoad() { console.log('loaded') } } })`,
    })
    expect(port.errors.map((error) => error.message)).toEqual(['attach broke'])
    expect(port.lines()).toEqual(['log: loaded'])
  })

  it('passes reported errors to App.onError', () => {
    const { port } = start({
      'app.js': `App({ onError(msg) { console.log('onError', msg.split('\\n')[0]) } })`,
      'pages/index/index.js': `Page({ onLoad() { throw new TypeError('bad') } })`,
    })
    expect(port.lines()).toEqual(['log: onError TypeError: bad'])
  })

  it('reports a page whose JS never called Page()', () => {
    const { port, launched } = start({ 'pages/index/index.js': `console.log('forgot')` })
    expect(launched.ok).toBe(true)
    expect(port.errors.map((error) => error.message)).toEqual([
      'Page "pages/index/index" has not been registered yet.',
    ])
  })
})

describe('launch failures', () => {
  it('refuses a project without app.js', () => {
    const port = new TestingPort()
    const runtime = createRuntime({
      port,
      appid: 'a',
      files: { 'pages/index/index.js': PAGE },
      appJson: { pages: ['pages/index/index'] },
    })
    running.push(runtime)
    const launched = runtime.launch()
    expect(launched.ok || launched.error.code).toBe('APP_JS_MISSING')
  })

  it('refuses an entry page without its JS file', () => {
    const { launched } = start({})
    expect(launched.ok || launched.error.code).toBe('PAGE_JS_MISSING')
  })

  it('launches only once', () => {
    const { runtime, port } = start({ 'pages/index/index.js': PAGE })
    expect(runtime.launch().ok || 'refused').toBe('refused')
    expect(port.lines()).toEqual(['log: page onLoad {}'])
  })

  it('refuses an app.json without pages', () => {
    const { launched } = start({}, { appJson: { pages: [] } })
    expect(launched.ok || launched.error.code).toBe('NO_PAGES')
  })
})

describe('timers and idleness', () => {
  it('counts timers as pending and reports idle once they ran', async () => {
    const { port, runtime } = start({
      'pages/index/index.js': `Page({ onLoad() { setTimeout((x) => console.log('fired', x), 5, 'arg') } })`,
    })
    expect(runtime.pending()).toBe(1)
    await idle(runtime)
    expect(runtime.pending()).toBe(0)
    expect(port.lines()).toEqual(['log: fired arg'])
  })

  it('keeps an interval pending until it is cleared', async () => {
    const { port, runtime } = start({
      'pages/index/index.js': `Page({ onLoad() {
        let n = 0
        const id = setInterval(() => { n += 1; console.log('tick', n); if (n === 3) clearInterval(id) }, 1)
      } })`,
    })
    await idle(runtime)
    expect(port.lines()).toEqual(['log: tick 1', 'log: tick 2', 'log: tick 3'])
  })

  it('does not count a cleared timeout', () => {
    const { runtime } = start({
      'pages/index/index.js': `Page({ onLoad() { clearTimeout(setTimeout(() => {}, 1000)) } })`,
    })
    expect(runtime.pending()).toBe(0)
  })

  it('reports a throwing timer callback and keeps later timers running', async () => {
    const { port, runtime } = start({
      'pages/index/index.js': `Page({ onLoad() {
        setTimeout(() => { throw new Error('timer broke') }, 1)
        setTimeout(() => console.log('later'), 5)
      } })`,
    })
    await idle(runtime)
    expect(port.errors.map((error) => error.message)).toEqual(['timer broke'])
    expect(port.lines()).toEqual(['log: later'])
  })

  it('waits for work a promise callback starts before reporting idle', async () => {
    const { port, runtime } = start({
      'pages/index/index.js': `Page({ onLoad() {
        setTimeout(() => Promise.resolve().then(() => setTimeout(() => console.log('second'), 5)), 1)
      } })`,
    })
    await idle(runtime)
    expect(port.lines()).toEqual(['log: second'])
  })

  it('reports idle right after launch when nothing is pending', async () => {
    const { runtime } = start({ 'pages/index/index.js': PAGE })
    await idle(runtime)
    expect(runtime.pending()).toBe(0)
  })
})

describe('storage', () => {
  it('sets, gets, removes and clears synchronously, keeping value types', () => {
    const { port } = start({
      'pages/index/index.js': `
        wx.setStorageSync('s', 'text'); wx.setStorageSync('n', 42); wx.setStorageSync('b', false)
        wx.setStorageSync('o', { a: [1] }); wx.setStorageSync('d', new Date(0)); wx.setStorageSync('z', null)
        const o = wx.getStorageSync('o'); o.a.push(2)
        console.log(wx.getStorageSync('s'), wx.getStorageSync('n'), wx.getStorageSync('b'), wx.getStorageSync('o'),
          wx.getStorageSync('d').getTime(), wx.getStorageSync('z'), JSON.stringify(wx.getStorageSync('missing')))
        wx.removeStorageSync('s'); console.log(JSON.stringify(wx.getStorageSync('s')))
        wx.clearStorageSync(); console.log(JSON.stringify(wx.getStorageSync('n')))
        Page({})`,
    })
    expect(port.lines()).toEqual(['log: text 42 false {"a":[1]} 0 null ""', 'log: ""', 'log: ""'])
  })

  it("throws WeChat's parameter error for a key that is not a string", () => {
    const { port } = start({
      'pages/index/index.js': `try { wx.setStorageSync(1, 'x') } catch (e) { console.log(e.message) } Page({})`,
    })
    expect(port.lines()).toEqual([
      'log: setStorageSync:fail parameter error: parameter.key should be String instead of Number;',
    ])
  })

  it('answers the async forms after the call returns, with errMsg', async () => {
    const { port, runtime } = start({
      'pages/index/index.js': `
        wx.setStorage({ key: 'k', data: 'v', success: (r) => console.log(r.errMsg) })
        wx.getStorage({ key: 'k', success: (r) => console.log(r.data, r.errMsg), complete: () => console.log('complete') })
        wx.getStorage({ key: 'none', fail: (e) => console.log(e.errMsg) })
        wx.removeStorage({ key: 'k', success: (r) => console.log(r.errMsg) })
        wx.clearStorage({ success: (r) => console.log(r.errMsg) })
        console.log('returned')
        Page({})`,
    })
    await idle(runtime)
    expect(port.lines()).toEqual([
      'log: returned',
      'log: setStorage:ok',
      'log: v getStorage:ok',
      'log: complete',
      'log: getStorage:fail data not found',
      'log: removeStorage:ok',
      'log: clearStorage:ok',
    ])
  })

  it('returns a Promise from an async form called without callbacks', async () => {
    const { port, runtime } = start({
      'pages/index/index.js': `
        wx.setStorageSync('k', 1)
        wx.getStorage({ key: 'k' }).then((r) => console.log('resolved', r.data))
        wx.getStorage({ key: 'none' }).catch((e) => console.log('rejected', e.errMsg))
        Page({})`,
    })
    await idle(runtime)
    expect(port.lines()).toEqual([
      'log: resolved 1',
      'log: rejected getStorage:fail data not found',
    ])
  })

  it('persists through the port and keeps each appid apart', () => {
    const first = start(
      { 'pages/index/index.js': `wx.setStorageSync('token', 'A'); Page({})` },
      { appid: 'wxA' },
    )
    const disk = first.port.disk
    const sameApp = start(
      { 'pages/index/index.js': `console.log(wx.getStorageSync('token')); Page({})` },
      { appid: 'wxA', port: new TestingPort(disk) },
    )
    const otherApp = start(
      {
        'pages/index/index.js': `console.log(JSON.stringify(wx.getStorageSync('token'))); Page({})`,
      },
      { appid: 'wxB', port: new TestingPort(disk) },
    )
    expect(sameApp.port.lines()).toEqual(['log: A'])
    expect(otherApp.port.lines()).toEqual(['log: ""'])
    expect(first.port.storageChanges).toEqual([
      { appid: 'wxA', change: { kind: 'set', key: 'token', item: { type: 'String', data: 'A' } } },
    ])
  })
})

describe('device information', () => {
  it('returns a copy of the simulated device from getSystemInfoSync and getSystemInfo', async () => {
    const { port, runtime } = start({
      'pages/index/index.js': `
        const info = wx.getSystemInfoSync(); info.platform = 'changed'
        console.log(wx.getSystemInfoSync().platform, info.windowWidth)
        wx.getSystemInfo({ success: (r) => console.log(r.model, r.errMsg) })
        Page({})`,
    })
    await idle(runtime)
    expect(port.lines()).toEqual(['log: devtools 375', 'log: iPhone 6/7/8 getSystemInfo:ok'])
  })

  it('reports the simulated network type', async () => {
    const port = new TestingPort()
    port.currentNetworkType = '4g'
    const { runtime } = start(
      {
        'pages/index/index.js': `wx.getNetworkType({ success: (r) => console.log(r.networkType, r.errMsg) }); Page({})`,
      },
      { port },
    )
    await idle(runtime)
    expect(port.lines()).toEqual(['log: 4g getNetworkType:ok'])
  })
})

describe('wx.request inside the runtime', () => {
  it('sends through the port with the calling page, and stays pending until complete', async () => {
    const { port, runtime } = start({
      'pages/index/index.js': `Page({ onLoad() {
        wx.request({ url: 'https://api.example.test/x', success: (r) => console.log(r.statusCode, r.data.ok) })
      } })`,
    })
    expect(port.requests).toHaveLength(1)
    expect(port.requests[0].request.page).toBe('pages/index/index')
    expect(runtime.pending()).toBe(1)
    port.requests[0].respond(200, '{"ok":true}')
    await idle(runtime)
    expect(port.lines()).toEqual(['log: 200 true'])
  })

  it('aborts open requests and clears timers on dispose', () => {
    const { port, runtime } = start({
      'pages/index/index.js': `Page({ onLoad() {
        wx.request({ url: 'https://api.example.test/x' }); setTimeout(() => {}, 10000)
      } })`,
    })
    expect(runtime.pending()).toBe(2)
    runtime.dispose()
    expect(port.requests[0].aborted).toBe(true)
    expect(runtime.pending()).toBe(0)
  })
})
