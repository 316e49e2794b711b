/**
 * The simulated user's authorizations (`scope.*`): what `wx.getSetting` reports and what
 * `wx.authorize`, `wx.getLocation` and `wx.getUserProfile` ask for. A scope asked once keeps its
 * answer, as on a phone: a denied scope fails at once until it is changed. A host with
 * `port.authorization` keeps the answers per project (the simulator: per appid, shown and
 * editable in 详情); without it they last one run (`mpdt run --authorize`).
 */
import type { NativePort } from './native-port'

/** The scopes `wx.authorize` knows (WeChat's 授权 list). */
export const AUTHORIZATION_SCOPES = [
  'scope.userInfo',
  'scope.userLocation',
  'scope.userFuzzyLocation',
  'scope.userLocationBackground',
  'scope.record',
  'scope.camera',
  'scope.bluetooth',
  'scope.writePhotosAlbum',
  'scope.addPhoneContact',
  'scope.addPhoneCalendar',
  'scope.werun',
  'scope.address',
  'scope.invoiceTitle',
  'scope.invoice',
] as const

export type AuthorizationScope = (typeof AUTHORIZATION_SCOPES)[number]

/** What each scope lets the mini-program have, in WeChat's dialog words. */
export const SCOPE_TEXT: Record<AuthorizationScope, string> = {
  'scope.userInfo': '获取你的昵称、头像',
  'scope.userLocation': '获取你的位置信息',
  'scope.userFuzzyLocation': '获取你的模糊位置信息',
  'scope.userLocationBackground': '在使用期间和离开后获取你的位置信息',
  'scope.record': '使用你的麦克风',
  'scope.camera': '使用你的摄像头',
  'scope.bluetooth': '使用你的蓝牙',
  'scope.writePhotosAlbum': '保存图片或视频到你的相册',
  'scope.addPhoneContact': '添加到你的通讯录',
  'scope.addPhoneCalendar': '添加到你的日历',
  'scope.werun': '获取你的微信运动步数',
  'scope.address': '获取你的通讯地址',
  'scope.invoiceTitle': '获取你的发票抬头',
  'scope.invoice': '获取你的发票',
}

/** The answers kept so far, by scope (`authSetting`). */
export type AuthSetting = Record<string, boolean>

/** Where a host keeps the answers beyond one run, and tells of edits made outside the app. */
export interface AuthorizationStore {
  /** The answers kept for this project. */
  load(): AuthSetting
  /** The user answered: the whole setting as it now is. */
  save(setting: AuthSetting): void
  /** Calls `listener` after the answers were edited outside the app (详情); returns the unsubscribe. */
  onChange?(listener: () => void): () => void
}

/** Only booleans by name: what a store or a message may carry. */
export function authSettingOf(value: unknown): AuthSetting {
  if (typeof value !== 'object' || value === null) return {}
  return Object.fromEntries(
    Object.entries(value).filter(
      (entry): entry is [string, boolean] => typeof entry[1] === 'boolean',
    ),
  )
}

export class Authorizations {
  private readonly decided: Map<string, boolean>

  constructor(
    private readonly port: NativePort,
    /** Answers given without asking come after the current macrotask, as WeChat's do. */
    private readonly defer: (fn: () => void) => void,
  ) {
    const store = port.authorization
    this.decided = new Map(Object.entries(authSettingOf(store?.load())))
    store?.onChange?.(() => {
      this.decided.clear()
      for (const [scope, allowed] of Object.entries(authSettingOf(store.load()))) {
        this.decided.set(scope, allowed)
      }
    })
  }

  /** `authSetting` as `wx.getSetting` returns it: only the scopes asked so far. */
  get setting(): Record<string, boolean> {
    return Object.fromEntries(this.decided)
  }

  /**
   * The user's answer for `scope`: the kept one, else asked (the simulator's dialog, or headless
   * the configured answer). `remember: false` asks every time and keeps nothing (getUserProfile).
   */
  ask(scope: string, done: (allowed: boolean) => void, desc?: string, remember = true): void {
    const kept = remember ? this.decided.get(scope) : undefined
    if (kept !== undefined) {
      this.defer(() => done(kept))
      return
    }
    const answer = (allowed: boolean) => {
      if (remember) this.set(scope, allowed)
      done(allowed)
    }
    const ui = this.port.ui
    if (ui?.askAuthorization) ui.askAuthorization({ scope, ...(desc ? { desc } : {}) }, answer)
    else this.defer(() => answer(this.port.answers?.authorize !== 'deny'))
  }

  /** Keeps an answer, in the host's store too. */
  set(scope: string, allowed: boolean): void {
    this.decided.set(scope, allowed)
    this.port.authorization?.save(this.setting)
  }
}
