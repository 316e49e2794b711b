/** WeChat's default and maximum request timeout, ms. */
export const MAX_TIMEOUT = 60_000

/**
 * The call's `timeout`, else app.json `networkTimeout.request`, else 60 s; never more than 60 s
 * (phones ignore larger values, so the tool does too). Non-positive values count as unset.
 */
export function requestTimeout(callTimeout?: number, appTimeout?: number): number {
  const chosen =
    callTimeout && callTimeout > 0
      ? callTimeout
      : appTimeout && appTimeout > 0
        ? appTimeout
        : MAX_TIMEOUT
  return Math.min(chosen, MAX_TIMEOUT)
}
