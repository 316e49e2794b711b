/**
 * CommonJS between the project's JS files, as WeChat's base library does it: `require` with a
 * relative path, an absolute-from-root path, an app.json `resolveAlias` or a `miniprogram_npm`
 * package name, `.js` optional; a module runs once; a cycle gets the partial `module.exports`, as
 * in CommonJS.
 */
import { isPathRequest, miniprogramNpmCandidates } from './npm-resolution'
import { matchAlias, type ResolveAlias } from './resolve-alias'
import { StackMapper } from './source-mapped-stack'

/** The project-relative form of `path` seen from folder `dir` (`..` beyond the root stops there). */
export function joinPath(dir: string, path: string): string {
  const parts: string[] = []
  const input = path.startsWith('/') ? path : `${dir}/${path}`
  for (const part of input.split('/')) {
    if (part === '' || part === '.') continue
    if (part === '..') parts.pop()
    else parts.push(part)
  }
  return parts.join('/')
}

export function dirOf(path: string): string {
  const slash = path.lastIndexOf('/')
  return slash === -1 ? '' : path.slice(0, slash)
}

/**
 * The files `request` may name when required from folder `dir`, in order: the path as written,
 * then with `.js`; for a bare name also `miniprogram_npm` folders from `dir` up to the root
 * (`name.js`, `name/index.js`: a package folder's `index.js`, which 构建 npm writes from `main`).
 */
export function moduleCandidates(request: string, dir: string): string[] {
  const base = joinPath(dir, request)
  const candidates = [base, `${base}.js`]
  if (!isPathRequest(request)) {
    for (const npm of miniprogramNpmCandidates(request, dir)) {
      candidates.push(npm, `${npm}.js`, `${npm}/index.js`)
    }
  }
  return candidates.filter((candidate) => candidate.endsWith('.js'))
}

/**
 * The file `request` names when required from folder `dir`, or `undefined`; an app.json
 * `resolveAlias` rewrites the name first (the longest matching key wins).
 */
export function resolveModule(
  written: string,
  dir: string,
  exists: (path: string) => boolean,
  aliases?: ResolveAlias,
): string | undefined {
  const request = matchAlias(written, aliases)?.path ?? written
  return moduleCandidates(request, dir).find(exists)
}

export interface Module {
  /** Project-relative path, e.g. `utils/format.js`. */
  readonly id: string
  exports: unknown
  loaded: boolean
}

/** The free variables a module sees, besides `require`, `module` and `exports`. */
export type ModuleScope = Record<string, unknown>

export interface ModuleLoaderOptions {
  /** Source of each JS file, by project-relative path. */
  files: Record<string, string>
  /** Compiles a wrapper expression; stacks must name `filename`. */
  evaluate(code: string, filename: string): unknown
  /** The globals of the module at `path` (`wx`, `App`, its own `Page`/`Component`…). */
  scopeFor(path: string): ModuleScope
  /** app.json `resolveAlias`. */
  resolveAlias?: ResolveAlias
}

export class ModuleLoader {
  private readonly cache = new Map<string, Module>()
  /** Characters of the wrapper before a module's first line (its globals are the same for all). */
  private firstLineOffset = 0
  private readonly stacks: StackMapper

  constructor(private readonly options: ModuleLoaderOptions) {
    this.stacks = new StackMapper((path) => this.options.files[path])
  }

  has(path: string): boolean {
    return Object.prototype.hasOwnProperty.call(this.options.files, path)
  }

  /** `require(request)` as written in the file at `from` (a project-relative path). */
  require(request: unknown, from: string): unknown {
    if (typeof request !== 'string') {
      throw new Error(`require args must be a string, got ${typeof request}`)
    }
    const aliases = this.options.resolveAlias
    const path = resolveModule(request, dirOf(from), (candidate) => this.has(candidate), aliases)
    if (path === undefined) {
      const wanted = joinPath(dirOf(from), matchAlias(request, aliases)?.path ?? request)
      const shown = wanted.endsWith('.js') ? wanted : `${wanted}.js`
      // WeChat's own message first; a bare name also says where it was looked for.
      const looked =
        isPathRequest(request) || matchAlias(request, aliases)
          ? ''
          : ` (required from ${from}; looked for ${moduleCandidates(request, dirOf(from)).join(', ')}; run 构建 npm if it is an npm package)`
      throw new Error(`module "${shown}" is not defined, require args is "${request}"${looked}`)
    }
    return this.load(path)
  }

  /** Runs the file at `path` once and returns its `module.exports`. */
  load(path: string): unknown {
    const cached = this.cache.get(path)
    if (cached) return cached.exports
    const module: Module = { id: path, exports: {}, loaded: false }
    this.cache.set(path, module)
    try {
      const scope = this.options.scopeFor(path)
      const source = this.options.files[path]
      // Globals are parameters of an outer function, so a module may still declare its own
      // `const wx` or `let console`; the source starts on the first line so stack lines match.
      const opening = `(function (${Object.keys(scope).join(', ')}) { return function (require, module, exports) {`
      this.firstLineOffset = opening.length
      const wrapper = `${opening}${source}\n} })`
      type ModuleBody = (this: unknown, ...args: unknown[]) => unknown
      const outer = this.options.evaluate(wrapper, path) as (...globals: unknown[]) => ModuleBody
      const body = outer(...Object.values(scope))
      const require = Object.assign((request: unknown) => this.require(request, path), {
        /**
         * 分包异步化: `require.async(path)` gives a promise of the module, as WeChat's base
         * library does for a subpackage loaded on demand (here every file is already in the bundle).
         */
        async: (request: unknown) =>
          new Promise((resolve, reject) => {
            try {
              resolve(this.require(request, path))
            } catch (error) {
              // Callers destructure `{ mod, errMsg }` from the rejection, as WeChat gives it.
              const message = error instanceof Error ? error.message : String(error)
              reject(Object.assign(error as object, { mod: request, errMsg: message }))
            }
          }),
      })
      body.call(module.exports, require, module, module.exports)
      module.loaded = true
    } catch (error) {
      this.cache.delete(path)
      throw error
    }
    return module.exports
  }

  /**
   * `stack` with each frame in a compiled module (an ES module or TypeScript file, which carries
   * its source map) moved to the line and column of the project's source file.
   */
  mapStack(stack: string): string {
    return this.stacks.map(stack, this.firstLineOffset)
  }
}
