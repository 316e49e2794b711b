/** The data model of an opened mini-program project, as the workbench and the CLI see it. */
import type { CompileMode } from './compile-mode'
import type { MockSettings } from './mock'

/** The appid WeChat's tool runs a project with when it has none (游客模式). */
export const TOURIST_APPID = 'touristappid'

/**
 * The lists of `project.domains.json`: the four 合法域名 lists and `webview`, the 业务域名 a
 * `<web-view>` may open; each entry is an origin such as `https://api.example.com:8443`.
 */
export interface DomainLists {
  /** @default [] */
  request: string[]
  /** @default [] */
  socket: string[]
  /** @default [] */
  uploadFile: string[]
  /** @default [] */
  downloadFile: string[]
  /**
   * 业务域名: the https origins a `<web-view>` may open; absent in files and callers from before
   * the list existed. @default []
   */
  webview?: string[]
}

export const DOMAIN_LIST_KINDS = [
  'request',
  'socket',
  'uploadFile',
  'downloadFile',
  'webview',
] as const
export type DomainListKind = (typeof DOMAIN_LIST_KINDS)[number]

/** app.json `networkTimeout`, in milliseconds. */
export interface NetworkTimeout {
  request?: number
  connectSocket?: number
  uploadFile?: number
  downloadFile?: number
}

export interface WindowConfig {
  navigationBarBackgroundColor?: string
  navigationBarTextStyle?: 'black' | 'white'
  navigationBarTitleText?: string
  navigationStyle?: 'default' | 'custom'
  backgroundColor?: string
  backgroundTextStyle?: 'dark' | 'light'
  enablePullDownRefresh?: boolean
  onReachBottomDistance?: number
  [key: string]: unknown
}

export interface TabBarItem {
  pagePath: string
  text: string
  iconPath?: string
  selectedIconPath?: string
}

export interface TabBarConfig {
  color?: string
  selectedColor?: string
  backgroundColor?: string
  borderStyle?: 'black' | 'white'
  position?: 'bottom' | 'top'
  custom?: boolean
  list: TabBarItem[]
}

export interface SubpackageConfig {
  root: string
  name?: string
  pages: string[]
  independent?: boolean
}

export interface AppConfig {
  pages: string[]
  window: WindowConfig
  tabBar?: TabBarConfig
  networkTimeout: NetworkTimeout
  subpackages: SubpackageConfig[]
  usingComponents?: Record<string, string>
  /** The home page (launch page and 首页), a listed route. @default pages[0] */
  entryPagePath?: string
  debug?: boolean
  /** Follow the system's dark mode (window/tabBar `"@name"` values from theme.json). */
  darkmode?: boolean
  /** theme.json, from the mini-program root (checked with the `"@name"` values by the compiler). */
  themeLocation?: string
}

/** One page: its route (e.g. `pages/index/index`) and its own json merged over nothing. */
export interface PageInfo {
  route: string
  /** The page's own `.json` (window overrides, usingComponents…); `{}` when absent. */
  config: Record<string, unknown>
  /** Which of the page's files exist (`js`: its script, which may be its `.ts`). */
  files: { js: boolean; wxml: boolean; wxss: boolean; json: boolean }
  /** `ts` when the page's script is its `.ts` (the TypeScript plugin; a `.ts` wins over a `.js`). */
  script?: 'ts'
  /** Set for pages of a subpackage. */
  subpackage?: string
}

/** A precise problem found while reading a project. */
export interface ProjectProblem {
  /** Stable code, e.g. `JSON_SYNTAX`, `APP_JSON_MISSING`, `PAGE_FILES_MISSING`, `NOT_A_FOLDER`, `UNREADABLE`. */
  code: string
  severity: 'error' | 'warning'
  message: string
  /** Path relative to the project folder (or absolute when outside it, e.g. a missing folder). */
  file: string
  /** 1-based. */
  line?: number
  /** 1-based. */
  column?: number
}

/** The merged project settings (project.config.json overlaid by project.private.config.json). */
export interface ProjectSettings {
  appid: string
  projectname: string
  /** Folder of the mini-program relative to the project folder; `''` for the folder itself. */
  miniprogramRoot: string
  libVersion?: string
  compileType: string
  /** `setting.urlCheck`; `false` means 不校验合法域名… is ticked. @default true */
  urlCheck: boolean
  /** The raw merged `setting` object. */
  setting: Record<string, unknown>
  /**
   * The custom compile modes, `condition.miniprogram.list` (the private file's list replaces the
   * shared one). @default []
   */
  compileModes: CompileMode[]
  /** Index of the selected mode in `compileModes`; -1 for 普通编译. @default -1 */
  compileMode: number
  /** Which file each effective value of `appid` and `setting.urlCheck` came from. */
  sources: { appid: 'project' | 'private' | 'default'; urlCheck: 'project' | 'private' | 'default' }
}

export interface ProjectInfo {
  /** Absolute path of the project folder. */
  dir: string
  /** Display name: `projectname`, else the folder's name. */
  name: string
  settings: ProjectSettings
  /** `null` when app.json is missing or broken (see problems). */
  app: AppConfig | null
  pages: PageInfo[]
  domains: DomainLists
  /** The API Mock rules of `project.mock.json` (missing: off, no rules). */
  mock: MockSettings
  problems: ProjectProblem[]
}

export interface RecentProject {
  dir: string
  name: string
  /** ms since epoch */
  openedAt: number
}
