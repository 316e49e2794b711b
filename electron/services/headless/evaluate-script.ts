/**
 * Node's `NativePort.evaluate`: compiles a module wrapper with the project-relative file name, so
 * stacks of mini-program errors name the project's files (`pages/index/index.js:12:5`).
 *
 * It runs in this realm, like the simulator's `new Function`: the shared runtime recognizes the
 * mini-program's ArrayBuffers, Errors and plain objects with `instanceof` and `toString` tags, which
 * a separate vm context would break. The runtime hands globals (wx, timers, console) to the wrapper.
 */
import { runInThisContext } from 'node:vm'

export function evaluateScript(code: string, filename: string): unknown {
  return runInThisContext(code, { filename })
}
