/**
 * The `wx` APIs the table runs in the main process (`runs: 'main'` in
 * shared/runtime/wx-api-table.ts): one handler per API, reached by the simulator frame through
 * the contract's `wx.call` (the `wx-bridge:call` message) and by `mpdt run` in-process. Adding one
 * is a table entry, a handler here and its tests.
 */
import { randomBytes } from 'node:crypto'
import type { MainCallResult } from '../../../shared/runtime/native-port'
import { FRAME_CALLABLE } from '../../../shared/runtime/wx-api-table'

/** What `wx.checkSession` fails with when no login made a session (docs/wechat-behaviour.md §6.2). */
export const SESSION_TIMED_OUT = 'checkSession:fail Error: session time out, need relogin'

/** What a session needs to know about the running project. */
export interface WxMainContext {
  /** The open project's appid, `undefined` without a project. */
  appid(): string | undefined
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

export function createWxMainApi(context: WxMainContext): WxMainApi {
  /** Appids with a session (a login since the tool started), as WeChat keeps one per user. */
  const sessions = new Set<string>()
  const handlers: Record<string, Handler> = {
    // 游客模式 (touristappid) too: WeChat's tool answers with its own simulated code
    // (docs/wechat-behaviour.md §6.1); the runtime prints the tool's notice.
    login: (_params, appid) => {
      sessions.add(appid)
      return { ok: true, value: { code: loginCode() } }
    },
    checkSession: (_params, appid) =>
      sessions.has(appid) ? { ok: true, value: {} } : { ok: false, errMsg: SESSION_TIMED_OUT },
  }
  return {
    methods: Object.keys(handlers),
    call(method, params) {
      const handler = FRAME_CALLABLE.has(method) ? handlers[method] : undefined
      if (!handler) return { ok: false, errMsg: `${method}:fail not supported in MP DevTools` }
      const appid = context.appid()
      if (appid === undefined) return { ok: false, errMsg: `${method}:fail no project is open` }
      return handler(params, appid)
    },
  }
}
