/**
 * WeChat's asynchronous API form for APIs whose outcome comes later (a navigation after the current
 * macrotask, a modal when the user answers): `success`/`fail` then `complete`, or, called without
 * any of them, a Promise. The call counts as pending work until it settles.
 */
import type { ApiFailure } from './api-result'
import { callGuarded, type ErrorSink } from './guarded-call'
import type { PendingWork } from './pending-work'

export type ApiOutcome =
  { ok: true; result?: Record<string, unknown> } | { ok: false; failure: ApiFailure }

/** Ends a call with its outcome; only the first settle counts. */
export type Settle = (outcome: ApiOutcome) => void

export type ApiOptions = Record<string, unknown> & {
  success?: unknown
  fail?: unknown
  complete?: unknown
}

export function optionsOf(options: unknown): ApiOptions {
  return (typeof options === 'object' && options !== null ? options : {}) as ApiOptions
}

export type LaterInvoker = (
  api: string,
  options: unknown,
  start: (opts: ApiOptions, settle: Settle) => void,
) => Promise<unknown> | undefined

export function createLaterInvoker(sink: ErrorSink, pending: PendingWork): LaterInvoker {
  return function invokeLater(api, options, start) {
    const opts = optionsOf(options)
    const usesCallbacks = [opts.success, opts.fail, opts.complete].some(
      (callback) => typeof callback === 'function',
    )
    const end = pending.begin()
    let settled = false
    let resolvePromise: (value: unknown) => void = () => undefined
    let rejectPromise: (reason: unknown) => void = () => undefined
    const promise = usesCallbacks
      ? undefined
      : new Promise((resolve, reject) => {
          resolvePromise = resolve
          rejectPromise = reject
        })
    const settle: Settle = (outcome) => {
      if (settled) return
      settled = true
      const payload = outcome.ok
        ? { ...(outcome.result ?? {}), errMsg: `${api}:ok` }
        : { ...outcome.failure }
      try {
        if (usesCallbacks) {
          callGuarded(sink, outcome.ok ? opts.success : opts.fail, undefined, [payload])
          callGuarded(sink, opts.complete, undefined, [payload])
        } else if (outcome.ok) resolvePromise(payload)
        else rejectPromise(payload)
      } finally {
        end()
      }
    }
    try {
      start(opts, settle)
    } catch (error) {
      settle({ ok: false, failure: { errMsg: `${api}:fail ${String(error)}` } })
      sink(error)
    }
    return promise
  }
}
