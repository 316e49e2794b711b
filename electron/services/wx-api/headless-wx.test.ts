/**
 * The table's APIs in `mpdt run`'s host: the runtime on the real headless port (in-process
 * main-process APIs, configured answers, the simulated device).
 */
import { readFileSync } from 'node:fs'
import ts from 'typescript'
import { afterEach, describe, expect, it } from 'vitest'
import { createRuntime, type Runtime } from '../../../shared/runtime'
import { CLOUD_ERRORS } from '../../../shared/wechat-errors'
import { walkWxApi } from '../../../shared/runtime/wx-api-walk'
import { WX_API } from '../../../shared/runtime/wx-api-table'
import { createHeadlessPort } from '../headless/headless-port'
import { createMemoryStorage } from '../headless/memory-storage'

const TYPINGS = 'node_modules/miniprogram-api-typings/types/wx/lib.wx.api.d.ts'

/** The members of `WechatMiniprogram.Wx` in WeChat's official typings (the devDependency). */
function typedWxMembers(): string[] {
  const text = readFileSync(TYPINGS, 'utf8')
  const source = ts.createSourceFile(TYPINGS, text, ts.ScriptTarget.Latest)
  const names: string[] = []
  const visit = (node: ts.Node): void => {
    if (ts.isInterfaceDeclaration(node) && node.name.text === 'Wx') {
      for (const member of node.members) {
        if (member.name && ts.isIdentifier(member.name)) names.push(member.name.text)
      }
    }
    ts.forEachChild(node, visit)
  }
  visit(source)
  return names
}

const running: Runtime[] = []
afterEach(() => {
  for (const runtime of running.splice(0)) runtime.dispose()
})

function start(appid = 'wx0000000000000001', authorize: 'allow' | 'deny' = 'allow') {
  const lines: string[] = []
  const port = createHeadlessPort({
    engine: { request: () => ({ id: '', abort: () => undefined }) },
    storage: createMemoryStorage(),
    console: (level, args) => lines.push(`${level} ${args.map(String).join(' ')}`),
    reportError: (error) => lines.push(`error ${error.message}`),
    appid,
    answers: { authorize },
  })
  const runtime = createRuntime({
    port,
    appid,
    files: { 'app.js': 'App({})', 'pages/index/index.js': 'Page({})' },
    appJson: { pages: ['pages/index/index'] },
  })
  running.push(runtime)
  runtime.launch()
  const wx = runtime.wx as Record<string, (options?: unknown) => Promise<Record<string, unknown>>>
  return { wx, lines }
}

describe('wx in mpdt run', () => {
  it('the table declares every API in miniprogram-api-typings', () => {
    const typed = typedWxMembers()
    expect(typed.length).toBeGreaterThan(400)
    expect(typed.filter((name) => !WX_API.has(name))).toEqual([])
  })

  it('answers every API of the typings: implemented, or not supported in MP DevTools', async () => {
    expect(await walkWxApi(start().wx)).toEqual([])
  })

  it('answers an API newer than the typings that a real page calls: not supported, never missing', async () => {
    await expect(start().wx.getChatForwardMaterials({ needGroupOpenID: true })).rejects.toEqual({
      errMsg: 'getChatForwardMaterials:fail not supported in MP DevTools',
    })
  })

  it('refuses login for a tourist appid (游客模式)', async () => {
    await expect(start('touristappid').wx.login()).rejects.toMatchObject({
      errMsg: 'login:fail 请注意游客模式下，调用 wx.login 是受限的',
    })
  })

  it('logs in with a simulated code and then has a session', async () => {
    const { wx } = start()
    await expect(wx.checkSession()).rejects.toMatchObject({
      errMsg: 'checkSession:fail Error: session time out, need relogin',
    })
    const login = await wx.login()
    expect(login).toEqual({ code: expect.stringMatching(/^\w{32}$/), errMsg: 'login:ok' })
    await expect(wx.checkSession()).resolves.toEqual({ errMsg: 'checkSession:ok' })
  })

  it('answers authorization as configured: allowed by default, denied with --authorize deny', async () => {
    const allowed = start().wx
    expect(await allowed.getUserProfile({ desc: '展示头像' })).toMatchObject({
      userInfo: { nickName: '微信用户' },
      errMsg: 'getUserProfile:ok',
    })
    await allowed.authorize({ scope: 'scope.userLocation' })
    expect(await allowed.getSetting()).toEqual({
      authSetting: { 'scope.userLocation': true },
      errMsg: 'getSetting:ok',
    })
    const denied = start('wx0000000000000001', 'deny').wx
    await expect(denied.getUserProfile({ desc: '展示头像' })).rejects.toEqual({
      errMsg: 'getUserProfile:fail auth deny',
    })
    await expect(denied.getLocation()).rejects.toEqual({ errMsg: 'getLocation:fail auth deny' })
    expect(await denied.getSetting()).toMatchObject({
      authSetting: { 'scope.userLocation': false },
    })
  })

  it('reports the safe area and the split system info', () => {
    const { wx } = start()
    const info = (wx.getSystemInfoSync as unknown as () => Record<string, unknown>)()
    expect(info.safeArea).toEqual({
      left: 0,
      right: 390,
      top: 47,
      bottom: 844,
      width: 390,
      height: 797,
    })
    const sync = (name: string) => (wx[name] as unknown as () => Record<string, unknown>)()
    expect(sync('getWindowInfo').safeArea).toEqual(info.safeArea)
    expect(sync('getDeviceInfo')).toMatchObject({ platform: 'devtools' })
    expect(sync('getAppBaseInfo')).toMatchObject({ SDKVersion: '3.3.4' })
    expect(sync('getSystemSetting')).toMatchObject({ deviceOrientation: 'portrait' })
    expect(sync('getAppAuthorizeSetting')).toMatchObject({ locationAuthorized: 'authorized' })
  })

  it('fails wx.cloud calls after init as with no cloud environment, errCode and all', async () => {
    const { wx, lines } = start()
    const cloud = wx.cloud as unknown as Record<string, (options?: unknown) => Promise<unknown>>
    await cloud.init({ env: 'prod-1' })
    await expect(cloud.callFunction({ name: 'add' })).rejects.toEqual({
      errMsg: `cloud.callFunction:fail ${CLOUD_ERRORS.noEnvironment}`,
      errCode: -601034,
    })
    expect(lines).toContain(`error cloud.callFunction:fail ${CLOUD_ERRORS.noEnvironment}`)
  })

  it('cancels scanCode, as nobody can scan', async () => {
    await expect(start().wx.scanCode()).rejects.toEqual({ errMsg: 'scanCode:fail cancel' })
  })
})
