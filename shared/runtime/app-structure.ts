/**
 * What app.json and the page/component .json files say about the code to load: the page routes,
 * and the custom components each of them uses (app.json `usingComponents` are global).
 */
import type { AppConfig } from '../project'
import { dirOf, joinPath } from './module-loader'

/** The part of app.json the runtime reads; a full `AppConfig` fits. */
export type RuntimeAppJson = Pick<AppConfig, 'pages'> &
  Partial<
    Pick<AppConfig, 'subpackages' | 'usingComponents' | 'tabBar' | 'window' | 'entryPagePath'>
  > & {
    /** `"requiredComponents"`: a page's modules run when it first opens. */
    lazyCodeLoading?: unknown
    /** `{ "@utils/*": "utils/*" }`, for `require` and `import`. */
    resolveAlias?: Record<string, string>
    /** Declared plugins, by alias (`requirePlugin`). */
    plugins?: Record<string, unknown>
    /** The folder of `wx.createWorker`'s scripts, or `{ path, isSubpackage }` (worker-scope.ts). */
    workers?: unknown
  }

/** A page's or component's .json, as the adapter reads it. */
export interface ComponentJson {
  component?: boolean
  usingComponents?: Record<string, string>
  [field: string]: unknown
}

/** Every page route: the main package's, then each subpackage's under its root. */
export function pageRoutes(app: RuntimeAppJson): string[] {
  const routes = app.pages.map((page) => joinPath('', page))
  for (const sub of app.subpackages ?? []) {
    for (const page of sub.pages) routes.push(joinPath(sub.root, page))
  }
  return routes
}

/** The home page: app.json `entryPagePath` when it names a listed page, else the first page. */
export function homePageRoute(app: RuntimeAppJson): string | undefined {
  const routes = pageRoutes(app)
  const entry = typeof app.entryPagePath === 'string' ? joinPath('', app.entryPagePath) : ''
  return routes.includes(entry) ? entry : routes[0]
}

/** Splits `pages/a/b?x=1&y` into its route and query (values as written, like WeChat). */
export function parsePageUrl(url: string): { route: string; query: Record<string, string> } {
  const questionMark = url.indexOf('?')
  const path = questionMark === -1 ? url : url.slice(0, questionMark)
  const query: Record<string, string> = {}
  if (questionMark !== -1) {
    for (const pair of url.slice(questionMark + 1).split('&')) {
      if (pair === '') continue
      const equals = pair.indexOf('=')
      if (equals === -1) query[pair] = ''
      else query[pair.slice(0, equals)] = pair.slice(equals + 1)
    }
  }
  return { route: joinPath('', path), query }
}

/** The component path a `usingComponents` value names from `owner`; plugins are not local. */
export function resolveComponentPath(owner: string, value: string): string | undefined {
  if (value.includes('://')) return undefined
  return joinPath(dirOf(owner), value)
}

/**
 * `json` with app.json's global `usingComponents` underneath its own, so pages and components can
 * use global components without declaring them (a component never lists itself).
 */
export function withGlobalComponents(
  path: string,
  json: ComponentJson,
  global: Record<string, string>,
): ComponentJson {
  const inherited: Record<string, string> = {}
  for (const [name, value] of Object.entries(global)) {
    // Rooted, so the adapter resolves it from any component's folder.
    const target = resolveComponentPath('', value)
    if (target === undefined) inherited[name] = value
    else if (target !== path) inherited[name] = `/${target}`
  }
  return { ...json, usingComponents: { ...inherited, ...(json.usingComponents ?? {}) } }
}

/**
 * Components reachable from `roots`, dependencies before their users, each once. `jsonOf` gives a
 * path's effective .json (global components included).
 */
export function componentLoadOrder(
  roots: string[],
  jsonOf: (path: string) => ComponentJson,
): string[] {
  const order: string[] = []
  const seen = new Set<string>(roots)
  const visit = (owner: string): void => {
    for (const value of Object.values(jsonOf(owner).usingComponents ?? {})) {
      const path = resolveComponentPath(owner, value)
      if (path === undefined || seen.has(path)) continue
      seen.add(path)
      visit(path)
      order.push(path)
    }
  }
  for (const root of roots) visit(root)
  return order
}
