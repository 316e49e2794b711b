/**
 * `wx.preDownloadSubpackage`: WeChat downloads a subpackage (or, with `packageType: 'workers'`,
 * the worker code of app.json `workers: { isSubpackage: true }`) before `wx.createWorker` may run
 * it. Here every file is already in the bundle, so it answers at once: one progress event at 100,
 * then success. A name no subpackage has, or workers app.json does not declare, fails.
 */
import { apiFailure } from './api-result'
import type { LaterInvoker } from './async-api'
import type { RuntimeAppJson } from './app-structure'
import { workersConfig } from './worker-scope'

export interface SubpackageApiHost {
  appJson: RuntimeAppJson
  invokeLater: LaterInvoker
  defer(fn: () => void): void
}

export function createSubpackageApi(host: SubpackageApiHost): Record<string, unknown> {
  const { appJson, invokeLater, defer } = host
  const missing = (opts: Record<string, unknown>): string | undefined => {
    if (opts.packageType === 'workers')
      return workersConfig(appJson.workers) ? undefined : 'app.json has no "workers"'
    const name = String(opts.name ?? '')
    const known = (appJson.subpackages ?? []).some(
      (sub) => sub.name === name || sub.root.replace(/\/+$/, '') === name.replace(/\/+$/, ''),
    )
    return known ? undefined : `subpackage "${name}" is not in app.json`
  }
  return {
    preDownloadSubpackage: (options: unknown) => {
      const progress: unknown[] = []
      // Answered after this call returns, so the task's onProgressUpdate is heard.
      invokeLater('preDownloadSubpackage', options, (opts, settle) =>
        defer(() => {
          const problem = missing(opts)
          if (problem) {
            settle({ ok: false, failure: apiFailure('preDownloadSubpackage', problem) })
            return
          }
          for (const listener of progress) {
            if (typeof listener === 'function')
              listener({ progress: 100, totalBytesWritten: 0, totalBytesExpectedToWrite: 0 })
          }
          settle({ ok: true })
        }),
      )
      return {
        onProgressUpdate: (listener: unknown) => progress.push(listener),
      }
    },
  }
}
