/**
 * `<button open-type>`: what a tap on an open-ability button does in the simulator, answering as
 * an authorized user (the open types do not go through the authorization dialog). Each open type fires the event its
 * bind attribute names with the detail WeChat's developer tools give (sources in
 * `docs/wechat-behaviour.md`, "Open-ability buttons"); `share` runs the page's
 * `onShareAppMessage({ from: 'button', target })`.
 */
import * as glassEasel from 'glass-easel'
import { ANONYMOUS_USER, userInfoResult } from '../../../../../shared/runtime/open-api'

function randomHex(bytes: number): string {
  const values = globalThis.crypto.getRandomValues(new Uint8Array(bytes))
  return Array.from(values, (value) => value.toString(16).padStart(2, '0')).join('')
}

type Detail = Record<string, unknown>

/** The runtime's `wx[api](options)`. */
export type CallWx = (api: string, options: Detail) => void

/** Open type → the event it fires (`bind<event>`) and the detail of a user who allowed it. */
export const OPEN_TYPE_EVENTS: Record<string, { event: string; detail: () => Detail }> = {
  getUserInfo: {
    event: 'getuserinfo',
    // What wx.getUserInfo answers: the anonymous user.
    detail: () => ({ errMsg: 'getUserInfo:ok', ...userInfoResult() }),
  },
  getPhoneNumber: {
    event: 'getphonenumber',
    detail: () => ({ errMsg: 'getPhoneNumber:ok', code: randomHex(32) }),
  },
  getRealtimePhoneNumber: {
    event: 'getrealtimephonenumber',
    detail: () => ({ errMsg: 'getRealtimePhoneNumber:ok', code: randomHex(32) }),
  },
  chooseAvatar: {
    event: 'chooseavatar',
    detail: () => ({ avatarUrl: ANONYMOUS_USER.avatarUrl }),
  },
  contact: {
    event: 'contact',
    detail: () => ({ errMsg: 'enterContact:ok', path: '', query: {} }),
  },
  agreePrivacyAuthorization: {
    event: 'agreeprivacyauthorization',
    detail: () => ({}),
  },
}

/** The page component the button is rendered in (the top of its owner chain). */
function pageOf(component: glassEasel.GeneralComponent): glassEasel.GeneralComponent {
  let current = component
  for (let hops = 0; hops < 1000; hops += 1) {
    const owner = current.ownerShadowRoot?.getHostNode()
    if (!owner) break
    current = owner
  }
  return current
}

/** Runs `openType` for a tap on `button`: fires its event, or shares the page. */
export function runOpenType(
  button: glassEasel.GeneralComponent,
  openType: string,
  emit: (name: string, detail: Detail) => void,
  callWx: CallWx,
): void {
  if (openType === 'openSetting') {
    // The settings page answers with the scopes the user decided so far (wx.openSetting's).
    const answer = (result: Detail) => emit('opensetting', result)
    callWx('openSetting', { success: answer, fail: answer })
    return
  }
  if (openType === 'share') {
    const page = pageOf(button)
    const share = glassEasel.Component.getMethod(page, 'onShareAppMessage')
    if (typeof share !== 'function') return
    const host = button.$$ as unknown as HTMLElement | null
    const target = {
      id: button.id,
      dataset: { ...button.dataset },
      offsetLeft: host?.offsetLeft ?? 0,
      offsetTop: host?.offsetTop ?? 0,
    }
    share.call(page.getMethodCaller(), { from: 'button', target })
    return
  }
  const action = OPEN_TYPE_EVENTS[openType]
  if (action) emit(action.event, action.detail())
}
