/**
 * `wx.cloud`: present so an app that uses 云开发 keeps running. `init` answers; every call that
 * would reach a cloud environment fails as WeChat's tool does when none is reachable, is printed
 * in the console.
 */
import type { LaterInvoker } from './async-api'
import type { NativePort } from './native-port'

export interface CloudApiHost {
  port: NativePort
  invokeLater: LaterInvoker
  defer(fn: () => void): void
}

/** Before `wx.cloud.init()`, as WeChat's SDK says it. */
export const CLOUD_NOT_INITIALIZED =
  '请先调用 wx.cloud.init() 完成初始化后再调用其他云 API。init 方法会返回一个 Promise'
/** With no cloud environment the project may use. */
export const CLOUD_NO_ENVIRONMENT =
  'Error: errCode: -601034  | errMsg: 没有权限，请先开通云开发或者云托管'

/** The database calls that reach the environment; every other method chains. */
const DATABASE_ENDS = new Set(['get', 'add', 'count', 'update', 'remove', 'set', 'watch'])

export function createCloudApi(host: CloudApiHost): Record<string, unknown> {
  const { port, invokeLater, defer } = host
  let initialized = false
  let environment = ''

  const failCall = (api: string, detail: string) => (options: unknown) =>
    invokeLater(`cloud.${api}`, options, (_opts, settle) => {
      const message = initialized ? CLOUD_NO_ENVIRONMENT : CLOUD_NOT_INITIALIZED
      const errMsg = `cloud.${api}:fail ${message}`
      port.console('error', [errMsg], 'baselib')
      const target = [environment, detail].filter(Boolean).join(' ')
      port.console(
        'info',
        [`wx.cloud.${api}${target ? ` (${target})` : ''}: no cloud environment`],
        'baselib',
      )
      defer(() => settle({ ok: false, failure: { errMsg, errCode: -601034 } as never }))
    })
  const call =
    (api: string, name: (opts: Record<string, unknown>) => string) => (options: unknown) => {
      const opts = (typeof options === 'object' && options !== null ? options : {}) as Record<
        string,
        unknown
      >
      return failCall(api, name(opts))(options)
    }

  /** `db.collection('x').where(…)`, `db.command.eq(1)`…: property or call, until a call ends. */
  const chain = (path: string): unknown =>
    new Proxy(function databaseChain() {}, {
      get: (_target, key) => {
        if (typeof key !== 'string' || key === 'then') return undefined
        if (DATABASE_ENDS.has(key)) return failCall(`database.${key}`, path)
        return chain(`${path}.${key}`)
      },
      apply: (_target, _self, args: unknown[]) =>
        chain(`${path}(${args.map((arg) => (typeof arg === 'string' ? arg : '…')).join(', ')})`),
    })

  const cloud: Record<string, unknown> = {
    init: (options?: unknown) => {
      const opts = (typeof options === 'object' && options !== null ? options : {}) as Record<
        string,
        unknown
      >
      initialized = true
      environment = typeof opts.env === 'string' ? opts.env : ''
      return Promise.resolve()
    },
    callFunction: call('callFunction', (opts) => String(opts.name ?? '')),
    callContainer: call('callContainer', (opts) => String(opts.path ?? '')),
    uploadFile: call('uploadFile', (opts) => String(opts.cloudPath ?? '')),
    downloadFile: call('downloadFile', (opts) => String(opts.fileID ?? '')),
    getTempFileURL: call('getTempFileURL', () => ''),
    deleteFile: call('deleteFile', () => ''),
    database: () => chain('database'),
    CloudID: (cloudID: unknown) => ({ cloudID }),
  }
  return cloud
}
