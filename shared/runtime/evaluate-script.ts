/**
 * A `NativePort.evaluate` that works in a browser frame and in Node alike: global (indirect) eval
 * with a `sourceURL`, so stack frames name the project file and keep its line numbers.
 */
export function evaluateScript(code: string, filename: string): unknown {
  const globalEval = eval
  return globalEval(`${code}\n//# sourceURL=${filename}`) as unknown
}
