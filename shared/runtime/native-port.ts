/**
 * The one interface through which the mini-program runtime reaches its host. The runtime itself is
 * environment-free; the host (a sandboxed iframe in the simulator, Node for `mpdt run`) implements
 * this port. Every member is synchronous so the runtime keeps WeChat's synchronous APIs
 * (`wx.getStorageSync`, `wx.getSystemInfoSync`); hosts that live across a message channel load
 * what they need before creating the runtime.
 */
import type { EngineCallbacks, EngineRequest, EngineTask } from '../network'

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
  /** Hands one checked, serialized request to the engine; callbacks follow in order. */
  request(req: EngineRequest, callbacks: EngineCallbacks): EngineTask
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
  /** An uncaught exception in mini-program code; the runtime keeps running after it. */
  reportError(error: ReportedError): void
}
