/**
 * The one interface through which the mini-program runtime reaches its host. The runtime itself is
 * environment-free; the host (a sandboxed iframe in the simulator, Node for `mpdt run`) implements
 * this port. Every member is synchronous so the runtime keeps WeChat's synchronous APIs
 * (`wx.getStorageSync`, `wx.getSystemInfoSync`); hosts that live across a message channel load
 * what they need before creating the runtime.
 */
import type * as glassEasel from 'glass-easel'
import type { AuthorizationStore } from './authorization'
import type { ChooseFiles, FilePort, LaterFilePort, SaveTempFiles } from './file-port'
import type { WorkerThreadCommand, WorkerThreadEvent } from './worker-scope'
import type { PortTask, TaskEvent, TaskRequest } from './wx-task'

/** Console levels the runtime forwards, as the mini-program called them. */
export type ConsoleLevel =
  'log' | 'info' | 'warn' | 'error' | 'debug' | 'group' | 'groupEnd' | 'table'

/**
 * Who produced a console message: the mini-program's own code, or the base library on its behalf
 * (e.g. `wx.request: header must be an object`). Both appear in the same console in WeChat.
 */
export type ConsoleSource = 'miniprogram' | 'baselib'

/** One value kept by `wx.setStorage*`: its type name and its serialized form. */
export interface StoredItem {
  type: 'String' | 'Number' | 'Boolean' | 'Date' | 'Object' | 'Array' | 'Null' | 'Undefined'
  data: string
}

/** All keys of one appid's storage. */
export type StorageSnapshot = Record<string, StoredItem>

/** One change to persist; applied in order they come. */
export type StorageChange =
  | { kind: 'set'; key: string; item: StoredItem }
  | { kind: 'remove'; key: string }
  | { kind: 'clear' }

/** `wx.getNetworkType().networkType`. */
export type NetworkType = 'wifi' | '2g' | '3g' | '4g' | '5g' | 'unknown' | 'none'

/** What `wx.getSystemInfoSync()` returns for the simulated device (the runtime copies it). */
export interface SystemInfo {
  brand: string
  model: string
  pixelRatio: number
  screenWidth: number
  screenHeight: number
  windowWidth: number
  windowHeight: number
  statusBarHeight: number
  language: string
  /** WeChat's version, e.g. `8.0.5`. */
  version: string
  system: string
  /** `devtools` in the simulator, as in WeChat's tool. */
  platform: string
  fontSizeSetting: number
  SDKVersion: string
  [field: string]: unknown
}

/** An exception thrown by mini-program code and not caught by it. */
export interface ReportedError {
  message: string
  /** The stack as the host's engine formatted it; frames name the project's files. */
  stack: string
}

export interface NativePort {
  /**
   * Starts one main-process task (`wx.request`, `uploadFile`, `downloadFile`, `connectSocket`)
   * after the base library's checks; `onEvent` gets its events in order, possibly before this
   * returns (wx-task.ts). The frame sends it as `wx-bridge:call`, `mpdt run` hands it to the task
   * registry in-process. Absent: those APIs fail `not supported`.
   */
  startTask?(req: TaskRequest, onEvent: (event: TaskEvent) => void): PortTask
  /** Prints to the mini-program's console (the workbench panel, or `mpdt run`'s stdout). */
  console(level: ConsoleLevel, args: unknown[], source: ConsoleSource): void
  /**
   * Compiles one JavaScript expression (a module's wrapper function) and returns its value.
   * `filename` is the project-relative path, e.g. `pages/index/index.js`, so stacks name it;
   * `evaluateScript` in this folder is an implementation that works in browsers and Node.
   */
  evaluate(code: string, filename: string): unknown
  /** The storage persisted for `appid`, read once when the runtime is created. */
  loadStorage(appid: string): StorageSnapshot
  /** Persists one change to `appid`'s storage; the runtime already applied it in memory. */
  saveStorage(appid: string, change: StorageChange): void
  /** The simulated device. */
  systemInfo(): SystemInfo
  /** The simulated network type; `none` when the network is simulated offline. */
  networkType(): NetworkType
  /**
   * Calls `listener` after the simulated network type changed (what `networkType()` answers).
   * Absent: the type never changes (`mpdt run`). Returns the unsubscribe.
   */
  onNetworkTypeChange?(listener: () => void): () => void
  /**
   * Calls `listener` after the app's theme changed (what `systemInfo().theme` answers: `light` or
   * `dark`, absent without app.json `darkmode: true`). Absent: it never changes. Returns the
   * unsubscribe.
   */
  onThemeChange?(listener: () => void): () => void
  /** An uncaught exception in mini-program code; the runtime keeps running after it. */
  reportError(error: ReportedError): void
  /**
   * The drawn interaction layer (toast, loading, modal, action sheet, navigation bar); absent
   * headless, where those APIs still succeed (see README.md).
   */
  ui?: InteractionUi
  /** The screen pages render on and scroll in; absent headless, where pages render nothing. */
  screen?: PageScreen
  /** The mini-program's files (`wx.getFileSystemManager()`, `wx.saveFile`). Absent: they fail. */
  files?: FilePort
  /** The async file APIs' way to the files, when they live elsewhere; absent: they use `files`. */
  filesLater?: LaterFilePort
  /** Lets the user pick images or videos; absent: `chooseImage`/`chooseMedia` fail with cancel. */
  chooseFiles?: ChooseFiles
  /** Writes new temp files (`wx.canvasToTempFilePath`'s picture); absent: those APIs fail. */
  saveTempFiles?: SaveTempFiles
  /**
   * The mini-program launched on a page app.json does not have and nothing opened instead (no
   * `onPageNotFound` redirected, or it redirected to another missing page): WeChat shows its own
   * 页面不存在 page. The simulator draws it; `mpdt run` ends the run. Absent: nothing is shown.
   */
  pageNotFound?(page: MissingPage): void
  /**
   * One `wx` API the table runs in the main process (`runs: 'main'`, e.g. `login`): the frame
   * sends it over `wx-bridge:call`, `mpdt run` calls the service in-process. Absent: the API
   * fails `not supported`.
   */
  callMain?(
    method: string,
    params: Record<string, unknown>,
    done: (result: MainCallResult) => void,
  ): void
  /**
   * The simulated user's answers where the simulator would ask (authorization, scanCode);
   * headless hosts set them. @default authorization allowed, scanCode cancelled
   */
  answers?: UserAnswers
  /**
   * Where the user's authorization answers are kept per project (the simulator: per appid, edited
   * in 详情). Absent: they last one run.
   */
  authorization?: AuthorizationStore
  /** The simulated location (`wx.getLocation`); undefined: the default. @default WeChat DevTools' own */
  location?(): SimulatedLocation | undefined
  /**
   * Calls `listener` after the simulated location moved (what `location()` answers: the
   * simulator's 位置). Absent: it never moves. Returns the unsubscribe.
   */
  onLocationChange?(listener: () => void): () => void
  /**
   * Starts a thread running the compiled workers bundle (`workerBundleCode`, worker-scope.ts): a
   * Web Worker in the simulator, a Node worker thread in `mpdt run`. `onEvent` gets what the
   * thread sends, and `{ kind: 'error' }` when the thread itself fails. Absent (or a project
   * without app.json `workers`): `wx.createWorker` fails.
   */
  startWorker?(onEvent: (event: WorkerThreadEvent) => void): WorkerThread
}

/** A running worker thread, seen from the main thread. */
export interface WorkerThread {
  /** Structured-cloned to the thread; throws when `command` cannot be cloned. */
  send(command: WorkerThreadCommand): void
  terminate(): void
}

/** What a main-process `wx` API answers: its result, or WeChat's failure. */
export type MainCallResult =
  | { ok: true; value: Record<string, unknown> }
  /** `errCode`: a `wx.cloud` failure's code, as WeChat's cloud SDK gives it. */
  | { ok: false; errMsg: string; errno?: number; errCode?: number }

export interface UserAnswers {
  /** What the user answers to an authorization dialog (getUserProfile, authorize…). */
  authorize: 'allow' | 'deny'
}

export interface SimulatedLocation {
  latitude: number
  longitude: number
  /** The place's name and address, for `wx.chooseLocation`. */
  name?: string
  address?: string
}

/** What the simulator asks the user on the mini-program's behalf. */
export interface AuthorizationQuestion {
  /** The scope, e.g. `scope.userInfo`, `scope.userLocation`. */
  scope: string
  /** The text the mini-program gave (`getUserProfile`'s `desc`). */
  desc?: string
}

/** A page the mini-program was launched on that app.json does not list. */
export interface MissingPage {
  /** As asked for, from the code package's root, e.g. `pages/old/old`. */
  path: string
  query: Record<string, string>
}

/** One page of the stack as the host sees it. */
export interface ScreenPage {
  /** Unique per opened page: a route opened twice has two ids. */
  id: number
  route: string
  query: Record<string, string>
}

/** What a page's screen reports back to the runtime (user scrolling and pulling). */
export interface PageScreenEvents {
  scroll(scrollTop: number): void
  reachBottom(): void
  /** The user pulled the page down far enough (only offered when it enables pull-down refresh). */
  pullDownRefresh(): void
}

/** The page's own instance of app.json's custom tab bar (`tabBar.custom`), to attach like the page. */
export interface CustomTabBarView {
  component: glassEasel.GeneralComponent
  attach(parent: unknown, placeholder: unknown): void
}

export interface PageScrollRequest {
  scrollTop?: number
  /** A selector in the page's own tree; the page scrolls to that element's top. */
  selector?: string
  /** Added to the selected element's top. */
  offsetTop?: number
  /** ms */
  duration: number
}

export interface PageScreen {
  /**
   * A new page: `attach(parent, placeholder)` puts its root component into the screen's DOM (the
   * placeholder, a child of parent, is replaced). Called before its `onLoad`.
   */
  open(
    page: ScreenPage,
    component: glassEasel.GeneralComponent,
    attach: (parent: unknown, placeholder: unknown) => void,
    events: PageScreenEvents,
    tabBar?: CustomTabBarView,
  ): void
  /** The page was unloaded; its root component is already released. */
  close(id: number): void
  /** The stack after a change, top last: the top page is the one to show. */
  stackChanged(stack: ScreenPage[]): void
  scrollTo(id: number, request: PageScrollRequest): void
  /** Shows or hides the pull-down refresh indicator of a page. */
  setRefreshing(id: number, refreshing: boolean): void
  /**
   * The page's viewport (its scrolling container) in the screen's coordinates, which selector
   * queries and intersection observers measure from. Absent: nothing can be measured.
   */
  viewport?(id: number): PageViewport | undefined
  /** Closes the latest open `<page-container>` for a back; false when none is open. */
  closeBackOverlay?(): boolean
  /**
   * What `SelectorQuery`'s `node()` answers for `element` (a `<canvas type="2d">`'s Canvas), or
   * `null`. Absent: always `null`.
   */
  nodeOf?(element: glassEasel.Element): unknown
  /** What `SelectorQuery`'s `context()` answers for `element` (a `<video>`'s VideoContext), or `null`. */
  contextOf?(element: glassEasel.Element): unknown
  /**
   * The box that scrolls inside `element` when it is not the element's own node (a
   * `<scroll-view>`'s inner box), whose offsets `scrollOffset` answers. Absent: the node itself.
   */
  scrolledBoxOf?(element: glassEasel.Element): ScrolledBox | undefined
}

/** A scrolling box's offsets and content size, in CSS pixels. */
export interface ScrolledBox {
  scrollLeft: number
  scrollTop: number
  scrollWidth: number
  scrollHeight: number
}

/** Where a page shows on the screen and how far it is scrolled, in CSS pixels. */
export interface PageViewport {
  left: number
  top: number
  width: number
  height: number
  scrollLeft: number
  scrollTop: number
  scrollWidth: number
  scrollHeight: number
  /** The scrolling container's DOM node: the root of observers relative to the viewport. */
  node: unknown
  /**
   * How many of the DOM's rect pixels make one CSS pixel of the page: the simulator zooms its
   * frame, and rects (`getBoundingClientRect`, observer entries) come in zoomed pixels. @default 1
   */
  zoom?: number
}

export type ToastIcon = 'success' | 'error' | 'loading' | 'none'

export interface ToastOptions {
  title: string
  icon: ToastIcon
  /** A project image path shown instead of the icon. */
  image?: string
  /** ms; the host hides the toast after it. */
  duration: number
  /** Blocks touches below while shown. */
  mask: boolean
}

export interface ModalOptions {
  title: string
  content: string
  showCancel: boolean
  cancelText: string
  cancelColor: string
  confirmText: string
  confirmColor: string
  editable: boolean
  placeholderText: string
}

export interface ModalResult {
  confirm: boolean
  /** Only for an editable modal: the text the user typed. */
  content?: string
}

export interface ActionSheetOptions {
  itemList: string[]
  itemColor: string
  alertText?: string
}

/** A change to a page's navigation bar; absent fields stay as they are. */
export interface NavigationBarPatch {
  title?: string
  /** `#ffffff` or `#000000`. */
  frontColor?: string
  backgroundColor?: string
  loading?: boolean
}

export interface InteractionUi {
  /** Shows a toast (or, with icon `loading`, a loading box), replacing any toast or loading. */
  showToast(options: ToastOptions): void
  /** Hides the toast or loading box, if any. */
  hideToast(): void
  /** Shows a modal; `done` gets the user's choice once. */
  showModal(options: ModalOptions, done: (result: ModalResult) => void): void
  /** Shows an action sheet; `done` gets the tapped index, or `undefined` when cancelled. */
  showActionSheet(options: ActionSheetOptions, done: (tapIndex: number | undefined) => void): void
  /** Changes the navigation bar of the page with `pageId`. */
  setNavigationBar(pageId: number, patch: NavigationBarPatch): void
  /** Asks the user to allow `question.scope`; `done(true)` when allowed. Absent: `answers`. */
  askAuthorization?(question: AuthorizationQuestion, done: (allowed: boolean) => void): void
  /** Asks for a scanned code (`wx.scanCode`); `done(undefined)` when cancelled. */
  askScanResult?(done: (result: string | undefined) => void): void
  /** Changes the simulator's tab bar (`wx.setTabBarItem` & co.). */
  changeTabBar?(change: TabBarChange): void
  /** Shows `urls` full screen from index `current` (`wx.previewImage`); the user closes it. */
  previewImage?(urls: string[], current: number): void
  /** Requests the network pictures among `srcs` as `<image>` does (`wx.preloadAssets`). */
  preloadImages?(srcs: string[]): void
}

/** One change to the tab bar app.json declares. */
export type TabBarChange =
  | { kind: 'item'; index: number; text?: string; iconPath?: string; selectedIconPath?: string }
  | {
      kind: 'style'
      color?: string
      selectedColor?: string
      backgroundColor?: string
      borderStyle?: string
    }
  | { kind: 'badge'; index: number; text?: string }
  | { kind: 'redDot'; index: number; shown: boolean }
  | { kind: 'visible'; shown: boolean }
