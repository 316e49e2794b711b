import { afterEach, describe, expect, it } from 'vitest'
import { createRuntime, type Runtime } from './runtime'
import { TestingPort } from '../../tests/helpers/runtime-port'
import { walkWxApi } from './wx-api-walk'
import { notSupportedMessage, WX_API } from './wx-api-table'

const running: Runtime[] = []
afterEach(() => {
  for (const runtime of running.splice(0)) runtime.dispose()
})

function start(): Runtime {
  const runtime = createRuntime({
    port: new TestingPort(),
    appid: 'wx0000000000000001',
    files: { 'app.js': 'App({})', 'pages/index/index.js': 'Page({})' },
    appJson: { pages: ['pages/index/index'] },
  })
  running.push(runtime)
  runtime.launch()
  return runtime
}

describe('the wx API table', () => {
  // Main-process ones need the host's service: electron/services/wx-api tests them with it.
  it('gives every answered runtime and UI API an implementation', async () => {
    const { wx } = start()
    const stubs: string[] = []
    for (const api of WX_API.values()) {
      if (api.status === 'unsupported' || api.kind !== 'async' || api.runs === 'main') continue
      let errMsg: unknown
      ;(wx[api.name] as (o: unknown) => void)({
        fail: (res: { errMsg: unknown }) => (errMsg = res.errMsg),
      })
      await new Promise((resolve) => setTimeout(resolve, 0))
      if (errMsg === notSupportedMessage(api.name)) stubs.push(api.name)
    }
    expect(stubs).toEqual([])
  })

  it('answers every API headless: implemented, or not supported in MP DevTools', async () => {
    expect(await walkWxApi(start().wx)).toEqual([])
  })

  it('answers an unsupported async API through fail and complete, and as a rejection', async () => {
    const { wx } = start()
    const seen: unknown[] = []
    const startSoterAuthentication = wx.startSoterAuthentication as (o: unknown) => unknown
    startSoterAuthentication({
      fail: (res: unknown) => seen.push(['fail', res]),
      complete: (res: unknown) => seen.push(['complete', res]),
    })
    expect(seen).toEqual([])
    await expect(startSoterAuthentication({})).rejects.toEqual({
      errMsg: 'startSoterAuthentication:fail not supported in MP DevTools',
    })
    const errMsg = 'startSoterAuthentication:fail not supported in MP DevTools'
    expect(seen).toEqual([
      ['fail', { errMsg }],
      ['complete', { errMsg }],
    ])
  })

  it('throws from an unsupported sync API', () => {
    const { wx } = start()
    expect(() => (wx.createOffscreenCanvas as () => unknown)()).toThrow(
      new Error('createOffscreenCanvas:fail not supported in MP DevTools'),
    )
  })

  it('gives an unsupported manager a stand-in: the page opens, each method warns once', async () => {
    const port = new TestingPort()
    const runtime = createRuntime({
      port,
      appid: 'wx0000000000000001',
      files: {
        'app.js': 'App({})',
        // The official demo's voice page does this at its top level.
        'pages/index/index.js': `const recorder = wx.getRecorderManager()
          recorder.onStop(() => console.log('stopped'))
          Page({ onLoad() { recorder.start({}); recorder.start({}); recorder.offStop() } })`,
      },
      appJson: { pages: ['pages/index/index'] },
    })
    running.push(runtime)
    runtime.launch()
    expect(runtime.getCurrentPages().map((page) => page.route)).toEqual(['pages/index/index'])
    const recorder = (runtime.wx.getRecorderManager as () => Record<string, unknown>)()
    expect(recorder.then).toBeUndefined()
    expect(port.lines('baselib')).toEqual([
      'warn: wx.getRecorderManager().onStop: not supported in MP DevTools; the listener is never called',
      'warn: wx.getRecorderManager().start: not supported in MP DevTools; nothing happens',
    ])
  })
})

describe('wx.canIUse', () => {
  const canIUse = (schema: unknown) => (start().wx.canIUse as (s: unknown) => boolean)(schema)

  it('answers API names from the table', () => {
    expect(canIUse('login')).toBe(true)
    expect(canIUse('getSetting')).toBe(true)
    expect(canIUse('createCameraContext')).toBe(false)
    expect(canIUse('noSuchApi')).toBe(false)
    expect(canIUse('')).toBe(false)
    expect(canIUse(3)).toBe(false)
  })

  it('answers object params from the declared checks', () => {
    expect(canIUse('getUserProfile.object.desc')).toBe(true)
    expect(canIUse('getUserProfile.object.success')).toBe(true)
    expect(canIUse('getUserProfile.object.nope')).toBe(false)
    expect(canIUse('getSystemInfoSync.return.safeArea')).toBe(true)
  })

  it('answers component schemas from the built-in components', () => {
    expect(canIUse('button.open-type.getUserInfo')).toBe(true)
    expect(canIUse('button.open-type.getPhoneNumber')).toBe(true)
    expect(canIUse('button.open-type.launchApp')).toBe(false)
    expect(canIUse('scroll-view')).toBe(true)
    expect(canIUse('canvas.type.2d')).toBe(true)
    expect(canIUse('live-pusher')).toBe(true)
    expect(canIUse('xr-frame')).toBe(false)
  })
})
