/**
 * app.json `workers`: the folder's scripts bundled into the one script a worker thread runs, as
 * WeChat packs them into one file (`workerBundleCode`, shared/runtime/worker-scope.ts). The
 * scripts are the compiled ones (TypeScript and ES modules already CommonJS), so a worker
 * `require`s between them as the app service does, and reports errors at their source.
 */
import { workerBundleCode, workersConfig } from '../../../shared/runtime/worker-scope'
import { errorAt, type JsonFile } from './json-file'
import type { CompiledWorkers, CompileError } from './types'

export function bundleWorkers(
  app: JsonFile | null,
  scripts: Record<string, string>,
): { workers?: CompiledWorkers; errors: CompileError[]; warnings: CompileError[] } {
  const value = app?.value.workers
  if (!app || value === undefined) return { errors: [], warnings: [] }
  const config = workersConfig(value)
  if (!config) {
    const message =
      'app.json "workers" must be the folder of the worker scripts ("workers") or { "path": "workers", "isSubpackage": true }'
    return { errors: [errorAt(app, ['workers'], message)], warnings: [] }
  }
  const modules: Record<string, string> = {}
  for (const [path, code] of Object.entries(scripts)) {
    if (path.startsWith(`${config.root}/`)) modules[path] = code
  }
  const warnings =
    Object.keys(modules).length === 0
      ? [errorAt(app, ['workers'], `the workers folder "${config.root}" has no script`)]
      : []
  return {
    workers: { ...config, code: workerBundleCode(modules) },
    errors: [],
    warnings,
  }
}
