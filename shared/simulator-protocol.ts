/**
 * The only messages that cross between the workbench (parent) and the simulator's sandboxed
 * iframe (the mini-program). The parent accepts a message only when `event.source` is that
 * frame's window AND its `type` is one of FRAME_MESSAGE_TYPES; everything else is dropped.
 * The mini-program never reaches the contract: the parent decides what to forward.
 */
import type {
  AutomationCommand,
  AutomationEvent,
  AutomationReply,
} from './automation/automation-protocol'
import type { AuthSetting } from './runtime/authorization'
import type { ChosenFile, FileStats } from './runtime/file-port'
import type {
  ConsoleLevel,
  ConsoleSource,
  MainCallResult,
  NetworkType,
  ReportedError,
  SimulatedLocation,
  StorageChange,
  StorageSnapshot,
  SystemInfo,
} from './runtime/native-port'
import type { TaskEvent, TaskOperation } from './runtime/wx-task'
import type { Theme } from './theme'
import type { WebViewDecision } from './web-view'

/** What the simulator needs to run a project, compiled in the main process for one device width. */
export interface SimulatorBundle {
  appid: string
  /** The project's JS and JSON files by path from the mini-program root. */
  files: Record<string, string>
  /** app.json as read (pages, window, tabBar, subpackages, usingComponents, networkTimeout). */
  appJson: Record<string, unknown>
  /** The compiler's output (electron/services/compiler CompileResult): plain data. */
  compiled: {
    groupListCode: string
    templates: string[]
    components: Record<
      string,
      { json: Record<string, unknown>; isolated: boolean; prefix?: string; page: boolean }
    >
    styles: Record<string, string>
    pages: string[]
    /** app.json `workers` bundled for `wx.createWorker` (shared/runtime/worker-scope.ts). */
    workers?: { root: string; isSubpackage: boolean; code: string }
    errors: { file: string; line: number; column: number; message: string }[]
    warnings: { file: string; line: number; column: number; message: string }[]
  }
  /** Image and other asset files as data URLs by path from the mini-program root (small projects). */
  assets: Record<string, string>
}

/** Frame → parent. */
export type FrameMessage =
  | { type: 'wx-bridge:ready' }
  | { type: 'wx-bridge:console'; level: ConsoleLevel; args: unknown[]; source: ConsoleSource }
  | { type: 'wx-bridge:error'; error: ReportedError }
  | { type: 'wx-bridge:storage'; appid: string; change: StorageChange }
  /** The user answered an authorization dialog: the project's answers as they now are. */
  | { type: 'wx-bridge:authorization'; authSetting: AuthSetting }
  /** The page stack changed (top last); the parent keeps it for hot reload and the panels. */
  | { type: 'wx-bridge:pages'; stack: { route: string; query: Record<string, string> }[] }
  /** The first page finished its first render (for the simulator benchmark). */
  | { type: 'wx-bridge:painted'; route: string; time: number }
  /** One file call in the mini-program's folders; the answer is a `wx-host:file` with `callId`. */
  | { type: 'wx-bridge:file'; callId: string; operation: FileOperation }
  /** The answer to one `wx-host:eval`: the value made clone-safe, or what was thrown. */
  | { type: 'wx-bridge:eval-result'; evalId: string; result: EvalResult }
  /**
   * One main-process `wx` API (the table's frame-callable ones, e.g. `login`); the answer is a
   * `wx-host:call` with `callId`. A task (`request`, `uploadFile`, `downloadFile`,
   * `connectSocket`: `params` is its TaskRequest) is known by `callId` from then on: its events
   * come as `wx-host:task`, and a failed start as its `refused` event.
   */
  | { type: 'wx-bridge:call'; callId: string; method: string; params: Record<string, unknown> }
  /** Aborts a task started by `wx-bridge:call`, or sends on / closes its socket. */
  | { type: 'wx-bridge:task'; taskId: string; operation: TaskOperation }
  /** The answer to one `wx-host:automation` command, or an automation event (console, binding). */
  | { type: 'wx-bridge:automation'; message: AutomationReply | AutomationEvent }
  /** May a `<web-view>` open `src` (the 业务域名 rule)? Answered by `wx-host:web-view`. */
  | { type: 'wx-bridge:web-view'; callId: string; src: string }

export const FRAME_MESSAGE_TYPES = [
  'wx-bridge:ready',
  'wx-bridge:console',
  'wx-bridge:error',
  'wx-bridge:storage',
  'wx-bridge:authorization',
  'wx-bridge:pages',
  'wx-bridge:painted',
  'wx-bridge:file',
  'wx-bridge:eval-result',
  'wx-bridge:call',
  'wx-bridge:task',
  'wx-bridge:automation',
  'wx-bridge:web-view',
] as const satisfies readonly FrameMessage['type'][]

/** Parent → frame. */
export type HostMessage =
  | {
      type: 'wx-host:boot'
      bundle: SimulatorBundle
      systemInfo: SystemInfo
      storage: StorageSnapshot
      networkType: NetworkType
      /** Page to open with its query, e.g. `pages/detail/detail?id=3`; default app.json pages[0]. */
      entry?: string
      /** The launch scene `onLaunch`/`onShow`/`wx.getLaunchOptionsSync` report. @default 1001 */
      scene?: number
      /** The system theme (the 浅色/深色 switch); the app follows it with `darkmode: true`. @default 'light' */
      theme?: Theme
      /** The simulator's 位置 (`wx.getLocation`). @default WeChat DevTools' own */
      location?: SimulatedLocation
      /** The project's kept authorization answers (详情). @default none asked yet */
      authSetting?: AuthSetting
    }
  | { type: 'wx-host:task'; taskId: string; event: TaskEvent }
  | { type: 'wx-host:network-type'; networkType: NetworkType }
  /** The 浅色/深色 switch changed the system theme. */
  | { type: 'wx-host:theme'; theme: Theme }
  /** The project's authorization answers were edited in 详情. */
  | { type: 'wx-host:authorization'; authSetting: AuthSetting }
  /** The toolbar's 位置 moved the phone (`wx.getLocation`, `wx.onLocationChange`). */
  | { type: 'wx-host:location'; location: SimulatedLocation }
  /** The answer to one `wx-bridge:file` call. */
  | { type: 'wx-host:file'; callId: string; result: FileOperationResult }
  /** The Console panel's command line, run in the mini-program's logic context. */
  | { type: 'wx-host:eval'; evalId: string; code: string }
  /** The answer to one `wx-bridge:call`. */
  | { type: 'wx-host:call'; callId: string; result: MainCallResult }
  /** One command of `mpdt auto --web`'s automation client, answered by `wx-bridge:automation`. */
  | { type: 'wx-host:automation'; command: AutomationCommand }
  /** The answer to one `wx-bridge:web-view`. */
  | { type: 'wx-host:web-view'; callId: string; decision: WebViewDecision }

/** What a console command evaluated to (promises are awaited first). */
export type EvalResult =
  | { ok: true; value: unknown }
  | {
      ok: false
      /** What was thrown, or what the command's promise rejected with: `Name: message` for an Error. */
      error: { message: string; stack: string }
      /** A thrown or rejected value that is not an Error (`{ errMsg }`), copied as console arguments are. */
      value?: unknown
      /** The command returned a promise that rejected (Chrome's `Uncaught (in promise)`). */
      inPromise?: boolean
    }

/**
 * One call on the mini-program's files, as the main process runs it (FilePort's members, plus
 * `saveChosen`: bytes the user picked in the frame become new temp files).
 */
export type FileOperation =
  | { name: 'readFile'; path: string }
  | { name: 'writeFile'; path: string; data: Uint8Array; append: boolean }
  | { name: 'access'; path: string }
  | { name: 'unlink'; path: string }
  | { name: 'stat'; path: string }
  | { name: 'readdir'; path: string }
  | { name: 'mkdir'; path: string; recursive: boolean }
  | { name: 'saveFile'; tempFilePath: string; filePath?: string }
  | { name: 'saveChosen'; files: { name: string; type: string; data: Uint8Array }[] }

/** What a file call answers: the value (bytes, stats, names, a path, nothing) or WeChat's words. */
export type FileOperationResult =
  | { ok: true; value: Uint8Array | FileStats | string[] | string | ChosenFile[] | null }
  | { ok: false; message: string }

export function isFrameMessage(value: unknown): value is FrameMessage {
  return (
    typeof value === 'object' &&
    value !== null &&
    (FRAME_MESSAGE_TYPES as readonly string[]).includes(
      (value as { type?: unknown }).type as string,
    )
  )
}
