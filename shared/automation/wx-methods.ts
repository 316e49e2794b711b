/**
 * `App.callWxMethod` and `App.mockWxMethod` on the live `wx` object the mini-program sees, so they
 * work whatever builds that object: a call goes through `wx[method]` as it is at that moment, and
 * a mock replaces the member on the object itself and puts the original property back on restore.
 *
 * Mocking a member `wx` lacks defines it (WeChat's automator gives no rule; a test stubbing an API
 * the simulator does not have yet is the useful reading), and restoring removes it again.
 */
import { AutomationError } from './automation-protocol'

type WxObject = Record<string, unknown>
type Callbacks = { success?: unknown; fail?: unknown; complete?: unknown }

/** WeChat's synchronous APIs without the `Sync` suffix; the rest take success/fail callbacks. */
const SYNC_WITHOUT_SUFFIX = new Set([
  'canIUse',
  'nextTick',
  'arrayBufferToBase64',
  'base64ToArrayBuffer',
  'getMenuButtonBoundingClientRect',
  'getWindowInfo',
  'getDeviceInfo',
  'getAppBaseInfo',
  'getSystemSetting',
  'getAppAuthorizeSetting',
  'reportAnalytics',
  'reportMonitor',
])

/** Whether `method` answers by returning (a Sync API, a factory, a listener) or by callbacks. */
export function isSyncWxMethod(method: string): boolean {
  return (
    SYNC_WITHOUT_SUFFIX.has(method) ||
    /Sync$/.test(method) ||
    /^(create|on|off)[A-Z]/.test(method) ||
    /^get\w*Manager$/.test(method)
  )
}

/** How long `App.callWxMethod` waits for an asynchronous API's callback. */
export const CALL_WX_METHOD_TIMEOUT_MS = 60_000

function isFailure(result: unknown): boolean {
  const errMsg = (result as { errMsg?: unknown } | null)?.errMsg
  return typeof errMsg === 'string' && /:fail/.test(errMsg)
}

function failureMessage(method: string, result: unknown): string {
  const errMsg = (result as { errMsg?: unknown } | null)?.errMsg
  if (typeof errMsg === 'string') return errMsg
  return result instanceof Error ? result.message : `${method}:fail ${String(result)}`
}

/**
 * Calls `wx[method](...args)`. An asynchronous API gets `success`/`fail` added to its options and
 * the answer is what `success` received; `fail` becomes an error carrying WeChat's errMsg.
 */
export function callWxMethod(wx: WxObject, method: string, args: unknown[]): Promise<unknown> {
  const member = wx[method]
  if (typeof member !== 'function') {
    if (member === undefined) {
      return Promise.reject(new AutomationError(`App.callWxMethod: wx.${method} does not exist`))
    }
    return Promise.resolve(member)
  }
  if (isSyncWxMethod(method)) return Promise.resolve(member.apply(wx, args))
  const [first, ...rest] = args
  const options = typeof first === 'object' && first !== null ? first : {}
  return new Promise((resolve, reject) => {
    const timer = setTimeout(
      () =>
        reject(
          new AutomationError(
            `App.callWxMethod: wx.${method} did not call success or fail within ${CALL_WX_METHOD_TIMEOUT_MS / 1000} s`,
          ),
        ),
      CALL_WX_METHOD_TIMEOUT_MS,
    )
    const settle = (ok: boolean, result: unknown) => {
      clearTimeout(timer)
      if (ok) resolve(result)
      else reject(new AutomationError(failureMessage(method, result)))
    }
    try {
      member.call(
        wx,
        {
          ...options,
          success: (result: unknown) => settle(true, result),
          fail: (result: unknown) => settle(false, result),
        },
        ...rest,
      )
    } catch (error) {
      settle(false, error)
    }
  })
}

export interface WxMockRequest {
  method: string
  /** The fixed answer (present even when `undefined` is meant: `'result' in params`). */
  result?: unknown
  hasResult: boolean
  /** The mock's source, run in the mini-program's logic context. */
  functionDeclaration?: string
  /** Appended to each call's own arguments. */
  args?: unknown[]
}

export interface WxMockHost {
  /** Turns a function's source into the function, in the mini-program's logic context. */
  compileFunction(source: string): (...args: unknown[]) => unknown
  /** An exception of a mock or of a callback it called. */
  reportError(error: unknown): void
}

/** The mocks of one `wx` object; `restoreAll` puts every original back. */
export class WxMocks {
  private readonly originals = new Map<string, PropertyDescriptor | undefined>()

  constructor(
    private readonly wx: WxObject,
    private readonly host: WxMockHost,
  ) {}

  /** Installs a mock, or restores the original when neither a result nor a function is given. */
  apply(request: WxMockRequest): void {
    const { method } = request
    if (!request.hasResult && request.functionDeclaration === undefined) {
      this.restore(method)
      return
    }
    if (!this.originals.has(method)) {
      this.originals.set(method, Object.getOwnPropertyDescriptor(this.wx, method))
    }
    const originalDescriptor = this.originals.get(method)
    const original = originalDescriptor?.value ?? originalDescriptor?.get?.call(this.wx)
    const origin =
      typeof original === 'function'
        ? (...args: unknown[]) => (original as (...a: unknown[]) => unknown).apply(this.wx, args)
        : undefined
    let produce: (callArgs: unknown[]) => unknown
    // A mock function that answers by itself (calls the callbacks, returns nothing) is left to it.
    let answersItself = false
    if (request.functionDeclaration !== undefined) {
      const mock = this.host.compileFunction(request.functionDeclaration)
      const extra = request.args ?? []
      produce = (callArgs) => mock.apply({ origin }, [...callArgs, ...extra])
      answersItself = true
    } else {
      const result = request.result
      produce = () => structuredClone(result)
    }
    const sync = isSyncWxMethod(method)
    const replacement = (...callArgs: unknown[]): unknown => {
      const value = produce(callArgs)
      if (sync || (answersItself && value === undefined)) return value
      return this.deliver(callArgs[0], value, method)
    }
    Object.defineProperty(this.wx, method, {
      value: replacement,
      writable: true,
      configurable: true,
      enumerable: true,
    })
  }

  restore(method: string): void {
    if (!this.originals.has(method)) return
    const descriptor = this.originals.get(method)
    this.originals.delete(method)
    if (descriptor) Object.defineProperty(this.wx, method, descriptor)
    else delete this.wx[method]
  }

  restoreAll(): void {
    for (const method of [...this.originals.keys()]) this.restore(method)
  }

  /**
   * An asynchronous API's answer: `success` (or `fail` when the errMsg says `:fail`) and
   * `complete` after the current macrotask, as WeChat calls back; without callbacks, a Promise.
   */
  private deliver(options: unknown, value: unknown, method: string): Promise<unknown> | undefined {
    const callbacks = (typeof options === 'object' && options !== null ? options : {}) as Callbacks
    const usesCallbacks = [callbacks.success, callbacks.fail, callbacks.complete].some(
      (callback) => typeof callback === 'function',
    )
    const answer = Promise.resolve(value)
    if (!usesCallbacks) {
      return answer.then((result) => (isFailure(result) ? Promise.reject(result) : result))
    }
    const call = (callback: unknown, result: unknown) => {
      if (typeof callback !== 'function') return
      try {
        callback(result)
      } catch (error) {
        this.host.reportError(error)
      }
    }
    answer.then(
      (result) =>
        setTimeout(() => {
          call(isFailure(result) ? callbacks.fail : callbacks.success, result)
          call(callbacks.complete, result)
        }, 0),
      (error: unknown) => {
        this.host.reportError(error)
        const result = { errMsg: failureMessage(method, error) }
        setTimeout(() => {
          call(callbacks.fail, result)
          call(callbacks.complete, result)
        }, 0)
      },
    )
    return undefined
  }
}
