/**
 * `mpdt auto`'s `NativePort.evaluate` (and its automation agent's): compiles a module wrapper with
 * the project-relative file name, so stacks of mini-program errors name the project's files
 * (`pages/index/index.js:12:5`).
 *
 * It runs in Node's own realm, where the automation agent drives the runtime; `mpdt run` compiles
 * in its sandbox realm instead (sandbox-realm.ts), where the runtime lives with the code.
 */
import { runInThisContext } from 'node:vm'

export function evaluateScript(code: string, filename: string): unknown {
  return runInThisContext(code, { filename })
}
