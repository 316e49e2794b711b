/**
 * WeChat's open APIs as the simulator answers them: `login`/`checkSession` (main process: a
 * simulated code, refused for a tourist appid), `getUserProfile` (asks every time; WeChat now
 * answers the grey avatar and 微信用户), `getUserInfo` (the same anonymous data, without asking),
 * `getSetting`/`openSetting`/`authorize`, and `getAccountInfoSync`.
 */
import { FAIL_WORDS } from '../wechat-errors'
import { apiFailure } from './api-result'
import type { LaterInvoker } from './async-api'
import { AUTHORIZATION_SCOPES, type Authorizations } from './authorization'
import type { NativePort } from './native-port'
import type { NowInvoker } from './wx-api'
import { notSupportedMessage } from './wx-api-table'

export interface OpenApiHost {
  port: NativePort
  appid: string
  invokeLater: LaterInvoker
  invoke: NowInvoker
  authorizations: Authorizations
}

/** What WeChat returns for every user since 2022-10-25: the grey avatar and 微信用户. */
export const ANONYMOUS_USER = {
  nickName: '微信用户',
  avatarUrl:
    'https://thirdwx.qlogo.cn/mmopen/vi_32/POgEwh4mIHO4nibH0KlMECNjjGxQUq24ZEaGT4poC6icRiccVGKSyXwibcPq4BWmiaIGuG1icwxaQX6grC9VemZoJ8rg/132',
  gender: 0,
  language: 'zh_CN',
  city: '',
  province: '',
  country: '',
  is_demote: true,
}

export function userInfoResult(): Record<string, unknown> {
  const userInfo = { ...ANONYMOUS_USER }
  return { userInfo, rawData: JSON.stringify(userInfo), signature: '', encryptedData: '', iv: '' }
}

/** The members createOpenApi makes (created on first use: `LazyGroup` in wx-build.ts). */
export const OPEN_API_NAMES = [
  'login',
  'checkSession',
  'getUserProfile',
  'getUserInfo',
  'getSetting',
  'openSetting',
  'authorize',
  'getAccountInfoSync',
] as const

export function createOpenApi(host: OpenApiHost): Record<(typeof OPEN_API_NAMES)[number], unknown> {
  const { port, invokeLater, invoke, authorizations } = host
  /** A `runs: 'main'` API: the host's main-process service answers. */
  const viaMain = (api: string) => (options: unknown) =>
    invokeLater(api, options, (_opts, settle) => {
      if (!port.callMain) {
        settle({ ok: false, failure: { errMsg: notSupportedMessage(api) } })
        return
      }
      port.callMain(api, {}, (result) =>
        settle(
          result.ok
            ? { ok: true, result: result.value }
            : {
                ok: false,
                failure: {
                  errMsg: result.errMsg,
                  ...(result.errno !== undefined ? { errno: result.errno } : {}),
                },
              },
        ),
      )
    })
  const setting = (opts: Record<string, unknown>): Record<string, unknown> => ({
    authSetting: authorizations.setting,
    ...(opts.withSubscriptions === true
      ? { subscriptionsSetting: { mainSwitch: true, itemSettings: {} } }
      : {}),
  })

  return {
    login: viaMain('login'),
    checkSession: viaMain('checkSession'),
    getUserProfile: (options: unknown) =>
      invokeLater('getUserProfile', options, (opts, settle) =>
        authorizations.ask(
          'scope.userInfo',
          (allowed) =>
            settle(
              allowed
                ? { ok: true, result: userInfoResult() }
                : { ok: false, failure: apiFailure('getUserProfile', FAIL_WORDS.authDeny) },
            ),
          String(opts.desc),
          false,
        ),
      ),
    getUserInfo: (options: unknown) => invoke('getUserInfo', options, userInfoResult),
    getSetting: (options: unknown) => invoke('getSetting', options, setting),
    openSetting: (options: unknown) => invoke('openSetting', options, setting),
    authorize: (options: unknown) =>
      invokeLater('authorize', options, (opts, settle) => {
        const scope = String(opts.scope)
        if (!(AUTHORIZATION_SCOPES as readonly string[]).includes(scope)) {
          settle({ ok: false, failure: apiFailure('authorize', 'invalid scope') })
          return
        }
        authorizations.ask(scope, (allowed) =>
          settle(
            allowed
              ? { ok: true }
              : { ok: false, failure: apiFailure('authorize', FAIL_WORDS.authDeny) },
          ),
        )
      }),
    getAccountInfoSync: () => ({
      miniProgram: { appId: host.appid, envVersion: 'develop', version: '' },
      plugin: {},
    }),
  }
}
