/**
 * The shape check of a `network.request` from the workbench: the request comes from another process
 * (or a browser page) that relays an untrusted mini-program, so every field is checked before it
 * reaches the engine. Value rules (method, URL, header names) stay the engine's and the runtime's.
 */
import type { EngineRequest } from '../../../shared/network'
import { fail, ok, type Result } from '../../../shared/result'

function invalid(message: string): Result<never> {
  return fail({ code: 'INVALID_PARAMS', message })
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

/** A task id: short printable text, unique per workbench. */
export function isTaskId(value: unknown): value is string {
  return typeof value === 'string' && /^[\w.:-]{1,128}$/.test(value)
}

export function checkEngineRequest(value: unknown): Result<EngineRequest> {
  if (!isRecord(value)) return invalid('req must be an object')
  const { api, url, method, header, body, timeout, enableChunked, redirect, page } = value
  if (api !== 'request') return invalid('req.api must be "request"')
  if (typeof url !== 'string' || url.length > 65536) return invalid('req.url must be a string')
  if (typeof method !== 'string') return invalid('req.method must be a string')
  if (!isRecord(header) || !Object.values(header).every((item) => typeof item === 'string')) {
    return invalid('req.header must be an object of strings')
  }
  if (body !== undefined && typeof body !== 'string' && !(body instanceof Uint8Array)) {
    return invalid('req.body must be a string or bytes')
  }
  if (timeout !== undefined && (typeof timeout !== 'number' || !Number.isFinite(timeout))) {
    return invalid('req.timeout must be a number')
  }
  if (enableChunked !== undefined && typeof enableChunked !== 'boolean') {
    return invalid('req.enableChunked must be a boolean')
  }
  if (redirect !== undefined && redirect !== 'follow' && redirect !== 'manual') {
    return invalid('req.redirect must be "follow" or "manual"')
  }
  if (page !== undefined && typeof page !== 'string') return invalid('req.page must be a string')
  const req: EngineRequest = { api, url, method, header: header as Record<string, string> }
  if (body !== undefined) req.body = body
  if (timeout !== undefined) req.timeout = timeout
  if (enableChunked !== undefined) req.enableChunked = enableChunked
  if (redirect !== undefined) req.redirect = redirect
  if (page !== undefined) req.page = page
  return ok(req)
}
