/**
 * Runs one compiled project in the frame: builds the phone (bars, pages area, interaction layer),
 * loads the bundle's templates, component configs and styles into glass-easel's DOM backend, and
 * launches the logic runtime on a FramePort. Compile errors show as an overlay; the pages that
 * compiled still run. A launch page app.json lacks shows WeChat's 页面不存在 page.
 */
import * as glassEasel from 'glass-easel'
import { loadCompiledTemplates } from '../../../../shared/runtime/compiled-templates'
import { DEFAULT_LOCATION } from '../../../../shared/runtime/device-api'
import {
  extendedLibraries,
  extendedLibraryFolder,
} from '../../../../shared/runtime/extended-libraries'
import {
  createRuntime,
  homePageRoute,
  type MissingPage,
  type Runtime,
  type RuntimeAppJson,
} from '../../../../shared/runtime'
import type { FrameMessage, HostMessage } from '../../../../shared/simulator-protocol'
import type { Theme } from '../../../../shared/theme'
import { installBuiltins } from './builtins-registry'
import { closeOpenPageContainer } from './builtins/page-container'
import { navigationBarCalls } from './builtins/page-meta'
import { showCompileErrors } from './compile-errors'
import { element, phoneButton } from './dom'
import { FramePort } from './frame-port'
import { FrameTheme } from './frame-theme'
import { FrameUi } from './frame-ui'
import { installAnimationAttribute } from './animation-attribute'
import { installDatasetAttributes } from './dataset-attributes'
import { installInlineRpx } from './inline-rpx'
import { showPageNotFound } from './page-not-found-screen'
import { FramePageScreen } from './page-screen'
import { pageViewport, pageViewportStyles } from './page-viewport'
import { sheetForScreen } from './screen-media'
import type { MediaWindow } from './builtins/match-media'
import { pageSystemInfo, pageWindow, type PageWindow } from './page-window'
import { PhoneChrome, tabBarSettings } from './phone-chrome'
import {
  cssDetail,
  isBrowserOnlyEvent,
  tapOnClickWithoutPointer,
  tapOnMouseAfterTouch,
  touchesFromMouse,
  touchFields,
} from './tap-events'

export type BootMessage = Extract<HostMessage, { type: 'wx-host:boot' }>

/**
 * glass-easel's DOM backend, adding each style sheet to the document once: the adapter appends
 * app.wxss and the page's sheets again for every page root it creates, and never removes them.
 *
 * A page's own sheet (its wxss, imports inlined) styles that page only, as in WeChat where each
 * page is its own web view: all pages share this document, so the sheet is in it while a page of its
 * route is on top, and out of it while those pages are under another one or are
 * parked tab pages (a comment keeps its place, so the order of the sheets never changes; Chromium
 * keeps the parsed sheet of a `<style>` text, so showing it again parses nothing), and dropped
 * once no open page has its route (a later page of that route adds it again). app.wxss and the
 * components' sheets stay in the document for all pages.
 */
class FrameBackendContext extends glassEasel.CurrentWindowBackendContext {
  private readonly appended = new Map<string, number>()
  /** Each sheet's CSS as compiled, and the `<style>` elements showing it for the theme. */
  private readonly sheets = new Map<string, { css: string; elements: HTMLStyleElement[] }>()
  /** The `<style>` elements of page sheets, and the comments holding their places, by key. */
  private readonly pageSheets = new Map<string, PageSheet>()

  constructor(
    private readonly theme: FrameTheme,
    private readonly screen: MediaWindow,
    private readonly pageRoutes: ReadonlySet<string>,
  ) {
    super()
  }

  /** A sheet as shown: `@media` decided for the app's theme and the simulated screen. */
  private shown(css: string): string {
    return sheetForScreen(this.theme.css(css), this.screen)
  }

  override registerStyleSheetContent(path: string, css: unknown): void {
    this.sheets.set(path, { css: String(css), elements: [] })
    super.registerStyleSheetContent(path, this.shown(String(css)))
  }

  override appendStyleSheetPath(path: string, styleScope?: number): number {
    const key = `${styleScope ?? ''}:${path}`
    const known = this.appended.get(key)
    if (known !== undefined) return known
    const last = document.head.lastElementChild
    const index = super.appendStyleSheetPath(path, styleScope)
    // An empty sheet adds no element.
    const added = document.head.lastElementChild
    if (added !== last && added instanceof HTMLStyleElement) {
      this.sheets.get(path)?.elements.push(added)
      if (this.pageRoutes.has(path)) {
        const place = document.createComment(` ${path}.wxss `)
        this.pageSheets.set(key, { route: path, element: added, place })
      }
    }
    this.appended.set(key, index)
    return index
  }

  /**
   * The page stack changed: `open` are the routes of the pages still loaded (the stack and the
   * parked tab pages), `top` the one shown. Sheets of routes no longer open leave the document.
   */
  showPages(open: ReadonlySet<string>, top: string | undefined): void {
    for (const [key, { route, element, place }] of this.pageSheets) {
      if (open.has(route)) {
        if (route !== top && element.isConnected) element.replaceWith(place)
        else if (route === top && place.isConnected) place.replaceWith(element)
        continue
      }
      element.remove()
      place.remove()
      const sheet = this.sheets.get(route)
      if (sheet) sheet.elements = sheet.elements.filter((shown) => shown !== element)
      this.pageSheets.delete(key)
      this.appended.delete(key)
    }
  }

  /** Shows every sheet for the theme now current (`prefers-color-scheme` rewritten again). */
  restyle(): void {
    for (const { css, elements } of this.sheets.values()) {
      const shown = this.shown(css)
      for (const element of elements) element.textContent = shown
    }
  }
}

interface PageSheet {
  route: string
  element: HTMLStyleElement
  /** In the document instead of `element` while no page of `route` is shown. */
  place: Comment
}

export interface Simulator {
  readonly runtime: Runtime
  readonly port: FramePort
  readonly screen: FramePageScreen
  /** The 浅色/深色 switch: the app follows it with app.json `darkmode: true`. */
  setSystemTheme(theme: Theme): void
}

function parseJsonObject(text: string | undefined): Record<string, unknown> | undefined {
  if (text === undefined) return undefined
  try {
    const value: unknown = JSON.parse(text)
    return typeof value === 'object' && value !== null
      ? (value as Record<string, unknown>)
      : undefined
  } catch {
    return undefined
  }
}

function stripLeadingSlash(path: string): string {
  return path.replace(/^\/+/, '')
}

/**
 * Loads `boot.bundle` into a fresh glass-easel backend on `doc` and launches it. Call once per
 * document: the DOM backend listens on the whole document.
 */
export function startSimulator(
  doc: Document,
  boot: BootMessage,
  post: (message: FrameMessage) => void,
): Simulator {
  const { bundle } = boot
  const { compiled } = bundle
  const appJson = bundle.appJson as RuntimeAppJson & Record<string, unknown>
  const device = boot.systemInfo
  glassEasel.globalOptions.writeIdToDOM = true
  installInlineRpx(device)
  installDatasetAttributes()
  installAnimationAttribute()

  const phone = element(doc, 'div', { id: 'mp-phone' })
  const layer = element(doc, 'div', { id: 'mp-ui-layer' })
  doc.body.appendChild(phone)
  doc.body.appendChild(layer)

  const theme = new FrameTheme(appJson, bundle.files, boot.theme ?? 'light')
  const tabBar = tabBarSettings(theme.appJson(appJson))
  const tabList = (appJson.tabBar as { list?: { pagePath?: unknown }[] } | undefined)?.list ?? []
  // Custom tab bars included: their pages are tab pages too (no home button, tab bar space).
  const tabRoutes = new Set(tabList.map((item) => stripLeadingSlash(String(item.pagePath))))
  const homeRoute = homePageRoute(appJson) ?? compiled.pages[0] ?? ''
  const windows = new Map<string, PageWindow>()
  const windowOf = (route: string): PageWindow => {
    let window = windows.get(route)
    if (!window) {
      const own = parseJsonObject(bundle.files[`${route}.json`]) ?? compiled.components[route]?.json
      const app = theme.appJson(appJson)
      window = pageWindow(app.window as Record<string, unknown> | undefined, theme.pageJson(own))
      windows.set(route, window)
    }
    return window
  }

  /** What `wx.getSystemInfoSync()` answers on the page at `route`. */
  const systemInfoOf = (route: string) =>
    pageSystemInfo(device, windowOf(route), tabRoutes.has(route) ? tabBar?.position : undefined)

  // The bars' buttons act on the runtime created below; they only run on user input, after it.
  const wxCall = (api: string, options: Record<string, unknown>) =>
    (runtime.wx[api] as ((o: Record<string, unknown>) => unknown) | undefined)?.(options)
  const chrome = new PhoneChrome(doc, phone, {
    device,
    tabBar,
    assets: bundle.assets,
    // wx.navigateBack closes an open page-container first, as WeChat's back button does.
    onBack: () => wxCall('navigateBack', { fail: () => undefined }),
    onHome: () => goHome(),
    onTab: (index) => runtime.tapTabItem(index),
    onCapsuleClose: () => {
      runtime.enterBackground()
      const resume = phoneButton(doc, { id: 'mp-background' }, ['点击返回小程序'])
      resume.addEventListener('click', () => {
        resume.remove()
        runtime.enterForeground()
      })
      layer.appendChild(resume)
    },
  })

  const screen = new FramePageScreen({
    doc,
    area: chrome.pagesArea,
    windowOf,
    viewportOf: (route) => pageViewport(systemInfoOf(route)),
    onChange: (top, depth) => {
      if (!top) return
      notFoundScreen?.remove()
      notFoundScreen = undefined
      chrome.update({
        window: top.window,
        navigation: top.navigation,
        canGoBack: depth > 1,
        canGoHome: top.route !== homeRoute && !tabRoutes.has(top.route),
        route: top.route,
      })
    },
    onStack: (stack) => post({ type: 'wx-bridge:pages', stack }),
    onPages: (open, top) => backend.showPages(open, top),
    closeBackOverlay: () => closeOpenPageContainer(),
  })
  const ui = new FrameUi({
    doc,
    layer,
    assets: bundle.assets,
    readLocalFile: (path, done) => port.files.read(path, done),
    startRemoteLoad: (load) => startRemoteLoad(load),
    setNavigationBar: (pageId, patch) => screen.patchNavigation(pageId, patch),
    changeTabBar: (change) => chrome.changeTabBar(change),
  })

  const goHome = () => wxCall('reLaunch', { url: `/${homeRoute}`, fail: () => undefined })
  /** WeChat's 页面不存在 page, while the launch page is missing and no page is open. */
  let notFoundScreen: HTMLElement | undefined
  const pageNotFound = (page: MissingPage) => {
    chrome.update({
      window: windowOf(page.path),
      navigation: {},
      canGoBack: false,
      canGoHome: true,
      route: undefined,
    })
    notFoundScreen = showPageNotFound(doc, chrome.pagesArea, page, goHome)
    port.console(
      'warn',
      [
        `页面 ${page.path} 不存在：app.json 的 pages 中没有它，onPageNotFound 也没有打开其他页面。` +
          '模拟器显示微信的“页面不存在”页。',
      ],
      'baselib',
    )
  }

  const entry = boot.entry ?? homeRoute
  const entryRoute = stripLeadingSlash(entry.split('?')[0])
  const port = new FramePort({
    post,
    appid: bundle.appid,
    storage: boot.storage,
    networkType: boot.networkType,
    location: boot.location,
    authSetting: boot.authSetting,
    ui,
    screen,
    document: doc,
    codePackage: { files: bundle.files, assets: bundle.assets },
    ...(compiled.workers && { workerCode: compiled.workers.code }),
    pageNotFound,
    systemInfo: () => {
      const info = systemInfoOf(screen.topPage?.route ?? entryRoute)
      return theme.reported ? { ...info, theme: theme.reported } : info
    },
  })

  const backend = new FrameBackendContext(
    theme,
    { width: device.screenWidth, height: device.screenHeight },
    new Set(compiled.pages),
  )
  theme.onChange(() => {
    windows.clear()
    backend.restyle()
    chrome.setTabBarStyle(tabBarSettings(theme.appJson(appJson)))
    screen.refreshWindows()
    port.themeChanged()
  })
  backend.onEvent((target, type, detail, options) =>
    isBrowserOnlyEvent(type)
      ? undefined
      : glassEasel.Event.triggerEvent(target, type, cssDetail(detail), {
          ...options,
          extraFields: touchFields(options.originalEvent),
        }),
  )
  tapOnClickWithoutPointer(doc)
  tapOnMouseAfterTouch(doc)
  touchesFromMouse(doc)
  for (const [path, css] of Object.entries(compiled.styles))
    backend.registerStyleSheetContent(path, pageViewportStyles(css))
  const styleScopes: Record<string, string | undefined> = {}
  for (const path of Object.keys(compiled.styles))
    styleScopes[path] = compiled.components[path]?.prefix

  const { templates, jsons } = loadCompiledTemplates(compiled)

  showCompileErrors(doc, phone, compiled.errors)
  // The pictures the first page asks the network for are requested once it has painted: 200 of
  // them cost the first frame hundreds of ms (each request's start, then each answer's task
  // before the frame); none would be on the screen by then anyway.
  let heldPictures: Array<() => void> | undefined = []
  const releasePictures = (): void => {
    const loads = heldPictures ?? []
    heldPictures = undefined
    for (const load of loads) load()
  }
  const startRemoteLoad = (load: () => void): void =>
    void (heldPictures ? heldPictures.push(load) : load())
  const runtime = createRuntime({
    port,
    appid: bundle.appid,
    files: bundle.files,
    appJson,
    jsons,
    templates,
    backend,
    styleScopes,
    installComponents: (codeSpace) =>
      installBuiltins(codeSpace, {
        assets: bundle.assets,
        libraryRoots: extendedLibraries(appJson.useExtendedLib).map(extendedLibraryFolder),
        deviceWidth: device.screenWidth,
        style: typeof appJson.style === 'string' ? appJson.style : '',
        navigate: (api, options) => wxCall(api, options),
        callWx: (api, options) => void wxCall(api, options),
        setNavigationBar: (change) => {
          for (const [api, options] of navigationBarCalls(change)) wxCall(api, options)
        },
        readLocalFile: (path, done) => port.files.read(path, done),
        startRemoteLoad,
        judgeWebView: (src, done) => port.judgeWebView(src, done),
        watchLocation: (listener) => {
          const tell = () => listener(port.location() ?? DEFAULT_LOCATION)
          tell()
          return port.onLocationChange(tell)
        },
      }),
  })
  const launched = runtime.launch({ entry, scene: boot.scene })
  if (!launched.ok) {
    const { error } = launched
    port.reportError({ message: error.message, stack: `${error.code}: ${error.message}` })
    showCompileErrors(doc, phone, [
      { file: error.file ?? 'app.json', line: 1, column: 1, message: error.message },
    ])
    releasePictures()
  } else {
    const painted = () => {
      post({
        type: 'wx-bridge:painted',
        route: entryRoute,
        time: performance.timeOrigin + performance.now(),
      })
      releasePictures()
    }
    if (typeof requestAnimationFrame === 'function')
      requestAnimationFrame(() => setTimeout(painted, 0))
    else setTimeout(painted, 0)
  }
  return { runtime, port, screen, setSystemTheme: (system) => theme.setSystemTheme(system) }
}
