/**
 * The base library's checks for `wx.uploadFile` and `wx.downloadFile`
 * (docs/wechat-behaviour.md §4.1, §4.2): string parameters, `http(s)://` URLs, and header/formData
 * objects whose values are stringified (a value that is not an object is dropped with WeChat's
 * console warning).
 */
import type { EngineDownloadRequest, EngineUploadRequest } from '../network'
import { apiFailure, isPlainObject, parameterError, type ApiFailure } from './api-result'
import { ERRNO, FAIL_WORDS } from '../wechat-errors'
import { stringifyHeaderValue } from './request-options'
import type { Prepared } from './task-core'

/** String values of a header or formData object; `undefined` when it is not an object. */
function stringValues(value: unknown): Record<string, string> | undefined {
  if (value === undefined) return {}
  if (!isPlainObject(value)) return undefined
  return Object.fromEntries(
    Object.keys(value).map((key) => [key, stringifyHeaderValue(value[key])]),
  )
}

function objectOption(
  api: string,
  name: string,
  value: unknown,
  warnings: string[],
): Record<string, string> {
  const values = stringValues(value)
  if (values) return values
  warnings.push(`${api}: ${name} must be an object`)
  return {}
}

function checkString(api: string, opts: Record<string, unknown>, name: string) {
  return typeof opts[name] === 'string'
    ? undefined
    : parameterError(api, name, 'String', opts[name])
}

function checkUrl(api: string, url: string): ApiFailure | undefined {
  return /^https?:\/\/.+/i.test(url)
    ? undefined
    : apiFailure(api, FAIL_WORDS.invalidUrl(url), ERRNO.invalidUrl)
}

const timeoutOf = (value: unknown) =>
  typeof value === 'number' && value > 0 ? { timeout: value } : {}

export function prepareUpload(
  opts: Record<string, unknown>,
  page?: string,
): Prepared<EngineUploadRequest> {
  const warnings: string[] = []
  const failure =
    checkString('uploadFile', opts, 'url') ??
    checkString('uploadFile', opts, 'filePath') ??
    checkString('uploadFile', opts, 'name') ??
    checkUrl('uploadFile', opts.url as string)
  if (failure) return { ok: false, failure, warnings }
  const header = objectOption('uploadFile', 'header', opts.header, warnings)
  const formData = objectOption('uploadFile', 'formData', opts.formData, warnings)
  return {
    ok: true,
    warnings,
    value: {
      api: 'uploadFile',
      url: opts.url as string,
      header,
      filePath: opts.filePath as string,
      name: opts.name as string,
      formData,
      ...timeoutOf(opts.timeout),
      ...(page !== undefined && { page }),
    },
  }
}

export function prepareDownload(
  opts: Record<string, unknown>,
  page?: string,
): Prepared<EngineDownloadRequest> {
  const warnings: string[] = []
  const failure =
    checkString('downloadFile', opts, 'url') ??
    (opts.filePath !== undefined ? checkString('downloadFile', opts, 'filePath') : undefined) ??
    checkUrl('downloadFile', opts.url as string)
  if (failure) return { ok: false, failure, warnings }
  const header = objectOption('downloadFile', 'header', opts.header, warnings)
  return {
    ok: true,
    warnings,
    value: {
      api: 'downloadFile',
      url: opts.url as string,
      header,
      ...(typeof opts.filePath === 'string' && { filePath: opts.filePath }),
      ...timeoutOf(opts.timeout),
      ...(page !== undefined && { page }),
    },
  }
}
