/**
 * Which pages and custom components make up the app: app.json's pages and subpackages, then
 * every `usingComponents` (app.json's global ones included), followed transitively.
 */
import { dirOf } from '../../../shared/runtime/module-loader'
import { isPathRequest, miniprogramNpmCandidates } from '../../../shared/runtime/npm-resolution'
import { errorAt, type JsonFile, parseJsonFile } from './json-file'
import { matchAlias, type ResolveAlias } from '../../../shared/runtime/resolve-alias'
import { resolveProjectPath } from './project-paths'
import { checkAppThemeValues, checkThemedValues, readProjectTheme } from './theme-variables'
import type { CompileError, CompiledComponent, ComponentJson } from './types'

/** Reads a root-relative file; `null` when missing. */
export type ReadSource = (path: string) => Promise<string | null>

export interface ComponentGraph {
  pages: string[]
  /** app.json `resolveAlias` (entries that are not `"key/*": "value/*"` strings left out). */
  resolveAlias: ResolveAlias
  /** app.json as parsed, `null` when missing or broken. */
  app: JsonFile | null
  components: Record<string, CompiledComponent>
  errors: CompileError[]
  warnings: CompileError[]
}

const CUSTOM_TAB_BAR = 'custom-tab-bar/index'

const isPluginPath = (path: string) => /^plugin(-private)?:\/\//.test(path)

export async function buildComponentGraph(read: ReadSource): Promise<ComponentGraph> {
  const graph: ComponentGraph = {
    pages: [],
    resolveAlias: {},
    app: null,
    components: {},
    errors: [],
    warnings: [],
  }
  const appSource = await read('app.json')
  if (appSource === null) {
    graph.errors.push({ file: 'app.json', line: 1, column: 1, message: 'app.json not found' })
    return graph
  }
  const { json: app, error } = parseJsonFile('app.json', appSource)
  if (error) {
    graph.errors.push(error)
    return graph
  }
  graph.app = app
  graph.pages = listPages(app, graph.errors)
  const theme = await readProjectTheme(app, read, graph.errors)
  checkAppThemeValues(app, theme, graph.errors)
  graph.resolveAlias = readResolveAlias(app, graph.errors)
  const globalUsing = await resolveUsing(app, 'app', read, graph)
  const prefixes = new Set<string>()
  const queue = graph.pages.map((path) => ({ path, page: true }))
  const tabBar = app.value.tabBar as { custom?: unknown } | undefined
  if (tabBar?.custom === true) {
    // WeChat loads the custom tab bar from this fixed path when `tabBar.custom` is on.
    if ((await read(`${CUSTOM_TAB_BAR}.json`)) === null) {
      graph.errors.push(errorAt(app, ['tabBar', 'custom'], `${CUSTOM_TAB_BAR}.json not found`))
    } else {
      queue.push({ path: CUSTOM_TAB_BAR, page: false })
    }
  }
  for (let next = queue.shift(); next; next = queue.shift()) {
    const { path, page } = next
    if (graph.components[path]) continue
    const source = await read(`${path}.json`)
    let json: ComponentJson = {}
    let ownUsing: Record<string, string> = {}
    let generics: ComponentJson['componentGenerics']
    if (source !== null) {
      const parsed = parseJsonFile(`${path}.json`, source)
      if (page) checkThemedValues(parsed.json, [], parsed.json.value, theme, graph.errors)
      if (parsed.error) graph.errors.push(parsed.error)
      json = parsed.json.value
      ownUsing = await resolveUsing(parsed.json, path, read, graph)
      generics = await resolveGenericDefaults(parsed.json, path, read, graph)
    }
    const usingComponents = { ...globalUsing, ...ownUsing }
    const isolated = isIsolated(json)
    const prefix = isolated ? uniquePrefix(path, prefixes) : undefined
    graph.components[path] = {
      json: generics
        ? { ...json, usingComponents, componentGenerics: generics }
        : { ...json, usingComponents },
      isolated,
      prefix,
      page,
    }
    const defaults = Object.values(generics ?? {}).map((g) => (g === true ? undefined : g.default))
    for (const target of [...Object.values(usingComponents), ...defaults]) {
      if (target) queue.push({ path: target.slice(1), page: false })
    }
  }
  return graph
}

function listPages(app: JsonFile, errors: CompileError[]): string[] {
  const pages: string[] = []
  const add = (route: unknown, at: (string | number)[]) => {
    if (typeof route !== 'string' || route === '') {
      errors.push(errorAt(app, at, 'a page must be a non-empty string'))
    } else if (!pages.includes(route)) {
      pages.push(route)
    }
  }
  const list = app.value.pages
  if (!Array.isArray(list) || list.length === 0) {
    errors.push(errorAt(app, ['pages'], 'app.json "pages" must list at least one page'))
  } else {
    list.forEach((route, i) => add(route, ['pages', i]))
  }
  const subpackages = app.value.subpackages ?? app.value.subPackages
  if (Array.isArray(subpackages)) {
    const key = app.value.subpackages ? 'subpackages' : 'subPackages'
    subpackages.forEach((sub: { root?: unknown; pages?: unknown }, i) => {
      if (typeof sub?.root !== 'string' || !Array.isArray(sub.pages)) return
      const root = sub.root.replace(/\/+$/, '')
      sub.pages.forEach((route: unknown, j) =>
        add(typeof route === 'string' ? `${root}/${route}` : route, [key, i, 'pages', j]),
      )
    })
  }
  return pages
}

/**
 * Resolves a json's `usingComponents` to root-absolute paths
 * (`/components/card/card`), the form glass-easel resolves from any component. Plugin components
 * cannot run here: they are left out with a warning.
 */
async function resolveUsing(
  json: JsonFile,
  owner: string,
  read: ReadSource,
  graph: ComponentGraph,
): Promise<Record<string, string>> {
  const using = json.value.usingComponents
  const resolved: Record<string, string> = {}
  if (using === undefined) return resolved
  if (using === null || typeof using !== 'object' || Array.isArray(using)) {
    graph.errors.push(errorAt(json, ['usingComponents'], '"usingComponents" must be an object'))
    return resolved
  }
  for (const [name, target] of Object.entries(using as Record<string, unknown>)) {
    if (typeof target !== 'string' || target === '') {
      graph.errors.push(errorAt(json, ['usingComponents', name], 'expected a component path'))
      continue
    }
    if (isPluginPath(target)) {
      graph.warnings.push(
        errorAt(json, ['usingComponents', name], `plugin component "${target}" is not simulated`),
      )
      continue
    }
    const found = await findComponent(owner, target, read, graph.resolveAlias)
    if ('looked' in found) {
      graph.errors.push(errorAt(json, ['usingComponents', name], notFound(target, found.looked)))
      continue
    }
    resolved[name] = `/${found.path}`
  }
  return resolved
}

/** `componentGenerics` with each `default` resolved like a `usingComponents` path. */
async function resolveGenericDefaults(
  json: JsonFile,
  owner: string,
  read: ReadSource,
  graph: ComponentGraph,
): Promise<ComponentJson['componentGenerics']> {
  const generics = json.value.componentGenerics
  if (generics === null || typeof generics !== 'object' || Array.isArray(generics)) return undefined
  const resolved: NonNullable<ComponentJson['componentGenerics']> = {}
  for (const [name, value] of Object.entries(generics as Record<string, unknown>)) {
    const target = (value as { default?: unknown } | null)?.default
    if (typeof target !== 'string') {
      resolved[name] = true
      continue
    }
    const found = await findComponent(owner, target, read, graph.resolveAlias)
    if ('looked' in found) {
      const at = ['componentGenerics', name, 'default']
      graph.errors.push(errorAt(json, at, notFound(target, found.looked)))
      resolved[name] = true
    } else {
      resolved[name] = { default: `/${found.path}` }
    }
  }
  return resolved
}

/** `"x/*": "y/*"` entries of app.json `resolveAlias`; anything else is an error there. */
function readResolveAlias(app: JsonFile, errors: CompileError[]): ResolveAlias {
  const value = app.value.resolveAlias
  if (value === undefined) return {}
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    errors.push(errorAt(app, ['resolveAlias'], '"resolveAlias" must be an object'))
    return {}
  }
  const aliases: Record<string, string> = {}
  for (const [key, target] of Object.entries(value as Record<string, unknown>)) {
    if (typeof target !== 'string' || !key.endsWith('/*') || !target.endsWith('/*')) {
      const message = `resolveAlias "${key}": key and value must be paths ending with "/*"`
      errors.push(errorAt(app, ['resolveAlias', key], message))
      continue
    }
    aliases[key] = target
  }
  return aliases
}

/**
 * WeChat's lookup, nearest first: relative to the owner (or from the root for `/x`), then a
 * folder's `index`; for bare names `miniprogram_npm/` in the owner's folder and each parent, a
 * package folder meaning its `index` component.
 */
function componentCandidates(owner: string, target: string): string[] {
  const candidates: string[] = []
  const direct = resolveProjectPath(owner, target)
  if (direct) candidates.push(direct, `${direct}/index`)
  if (!isPathRequest(target)) {
    for (const base of miniprogramNpmCandidates(target, dirOf(owner))) {
      candidates.push(base, `${base}/index`)
    }
  }
  return candidates
}

/** The component `target` names from `owner`, or the error listing where it was looked for. */
async function findComponent(
  owner: string,
  written: string,
  read: ReadSource,
  aliases: ResolveAlias,
): Promise<{ path: string } | { looked: string[] }> {
  // An app.json resolveAlias rewrites the name first (the longest matching key wins).
  const target = matchAlias(written, aliases)?.path ?? written
  const candidates = componentCandidates(owner, target)
  for (const candidate of candidates) {
    if ((await read(`${candidate}.json`)) !== null || (await read(`${candidate}.wxml`)) !== null) {
      return { path: candidate }
    }
  }
  return { looked: candidates }
}

function notFound(target: string, looked: string[]): string {
  const hint = isPathRequest(target) ? '' : '; if it is an npm package, run 构建 npm'
  return `component "${target}" not found (looked for ${looked.map((c) => `${c}.json`).join(', ')}${hint})`
}

/** The adapter's rule: scoped unless shared, and components default to isolated. */
function isIsolated(json: ComponentJson): boolean {
  const isolation = json.styleIsolation
  if (isolation === undefined) return json.component === true
  return isolation !== 'shared' && isolation !== 'page-shared'
}

/**
 * A readable CSS identifier from the path (`components/card/card` → `components_card_card`);
 * paths that would collide or need escaping get a hash suffix.
 */
function uniquePrefix(path: string, taken: Set<string>): string {
  let prefix = path.replace(/\//g, '_')
  if (!/^[A-Za-z][A-Za-z0-9_-]*$/.test(prefix) || taken.has(prefix)) {
    prefix = `c${prefix.replace(/[^A-Za-z0-9_-]/g, '_')}-${hash(path)}`
  }
  taken.add(prefix)
  return prefix
}

function hash(text: string): string {
  let h = 0x811c9dc5
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i)
    h = Math.imul(h, 0x01000193)
  }
  return (h >>> 0).toString(36)
}
