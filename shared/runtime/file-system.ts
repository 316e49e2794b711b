/**
 * `wx.env.USER_DATA_PATH`, `wx.getFileSystemManager()` (readFile, writeFile, appendFile, access,
 * unlink, stat, readdir, mkdir, saveFile; each async and Sync), `wx.saveFile`, `wx.chooseImage`
 * and `wx.chooseMedia`, on the host's FilePort. Failures read `<api>:fail <WeChat's words>`;
 * the Sync forms throw an Error with that message. Async forms call back after the current
 * macrotask, or return a Promise when given no callback.
 */
import { FAIL_WORDS } from '../wechat-errors'
import type { ApiFailure } from './api-result'
import { apiFailure, parameterError } from './api-result'
import type { ApiOutcome, LaterInvoker } from './async-api'
import { decodeBytes, encodeText, isFileEncoding } from './file-encoding'
import { USER_DATA_PATH, type FilePort, type FileResult, type FileStats } from './file-port'
import type { NativePort } from './native-port'
import { toArrayBuffer } from './request-result'

export interface FileApiHost {
  port: NativePort
  defer(fn: () => void): void
  invokeLater: LaterInvoker
}

/** WeChat's `Stats`: fields plus `isFile()`/`isDirectory()`. */
function statsObject(stats: FileStats): Record<string, unknown> {
  const { isFile, isDirectory, ...fields } = stats
  return { ...fields, isFile: () => isFile, isDirectory: () => isDirectory }
}

/** One FilePort call and how its value becomes the API's result fields. */
interface FileCall {
  method: keyof FilePort
  params: unknown[]
  shape: (value: never) => Record<string, unknown>
}

/** A checked call of the port, or the parameter failure found before any. */
type Act = (args: Record<string, unknown>) => FileCall | ApiOutcome

function isFileCall(value: FileCall | ApiOutcome): value is FileCall {
  return 'method' in value
}

const noFields = () => ({})

/** The API's outcome of one port call: its value shaped into fields, or WeChat's words. */
function done(
  result: FileResult<never>,
  shape: (value: never) => Record<string, unknown>,
): ApiOutcome {
  return result.ok
    ? { ok: true, result: shape(result.value) }
    : { ok: false, failure: { errMsg: result.message } }
}

export function createFileApi(host: FileApiHost): Record<string, unknown> {
  const { port, defer, invokeLater } = host

  /** `<api>` async (options object) and `<api>Sync` (positional) from one implementation. */
  function both(
    api: string,
    positional: string[],
    act: Act,
    /** The result field the Sync form returns. */
    returns?: string,
  ): Record<string, (...args: unknown[]) => unknown> {
    const run = (args: Record<string, unknown>): ApiOutcome => {
      if (!port.files) return { ok: false, failure: { errMsg: '' } }
      const call = act(args)
      if (!isFileCall(call)) return call
      const method = port.files[call.method] as (...params: unknown[]) => FileResult<never>
      return done(method.apply(port.files, call.params), call.shape)
    }
    /** The async form: through `filesLater` when the host has it, else like the Sync form. */
    const runLater = (args: Record<string, unknown>, finish: (outcome: ApiOutcome) => void) => {
      const later = port.filesLater
      if (!port.files || !later) {
        finish(run(args))
        return
      }
      const call = act(args)
      if (!isFileCall(call)) {
        finish(call)
        return
      }
      const method = later[call.method] as (...params: unknown[]) => void
      method.apply(later, [
        ...call.params,
        (result: FileResult<never>) => finish(done(result, call.shape)),
      ])
    }
    const failureFor = (name: string, outcome: ApiOutcome & { ok: false }): ApiFailure =>
      outcome.failure.errMsg === ''
        ? apiFailure(name, FAIL_WORDS.notSupported)
        : { ...outcome.failure, errMsg: `${name}:fail ${outcome.failure.errMsg}` }
    return {
      [api]: (options: unknown) =>
        invokeLater(api, options, (opts, settle) =>
          runLater(opts, (outcome) =>
            defer(() =>
              settle(outcome.ok ? outcome : { ok: false, failure: failureFor(api, outcome) }),
            ),
          ),
        ),
      [`${api}Sync`]: (...args: unknown[]) => {
        const named = Object.fromEntries(positional.map((name, i) => [name, args[i]]))
        const outcome = run(named)
        if (!outcome.ok) throw new Error(failureFor(`${api}Sync`, outcome).errMsg)
        return returns === undefined ? undefined : outcome.result?.[returns]
      },
    }
  }

  const fail = (message: string): ApiOutcome => ({ ok: false, failure: { errMsg: message } })
  const param = (api: string, name: string, value: unknown): ApiOutcome => ({
    ok: false,
    failure: {
      errMsg: parameterError(api, name, 'String', value).errMsg.replace(/^.*?:fail /, ''),
    },
  })
  /** A call of `method` with `params`; `shape` turns its value into the result's fields. */
  const call = <K extends keyof FilePort>(
    method: K,
    params: Parameters<FilePort[K]>,
    shape: (value: never) => Record<string, unknown> = noFields,
  ): FileCall => ({ method, params, shape })

  function write(append: boolean): Act {
    return (args) => {
      if (typeof args.filePath !== 'string') return param('writeFile', 'filePath', args.filePath)
      const encoding = args.encoding ?? 'utf8'
      if (!isFileEncoding(encoding)) return fail(`invalid encoding "${String(encoding)}"`)
      const { data } = args
      const bytes =
        typeof data === 'string'
          ? encodeText(data, encoding)
          : data instanceof ArrayBuffer
            ? new Uint8Array(data)
            : ArrayBuffer.isView(data)
              ? new Uint8Array(data.buffer, data.byteOffset, data.byteLength)
              : undefined
      if (!bytes) return fail('parameter error: parameter.data should be String/ArrayBuffer')
      return call('writeFile', [args.filePath, bytes, append])
    }
  }

  const manager: Record<string, unknown> = {
    ...both(
      'readFile',
      ['filePath', 'encoding'],
      (args) => {
        if (typeof args.filePath !== 'string') return param('readFile', 'filePath', args.filePath)
        const { encoding } = args
        if (encoding !== undefined && !isFileEncoding(encoding)) {
          return fail(`invalid encoding "${String(encoding)}"`)
        }
        return call('readFile', [args.filePath], (bytes: Uint8Array) => ({
          data: encoding === undefined ? toArrayBuffer(bytes) : decodeBytes(bytes, encoding),
        }))
      },
      'data',
    ),
    ...both('writeFile', ['filePath', 'data', 'encoding'], write(false)),
    ...both('appendFile', ['filePath', 'data', 'encoding'], write(true)),
    ...both('access', ['path'], (args) =>
      typeof args.path === 'string'
        ? call('access', [args.path])
        : param('access', 'path', args.path),
    ),
    ...both('unlink', ['filePath'], (args) =>
      typeof args.filePath === 'string'
        ? call('unlink', [args.filePath])
        : param('unlink', 'filePath', args.filePath),
    ),
    ...both(
      'stat',
      ['path'],
      (args) =>
        typeof args.path === 'string'
          ? call('stat', [args.path], (stats: FileStats) => ({ stats: statsObject(stats) }))
          : param('stat', 'path', args.path),
      'stats',
    ),
    ...both(
      'readdir',
      ['dirPath'],
      (args) =>
        typeof args.dirPath === 'string'
          ? call('readdir', [args.dirPath], (names: string[]) => ({ files: names }))
          : param('readdir', 'dirPath', args.dirPath),
      'files',
    ),
    ...both('mkdir', ['dirPath', 'recursive'], (args) =>
      typeof args.dirPath === 'string'
        ? call('mkdir', [args.dirPath, args.recursive === true])
        : param('mkdir', 'dirPath', args.dirPath),
    ),
    ...both(
      'saveFile',
      ['tempFilePath', 'filePath'],
      (args) => {
        if (typeof args.tempFilePath !== 'string') {
          return param('saveFile', 'tempFilePath', args.tempFilePath)
        }
        const target = typeof args.filePath === 'string' ? args.filePath : undefined
        return call('saveFile', [args.tempFilePath, target], (path: string) => ({
          savedFilePath: path,
        }))
      },
      'savedFilePath',
    ),
  }

  const chooser =
    (api: 'chooseImage' | 'chooseMedia') =>
    (options: unknown): Promise<unknown> | undefined =>
      invokeLater(api, options, (opts, settle) => {
        const count = typeof opts.count === 'number' && opts.count > 0 ? opts.count : 9
        const mediaType =
          api === 'chooseImage'
            ? (['image'] as const)
            : Array.isArray(opts.mediaType)
              ? opts.mediaType.filter((t): t is 'image' | 'video' => t === 'image' || t === 'video')
              : (['image', 'video'] as const)
        if (!port.chooseFiles) {
          defer(() => settle({ ok: false, failure: apiFailure(api, 'cancel') }))
          return
        }
        port.chooseFiles({ count, mediaType: [...mediaType] }, (files) =>
          defer(() => {
            if (!files || files.length === 0) {
              settle({ ok: false, failure: apiFailure(api, 'cancel') })
              return
            }
            const picked = files.slice(0, count)
            const result: Record<string, unknown> =
              api === 'chooseImage'
                ? {
                    tempFilePaths: picked.map((file) => file.path),
                    tempFiles: picked.map((file) => ({ path: file.path, size: file.size })),
                  }
                : {
                    tempFiles: picked.map((file) => ({
                      tempFilePath: file.path,
                      size: file.size,
                      fileType: file.fileType,
                    })),
                    type:
                      new Set(picked.map((file) => file.fileType)).size > 1
                        ? 'mix'
                        : picked[0].fileType,
                  }
            settle({ ok: true, result })
          }),
        )
      })

  return {
    env: { USER_DATA_PATH },
    getFileSystemManager: () => manager,
    saveFile: (options: unknown) =>
      invokeLater('saveFile', options, (opts, settle) => {
        const { tempFilePath, filePath } = opts
        if (typeof tempFilePath !== 'string') {
          const failure = parameterError('saveFile', 'tempFilePath', 'String', tempFilePath)
          defer(() => settle({ ok: false, failure }))
          return
        }
        const target = typeof filePath === 'string' ? filePath : undefined
        const finish = (saved: FileResult<string>) =>
          defer(() =>
            settle(
              saved.ok
                ? { ok: true, result: { savedFilePath: saved.value } }
                : { ok: false, failure: apiFailure('saveFile', saved.message) },
            ),
          )
        if (port.files && port.filesLater) port.filesLater.saveFile(tempFilePath, target, finish)
        else if (port.files) finish(port.files.saveFile(tempFilePath, target))
        else finish({ ok: false, message: FAIL_WORDS.notSupported })
      }),
    chooseImage: chooser('chooseImage'),
    chooseMedia: chooser('chooseMedia'),
  }
}
