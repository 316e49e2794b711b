/**
 * The `wx` APIs the table runs in the main process (`runs: 'main'` in
 * shared/runtime/wx-api-table.ts): one handler per API, reached by the simulator frame through
 * the contract's `wx.call` (the `wx-bridge:call` message) and by `mpdt run` in-process. Adding one
 * is a table entry, a handler here and its tests.
 */
import { randomBytes } from 'node:crypto'
import type { NetworkEvent } from '../../../shared/network'
import { CLOUD_CALLS, cloudNoEnvironment } from '../../../shared/runtime/cloud-api'
import type { MainCallResult } from '../../../shared/runtime/native-port'
import { TOURIST_APPID } from '../../../shared/project'
import { FRAME_CALLABLE, notSupportedMessage } from '../../../shared/runtime/wx-api-table'
import { CLOUD_ERRORS, OPEN_API_ERR_MSG } from '../../../shared/wechat-errors'

/** What a session needs to know about the running project. */
export interface WxMainContext {
  /** The open project's appid, `undefined` without a project. */
  appid(): string | undefined
  /** Where a call's Network row goes (the workbench's Network panel); absent: no row. */
  network?(event: NetworkEvent): void
}

type Handler = (params: Record<string, unknown>, appid: string) => MainCallResult

const CODE_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789'

/** A login code shaped like WeChat's: 32 characters, good for one code2Session. */
function loginCode(): string {
  return [...randomBytes(32)].map((byte) => CODE_ALPHABET[byte % CODE_ALPHABET.length]).join('')
}

export interface WxMainApi {
  /** The APIs with a handler (the test keeps them and the table's `runs: 'main'` in step). */
  readonly methods: readonly string[]
  /** Runs one main-process API; methods the table does not mark frame-callable are refused. */
  call(method: string, params: Record<string, unknown>): MainCallResult
}

/** A cloud call's Network row address: `cloud://<env>/<call>/<function, path…>`. */
function cloudUrl(env: string, call: string, target: string): string {
  const path = [call, target].filter(Boolean).map(encodeURIComponent).join('/')
  return `cloud://${encodeURIComponent(env || 'default')}/${path}`
}

const text = (value: unknown, max = 1024): string =>
  typeof value === 'string' ? value.slice(0, max) : ''

export function createWxMainApi(context: WxMainContext): WxMainApi {
  /** Appids with a session (a login since the tool started), as WeChat keeps one per user. */
  const sessions = new Set<string>()
  let cloudCalls = 0
  const handlers: Record<string, Handler> = {
    // 游客模式 fails, as issue 13 asks (docs/wechat-behaviour.md §7.1 records field reports of a
    // simulated code instead).
    login: (_params, appid) => {
      if (appid === TOURIST_APPID) return { ok: false, errMsg: OPEN_API_ERR_MSG.touristLogin }
      sessions.add(appid)
      return { ok: true, value: { code: loginCode() } }
    },
    checkSession: (_params, appid) =>
      sessions.has(appid)
        ? { ok: true, value: {} }
        : { ok: false, errMsg: OPEN_API_ERR_MSG.sessionTimedOut },
    // No cloud environment is reachable from MP DevTools: a failed row, WeChat's failure.
    cloud: (params) => {
      const call = text(params.call)
      if (!CLOUD_CALLS.has(call)) return { ok: false, errMsg: 'cloud:fail unknown call' }
      const errMsg = cloudNoEnvironment(call)
      if (context.network) {
        const id = `cloud-${++cloudCalls}`
        const time = Date.now()
        context.network({
          type: 'queued',
          id,
          api: 'cloud',
          url: cloudUrl(text(params.env), call, text(params.target)),
          method: 'POST',
          requestHeaders: {},
          requestBodySize: 0,
          ...(text(params.page) && { page: text(params.page) }),
          time,
        })
        context.network({ type: 'failed', id, errMsg, time })
      }
      return { ok: false, errMsg, errCode: CLOUD_ERRORS.noEnvironmentCode }
    },
  }
  return {
    methods: Object.keys(handlers),
    call(method, params) {
      const handler = FRAME_CALLABLE.has(method) ? handlers[method] : undefined
      if (!handler) return { ok: false, errMsg: notSupportedMessage(method) }
      const appid = context.appid()
      if (appid === undefined) return { ok: false, errMsg: `${method}:fail no project is open` }
      return handler(params, appid)
    },
  }
}
