/**
 * The one typed contract between the workbench (renderer) and the main process.
 * Served over Electron IPC (preload) and over a WebSocket (browser mode); see shared/rpc.ts.
 * Every method takes one params object and resolves to a `Result`; events are pushed payloads.
 */
import type {
  AutomationCommand,
  AutomationEvent,
  AutomationReply,
} from './automation/automation-protocol'
import type { CompileMode } from './compile-mode'
import type { NpmBuildProgress, NpmBuildReport } from './npm-build'
import type { MockSettings } from './mock'
import type { ProjectInfo, RecentProject, DomainLists } from './project'
import type { MainCallResult } from './runtime/native-port'
import type { TaskEvent, TaskOperation } from './runtime/wx-task'
import type { WebViewDecision } from './web-view'
import type {
  NetworkCondition,
  NetworkEvent,
  OriginSecurityDetails,
  ToolConsoleMessage,
} from './network'
import type { FileOperation, FileOperationResult, SimulatorBundle } from './simulator-protocol'

export interface AppInfo {
  name: string
  version: string
  /** How this workbench is connected to the main process. */
  mode: 'electron' | 'browser'
  platform: string
  /** OS locale, e.g. `zh-CN` or `en-US`. */
  locale: string
}

/** Settings a user may change from the workbench; each key is written alone. */
export interface SettingsPatch {
  /** `setting.urlCheck`, written to project.private.config.json (a development setting). */
  urlCheck?: boolean
  /** `appid`, written where it already lives (private file first), else project.config.json. */
  appid?: string
  /** The custom compile modes, `condition.miniprogram.list` of project.private.config.json. */
  compileModes?: CompileMode[]
  /**
   * The selected mode's index in the list (after `compileModes` when both are given), -1 for
   * 普通编译: `condition.miniprogram.current` of project.private.config.json.
   */
  compileMode?: number
}

/** Method name → params and result. */
export interface ContractMethods {
  'app.getInfo': { params: Record<string, never>; result: AppInfo }
  'project.open': { params: { dir: string }; result: ProjectInfo }
  'project.current': { params: Record<string, never>; result: ProjectInfo | null }
  'project.reload': { params: Record<string, never>; result: ProjectInfo }
  'project.recent': { params: Record<string, never>; result: RecentProject[] }
  /** Shows a folder picker (Electron only); `null` when cancelled. */
  'project.chooseFolder': { params: Record<string, never>; result: string | null }
  'project.updateSettings': { params: SettingsPatch; result: ProjectInfo }
  'project.setDomains': { params: { domains: DomainLists }; result: ProjectInfo }
  /** Writes project.mock.json: the API Mock switch and rules (applied to the next request). */
  'project.setMock': { params: { mock: MockSettings }; result: ProjectInfo }
  /**
   * One `wx` API the table runs in the main process (`wx-bridge:call` from the simulator frame);
   * only the table's frame-callable methods are accepted. A task (`request`, `uploadFile`,
   * `downloadFile`, `connectSocket`) also names its `taskId`, chosen by the caller (unique per
   * workbench), and `params` is its request: its events arrive as `wx.task` events.
   */
  'wx.call': {
    params: { method: string; params: Record<string, unknown>; taskId?: string }
    result: MainCallResult
  }
  /**
   * Aborts a task, or sends on / closes a socket: the engine's refusal, or null. Unknown or
   * finished ids are ignored (a socket's send and close answer that it is not open).
   */
  'wx.operateTask': { params: { taskId: string; operation: TaskOperation }; result: string | null }
  /** Compiles the open project for the simulator, for a device of this CSS width. */
  'simulator.bundle': { params: { deviceWidth: number }; result: SimulatorBundle }
  /** 工具 → 构建 npm for the open project; progress arrives as `project.npmProgress` events. */
  'project.buildNpm': { params: Record<string, never>; result: NpmBuildReport }
  /** One call on the open project's mini-program files (wxfile://usr, temp files, the code). */
  'files.operate': { params: { operation: FileOperation }; result: FileOperationResult }
  /**
   * A recorded request's response body (default) or request body; bodies stay in the main process
   * until asked for.
   */
  'network.body': {
    params: { id: string; part?: 'request' | 'response' }
    result: ResponseBodyData
  }
  /** Runs a recorded `wx.request` again through the project's engine; it shows as a new row. */
  'network.replay': { params: { id: string }; result: null }
  /** HAR 1.2 text of the recorded requests with these ids, in the order given. */
  'network.exportHar': { params: { ids: string[] }; result: { har: string } }
  /** One row per origin the engine contacted, for `showRequestInfo()`. */
  'network.securityDetails': { params: Record<string, never>; result: OriginSecurityDetails[] }
  /**
   * Whether the simulator's `<web-view>` may open `src` under the 业务域名 rule (the `webview`
   * list, urlCheck, the appid); a refusal also prints WeChat's console block.
   */
  'network.judgeWebView': { params: { src: string }; result: WebViewDecision }
  /** The simulated network (online, offline, a throttling profile) for the next requests. */
  'network.setCondition': { params: { condition: NetworkCondition }; result: null }
  /** Host mapping and extra CA kept per machine (data folder), added to every project's engine. */
  'settings.machineNetwork': { params: Record<string, never>; result: MachineNetworkSettings }
  'settings.setMachineNetwork': { params: MachineNetworkSettings; result: MachineNetworkSettings }
  /**
   * The simulator's answer to an `automation.command` (or an automation event), relayed by the
   * workbench to `mpdt auto --web`'s automation WebSocket.
   */
  'automation.answer': { params: { message: AutomationReply | AutomationEvent }; result: null }
}

/** Per-machine network settings for local development (never stored in a project). */
export interface MachineNetworkSettings {
  /** curl `--connect-to` lines, `HOST1:PORT1:HOST2:PORT2`. */
  connectTo: string[]
  /** Extra trusted CA certificates: PEM text, or an absolute path to a PEM file; '' for none. */
  extraCa: string
}

/** A response body as the Network panel's Preview and Response tabs fetch it. */
export interface ResponseBodyData {
  /** The bytes in base64 (at most `limit` of them). */
  base64: string
  /** The whole body's size in bytes. */
  size: number
  /** True when only the first bytes were sent. */
  truncated: boolean
}

/** Event name → payload. */
export interface ContractEvents {
  /** The open project changed: opened, re-read after an edit on disk, or a setting written. */
  'project.changed': ProjectInfo
  /** The events of one task started by `wx.call`, in order. */
  'wx.task': { taskId: string; event: TaskEvent }
  /** Every step of every request, for the Network panel and HAR. */
  'network.event': NetworkEvent
  /** The tool's own console messages (domain check, TLS, warnings) for the Console panel. */
  'network.console': ToolConsoleMessage
  /**
   * Mini-program sources of the open project changed on disk (wxml, wxss, js, json, wxs, images),
   * debounced; `files` are paths from the mini-program root. The simulator recompiles and reloads.
   */
  'project.sourcesChanged': { files: string[] }
  /** A command of the automation client (`mpdt auto --web`) for the running simulator. */
  'automation.command': AutomationCommand
  /** 构建 npm under way: the package being written, and how many of all are done. */
  'project.npmProgress': NpmBuildProgress
}

export type MethodName = keyof ContractMethods
export type EventName = keyof ContractEvents
export type MethodParams<M extends MethodName> = ContractMethods[M]['params']
export type MethodResult<M extends MethodName> = ContractMethods[M]['result']

/** Receives every contract event, e.g. to forward it to the connected workbenches. */
export type ContractEventListener = <E extends EventName>(
  event: E,
  payload: ContractEvents[E],
) => void

/** Runtime list of the contract's methods (the type checker keeps it complete). */
export const METHOD_NAMES = Object.keys({
  'app.getInfo': 1,
  'project.open': 1,
  'project.current': 1,
  'project.reload': 1,
  'project.recent': 1,
  'project.chooseFolder': 1,
  'project.updateSettings': 1,
  'project.setDomains': 1,
  'project.setMock': 1,
  'simulator.bundle': 1,
  'wx.call': 1,
  'wx.operateTask': 1,
  'project.buildNpm': 1,
  'files.operate': 1,
  'network.body': 1,
  'network.replay': 1,
  'network.exportHar': 1,
  'network.securityDetails': 1,
  'network.setCondition': 1,
  'network.judgeWebView': 1,
  'settings.machineNetwork': 1,
  'settings.setMachineNetwork': 1,
  'automation.answer': 1,
} satisfies Record<MethodName, 1>) as MethodName[]

/** Runtime list of the contract's events. */
export const EVENT_NAMES = Object.keys({
  'project.changed': 1,
  'wx.task': 1,
  'network.event': 1,
  'network.console': 1,
  'project.sourcesChanged': 1,
  'automation.command': 1,
  'project.npmProgress': 1,
} satisfies Record<EventName, 1>) as EventName[]

export function isMethodName(name: unknown): name is MethodName {
  return typeof name === 'string' && (METHOD_NAMES as string[]).includes(name)
}

/** Channel prefix for Electron IPC; raw IPC outside this prefix is never handled. */
export const IPC_PREFIX = 'mpdt:'
