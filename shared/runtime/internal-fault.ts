/**
 * A fault of the tool itself while completing a call (shaping the result, decoding the body, a
 * listener's bookkeeping): the call still ends, with `<api>:fail internal error: …`, and the
 * console names it as ours, so it is never taken for the server's or the mini-program's.
 */
import { apiFailure, type ApiFailure } from './api-result'
import type { NativePort } from './native-port'

export function internalFault(port: NativePort, api: string, error: unknown): ApiFailure {
  const detail = error instanceof Error ? (error.stack ?? error.message) : String(error)
  port.console('error', [`MP DevTools internal error in wx.${api}: ${detail}`], 'baselib')
  return apiFailure(
    api,
    `internal error: ${error instanceof Error ? error.message : String(error)}`,
  )
}

/**
 * Wraps one completion step of a call: a throw ends the call through `end` (which must stop the
 * engine's side too) instead of unwinding into the engine's callback.
 */
export function completionStep(
  port: NativePort,
  api: string,
  end: (failure: ApiFailure) => void,
  step: () => void,
): () => void {
  return () => {
    try {
      step()
    } catch (error) {
      end(internalFault(port, api, error))
    }
  }
}
