/**
 * The Console panel's command line, run in the mini-program's logic context: the expression sees
 * `wx`, `getApp` and `getCurrentPages` as the project's code does, so `getApp().globalData` or
 * `getCurrentPages()[0].data` answer as in WeChat's tool. The developer typed it, so it is not
 * sandboxed further than the frame itself.
 */
import type { Runtime } from '../../../../shared/runtime'
import { evaluateScript } from '../../../../shared/runtime/evaluate-script'
import type { EvalResult } from '../../../../shared/simulator-protocol'
import { cloneSafeArgs } from '../../../../shared/safe-copy'

type Evaluator = (...scopeAndCommand: unknown[]) => unknown

/** The evaluator for one list of global names (the runtime's are the same every launch). */
let evaluator: { names: string; run: Evaluator } | undefined

function textOf(value: unknown): string {
  try {
    return JSON.stringify(value) ?? String(value)
  } catch {
    return String(value)
  }
}

/** A thrown value as the Console shows it: an Error by its text, anything else as the value. */
function failure(thrown: unknown, inPromise: boolean): EvalResult {
  const marks = inPromise ? { inPromise } : {}
  if (thrown instanceof Error) {
    const message = `${thrown.name}: ${thrown.message}`
    return { ok: false, error: { message, stack: thrown.stack ?? message }, ...marks }
  }
  const value = cloneSafeArgs([thrown])[0]
  return { ok: false, error: { message: textOf(thrown), stack: '' }, value, ...marks }
}

function isThenable(value: unknown): value is PromiseLike<unknown> {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as { then?: unknown }).then === 'function'
  )
}

export async function evaluateInLogicContext(runtime: Runtime, code: string): Promise<EvalResult> {
  // Direct eval inside a wrapper whose parameters are the logic context's globals (its console
  // reaches the Console panel, its timers are the runtime's): statements work, the completion
  // value is the answer.
  const { globals } = runtime
  const names = Object.keys(globals)
  if (evaluator?.names !== names.join()) {
    evaluator = {
      names: names.join(),
      run: evaluateScript(
        `(function (${names.join(', ')}, __mpdtCommand) { return eval(__mpdtCommand) })`,
        'console',
      ) as Evaluator,
    }
  }
  let value: unknown
  try {
    value = evaluator.run(...names.map((name) => globals[name]), code)
  } catch (error) {
    return failure(error, false)
  }
  if (isThenable(value)) {
    try {
      value = await value
    } catch (error) {
      return failure(error, true)
    }
  }
  return { ok: true, value: cloneSafeArgs([value])[0] }
}
