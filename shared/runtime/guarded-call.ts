/** Calls into mini-program code so that its exceptions are reported and never unwind the runtime. */

/** Receives every exception mini-program code did not catch (sync throws and rejected promises). */
export type ErrorSink = (error: unknown) => void

function isThenable(value: unknown): value is PromiseLike<unknown> {
  return (
    (typeof value === 'object' || typeof value === 'function') &&
    value !== null &&
    typeof (value as { then?: unknown }).then === 'function'
  )
}

/**
 * Runs `fn` with `thisArg` and `args`; a throw, or a rejection of the promise an `async` function
 * returns, goes to `sink`. Returns what `fn` returned, or `undefined` when it threw.
 */
export function callGuarded(
  sink: ErrorSink,
  fn: unknown,
  thisArg: unknown,
  args: unknown[],
): unknown {
  if (typeof fn !== 'function') return undefined
  try {
    const value: unknown = fn.apply(thisArg, args)
    if (isThenable(value)) value.then(undefined, sink)
    return value
  } catch (error) {
    sink(error)
    return undefined
  }
}
