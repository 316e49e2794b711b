/**
 * The shape checks of a task's start (`wx.request`, `wx.uploadFile`, `wx.downloadFile`,
 * `wx.connectSocket`) and of task ids: a start comes from an untrusted mini-program (in the
 * workbench through another process or a browser page), so every field is checked before the
 * engine sees it. Value rules (method, URL, header names) stay the engine's and the runtime's.
 */
import type {
  EngineDownloadRequest,
  EngineRequest,
  EngineSocketRequest,
  EngineUploadRequest,
} from '../../../shared/network'
import { fail, ok, type Result } from '../../../shared/result'
import type { TaskRequest } from '../../../shared/runtime/wx-task'

function invalid(message: string): Result<never> {
  return fail({ code: 'INVALID_PARAMS', message })
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

const isText = (value: unknown, max = 65536): value is string =>
  typeof value === 'string' && value.length <= max

const isStringMap = (value: unknown): value is Record<string, string> =>
  isRecord(value) && Object.values(value).every((item) => typeof item === 'string')

/** The fields every task's start has: url, header, timeout, page. */
function common(
  value: unknown,
  api: string,
): Result<{ url: string; header: Record<string, string>; timeout?: number; page?: string }> {
  if (!isRecord(value)) return invalid('req must be an object')
  const { url, header, timeout, page } = value
  if (value.api !== api) return invalid(`req.api must be "${api}"`)
  if (!isText(url)) return invalid('req.url must be a string')
  if (!isStringMap(header)) return invalid('req.header must be an object of strings')
  if (timeout !== undefined && (typeof timeout !== 'number' || !Number.isFinite(timeout))) {
    return invalid('req.timeout must be a number')
  }
  if (page !== undefined && !isText(page, 1024)) return invalid('req.page must be a string')
  return ok({
    url,
    header,
    ...(timeout !== undefined && { timeout }),
    ...(page !== undefined && { page }),
  })
}

/** A task id: short printable text, unique per workbench. */
export function isTaskId(value: unknown): value is string {
  return typeof value === 'string' && /^[\w.:-]{1,128}$/.test(value)
}

export function checkEngineRequest(value: unknown): Result<EngineRequest> {
  const base = common(value, 'request')
  if (!base.ok) return base
  const { method, body, enableChunked, redirect } = value as Record<string, unknown>
  if (typeof method !== 'string') return invalid('req.method must be a string')
  if (body !== undefined && typeof body !== 'string' && !(body instanceof Uint8Array)) {
    return invalid('req.body must be a string or bytes')
  }
  if (enableChunked !== undefined && typeof enableChunked !== 'boolean') {
    return invalid('req.enableChunked must be a boolean')
  }
  if (redirect !== undefined && redirect !== 'follow' && redirect !== 'manual') {
    return invalid('req.redirect must be "follow" or "manual"')
  }
  const { url, header, timeout, page } = base.value
  const req: EngineRequest = { api: 'request', url, method, header }
  if (body !== undefined) req.body = body
  if (timeout !== undefined) req.timeout = timeout
  if (enableChunked !== undefined) req.enableChunked = enableChunked
  if (redirect !== undefined) req.redirect = redirect
  if (page !== undefined) req.page = page
  return ok(req)
}

export function checkUploadRequest(value: unknown): Result<EngineUploadRequest> {
  const base = common(value, 'uploadFile')
  if (!base.ok) return base
  const { filePath, name, formData } = value as Record<string, unknown>
  if (!isText(filePath, 4096)) return invalid('req.filePath must be a string')
  if (!isText(name, 4096)) return invalid('req.name must be a string')
  if (!isStringMap(formData)) return invalid('req.formData must be an object of strings')
  return ok({ api: 'uploadFile', ...base.value, filePath, name, formData })
}

export function checkDownloadRequest(value: unknown): Result<EngineDownloadRequest> {
  const base = common(value, 'downloadFile')
  if (!base.ok) return base
  const { filePath } = value as Record<string, unknown>
  if (filePath !== undefined && !isText(filePath, 4096)) {
    return invalid('req.filePath must be a string')
  }
  return ok({ api: 'downloadFile', ...base.value, ...(filePath !== undefined && { filePath }) })
}

export function checkSocketRequest(value: unknown): Result<EngineSocketRequest> {
  const base = common(value, 'connectSocket')
  if (!base.ok) return base
  const { protocols } = value as Record<string, unknown>
  if (
    protocols !== undefined &&
    !(Array.isArray(protocols) && protocols.every((item) => isText(item, 1024)))
  ) {
    return invalid('req.protocols must be strings')
  }
  return ok({
    api: 'connectSocket',
    ...base.value,
    ...(protocols !== undefined && { protocols: protocols as string[] }),
  })
}

const CHECKS: Record<TaskRequest['api'], (value: unknown) => Result<TaskRequest>> = {
  request: checkEngineRequest,
  uploadFile: checkUploadRequest,
  downloadFile: checkDownloadRequest,
  connectSocket: checkSocketRequest,
}

/** The shape check of one task's start, by its `api`. */
export function checkTaskRequest(value: unknown): Result<TaskRequest> {
  const api = (value as { api?: unknown } | null)?.api
  const check = typeof api === 'string' ? CHECKS[api as TaskRequest['api']] : undefined
  if (!check) return invalid('req.api must name a task API')
  return check(value)
}
