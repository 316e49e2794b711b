/** The APIs the table added, behaving as WeChat's tool does (headless, on the testing port). */
import { afterEach, describe, expect, it } from 'vitest'
import type { RuntimeAppJson } from './app-structure'
import { CLOUD_ERRORS } from '../wechat-errors'
import { imageSize } from './image-info'
import type { InteractionUi, TabBarChange } from './native-port'
import { createRuntime, type Runtime } from './runtime'
import { TestingPort } from '../../tests/helpers/runtime-port'

const running: Runtime[] = []
afterEach(() => {
  for (const runtime of running.splice(0)) runtime.dispose()
})

type Api = (...args: unknown[]) => any // eslint-disable-line @typescript-eslint/no-explicit-any

function start(
  options: { files?: Record<string, string>; appJson?: RuntimeAppJson; port?: TestingPort } = {},
) {
  const port = options.port ?? new TestingPort()
  const runtime = createRuntime({
    port,
    appid: 'wx0000000000000001',
    files: { 'app.js': 'App({})', 'pages/index/index.js': 'Page({})', ...options.files },
    appJson: options.appJson ?? { pages: ['pages/index/index'] },
  })
  running.push(runtime)
  runtime.launch()
  const wx = new Proxy(runtime.wx, { get: (target, key) => target[key as string] }) as Record<
    string,
    Api
  >
  return { wx, port, runtime }
}

describe('storage limits', () => {
  it('refuses one key over 1 MB with WeChat’s errMsg, sync and async, and keeps the old value', async () => {
    const { wx } = start()
    wx.setStorageSync('big', 'old')
    const tooBig = 'x'.repeat(1024 * 1024 + 1)
    expect(() => wx.setStorageSync('big', tooBig)).toThrow(
      'setStorageSync:fail exceed storage item max length',
    )
    await expect(wx.setStorage({ key: 'big', data: tooBig })).rejects.toEqual({
      errMsg: 'setStorage:fail exceed storage item max length',
    })
    expect(wx.getStorageSync('big')).toBe('old')
  })

  it('refuses what would pass 10 MB in all, and counts removals', () => {
    const { wx } = start()
    const mb = 'y'.repeat(1024 * 1024 - 10)
    for (let i = 0; i < 10; i++) wx.setStorageSync(`k${i}`, mb)
    expect(() => wx.setStorageSync('k10', mb)).toThrow(
      'setStorageSync:fail exceed storage max size 10Mb',
    )
    wx.removeStorageSync('k0')
    wx.setStorageSync('k10', mb)
    const info = wx.getStorageInfoSync()
    expect(info.limitSize).toBe(10240)
    expect(info.keys).toHaveLength(10)
    expect(info.currentSize).toBeGreaterThan(10200)
  })
})

describe('tab bar', () => {
  const TAB_APP: RuntimeAppJson = {
    pages: ['pages/index/index', 'pages/other/other'],
    tabBar: {
      list: [
        { pagePath: 'pages/index/index', text: 'A' },
        { pagePath: 'pages/other/other', text: 'B' },
      ],
    },
  }

  it('changes reach the simulator’s tab bar in order', async () => {
    const changes: TabBarChange[] = []
    const ui = { changeTabBar: (change: TabBarChange) => void changes.push(change) }
    const port = Object.assign(new TestingPort(), { ui: ui as unknown as InteractionUi })
    const { wx } = start({
      port,
      appJson: TAB_APP,
      files: { 'pages/other/other.js': 'Page({})' },
    })
    await wx.setTabBarBadge({ index: 1, text: '3' })
    await wx.showTabBarRedDot({ index: 0 })
    await wx.setTabBarItem({ index: 0, text: '首页' })
    await wx.hideTabBar({})
    expect(changes).toEqual([
      { kind: 'badge', index: 1, text: '3' },
      { kind: 'redDot', index: 0, shown: true },
      { kind: 'item', index: 0, text: '首页' },
      { kind: 'visible', shown: false },
    ])
  })

  it('fails off a tab page and for an item the tab bar lacks', async () => {
    await expect(start().wx.setTabBarBadge({ index: 0, text: '1' })).rejects.toEqual({
      errMsg: 'setTabBarBadge:fail not TabBar page',
    })
    const { wx } = start({ appJson: TAB_APP, files: { 'pages/other/other.js': 'Page({})' } })
    await expect(wx.removeTabBarBadge({ index: 5 })).rejects.toEqual({
      errMsg: 'removeTabBarBadge:fail tabbar item not found',
    })
  })
})

describe('app', () => {
  it('getExtConfigSync and getExtConfig answer ext.json’s ext only when extEnable is true', async () => {
    const ext = JSON.stringify({ extEnable: true, extAppid: 'wx1', ext: { shop: 7 } })
    const { wx } = start({ files: { 'ext.json': ext } })
    expect(wx.getExtConfigSync()).toEqual({ shop: 7 })
    expect(await wx.getExtConfig()).toEqual({ extConfig: { shop: 7 }, errMsg: 'getExtConfig:ok' })
    const off = JSON.stringify({ extEnable: false, ext: { shop: 7 } })
    expect(start({ files: { 'ext.json': off } }).wx.getExtConfigSync()).toEqual({})
    expect(start().wx.getExtConfigSync()).toEqual({})
  })

  it('onAppShow, onAppHide and onError listeners hear the app, and off forms stop them', () => {
    const { wx, runtime } = start()
    const heard: string[] = []
    const onHide = () => heard.push('hide')
    wx.onAppShow((options: { path: string }) => heard.push(`show ${options.path}`))
    wx.onAppHide(onHide)
    wx.onError((stack: string) => heard.push(`error ${stack.split('\n')[0]}`))
    runtime.enterBackground()
    runtime.enterForeground()
    wx.offAppHide(onHide)
    runtime.enterBackground()
    wx.nextTick(() => {
      throw new Error('boom')
    })
    return new Promise<void>((resolve) =>
      setTimeout(() => {
        expect(heard).toEqual(['hide', 'show pages/index/index', 'error Error: boom'])
        resolve()
      }, 0),
    )
  })

  it('an unhandled rejection reaches App.onUnhandledRejection, then the wx listeners until off', () => {
    const { wx, runtime, port } = start({
      files: {
        'app.js': `App({ onUnhandledRejection(res) { console.log('app', res.reason.message, res.promise === globalThis.lastPromise) } })`,
      },
    })
    const heard: string[] = []
    const listener = (res: { reason: Error }) => heard.push(`wx ${res.reason.message}`)
    wx.onUnhandledRejection(listener)
    const promise = { then() {} }
    ;(globalThis as Record<string, unknown>).lastPromise = promise
    runtime.unhandledRejection(new Error('nobody caught'), promise)
    wx.offUnhandledRejection(listener)
    runtime.unhandledRejection(new Error('second'), promise)
    delete (globalThis as Record<string, unknown>).lastPromise
    expect(heard).toEqual(['wx nobody caught'])
    expect(port.lines()).toEqual(['log: app nobody caught true', 'log: app second true'])
  })

  it('getAccountInfoSync, getUpdateManager and getPerformance answer as the simulator', async () => {
    const { wx } = start()
    expect(wx.getAccountInfoSync()).toEqual({
      miniProgram: { appId: 'wx0000000000000001', envVersion: 'develop', version: '' },
      plugin: {},
    })
    const checked = await new Promise((resolve) => wx.getUpdateManager().onCheckForUpdate(resolve))
    expect(checked).toEqual({ hasUpdate: false })
    const [launch] = wx.getPerformance().getEntriesByName('appLaunch')
    expect(launch).toMatchObject({ entryType: 'navigation', path: 'pages/index/index' })
    expect(launch.duration).toBeGreaterThanOrEqual(0)
  })

  it('reportAnalytics and reportEvent are logged in the console', () => {
    const { wx, port } = start()
    wx.reportAnalytics('purchase', { price: 1 })
    wx.reportEvent('tap', { id: 2 })
    expect(port.logs.slice(-2)).toEqual([
      { level: 'log', args: ['wx.reportAnalytics: purchase', { price: 1 }], source: 'baselib' },
      { level: 'log', args: ['wx.reportEvent: tap', { id: 2 }], source: 'baselib' },
    ])
  })

  it('createAnimation exports WeChat’s actions and starts afresh', () => {
    const animation = start().wx.createAnimation({ duration: 300, timingFunction: 'ease' })
    animation.opacity(0.5).translateX(10).step()
    animation.rotate(45).step({ duration: 100 })
    expect(animation.export()).toEqual({
      actions: [
        {
          animates: [
            { type: 'style', args: ['opacity', 0.5] },
            { type: 'translateX', args: [10] },
          ],
          option: {
            transformOrigin: '50% 50% 0',
            transition: { duration: 300, timingFunction: 'ease', delay: 0 },
          },
        },
        {
          animates: [{ type: 'rotate', args: [45] }],
          option: {
            transformOrigin: '50% 50% 0',
            transition: { duration: 100, timingFunction: 'ease', delay: 0 },
          },
        },
      ],
    })
    expect(animation.export()).toEqual({ actions: [] })
  })

  it('converts between ArrayBuffer and base64', () => {
    const { wx } = start()
    const bytes = new Uint8Array([0, 1, 2, 250, 251, 252, 253])
    const text = wx.arrayBufferToBase64(bytes.buffer)
    expect(text).toBe('AAEC+vv8/Q==')
    expect([...new Uint8Array(wx.base64ToArrayBuffer(text))]).toEqual([...bytes])
  })
})

describe('view preloads', () => {
  /** Calls `api` with callbacks; resolves with what success or fail received. */
  const answer = (wx: Record<string, Api>, api: string, options: Record<string, unknown> = {}) =>
    new Promise<{ ok: boolean; res: unknown }>((resolve) => {
      const returned = wx[api]({
        ...options,
        success: (res: unknown) => resolve({ ok: true, res }),
        fail: (res: unknown) => resolve({ ok: false, res }),
      })
      expect(returned).toBeUndefined()
    })
  /** Lets the deferred answers and any unhandled rejection happen. */
  const settle = () => new Promise((resolve) => setTimeout(resolve, 10))

  it('preloadAssets hands the images to the simulator and succeeds', async () => {
    const preloaded: string[][] = []
    const ui = { preloadImages: (srcs: string[]) => void preloaded.push(srcs) }
    const port = Object.assign(new TestingPort(), { ui: ui as unknown as InteractionUi })
    const { wx } = start({ port })
    const data = [
      { type: 'image', src: 'https://cdn.example.test/a.png' },
      { type: 'font', src: 'https://cdn.example.test/f.woff2' },
      { type: 'image', src: '/images/b.png' },
    ]
    expect(await answer(wx, 'preloadAssets', { data })).toEqual({
      ok: true,
      res: { errMsg: 'preloadAssets:ok' },
    })
    expect(preloaded).toEqual([['https://cdn.example.test/a.png', '/images/b.png']])
  })

  it('preloadAssets without callbacks, as uni-app calls it, returns no Promise and prints nothing', async () => {
    const { wx, port } = start() // headless: no simulator to fetch anything
    const returned = wx.preloadAssets({
      data: [{ type: 'image', src: 'https://cdn.example.test/shadow-grey.png' }],
    })
    // No Promise form (WeChat's docs): nothing to reject unhandled.
    expect(returned).toBeUndefined()
    await settle()
    expect(port.logs.filter((log) => log.level === 'error')).toEqual([])
  })

  it('preloadAssets fails bad data with a parameter error, printed when nobody listens', async () => {
    const { wx, port } = start()
    const failures = [
      [undefined, 'parameter.data should be Array instead of Undefined;'],
      [[{ type: 'image' }], 'parameter.data[0].src should be String instead of Undefined;'],
      [['a.png'], 'parameter.data[0] should be Object instead of String;'],
      [
        [
          { type: 'font', src: 'f.woff' },
          { type: 'video', src: 'v.mp4' },
        ],
        "parameter.data[1].type should be one of 'image', 'font' instead of 'video';",
      ],
    ] as const
    for (const [data, clause] of failures) {
      expect(await answer(wx, 'preloadAssets', { data })).toEqual({
        ok: false,
        res: { errMsg: `preloadAssets:fail parameter error: ${clause}`, errno: 1001 },
      })
    }
    wx.preloadAssets({ data: 'x.png' })
    expect(port.logs.filter((log) => log.level === 'error').map((log) => log.args)).toEqual([
      ['preloadAssets:fail parameter error: parameter.data should be Array instead of String;'],
    ])
  })

  it('preloadWebview, preloadSkylineView and getSkylineInfo answer as WeChat’s DevTools', async () => {
    const { wx } = start()
    expect(await answer(wx, 'preloadWebview')).toEqual({
      ok: true,
      res: { errMsg: 'preloadWebview:ok' },
    })
    expect(await answer(wx, 'preloadSkylineView')).toEqual({
      ok: true,
      res: { errMsg: 'preloadSkylineView:ok' },
    })
    expect(wx.preloadWebview()).toBeUndefined()
    const info = { isSupported: false, version: '', reason: 'client not supported' }
    expect(wx.getSkylineInfoSync()).toEqual(info)
    expect(await answer(wx, 'getSkylineInfo')).toEqual({
      ok: true,
      res: { ...info, errMsg: 'getSkylineInfo:ok' },
    })
  })
})

describe('device', () => {
  it('keeps the clipboard of the simulated phone', async () => {
    const { wx } = start()
    await wx.setClipboardData({ data: '复制' })
    expect(await wx.getClipboardData()).toEqual({ data: '复制', errMsg: 'getClipboardData:ok' })
  })

  it('answers the simulated location, and chooseLocation picks it', async () => {
    const { wx } = start()
    expect(await wx.getLocation({ type: 'gcj02' })).toMatchObject({
      latitude: 23.099994,
      longitude: 113.32452,
      errMsg: 'getLocation:ok',
    })
    expect(await wx.chooseLocation({})).toMatchObject({ name: 'T.I.T 创意园' })
  })

  it('tells onLocationChange the place at start and at every move until stopLocationUpdate', async () => {
    const { wx, port } = start()
    const heard: number[] = []
    wx.onLocationChange((res: { latitude: number }) => heard.push(res.latitude))
    port.moveTo({ latitude: 1, longitude: 2 })
    expect(heard).toEqual([])
    expect(await wx.startLocationUpdate()).toEqual({ errMsg: 'startLocationUpdate:ok' })
    await new Promise((resolve) => setTimeout(resolve, 0))
    port.moveTo({ latitude: 39.9, longitude: 116.4 })
    expect(await wx.getLocation()).toMatchObject({ latitude: 39.9, longitude: 116.4 })
    await wx.stopLocationUpdate()
    port.moveTo({ latitude: 31.2, longitude: 121.5 })
    expect(heard).toEqual([1, 39.9])
  })

  it('asks scope.userLocationBackground for startLocationUpdateBackground, then follows the moves', async () => {
    const port = new TestingPort()
    const { wx } = start({ port })
    const heard: number[] = []
    wx.onLocationChange((res: { latitude: number }) => heard.push(res.latitude))
    expect(await wx.startLocationUpdateBackground()).toEqual({
      errMsg: 'startLocationUpdateBackground:ok',
    })
    await new Promise((resolve) => setTimeout(resolve, 0))
    port.moveTo({ latitude: 22.5, longitude: 114.1 })
    expect(heard).toEqual([23.099994, 22.5])
    const setting = (await wx.getSetting()) as { authSetting: Record<string, boolean> }
    expect(setting.authSetting).toMatchObject({ 'scope.userLocationBackground': true })
    expect(setting.authSetting['scope.userLocation']).toBeUndefined()
    const denying = new TestingPort()
    Object.assign(denying, { answers: { authorize: 'deny' } })
    await expect(start({ port: denying }).wx.startLocationUpdateBackground()).rejects.toEqual({
      errMsg: 'startLocationUpdateBackground:fail auth deny',
    })
  })

  it('refuses startLocationUpdate when the user denies scope.userLocation', async () => {
    const port = new TestingPort()
    Object.assign(port, { answers: { authorize: 'deny' } })
    const { wx } = start({ port })
    await expect(wx.startLocationUpdate()).rejects.toEqual({
      errMsg: 'startLocationUpdate:fail auth deny',
    })
  })
})

describe('authorization kept per project', () => {
  it('reports the host’s kept answers, asks no more for them, and hands every new one to the host', async () => {
    const saved: unknown[] = []
    let kept: Record<string, boolean> = { 'scope.userLocation': false }
    const changed: (() => void)[] = []
    const port = new TestingPort()
    Object.assign(port, {
      authorization: {
        load: () => kept,
        save: (setting: Record<string, boolean>) => saved.push(setting),
        onChange: (listener: () => void) => changed.push(listener),
      },
    })
    const { wx } = start({ port })
    expect(await wx.getSetting()).toMatchObject({ authSetting: { 'scope.userLocation': false } })
    await expect(wx.getLocation()).rejects.toEqual({ errMsg: 'getLocation:fail auth deny' })
    expect(await wx.authorize({ scope: 'scope.record' })).toEqual({ errMsg: 'authorize:ok' })
    expect(saved).toEqual([{ 'scope.userLocation': false, 'scope.record': true }])
    // 详情 allowed the location: the runtime takes the edit without asking again.
    kept = { 'scope.userLocation': true }
    for (const listener of changed) listener()
    expect(await wx.getLocation()).toMatchObject({ errMsg: 'getLocation:ok' })
    expect(await wx.getSetting()).toMatchObject({ authSetting: { 'scope.userLocation': true } })
  })
})

describe('wx.cloud', () => {
  it('fails calls before init with WeChat’s words, without asking the main process', async () => {
    const port = new TestingPort()
    const asked: string[] = []
    port.callMain = (method) => asked.push(method)
    const cloud = start({ port }).wx.cloud as unknown as Record<string, Api>
    await expect(cloud.callFunction({ name: 'add' })).rejects.toMatchObject({
      errMsg: `cloud.callFunction:fail ${CLOUD_ERRORS.notInitialized}`,
    })
    expect(asked).toEqual([])
    expect(port.logs.filter((log) => log.level === 'error')).toHaveLength(1)
  })

  it('asks the main process after init, with the call, the environment and the target', async () => {
    const port = new TestingPort()
    const asked: unknown[] = []
    port.callMain = (method, params, done) => {
      asked.push({ method, params })
      done({ ok: false, errMsg: `cloud.${String(params.call)}:fail refused`, errCode: -1 })
    }
    const cloud = start({ port }).wx.cloud as unknown as Record<string, Api>
    await cloud.init({ env: 'prod-1' })
    await expect(cloud.callFunction({ name: 'add' })).rejects.toEqual({
      errMsg: 'cloud.callFunction:fail refused',
      errCode: -1,
    })
    const db = cloud.database()
    expect(db.command.eq(1)).toBeDefined()
    await expect(db.collection('todos').where({ done: false }).get()).rejects.toMatchObject({
      errMsg: 'cloud.database.get:fail refused',
    })
    expect(asked).toEqual([
      {
        method: 'cloud',
        params: { call: 'callFunction', env: 'prod-1', target: 'add', page: 'pages/index/index' },
      },
      {
        method: 'cloud',
        params: {
          call: 'database.get',
          env: 'prod-1',
          target: 'database.collection(todos).where(…)',
          page: 'pages/index/index',
        },
      },
    ])
  })

  it('answers not supported where no main process answers', async () => {
    const cloud = start().wx.cloud as unknown as Record<string, Api>
    await cloud.init()
    await expect(cloud.callFunction({ name: 'add' })).rejects.toMatchObject({
      errMsg: 'cloud.callFunction:fail not supported in MP DevTools',
    })
  })
})

describe('image size', () => {
  it('reads PNG, GIF and JPEG headers', () => {
    const png = new Uint8Array(24)
    png.set([0x89, 0x50, 0x4e, 0x47], 0)
    new DataView(png.buffer).setUint32(16, 640)
    new DataView(png.buffer).setUint32(20, 480)
    expect(imageSize(png)).toEqual({ type: 'png', width: 640, height: 480 })
    const gif = new Uint8Array([0x47, 0x49, 0x46, 0x38, 0x39, 0x61, 10, 0, 20, 0])
    expect(imageSize(gif)).toEqual({ type: 'gif', width: 10, height: 20 })
    const jpeg = new Uint8Array([
      0xff, 0xd8, 0xff, 0xe0, 0, 4, 0, 0, 0xff, 0xc0, 0, 11, 8, 0, 30, 0, 40, 3, 0, 0, 0,
    ])
    expect(imageSize(jpeg)).toEqual({ type: 'jpeg', width: 40, height: 30 })
    expect(imageSize(new Uint8Array([1, 2, 3]))).toBeUndefined()
  })
})

describe('preDownloadSubpackage', () => {
  const APP: RuntimeAppJson & { workers: unknown } = {
    pages: ['pages/index/index'],
    subpackages: [{ root: 'packageA', name: 'a', pages: [] }],
    workers: { path: 'workers', isSubpackage: true },
  }

  it('answers a declared subpackage or the workers with progress 100, then success', async () => {
    const { wx } = start({ appJson: APP })
    const heard: string[] = []
    await new Promise((resolve) => {
      const task = wx.preDownloadSubpackage({
        packageType: 'workers',
        success: (res: { errMsg: string }) => resolve(heard.push(res.errMsg)),
      }) as { onProgressUpdate(listener: (res: { progress: number }) => void): void }
      task.onProgressUpdate((res) => heard.push(`progress ${res.progress}`))
    })
    expect(heard).toEqual(['progress 100', 'preDownloadSubpackage:ok'])
    for (const name of ['a', 'packageA']) {
      const answer = await new Promise((resolve) =>
        wx.preDownloadSubpackage({ name, complete: resolve }),
      )
      expect(answer).toEqual({ errMsg: 'preDownloadSubpackage:ok' })
    }
  })

  it('fails for a subpackage app.json does not have, and for workers it does not declare', async () => {
    const answer = (wx: Record<string, Api>, options: object) =>
      new Promise((resolve) => wx.preDownloadSubpackage({ ...options, fail: resolve }))
    expect(await answer(start({ appJson: APP }).wx, { name: 'b' })).toEqual({
      errMsg: 'preDownloadSubpackage:fail subpackage "b" is not in app.json',
    })
    expect(await answer(start().wx, { packageType: 'workers' })).toEqual({
      errMsg: 'preDownloadSubpackage:fail app.json has no "workers"',
    })
    expect(await answer(start().wx, { packageType: 3 })).toMatchObject({
      errMsg:
        'preDownloadSubpackage:fail parameter error: parameter.packageType should be String instead of Number;',
    })
  })
})
