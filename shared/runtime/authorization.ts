/**
 * The simulated user's authorizations (`scope.*`) for one run: what `wx.getSetting` reports and
 * what `wx.authorize`, `wx.getLocation` and `wx.getUserProfile` ask for. A scope asked once keeps
 * its answer, as on a phone: a denied scope fails at once until `wx.openSetting` changes it.
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

export class Authorizations {
  private readonly decided = new Map<string, boolean>()

  constructor(
    private readonly port: NativePort,
    /** Answers given without asking come after the current macrotask, as WeChat's do. */
    private readonly defer: (fn: () => void) => void,
  ) {}

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
      if (remember) this.decided.set(scope, allowed)
      done(allowed)
    }
    const ui = this.port.ui
    if (ui?.askAuthorization) ui.askAuthorization({ scope, ...(desc ? { desc } : {}) }, answer)
    else this.defer(() => answer(this.port.answers?.authorize !== 'deny'))
  }

  /** What 设置 (openSetting) leaves: the user may switch kept answers; here they stay. */
  set(scope: string, allowed: boolean): void {
    this.decided.set(scope, allowed)
  }
}
