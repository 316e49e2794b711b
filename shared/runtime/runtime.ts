/**
 * The mini-program logic runtime: `App`, `getApp`, `Page`, `Component`, `Behavior`,
 * `getCurrentPages`, CommonJS modules, `console`, timers and `wx`, with pages and components
 * built on glass-easel through its mini-program adapter. Environment-free: it reaches its host only
 * through the NativePort, so the simulator's iframe and `mpdt run` (Node) run the same code.
 */
import * as glassEasel from 'glass-easel'
import {
  MiniProgramEnv,
  type CodeSpace,
  type ComponentEnv,
  type Root,
  type types as adapterTypes,
} from 'glass-easel-miniprogram-adapter'
import { fail, ok, type Result } from '../result'
import { DEFAULT_SCENE } from '../compile-mode'
import {
  componentLoadOrder,
  homePageRoute,
  pageRoutes,
  parsePageUrl,
  withGlobalComponents,
  type ComponentJson,
  type RuntimeAppJson,
} from './app-structure'
import { createLaterInvoker } from './async-api'
import { createAppServiceGlobals } from './app-service-globals'
import { createConsole } from './console-api'
import { callGuarded, type ErrorSink } from './guarded-call'
import { createInteractionApi } from './interaction-api'
import { ModuleLoader, joinPath, type ModuleScope } from './module-loader'
import type { MissingPage, NativePort, ReportedError } from './native-port'
import { createNavigationApi } from './navigation-api'
import { NetworkStatusListeners } from './network-status'
import { createKeyboardApi } from './keyboard'
import { ThemeListeners } from './theme'
import { PageNotFoundListeners } from './page-not-found'
import { PageStack, type PageInstance } from './page-stack'
import { PendingWork } from './pending-work'
import { createRequestApi } from './request'
import { createTaskCore, type TaskApiHost } from './task-core'
import { AppStorage } from './storage'
import { createTimers } from './timers'
import { APP_API_NAMES, createAppApi, type PerformanceEntryRecord } from './app-api'
import { APP_EVENT_NAMES, AppEventListeners } from './app-events'
import { Authorizations } from './authorization'
import { createCloudApi } from './cloud-api'
import { createWorkletApi, WORKLET_API_NAMES } from './worklet-api'
import { createDeviceApi, DEFAULT_LOCATION, DEVICE_API_NAMES } from './device-api'
import { WorkerThreads } from './worker-api'
import { createSubpackageApi } from './subpackage-api'
import { createImageApi, IMAGE_API_NAMES } from './image-info'
import { createOpenApi, OPEN_API_NAMES } from './open-api'
import { createTabBarApi, TAB_BAR_API_NAMES } from './tab-bar-api'
import { buildWx, type LazyGroup } from './wx-build'
import { createAsyncInvoker, createWxApi } from './wx-api'
import { createFileApi } from './file-system'
import { createSocketApi } from './connect-socket'
import { createDownloadFile } from './download-file'
import { createUploadFile } from './upload-file'
import { adoptScriptStyleIsolation } from './script-style-isolation'
import { withBuiltinBehaviors } from './builtin-behaviors'
import { installComponentModel } from './component-model'
import { createBuiltinContexts } from './builtin-contexts'
import { wxContextOf } from './map-context'
import type { LayoutHost } from './layout-host'

export interface RuntimeOptions {
  port: NativePort
  /** Storage is kept per appid. */
  appid: string
  /** The project's JS files (and, optionally, .json files) by path from the mini-program root. */
  files: Record<string, string>
  appJson: RuntimeAppJson
  /**
   * Page and component .json by path without extension (`pages/index/index`); a path missing
   * here is read from `files['<path>.json']`, else `{}`.
   */
  jsons?: Record<string, ComponentJson>
  /**
   * Compiled WXML by path without extension, as glass-easel-template-compiler's generated group
   * evaluates to; headless runs leave it out and pages render nothing.
   */
  templates?: Record<string, glassEasel.template.ComponentTemplate>
  /**
   * Where pages render; pages reach the screen through `port.screen`.
   * @default a glass-easel EmptyComposedBackendContext (no DOM)
   */
  backend?: glassEasel.GeneralBackendContext
  /**
   * The style scope of each page or component with a style sheet, by path without extension
   * (`undefined` for the shared scope, else the compiler's class prefix); `app` is app.wxss. The
   * host registers each sheet's content on `backend` under the same path.
   */
  styleScopes?: Record<string, string | undefined>
  /**
   * Registers the built-in components (view, button, input…) in the code space before any page
   * or component loads; the simulator's frame plugs them in here.
   */
  installComponents?(codeSpace: CodeSpace): void
}

export interface LaunchOptions {
  /**
   * The page to open and its query, e.g. `pages/detail/detail?id=3`.
   * @default app.json entryPagePath, else pages[0]
   */
  entry?: string
  /** The launch scene `onLaunch`/`onShow` receive. @default 1001 */
  scene?: number
}

export type { PageInstance }

export interface Runtime {
  /** The `wx` object the mini-program sees. */
  readonly wx: Record<string, unknown>
  /**
   * The globals of the logic context, as every module sees them: `wx`, `App`, `getApp`,
   * `getCurrentPages`, the console that reaches the Console panel, the timers, and the hidden
   * host globals (undefined). The Console's command line runs with these too.
   */
  readonly globals: Readonly<ModuleScope>
  /**
   * Runs app.js, the pages' and components' JS, `App.onLaunch`/`onShow`, then the entry page's
   * `onLoad(query)`/`onShow`/`onReady`. An entry page app.json does not list launches the app all
   * the same, then calls `App.onPageNotFound` and the `wx.onPageNotFound` listeners; when they
   * open no page, `port.pageNotFound` shows WeChat's 页面不存在 page (after the current
   * macrotask, once their redirect has had its turn). Fails (with nothing run) only when the
   * project cannot be loaded: `NO_PAGES`, `APP_JS_MISSING`, `PAGE_JS_MISSING`, or when called
   * again (`ALREADY_LAUNCHED`). Exceptions in the mini-program's code are reported through the
   * port and do not fail the launch.
   */
  launch(options?: LaunchOptions): Result<void>
  getApp(): Record<string, unknown> | undefined
  getCurrentPages(): PageInstance[]
  /** The mini-program goes to the background: the top page's `onHide`, then App `onHide`. */
  enterBackground(): void
  /**
   * The user tapped tabBar item `index`: `switchTab` to its page, then that page's
   * `onTabItemTap({ index, pagePath, text })`.
   */
  tapTabItem(index: number): void
  /** The mini-program comes back: App `onShow`, then the top page's `onShow`. */
  enterForeground(): void
  /**
   * A promise the mini-program rejected and never handled (the host's `unhandledrejection`, which
   * the host also prints as its console does): `App.onUnhandledRejection({ reason, promise })`,
   * then the `wx.onUnhandledRejection` listeners.
   */
  unhandledRejection(reason: unknown, promise: unknown): void
  /** Timers, open requests and callbacks still to run. */
  pending(): number
  /** Called whenever nothing is pending any more; returns an unsubscribe. */
  onIdle(listener: () => void): () => void
  /** Clears timers, aborts requests, releases pages and stops listening to glass-easel. */
  dispose(): void
}

/**
 * Globals of a browser or of Node that WeChat's logic layer does not have. Without
 * `setImmediate`/`MessageChannel`, schedulers such as React's (Taro) fall back to `setTimeout`, as
 * on a phone, which counts as pending work (else `mpdt run` would end with a render still queued).
 */
const HIDDEN_GLOBALS = [
  'window',
  'document',
  'frames',
  'self',
  'top',
  'parent',
  'location',
  'navigator',
  'localStorage',
  'sessionStorage',
  'XMLHttpRequest',
  'fetch',
  'WebSocket',
  'importScripts',
  'process',
  'setImmediate',
  'clearImmediate',
  'MessageChannel',
] as const

/** What `App.onLaunch`/`onShow` receive and `wx.getLaunchOptionsSync`/`getEnterOptionsSync` return. */
interface EnterOptions {
  path: string
  query: Record<string, string>
  scene: number
  referrerInfo: Record<string, unknown>
  apiCategory: 'default'
}

function enterOptions(path: string, query: Record<string, string>, scene: number): EnterOptions {
  return { path, query: { ...query }, scene, referrerInfo: {}, apiCategory: 'default' }
}

/** A copy the mini-program may change freely. */
function copyEnterOptions(options: EnterOptions | undefined): EnterOptions | Record<string, never> {
  return options ? { ...options, query: { ...options.query }, referrerInfo: {} } : {}
}
/** The component app.json's `tabBar.custom` puts on every tab page. */
const CUSTOM_TAB_BAR = 'custom-tab-bar/index'

function toReportedError(error: unknown): ReportedError {
  if (typeof error === 'object' && error !== null && 'message' in error) {
    const { message, stack } = error as { message: unknown; stack?: unknown }
    return { message: String(message), stack: typeof stack === 'string' ? stack : String(message) }
  }
  return { message: String(error), stack: String(error) }
}

function parseJson(text: string | undefined): ComponentJson | undefined {
  if (text === undefined) return undefined
  try {
    const value: unknown = JSON.parse(text)
    return typeof value === 'object' && value !== null ? (value as ComponentJson) : undefined
  } catch {
    return undefined
  }
}

export function createRuntime(options: RuntimeOptions): Runtime {
  const { port, files, appJson } = options
  const pending = new PendingWork()
  let app: Record<string, unknown> | undefined
  let appRegistered = false
  let foreground = true
  let scene = DEFAULT_SCENE
  /** The launch's missing entry page while WeChat's 页面不存在 page shows in its place. */
  let missingShown: MissingPage | undefined
  /** What `App.onLaunch` got (`wx.getLaunchOptionsSync`) and what the last `App.onShow` got. */
  let launchedWith: EnterOptions | undefined
  let enteredWith: EnterOptions | undefined

  const report = (error: unknown) => port.reportError(toReportedError(error))
  const appEvents = new AppEventListeners(report)
  const sink: ErrorSink = (error) => {
    const reported = toReportedError(error)
    // Frames in compiled ES modules and TypeScript name the project's source, line and column.
    reported.stack = loader.mapStack(reported.stack)
    port.reportError(reported)
    appEvents.emit(appEvents.error, reported.stack)
    if (typeof app?.onError !== 'function') return
    try {
      app.onError.call(app, reported.stack)
    } catch (onErrorFailure) {
      report(onErrorFailure)
    }
  }
  const timings: PerformanceEntryRecord[] = []

  const env = new MiniProgramEnv()
  const codeSpace: CodeSpace = env.createCodeSpace('', true)
  const space = codeSpace.getComponentSpace()
  // Mini-program code reaches components through the adapter's `this`, never the node: writing
  // properties onto nodes would let one named like a node field (Vant's `dataset`) break them.
  // A template handler may name a function put on `this` at run time, as in WeChat (uni-app's Vue
  // runtime adds one per listener and binds `bindtap="{{…}}"` to its name).
  space.updateComponentOptions({ writeFieldsToNode: false, useMethodCallerListeners: true })
  const associated = env.associateBackend(
    options.backend ?? new glassEasel.EmptyComposedBackendContext(),
  )
  const isOurs = (related: unknown): boolean => {
    if (!(related instanceof glassEasel.Component)) return false
    const component = related as glassEasel.GeneralComponent
    return (
      space.getComponentByUrlWithoutDefault(component.is, '') === component.getComponentDefinition()
    )
  }
  // glass-easel catches exceptions in lifetimes, observers and listeners; ours are reported.
  const errorListener = (error: unknown, _method?: string, related?: unknown): boolean | void => {
    if (!isOurs(related)) return undefined
    sink(error)
    return false
  }
  const warningListener = (message: string, related?: unknown): boolean | void => {
    if (!isOurs(related)) return undefined
    port.console('warn', [message], 'baselib')
    return false
  }
  const warnedOnce = new Set<string>()
  const layoutHost: LayoutHost = {
    currentPage: () => stack.top?.root.getComponent(),
    viewportOf: (root) => {
      const page = stack.pages.find((open) => open.root.getComponent() === root)
      return page && port.screen?.viewport?.(page.id)
    },
    defer: (fn) => timerControl.defer(fn),
    warnOnce: (message) => {
      if (warnedOnce.has(message)) return
      warnedOnce.add(message)
      port.console('warn', [message], 'baselib')
    },
    nodeOf: (element) => port.screen?.nodeOf?.(element) ?? null,
    contextOf: (element) => wxContextOf(port.screen?.contextOf?.(element) ?? null, contextHost),
    scrolledBoxOf: (element) => port.screen?.scrolledBoxOf?.(element),
  }
  const componentModel = installComponentModel(codeSpace, layoutHost)
  glassEasel.addGlobalErrorListener(errorListener)
  glassEasel.addGlobalWarningListener(warningListener)

  const timerControl = createTimers(pending, sink)
  const routes = pageRoutes(appJson)
  const tabRoutes = new Set(
    (appJson.tabBar?.list ?? []).map((item) => joinPath('', String(item.pagePath))),
  )
  const isTabPage = (route: string): boolean => tabRoutes.has(route)
  const customTabBar =
    appJson.tabBar?.custom === true && files[`${CUSTOM_TAB_BAR}.js`] !== undefined
      ? CUSTOM_TAB_BAR
      : undefined
  /** A root of the registered component at `path`, or `undefined` with the reason reported. */
  const createRoot = (tagName: string, path: string, kind: string): Root | undefined => {
    if (!space.getComponentByUrlWithoutDefault(path, '')) {
      // WeChat's words, then the error that stopped the module if one did; no stack of ours.
      const cause = failedModules.get(`${path}.js`)
      const stopped = cause ? ` Its module stopped before ${kind}(): ${cause}` : ''
      const message = `${kind} "${path}" has not been registered yet.${stopped}`
      sink({ message, stack: message })
      return undefined
    }
    try {
      return associated.createRoot(tagName, codeSpace, path)
    } catch (error) {
      sink(error)
      return undefined
    }
  }
  const stack = new PageStack({
    sink,
    screen: port.screen,
    isTabPage,
    createRoot: (route) => {
      loadPageModules(route)
      return createRoot('page', route, 'Page')
    },
    createTabBarRoot: () => customTabBar && createRoot('custom-tab-bar', customTabBar, 'Component'),
  })
  const tasks = createTaskCore(port)
  const taskHost: TaskApiHost = {
    port,
    tasks,
    pending,
    sink,
    defer: timerControl.defer,
    currentPage: () => stack.top?.route,
  }
  const requests = createRequestApi(taskHost)
  const storage = new AppStorage(port.loadStorage(options.appid), (change) =>
    port.saveStorage(options.appid, change),
  )
  const invokeLater = createLaterInvoker(sink, pending)
  const contextHost = {
    invokeLater,
    sink,
    location: () => port.location?.() ?? DEFAULT_LOCATION,
    saveTempFiles: port.saveTempFiles,
  }
  const currentPage = () => stack.top?.route
  const sockets = createSocketApi({ ...taskHost, invokeLater })
  const pageNotFound = new PageNotFoundListeners(sink)
  const networkStatus = new NetworkStatusListeners(port, sink)
  const defer = timerControl.defer
  const invoke = createAsyncInvoker(sink, defer)
  const authorizations = new Authorizations(port, defer)
  const theme = new ThemeListeners(port, sink, () => app)
  const workerThreads = new WorkerThreads({ port, workers: appJson.workers, files, pending, sink })
  const eager = [
    createWxApi({ port, sink, defer, storage, requests }),
    pageNotFound.wx,
    networkStatus.wx,
    theme.wx,
    createKeyboardApi(),
    { ...componentModel },
    { ...createBuiltinContexts(layoutHost, contextHost) },
    {
      getLaunchOptionsSync: () => copyEnterOptions(launchedWith),
      getEnterOptionsSync: () => copyEnterOptions(enteredWith),
      uploadFile: createUploadFile(taskHost),
      downloadFile: createDownloadFile(taskHost),
    },
    createNavigationApi({
      sink,
      invokeLater,
      defer,
      stack,
      routes,
      isTabPage,
      backClosesOverlay: () => port.screen?.closeBackOverlay?.() ?? false,
    }),
    createInteractionApi({ port, invokeLater, defer, stack }),
    sockets.wx,
    createFileApi({ port, defer, invokeLater }),
  ]
  const lazy: LazyGroup[] = [
    { names: APP_EVENT_NAMES, create: () => appEvents.wx },
    {
      names: ['cloud'],
      create: () => ({ cloud: createCloudApi({ port, invokeLater, defer, currentPage }) }),
    },
    { names: WORKLET_API_NAMES, create: () => createWorkletApi({ defer }) },
    { names: ['createWorker'], create: () => ({ createWorker: workerThreads.createWorker }) },
    {
      names: ['preDownloadSubpackage'],
      create: () => createSubpackageApi({ appJson, invokeLater, defer }),
    },
    {
      names: OPEN_API_NAMES,
      create: () =>
        createOpenApi({ port, appid: options.appid, invokeLater, invoke, authorizations }),
    },
    {
      names: DEVICE_API_NAMES,
      create: () => createDeviceApi({ port, invoke, invokeLater, authorizations, sink, defer }),
    },
    {
      names: TAB_BAR_API_NAMES,
      create: () =>
        createTabBarApi({
          port,
          invoke,
          itemCount: appJson.tabBar?.list.length ?? 0,
          onTabPage: () => stack.top !== undefined && isTabPage(stack.top.route),
        }),
    },
    {
      names: APP_API_NAMES,
      create: () => createAppApi({ port, sink, invoke, defer, files, timings: () => timings }),
    },
    {
      names: IMAGE_API_NAMES,
      create: () => createImageApi({ port, invokeLater, defer, authorizations }),
    },
  ]
  const wx = buildWx(
    eager,
    { sink, defer, warn: (message) => port.console('warn', [message], 'baselib') },
    lazy,
  )

  const App = (definition: unknown): void => {
    if (appRegistered) throw new Error('App() can only be called once')
    appRegistered = true
    app = Object.assign(app ?? {}, definition)
  }
  const getApp = (opts?: { allowDefault?: boolean }): Record<string, unknown> | undefined => {
    if (app === undefined && opts?.allowDefault === true) app = {}
    return app
  }
  const getCurrentPages = (): PageInstance[] => stack.pages.map((page) => page.instance)

  const globals: ModuleScope = {
    wx,
    App,
    getApp,
    getCurrentPages,
    console: createConsole(port),
    ...timerControl.timers,
  }
  for (const name of HIDDEN_GLOBALS) globals[name] = undefined

  const loader = new ModuleLoader({
    files,
    resolveAlias: appJson.resolveAlias,
    evaluate: (code, filename) => port.evaluate(code, filename),
    scopeFor: (path) => ({ ...globals, ...definitionsFor(path.replace(/\.js$/, '')) }),
  })
  /**
   * The page or component whose .js is running: `Page()`/`Component()` register it wherever they
   * are called from, as in WeChat (Vant calls `Component()` from its shared `common/component.js`).
   */
  let loadingComponent: string | undefined
  const definitionsFor = (modulePath: string) =>
    withBuiltinBehaviors(
      codeSpace,
      {
        Page: ((definition: never) =>
          envOf(loadingComponent ?? modulePath).Page(definition)) as ComponentEnv['Page'],
        Component: ((definition?: never) => {
          const path = loadingComponent ?? modulePath
          if (definition === undefined) return envOf(path).Component()
          adoptScriptStyleIsolation(codeSpace, path, definition)
          return envOf(path).Component(definition)
        }) as ComponentEnv['Component'],
        Behavior: envOf(modulePath).Behavior,
      },
      (message) => port.console('warn', [message], 'baselib'),
    )
  const envOf = (path: string): ComponentEnv =>
    codeSpace.componentEnv(path, (componentEnv) => componentEnv)
  /** The first line of the error each module that threw while loading threw, by path. */
  const failedModules = new Map<string, string>()
  const runModule = (path: string): void => {
    loadingComponent = path.replace(/\.js$/, '')
    try {
      loader.load(path)
    } catch (error) {
      failedModules.set(path, toReportedError(error).stack.split('\n')[0])
      sink(error)
    } finally {
      loadingComponent = undefined
    }
  }
  /** Runs the module of the page or component at `path` (without extension), if it has one. */
  const runModuleOf = (path: string): void => {
    if (loader.has(`${path}.js`)) runModule(`${path}.js`)
  }
  /** The pages whose modules (and their components') have run. */
  const loadedPages = new Set<string>()
  const loadPageModules = (route: string): void => {
    if (loadedPages.has(route)) return
    loadedPages.add(route)
    for (const path of [...componentLoadOrder([route], jsonOf), route]) runModuleOf(path)
  }

  const jsonOf = (path: string): ComponentJson =>
    withGlobalComponents(
      path,
      options.jsons?.[path] ?? parseJson(files[`${path}.json`]) ?? {},
      appJson.usingComponents ?? {},
    )

  let launched = false
  const launch = (launchOptions: LaunchOptions = {}): Result<void> => {
    if (launched) {
      return fail({ code: 'ALREADY_LAUNCHED', message: 'This runtime has already launched' })
    }
    if (routes.length === 0) {
      return fail({ code: 'NO_PAGES', message: 'app.json lists no pages', file: 'app.json' })
    }
    const { route, query } = parsePageUrl(
      launchOptions.entry ?? homePageRoute(appJson) ?? routes[0],
    )
    const entryListed = routes.includes(route)
    if (!loader.has('app.js')) {
      return fail({ code: 'APP_JS_MISSING', message: 'app.js not found', file: 'app.js' })
    }
    if (entryListed && !loader.has(`${route}.js`)) {
      return fail({
        code: 'PAGE_JS_MISSING',
        message: `${route}.js not found`,
        file: `${route}.js`,
      })
    }

    launched = true
    const launchStartedAt = Date.now()
    scene = launchOptions.scene ?? DEFAULT_SCENE
    if (options.installComponents)
      callGuarded(sink, options.installComponents, undefined, [codeSpace])
    for (const [path, scope] of Object.entries(options.styleScopes ?? {})) {
      codeSpace.addStyleSheet(path, path, scope)
    }
    const roots = customTabBar ? [...routes, customTabBar] : routes
    const components = [
      ...componentLoadOrder(roots, jsonOf),
      ...(customTabBar ? [customTabBar] : []),
    ]
    for (const path of [...routes, ...components]) {
      codeSpace.addComponentStaticConfig(path, jsonOf(path) as adapterTypes.ComponentStaticConfig)
      const template = options.templates?.[path]
      if (template) codeSpace.addCompiledTemplate(path, template)
    }

    // Known before any module runs: app.js may ask wx.getLaunchOptionsSync() at its top level.
    launchedWith = enterOptions(route, query, scene)
    enteredWith = launchedWith
    Object.assign(globals, createAppServiceGlobals(appJson, options.appid, { route, query, scene }))
    // app.js first, so App() is registered before any page or component module asks getApp().
    runModule('app.js')
    if (appJson.lazyCodeLoading === 'requiredComponents') {
      // Only the custom tab bar now; each page's modules run when it first opens.
      const tabBar = customTabBar
        ? [...componentLoadOrder([customTabBar], jsonOf), customTabBar]
        : []
      for (const path of tabBar) runModuleOf(path)
    } else {
      for (const path of components) runModuleOf(path)
      for (const path of routes) {
        loadedPages.add(path)
        runModuleOf(path)
      }
    }

    if (app) {
      callGuarded(sink, app.onLaunch, app, [copyEnterOptions(launchedWith)])
      callGuarded(sink, app.onShow, app, [copyEnterOptions(launchedWith)])
    }
    appEvents.emit(appEvents.show, copyEnterOptions(launchedWith))
    timings.push({
      entryType: 'navigation',
      name: 'appLaunch',
      path: route,
      startTime: launchStartedAt,
      duration: Date.now() - launchStartedAt,
    })
    if (entryListed) stack.push(route, query)
    else openMissingEntry({ path: route, query })
    pending.scheduleIdleCheck()
    return ok(undefined)
  }

  /**
   * WeChat's answer to a missing entry page: the app's handlers may redirect (synchronously, says
   * WeChat: the navigation they ask for runs before the check below); if still no page is open,
   * its own 页面不存在 page shows. A redirect to another missing page fails as any navigation to
   * one does, and is not reported again.
   */
  const openMissingEntry = (missing: MissingPage): void => {
    pageNotFound.notify(app, { ...missing, isEntryPage: true })
    timerControl.defer(() => {
      if (stack.pages.length > 0) return
      missingShown = missing
      port.pageNotFound?.({ path: missing.path, query: { ...missing.query } })
    })
  }

  return {
    wx,
    globals,
    launch,
    getApp: () => app,
    getCurrentPages,
    tapTabItem: (index) => {
      const item = appJson.tabBar?.list[index]
      if (!item) return
      const pagePath = joinPath('', String(item.pagePath))
      const switchTab = (wx as Record<string, unknown>).switchTab as (
        options: Record<string, unknown>,
      ) => void
      switchTab({
        url: `/${pagePath}`,
        success: () => {
          const top = stack.top
          if (top?.route !== pagePath) return
          stack.callHandler(top.id, 'onTabItemTap', [{ index, pagePath, text: item.text }])
        },
      })
    },
    enterBackground: () => {
      if (!foreground) return
      foreground = false
      stack.hideTop()
      if (app) callGuarded(sink, app.onHide, app, [])
      appEvents.emit(appEvents.hide, {})
    },
    enterForeground: () => {
      if (foreground) return
      foreground = true
      const top = stack.top
      // On WeChat's 页面不存在 page the app still shows at the path it was launched on.
      const shown = top ? { path: top.route, query: top.query } : missingShown
      enteredWith = enterOptions(shown?.path ?? '', shown?.query ?? {}, scene)
      if (app) callGuarded(sink, app.onShow, app, [copyEnterOptions(enteredWith)])
      appEvents.emit(appEvents.show, copyEnterOptions(enteredWith))
      stack.showTop()
    },
    unhandledRejection: (reason, promise) => {
      const event = { reason, promise }
      if (app) callGuarded(sink, app.onUnhandledRejection, app, [event])
      appEvents.emit(appEvents.unhandledRejection, event)
    },
    pending: () => pending.size,
    onIdle: (listener) => pending.onIdle(listener),
    dispose: () => {
      tasks.stopAll()
      workerThreads.dispose()
      timerControl.clearAll()
      stack.releaseAll()
      pending.cancelIdleCheck()
      networkStatus.dispose()
      theme.dispose()
      glassEasel.removeGlobalErrorListener(errorListener)
      glassEasel.removeGlobalWarningListener(warningListener)
    },
  }
}
