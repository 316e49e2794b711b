/**
 * `wx.cloud`: present so an app that uses 云开发 keeps running. `init` answers; every call that
 * would reach a cloud environment goes to the main process (the table's `runs: 'main'`), which
 * shows it as a Network row of type `cloud` and answers as WeChat's tool does when no environment
 * is reachable; the failure is printed in the console.
 */
import { CLOUD_ERRORS } from '../wechat-errors'
import type { LaterInvoker } from './async-api'
import type { NativePort } from './native-port'
import { notSupportedMessage } from './wx-api-table'

export interface CloudApiHost {
  port: NativePort
  invokeLater: LaterInvoker
  defer(fn: () => void): void
  /** Route of the page on top of the stack, for the call's Network row. */
  currentPage(): string | undefined
}

/** The database calls that reach the environment; every other method chains. */
const DATABASE_ENDS = ['get', 'add', 'count', 'update', 'remove', 'set', 'watch']

/** The calls that reach a cloud environment: what `wx.call('cloud', { call })` accepts. */
export const CLOUD_CALLS: ReadonlySet<string> = new Set([
  'callFunction',
  'callContainer',
  'uploadFile',
  'downloadFile',
  'getTempFileURL',
  'deleteFile',
  ...DATABASE_ENDS.map((end) => `database.${end}`),
])

/** The failure of a call when no cloud environment is reachable. */
export function cloudNoEnvironment(call: string): string {
  return `cloud.${call}:fail ${CLOUD_ERRORS.noEnvironment}`
}

export function createCloudApi(host: CloudApiHost): Record<string, unknown> {
  const { port, invokeLater, defer } = host
  let initialized = false
  let environment = ''

  const failCall = (api: string, detail: string) => (options: unknown) =>
    invokeLater(`cloud.${api}`, options, (_opts, settle) => {
      const failed = (errMsg: string, errCode?: number) => {
        port.console('error', [errMsg], 'baselib')
        const target = [environment, detail].filter(Boolean).join(' ')
        port.console(
          'info',
          [`wx.cloud.${api}${target ? ` (${target})` : ''}: no cloud environment`],
          'baselib',
        )
        const failure = { errMsg, ...(errCode !== undefined && { errCode }) }
        settle({ ok: false, failure: failure as never })
      }
      // Before init the SDK answers without sending anything.
      if (!initialized) {
        defer(() =>
          failed(
            `cloud.${api}:fail ${CLOUD_ERRORS.notInitialized}`,
            CLOUD_ERRORS.noEnvironmentCode,
          ),
        )
        return
      }
      if (!port.callMain) {
        defer(() => failed(notSupportedMessage(`cloud.${api}`)))
        return
      }
      const page = host.currentPage()
      const params = { call: api, env: environment, target: detail, ...(page && { page }) }
      port.callMain('cloud', params, (result) =>
        result.ok
          ? settle({ ok: true, result: result.value })
          : failed(result.errMsg, result.errCode),
      )
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
        if (DATABASE_ENDS.includes(key)) return failCall(`database.${key}`, path)
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
