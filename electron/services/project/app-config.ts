/** app.json: pages, window, tabBar, networkTimeout and subpackages, each value type-checked. */
import type { JSONPath } from 'jsonc-parser'
import type {
  AppConfig,
  NetworkTimeout,
  ProjectProblem,
  SubpackageConfig,
  TabBarConfig,
  TabBarItem,
  WindowConfig,
} from '../../../shared/project'
import { themeVariableName } from '../../../shared/theme'
import type { JsonDocument } from './json-document'
import { isPlainObject, ValueChecker } from './value-checks'

/** One page route as listed in app.json, with where it is listed. */
export interface PageEntry {
  route: string
  subpackage?: string
  /** JSON path of the entry in app.json. */
  at: JSONPath
}

export interface AppRead {
  app: AppConfig | null
  pages: PageEntry[]
  problems: ProjectProblem[]
}

const NETWORK_TIMEOUT_KEYS = ['request', 'connectSocket', 'uploadFile', 'downloadFile'] as const

/** WeChat's limits on `tabBar.list`. */
export const MIN_TAB_BAR_ITEMS = 2
export const MAX_TAB_BAR_ITEMS = 5

const WINDOW_STRINGS = [
  'navigationBarBackgroundColor',
  'navigationBarTitleText',
  'backgroundColor',
  'backgroundColorTop',
  'backgroundColorBottom',
] as const
const WINDOW_CHOICES = {
  navigationBarTextStyle: ['black', 'white'],
  navigationStyle: ['default', 'custom'],
  backgroundTextStyle: ['dark', 'light'],
} as const

function readPageList(
  checker: ValueChecker,
  container: Record<string, unknown>,
  path: JSONPath,
  subpackage?: string,
): PageEntry[] {
  const list = checker.get<unknown[]>(container, path, 'array')
  const entries: PageEntry[] = []
  list?.forEach((route, index) => {
    const at = [...path, index]
    if (typeof route !== 'string' || route === '') {
      checker.report(at, `page entries must be non-empty strings`)
      return
    }
    entries.push(subpackage === undefined ? { route, at } : { route, subpackage, at })
  })
  return entries
}

/** `window` without the values of a wrong type or outside their choices (each reported). */
function readWindow(checker: ValueChecker, value: Record<string, unknown>): WindowConfig {
  const window = checker.get<Record<string, unknown>>(value, ['window'], 'object')
  if (!window) return {}
  const config: WindowConfig = { ...window }
  const drop = (key: string, checked: unknown) => {
    if (checked === undefined) delete config[key]
  }
  for (const key of WINDOW_STRINGS) drop(key, checker.get(window, ['window', key], 'string'))
  for (const [key, allowed] of Object.entries(WINDOW_CHOICES)) {
    // A theme variable is checked per theme by the compiler (compiler/theme-variables.ts).
    if (themeVariableName(window[key]) !== null) continue
    drop(key, checker.oneOf(window, ['window', key], allowed))
  }
  drop('enablePullDownRefresh', checker.get(window, ['window', 'enablePullDownRefresh'], 'boolean'))
  drop('onReachBottomDistance', checker.get(window, ['window', 'onReachBottomDistance'], 'number'))
  return config
}

function readTabBar(
  checker: ValueChecker,
  value: Record<string, unknown>,
  pages: string[],
): TabBarConfig | undefined {
  const tabBar = checker.get<Record<string, unknown>>(value, ['tabBar'], 'object')
  if (!tabBar) return undefined
  const config: TabBarConfig = { ...tabBar, list: [] } as TabBarConfig
  if (themeVariableName(tabBar.borderStyle) === null) {
    checker.oneOf(tabBar, ['tabBar', 'borderStyle'], ['black', 'white'])
  }
  checker.oneOf(tabBar, ['tabBar', 'position'], ['bottom', 'top'])
  const list = checker.get<unknown[]>(tabBar, ['tabBar', 'list'], 'array') ?? []
  if (
    Array.isArray(tabBar.list) &&
    (list.length < MIN_TAB_BAR_ITEMS || list.length > MAX_TAB_BAR_ITEMS)
  ) {
    checker.report(
      ['tabBar', 'list'],
      `tabBar.list must have ${MIN_TAB_BAR_ITEMS} to ${MAX_TAB_BAR_ITEMS} items, not ${list.length}`,
    )
  }
  list.forEach((item, index) => {
    const at = ['tabBar', 'list', index]
    if (!isPlainObject(item)) {
      checker.report(at, `tabBar.list[${index}] must be an object`)
      return
    }
    const pagePath = checker.get<string>(item, [...at, 'pagePath'], 'string')
    const text = checker.get<string>(item, [...at, 'text'], 'string')
    if (pagePath === undefined || text === undefined) {
      if (item.pagePath === undefined || item.text === undefined) {
        checker.report(at, `tabBar.list[${index}] needs pagePath and text`)
      }
      return
    }
    if (!pages.includes(pagePath)) {
      checker.report([...at, 'pagePath'], `tabBar page "${pagePath}" must be listed in pages`)
    }
    config.list.push(item as unknown as TabBarItem)
  })
  return config
}

function readNetworkTimeout(checker: ValueChecker, value: Record<string, unknown>): NetworkTimeout {
  const timeouts = checker.get<Record<string, unknown>>(value, ['networkTimeout'], 'object')
  const result: NetworkTimeout = {}
  for (const key of NETWORK_TIMEOUT_KEYS) {
    const ms = timeouts && checker.get<number>(timeouts, ['networkTimeout', key], 'number')
    if (ms !== undefined) result[key] = ms
  }
  return result
}

function readSubpackages(
  checker: ValueChecker,
  value: Record<string, unknown>,
  pages: PageEntry[],
): SubpackageConfig[] {
  // WeChat accepts both spellings.
  const key = value.subpackages !== undefined ? 'subpackages' : 'subPackages'
  const list = checker.get<unknown[]>(value, [key], 'array') ?? []
  const subpackages: SubpackageConfig[] = []
  list.forEach((item, index) => {
    const at = [key, index]
    if (!isPlainObject(item)) {
      checker.report(at, `${key}[${index}] must be an object`)
      return
    }
    const root = checker.get<string>(item, [...at, 'root'], 'string')
    if (root === undefined) {
      if (item.root === undefined) checker.report(at, `${key}[${index}] needs a root`)
      return
    }
    const entries = readPageList(checker, item, [...at, 'pages'], root)
    pages.push(...entries)
    const subpackage: SubpackageConfig = { root, pages: entries.map((entry) => entry.route) }
    const name = checker.get<string>(item, [...at, 'name'], 'string')
    if (name !== undefined) subpackage.name = name
    const independent = checker.get<boolean>(item, [...at, 'independent'], 'boolean')
    if (independent !== undefined) subpackage.independent = independent
    subpackages.push(subpackage)
  })
  return subpackages
}

export function checkAppConfig(doc: JsonDocument): AppRead {
  const checker = new ValueChecker(doc)
  if (!isPlainObject(doc.value)) {
    checker.report([], `${doc.file} must contain a JSON object`)
    return { app: null, pages: [], problems: checker.problems }
  }
  const value = doc.value
  if (value.pages === undefined) checker.report([], `${doc.file} must list its pages in "pages"`)
  const pages = readPageList(checker, value, ['pages'])
  const app: AppConfig = {
    pages: pages.map((entry) => entry.route),
    window: readWindow(checker, value),
    networkTimeout: readNetworkTimeout(checker, value),
    subpackages: readSubpackages(checker, value, pages),
  }
  const tabBar = readTabBar(checker, value, app.pages)
  if (tabBar) app.tabBar = tabBar
  const entryPagePath = checker.get<string>(value, ['entryPagePath'], 'string')
  if (entryPagePath !== undefined) {
    const routes = pages.map(({ route, subpackage }) =>
      subpackage ? `${subpackage.replace(/\/$/, '')}/${route}` : route,
    )
    if (routes.includes(entryPagePath)) app.entryPagePath = entryPagePath
    else
      checker.report(['entryPagePath'], `entryPagePath "${entryPagePath}" must be listed in pages`)
  }
  const usingComponents = checker.get<Record<string, string>>(value, ['usingComponents'], 'object')
  if (usingComponents) app.usingComponents = usingComponents
  const debug = checker.get<boolean>(value, ['debug'], 'boolean')
  if (debug !== undefined) app.debug = debug
  const darkmode = checker.get<boolean>(value, ['darkmode'], 'boolean')
  if (darkmode !== undefined) app.darkmode = darkmode
  const themeLocation = checker.get<string>(value, ['themeLocation'], 'string')
  if (themeLocation !== undefined) app.themeLocation = themeLocation
  return { app, pages, problems: checker.problems }
}
