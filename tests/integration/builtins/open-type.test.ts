// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest'
import { ANONYMOUS_USER } from '../../../shared/runtime/open-api'
import { mountPage, tap, type MountedPage } from './harness'

let mounted: MountedPage | undefined
afterEach(() => mounted?.release())

type Detail = Record<string, unknown>

describe('button open-type', () => {
  it('each open type fires the event its bind attribute names with WeChat detail', async () => {
    const events: [string, Detail][] = []
    const record = (name: string) => (e: { detail: Detail }) => void events.push([name, e.detail])
    mounted = await mountPage({
      wxml: `<button id="user" open-type="getUserInfo" bindgetuserinfo="user">u</button>
        <button id="phone" open-type="getPhoneNumber" bindgetphonenumber="phone">p</button>
        <button id="live" open-type="getRealtimePhoneNumber" bindgetrealtimephonenumber="live">r</button>
        <button id="avatar" open-type="chooseAvatar" bindchooseavatar="avatar">a</button>
        <button id="contact" open-type="contact" bindcontact="contact">c</button>
        <button id="setting" open-type="openSetting" bindopensetting="setting">s</button>
        <button id="privacy" open-type="agreePrivacyAuthorization" bindagreeprivacyauthorization="privacy">y</button>
        <button id="feedback" open-type="feedback" bindtap="tapped">f</button>`,
      page: {
        user: record('getuserinfo'),
        phone: record('getphonenumber'),
        live: record('getrealtimephonenumber'),
        avatar: record('chooseavatar'),
        contact: record('contact'),
        setting: record('opensetting'),
        privacy: record('agreeprivacyauthorization'),
        tapped: record('tap'),
      },
    })
    for (const id of ['user', 'phone', 'live', 'avatar', 'contact', 'setting', 'privacy']) {
      tap(mounted.byId(id))
      // openSetting asks the runtime's wx.openSetting, whose answer the event carries.
      const call = mounted.wxCalls.shift()
      if (call) {
        expect(call.api).toBe('openSetting')
        ;(call.options.success as (result: Detail) => void)({
          errMsg: 'openSetting:ok',
          authSetting: { 'scope.userLocation': true },
        })
      }
    }
    tap(mounted.byId('feedback'))
    expect(events.map(([name]) => name)).toEqual([
      'getuserinfo',
      'getphonenumber',
      'getrealtimephonenumber',
      'chooseavatar',
      'contact',
      'opensetting',
      'agreeprivacyauthorization',
      'tap',
    ])
    const [user, phone, live, avatar, contact, setting] = events.map(([, detail]) => detail)
    expect(user).toMatchObject({ errMsg: 'getUserInfo:ok', userInfo: ANONYMOUS_USER })
    expect(JSON.parse(String(user!.rawData))).toEqual(ANONYMOUS_USER)
    expect(phone).toEqual({
      errMsg: 'getPhoneNumber:ok',
      code: expect.stringMatching(/^[0-9a-f]{64}$/),
    })
    expect(live!.errMsg).toBe('getRealtimePhoneNumber:ok')
    expect(avatar!.avatarUrl).toMatch(/^https:\/\//)
    expect(contact).toEqual({ errMsg: 'enterContact:ok', path: '', query: {} })
    expect(setting).toEqual({
      errMsg: 'openSetting:ok',
      authSetting: { 'scope.userLocation': true },
    })
  })

  it('share runs the page onShareAppMessage with from button and the target', async () => {
    const shares: Detail[] = []
    mounted = await mountPage({
      wxml: '<button id="s" data-item="7" open-type="share">Share</button>',
      page: {
        onShareAppMessage(options: Detail) {
          shares.push(options)
          return { title: 'x' }
        },
      },
    })
    tap(mounted.byId('s'))
    expect(shares).toHaveLength(1)
    expect(shares[0]).toMatchObject({ from: 'button', target: { id: 's', dataset: { item: '7' } } })
  })

  it('a disabled open-type button does nothing', async () => {
    const events: Detail[] = []
    mounted = await mountPage({
      wxml: '<button id="p" disabled open-type="getPhoneNumber" bindgetphonenumber="on">p</button>',
      page: { on: (e: { detail: Detail }) => void events.push(e.detail) },
    })
    tap(mounted.byId('p'))
    expect(events).toEqual([])
  })
})
