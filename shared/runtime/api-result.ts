/** WeChat's result objects and errMsg format (docs/wechat-behaviour.md §2.1, §2.2). */
import { ERRNO } from '../wechat-errors'

/** A failure as the mini-program's `fail` callback receives it. */
export interface ApiFailure {
  errMsg: string
  /** Present when WeChat sets one for this failure. */
  errno?: number
}

/** The name WeChat's parameter checks use for a value's type: `Undefined`, `Null`, `Number`… */
export function typeName(value: unknown): string {
  return Object.prototype.toString.call(value).slice(8, -1)
}

/** True for `{}`-like objects only (not arrays, null, class instances from other tags). */
export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeName(value) === 'Object'
}

/** `<api>:fail parameter error: parameter.<name> should be <Expected> instead of <Actual>;` */
export function parameterError(
  api: string,
  name: string,
  expected: string,
  value: unknown,
): ApiFailure {
  return {
    errMsg: `${api}:fail parameter error: parameter.${name} should be ${expected} instead of ${typeName(value)};`,
    errno: ERRNO.parameter,
  }
}

/** `<api>:fail <msg>` with an errno, following the base library's spacing rule. */
export function apiFailure(api: string, message: string, errno?: number): ApiFailure {
  const separator = message && message[0] !== ':' ? ' ' : ''
  const failure: ApiFailure = { errMsg: `${api}:fail${separator}${message}` }
  if (errno !== undefined) failure.errno = errno
  return failure
}

/** A failure thrown by an API's implementation: the Sync forms rethrow it, the async ones answer it. */
export class ApiError extends Error {
  constructor(readonly failure: ApiFailure) {
    super(failure.errMsg)
    this.name = 'Error'
  }
}
