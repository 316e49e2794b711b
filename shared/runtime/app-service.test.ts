import { afterEach, describe, expect, it } from 'vitest'
import type { RuntimeAppJson } from './app-structure'
import { createRuntime, type Runtime } from './runtime'
import { TestingPort } from '../../tests/helpers/runtime-port'

const running: Runtime[] = []
afterEach(() => {
  for (const runtime of running.splice(0)) runtime.dispose()
})

function start(files: Record<string, string>, appJson: RuntimeAppJson, entry?: string) {
  const port = new TestingPort()
  const runtime = createRuntime({ port, appid: 'wx00000000000000aa', files, appJson })
  running.push(runtime)
  const launched = runtime.launch({ entry })
  return { port, runtime, launched }
}

/** A webpack-runtime chunk as uni-app and Taro emit it: pushed onto a list kept on `global`. */
const chunk = (id: string) =>
  `(global["webpackJsonp"] = global["webpackJsonp"] || []).push([["${id}"], {}])`

describe('app service globals', () => {
  it('gives every module one shared `global`, as webpack-built apps need', () => {
    const { port } = start(
      {
        'app.js': `${chunk('app')}\nglobal.isDemo = true\nApp({})`,
        'common/vendor.js': chunk('vendor'),
        'pages/index/index.js': `require('../../common/vendor.js');\n${chunk('index')}
console.log(global.isDemo, global.webpackJsonp.map((c) => c[0][0]).join(','))
Page({})`,
      },
      { pages: ['pages/index/index'] },
    )
    expect(port.errors).toEqual([])
    expect(port.lines()).toEqual(['log: true app,vendor,index'])
  })

  it('describes app.json in __wxConfig as WeChat shapes it', () => {
    const { port } = start(
      {
        'app.js': `App({})`,
        'pages/b/b.js': `Page({ onLoad() {
          const c = __wxConfig
          console.log(JSON.stringify([c.pages, c.entryPagePath, c.global, c.tabBar.list.length,
            c.envVersion, c.accountInfo.appId, c.networkTimeout, c.appLaunchInfo.query]))
        } })`,
      },
      {
        pages: ['pages/a/a', 'pages/b/b'],
        subpackages: [{ root: 'sub', pages: ['c/c'] }],
        window: { navigationBarTitleText: 'Demo' },
        tabBar: { list: [{ pagePath: 'pages/a/a', text: 'A' }] },
        networkTimeout: { request: 5000 },
      } as RuntimeAppJson,
      'pages/b/b?x=1',
    )
    expect(port.errors).toEqual([])
    expect(JSON.parse(port.lines()[0].slice('log: '.length))).toEqual([
      ['pages/a/a', 'pages/b/b', 'sub/c/c'],
      'pages/b/b.html',
      { window: { navigationBarTitleText: 'Demo' } },
      1,
      'develop',
      'wx00000000000000aa',
      { request: 5000 },
      { x: '1' },
    ])
  })

  it('launches app.json entryPagePath (a subpackage page here) before the first listed page', () => {
    const { port } = start(
      {
        'app.js': `App({})`,
        'pages/a/a.js': `Page({ onLoad() { console.log('a') } })`,
        'sub/c/c.js': `Page({ onLoad() { console.log('c', __wxConfig.entryPagePath) } })`,
      },
      {
        pages: ['pages/a/a'],
        subpackages: [{ root: 'sub', pages: ['c/c'] }],
        entryPagePath: 'sub/c/c',
      } as RuntimeAppJson,
    )
    expect(port.errors).toEqual([])
    expect(port.lines()).toEqual(['log: c sub/c/c.html'])
  })

  it('fails requirePlugin for a plugin app.json does not declare, and for a declared one', () => {
    const { port } = start(
      {
        'app.js': `App({})`,
        'pages/index/index.js': `
          try { requirePlugin('myPlugin') } catch (e) { console.log(e.message) }
          try { requirePlugin('chart') } catch (e) { console.log(e.message) }
          Page({})`,
      },
      { pages: ['pages/index/index'], plugins: { chart: { version: '1.0.0', provider: 'wx1' } } },
    )
    expect(port.lines()).toEqual([
      'log: Plugin myPlugin is not defined, please check app.json "plugins"',
      'log: Plugin chart cannot run in MP DevTools: its code is not available',
    ])
  })

  it('resolves require through app.json resolveAlias, the longest key winning', () => {
    const { port } = start(
      {
        'app.js': `App({})`,
        'utils/format.js': `module.exports = 'utils'`,
        'sub/utils/format.js': `module.exports = 'sub utils'`,
        'pages/index/index.js': `console.log(require('@/utils/format'), require('@/utils/sub/format.js'))
Page({})`,
      },
      {
        pages: ['pages/index/index'],
        resolveAlias: { '@/*': '/*', '@/utils/sub/*': 'sub/utils/*' },
      },
    )
    expect(port.errors).toEqual([])
    expect(port.lines()).toEqual(['log: utils sub utils'])
  })
})

describe('module order', () => {
  const files = {
    'app.js': `console.log('app.js'); App({ globalData: { user: 'ann' } })`,
    'components/card/card.js': `console.log('card', getApp().globalData.user); Component({})`,
    'pages/a/a.js': `console.log('page a', getApp().globalData.user); Page({})`,
    'pages/b/b.js': `console.log('page b', getApp().globalData.user); Page({})`,
    'pages/b/b.json': JSON.stringify({ usingComponents: { card: '/components/card/card' } }),
  }

  it('runs app.js and registers App() before every page and component module, all at launch', () => {
    const { port } = start(files, { pages: ['pages/a/a', 'pages/b/b'] })
    expect(port.errors).toEqual([])
    expect(port.lines()).toEqual([
      'log: app.js',
      'log: card ann',
      'log: page a ann',
      'log: page b ann',
    ])
  })

  it('with lazyCodeLoading requiredComponents, runs a page and its components when it first opens', async () => {
    const { port, runtime } = start(files, {
      pages: ['pages/a/a', 'pages/b/b'],
      lazyCodeLoading: 'requiredComponents',
    })
    expect(port.lines()).toEqual(['log: app.js', 'log: page a ann'])
    const wx = runtime.wx as { navigateTo(o: object): void }
    await new Promise<void>((resolve) => wx.navigateTo({ url: '/pages/b/b', complete: resolve }))
    expect(port.lines()).toEqual([
      'log: app.js',
      'log: page a ann',
      'log: card ann',
      'log: page b ann',
    ])
    await new Promise<void>((resolve) => wx.navigateTo({ url: '/pages/b/b', complete: resolve }))
    expect(port.lines()).toHaveLength(4)
    expect(runtime.getCurrentPages()).toHaveLength(3)
  })
})
