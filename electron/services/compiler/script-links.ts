/**
 * What the project's scripts require of each other, checked before anything runs, from the
 * scripts that can run (app.js, every page's and component's, and what they require): an `import`
 * that names no script is an error where it is written (`resolveAlias` included), a literal
 * `require` that names none a warning (CommonJS code often requires optionally, and WeChat only
 * fails it when it runs); an alias whose folder holds no file is an error at its app.json entry;
 * a cycle of `import` statements is a warning at the import that closes it (it runs with CommonJS
 * semantics, as in WeChat: the module that comes back around sees the exports assigned so far).
 */
import { dirOf, resolveModule } from '../../../shared/runtime/module-loader'
import { matchAlias, type ResolveAlias } from '../../../shared/runtime/resolve-alias'
import { errorAt, type JsonFile } from './json-file'
import type { CompiledScripts } from './scripts'
import type { CompileError } from './types'

export interface ScriptLinks {
  errors: CompileError[]
  warnings: CompileError[]
}

/** `entries`: the scripts the app service runs by itself (app.js, pages, components). */
export function checkScriptLinks(
  compiled: CompiledScripts,
  entries: string[],
  aliases: ResolveAlias,
  app: JsonFile | null,
  files: string[],
): ScriptLinks {
  const links: ScriptLinks = { errors: [], warnings: [] }
  const exists = (path: string) => path in compiled.scripts
  /** The `import` statements between reachable scripts. */
  const edges = new Map<string, { to: string; at: CompileError }[]>()
  const queue = entries.filter(exists)
  for (let script = queue.shift(); script !== undefined; script = queue.shift()) {
    if (edges.has(script)) continue
    const file = compiled.sources[script]
    const targets: { to: string; at: CompileError }[] = []
    edges.set(script, targets)
    for (const { request, line, column, statement } of compiled.requires[script] ?? []) {
      const to = resolveModule(request, dirOf(script), exists, aliases)
      if (to !== undefined) {
        queue.push(to)
        if (statement) targets.push({ to, at: { file, line, column, message: '' } })
        continue
      }
      const alias = matchAlias(request, aliases)
      const via = alias ? ` (resolveAlias "${alias.key}" → ${alias.path})` : ''
      const message = `cannot find module "${request}"${via}`
      ;(statement ? links.errors : links.warnings).push({ file, line, column, message })
    }
  }
  links.warnings.push(...findCycles(edges, compiled.sources))
  if (app) {
    for (const [key, target] of Object.entries(aliases)) {
      const folder = target.replace(/^\/+/, '').slice(0, -1)
      if (!files.some((file) => file.startsWith(folder))) {
        const message = `resolveAlias "${key}" points to "${target}", where the project has no file`
        links.errors.push(errorAt(app, ['resolveAlias', key], message))
      }
    }
  }
  return links
}

/** One warning per cycle, at the require that leads back to a module still running. */
function findCycles(
  edges: Map<string, { to: string; at: CompileError }[]>,
  sources: Record<string, string>,
): CompileError[] {
  const warnings: CompileError[] = []
  const done = new Set<string>()
  const running: string[] = []
  const visit = (script: string): void => {
    running.push(script)
    for (const { to, at } of edges.get(script) ?? []) {
      const open = running.indexOf(to)
      if (open !== -1) {
        const cycle = [...running.slice(open), to].map((path) => sources[path] ?? path)
        const message = `import cycle ${cycle.join(' → ')}: ${sources[to] ?? to} is still running when required here and gives its exports so far`
        warnings.push({ ...at, message })
      } else if (!done.has(to)) {
        visit(to)
      }
    }
    running.pop()
    done.add(script)
  }
  for (const script of edges.keys()) if (!done.has(script)) visit(script)
  return warnings
}
