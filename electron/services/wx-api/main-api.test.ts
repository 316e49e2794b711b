import { describe, expect, it } from 'vitest'
import type { NetworkEvent } from '../../../shared/network'
import { TOURIST_APPID } from '../../../shared/project'
import { FRAME_CALLABLE, MAIN_TASKS } from '../../../shared/runtime/wx-api-table'
import { CLOUD_ERRORS, OPEN_API_ERR_MSG } from '../../../shared/wechat-errors'
import { createWxMainApi } from './main-api'

describe('the main-process wx APIs', () => {
  it('has a handler for exactly the frame-callable APIs that are not tasks (the task registry runs those)', () => {
    const api = createWxMainApi({ appid: () => 'wx0000000000000001' })
    expect([...api.methods, ...MAIN_TASKS].sort()).toEqual([...FRAME_CALLABLE].sort())
    expect([...MAIN_TASKS].sort()).toEqual([
      'connectSocket',
      'downloadFile',
      'request',
      'uploadFile',
    ])
  })

  it('login answers a fresh 32-character code each time', () => {
    const api = createWxMainApi({ appid: () => 'wx0000000000000001' })
    const first = api.call('login', {})
    const second = api.call('login', {})
    expect(first).toMatchObject({ ok: true, value: { code: expect.stringMatching(/^\w{32}$/) } })
    expect(second.ok && first.ok && second.value.code).not.toBe(first.ok && first.value.code)
  })

  it('login fails for the tourist appid and makes no session', () => {
    const api = createWxMainApi({ appid: () => TOURIST_APPID })
    expect(api.call('login', {})).toEqual({ ok: false, errMsg: OPEN_API_ERR_MSG.touristLogin })
    expect(api.call('checkSession', {})).toEqual({
      ok: false,
      errMsg: OPEN_API_ERR_MSG.sessionTimedOut,
    })
  })

  it('checkSession fails before a login of that appid and passes after it', () => {
    let appid = 'wx0000000000000001'
    const api = createWxMainApi({ appid: () => appid })
    expect(api.call('checkSession', {})).toEqual({
      ok: false,
      errMsg: OPEN_API_ERR_MSG.sessionTimedOut,
    })
    api.call('login', {})
    expect(api.call('checkSession', {})).toEqual({ ok: true, value: {} })
    appid = 'wx0000000000000002'
    expect(api.call('checkSession', {}).ok).toBe(false)
  })

  it('answers a wx.cloud call as with no environment and shows it as a failed cloud row', () => {
    const rows: NetworkEvent[] = []
    const api = createWxMainApi({ appid: () => 'wx1', network: (event) => rows.push(event) })
    const call = { call: 'callFunction', env: 'prod-1', target: 'add', page: 'pages/index/index' }
    expect(api.call('cloud', call)).toEqual({
      ok: false,
      errMsg: `cloud.callFunction:fail ${CLOUD_ERRORS.noEnvironment}`,
      errCode: -601034,
    })
    expect(rows).toEqual([
      expect.objectContaining({
        type: 'queued',
        api: 'cloud',
        url: 'cloud://prod-1/callFunction/add',
        method: 'POST',
        page: 'pages/index/index',
      }),
      expect.objectContaining({
        type: 'failed',
        id: rows[0].id,
        errMsg: `cloud.callFunction:fail ${CLOUD_ERRORS.noEnvironment}`,
      }),
    ])
    expect(api.call('cloud', { call: 'project.open' })).toEqual({
      ok: false,
      errMsg: 'cloud:fail unknown call',
    })
    expect(rows).toHaveLength(2)
  })

  it('refuses an API that does not run in the main process, and answers nothing without a project', () => {
    expect(createWxMainApi({ appid: () => 'wx1' }).call('getStorageSync', {})).toEqual({
      ok: false,
      errMsg: 'getStorageSync:fail not supported in MP DevTools',
    })
    expect(createWxMainApi({ appid: () => undefined }).call('login', {})).toEqual({
      ok: false,
      errMsg: 'login:fail no project is open',
    })
  })
})
