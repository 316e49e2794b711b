/**
 * Test support: calls every API of the table on a running `wx` and reports what did not answer
 * as the table says (used by the headless and the simulator frame's tests). An unsupported API
 * must answer `<name>:fail not supported in MP DevTools` (through `fail` and as a rejection;
 * sync ones throw it, manager and context factories return a stand-in); every other one must be
 * there and never throw a TypeError.
 */
import { isObjectFactory } from './unsupported-stand-in'
import { notSupportedMessage, WX_API } from './wx-api-table'

/** Lets deferred callbacks run. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 0))

/** Human-readable problems, empty when every API answered as declared. */
export async function walkWxApi(wx: Record<string, unknown>): Promise<string[]> {
  const problems: string[] = []
  for (const api of WX_API.values()) {
    const member = wx[api.name]
    if (api.kind === 'object') {
      if (typeof member !== 'object' || member === null) problems.push(`${api.name}: not an object`)
      continue
    }
    if (typeof member !== 'function') {
      problems.push(`${api.name}: is not a function`)
      continue
    }
    const call = member as (...args: unknown[]) => unknown
    const expected = notSupportedMessage(api.name)
    if (api.status === 'unsupported') {
      if (api.kind === 'async' || api.kind === 'task') {
        let failed: unknown
        call({ fail: (res: { errMsg?: unknown }) => (failed = res.errMsg) })
        const rejected = (call({}) as Promise<unknown>).then(
          () => 'resolved',
          (res: { errMsg?: unknown }) => res.errMsg,
        )
        await settle()
        if (failed !== expected) problems.push(`${api.name}: fail got ${String(failed)}`)
        if ((await rejected) !== expected) problems.push(`${api.name}: promise did not reject`)
      } else if (api.kind === 'sync' && isObjectFactory(api.name)) {
        const standIn = call() as Record<string, unknown> | undefined
        if (typeof standIn?.onError !== 'function' || typeof standIn.start !== 'function') {
          problems.push(`${api.name}: no stand-in returned`)
        }
      } else if (api.kind === 'sync') {
        try {
          call()
          problems.push(`${api.name}: did not throw`)
        } catch (error) {
          if (!(error instanceof Error) || error.message !== expected) {
            problems.push(`${api.name}: threw ${String(error)}`)
          }
        }
      } else call(() => undefined)
      continue
    }
    try {
      const result = call(
        api.kind === 'listener'
          ? () => undefined
          : { success: () => undefined, fail: () => undefined },
      )
      if (result instanceof Promise) result.catch(() => undefined)
    } catch (error) {
      if (error instanceof TypeError) problems.push(`${api.name}: ${error.message}`)
    }
  }
  await settle()
  return problems
}
