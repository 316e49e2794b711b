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

type Evaluator = (
  wx: unknown,
  getApp: () => unknown,
  getCurrentPages: () => unknown,
  code: string,
) => unknown

let evaluator: Evaluator | undefined

function describeThrown(value: unknown): { message: string; stack: string } {
  if (value instanceof Error) return { message: value.message, stack: value.stack ?? value.message }
  return { message: String(value), stack: String(value) }
}

function isThenable(value: unknown): value is PromiseLike<unknown> {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as { then?: unknown }).then === 'function'
  )
}

export async function evaluateInLogicContext(runtime: Runtime, code: string): Promise<EvalResult> {
  // Direct eval inside the wrapper: statements work, the completion value is the answer.
  evaluator ??= evaluateScript(
    '(function (wx, getApp, getCurrentPages, __mpdtCommand) { return eval(__mpdtCommand) })',
    'console',
  ) as Evaluator
  try {
    let value = evaluator(
      runtime.wx,
      () => runtime.getApp(),
      () => runtime.getCurrentPages(),
      code,
    )
    if (isThenable(value)) value = await value
    return { ok: true, value: cloneSafeArgs([value])[0] }
  } catch (error) {
    return { ok: false, error: describeThrown(error) }
  }
}
