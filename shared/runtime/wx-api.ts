/**
 * The `wx` object the mini-program sees: storage, system info, network type and request.
 * Asynchronous APIs act at once and call back after the current macrotask, as WeChat does; called
 * without any of `success`/`fail`/`complete` they return a Promise instead (WeChat's promisified
 * form). `wx.request` never does: it returns its RequestTask.
 */
import { ApiError, type ApiFailure } from './api-result'
import { callGuarded, type ErrorSink } from './guarded-call'
import type { NativePort } from './native-port'
import type { RequestApi } from './request'
import { AppStorage, StorageError } from './storage'

export interface WxApiHost {
  port: NativePort
  sink: ErrorSink
  /** Runs a step after the current macrotask, counted as pending. */
  defer(fn: () => void): void
  storage: AppStorage
  requests: RequestApi
}

type Callbacks = { success?: unknown; fail?: unknown; complete?: unknown }

function optionsOf(options: unknown): Record<string, unknown> & Callbacks {
  return (typeof options === 'object' && options !== null ? options : {}) as Record<string, unknown>
}

/** Runs `act` now; reports `<api>:ok` merged into its result, or the ApiError it threw. */
export type NowInvoker = (
  api: string,
  options: unknown,
  act: (opts: Record<string, unknown>) => Record<string, unknown> | void,
) => Promise<unknown> | undefined

export function createAsyncInvoker(sink: ErrorSink, defer: (fn: () => void) => void): NowInvoker {
  return function invoke(
    api: string,
    options: unknown,
    act: (opts: Record<string, unknown>) => Record<string, unknown> | void,
  ): Promise<unknown> | undefined {
    const opts = optionsOf(options)
    let outcome: { ok: true; result: Record<string, unknown> } | { ok: false; failure: ApiFailure }
    try {
      outcome = { ok: true, result: { ...(act(opts) ?? {}), errMsg: `${api}:ok` } }
    } catch (error) {
      if (!(error instanceof ApiError)) throw error
      outcome = { ok: false, failure: { ...error.failure } }
    }
    const usesCallbacks = [opts.success, opts.fail, opts.complete].some(
      (callback) => typeof callback === 'function',
    )
    const payload = outcome.ok ? outcome.result : outcome.failure
    if (usesCallbacks) {
      defer(() => {
        callGuarded(sink, outcome.ok ? opts.success : opts.fail, undefined, [payload])
        callGuarded(sink, opts.complete, undefined, [payload])
      })
      return undefined
    }
    return new Promise((resolve, reject) =>
      defer(() => (outcome.ok ? resolve(payload) : reject(payload))),
    )
  }
}

export function createWxApi(host: WxApiHost): Record<string, unknown> {
  const { port, storage } = host
  const invoke = createAsyncInvoker(host.sink, host.defer)
  /** The device, with the safe area every host's `getSystemInfoSync` reports (the host's or derived). */
  const systemInfo = (): Record<string, unknown> => {
    const info = copyPlainData(port.systemInfo())
    info.safeArea ??= windowInfo(info).safeArea
    return info
  }

  return {
    request: host.requests.request,

    // The synchronous forms throw a StorageError, an Error whose message is the errMsg.
    getStorageSync: (key: unknown) => storage.get('getStorageSync', key).value,
    setStorageSync: (key: unknown, data: unknown) => storage.set('setStorageSync', key, data),
    removeStorageSync: (key: unknown) => storage.remove('removeStorageSync', key),
    clearStorageSync: () => storage.clear(),

    getStorage: (options: unknown) =>
      invoke('getStorage', options, (opts) => {
        const { found, value } = storage.get('getStorage', opts.key)
        if (!found) throw new StorageError({ errMsg: 'getStorage:fail data not found' })
        return { data: value }
      }),
    setStorage: (options: unknown) =>
      invoke('setStorage', options, (opts) => storage.set('setStorage', opts.key, opts.data)),
    removeStorage: (options: unknown) =>
      invoke('removeStorage', options, (opts) => storage.remove('removeStorage', opts.key)),
    clearStorage: (options: unknown) => invoke('clearStorage', options, () => storage.clear()),
    getStorageInfoSync: () => storage.info(),
    getStorageInfo: (options: unknown) => invoke('getStorageInfo', options, () => storage.info()),

    getSystemInfoSync: systemInfo,
    getWindowInfo: () => windowInfo(systemInfo()),
    getDeviceInfo: () => deviceInfo(systemInfo()),
    getAppBaseInfo: () => appBaseInfo(systemInfo()),
    getSystemSetting: () => systemSetting(systemInfo()),
    getAppAuthorizeSetting: () => appAuthorizeSetting(),
    getMenuButtonBoundingClientRect: () => menuButtonRect(systemInfo()),
    getSystemInfo: (options: unknown) => invoke('getSystemInfo', options, systemInfo),
    getNetworkType: (options: unknown) =>
      invoke('getNetworkType', options, () => ({ networkType: port.networkType() })),
  }
}

/**
 * `wx.getWindowInfo()` from the device's system info; `safeArea` and `screenTop` come from the host
 * when it knows them (the simulator's frame does), else from the status bar and the window height.
 */
function windowInfo(info: Record<string, unknown>): Record<string, unknown> {
  const number = (name: string): number => Number(info[name] ?? 0)
  const [screenWidth, screenHeight] = [number('screenWidth'), number('screenHeight')]
  const statusBarHeight = number('statusBarHeight')
  return {
    pixelRatio: number('pixelRatio'),
    screenWidth,
    screenHeight,
    windowWidth: number('windowWidth'),
    windowHeight: number('windowHeight'),
    statusBarHeight,
    safeArea: info.safeArea ?? {
      left: 0,
      right: screenWidth,
      top: statusBarHeight,
      bottom: screenHeight,
      width: screenWidth,
      height: screenHeight - statusBarHeight,
    },
    screenTop: info.screenTop ?? screenHeight - number('windowHeight'),
  }
}

/** `wx.getDeviceInfo()`: the device part of the system info. */
function deviceInfo(info: Record<string, unknown>): Record<string, unknown> {
  const { brand, model, system, platform, pixelRatio } = info
  return { brand, model, system, platform, pixelRatio, benchmarkLevel: 1 }
}

/** `wx.getAppBaseInfo()`: the WeChat app part of the system info. */
function appBaseInfo(info: Record<string, unknown>): Record<string, unknown> {
  const { SDKVersion, language, version, fontSizeSetting } = info
  return {
    SDKVersion,
    language,
    version,
    fontSizeSetting,
    enableDebug: false,
    host: { env: 'WeChat' },
    // WeChat: only with app.json `darkmode: true`, else undefined (the host leaves it out then).
    ...(info.theme !== undefined && { theme: info.theme }),
  }
}

/** `wx.getSystemSetting()`: the phone's switches, all on in the simulator. */
function systemSetting(info: Record<string, unknown>): Record<string, unknown> {
  const landscape = Number(info.screenWidth) > Number(info.screenHeight)
  return {
    bluetoothEnabled: true,
    locationEnabled: true,
    wifiEnabled: true,
    deviceOrientation: landscape ? 'landscape' : 'portrait',
  }
}

/** `wx.getAppAuthorizeSetting()`: WeChat's own permissions on the simulated phone, all granted. */
function appAuthorizeSetting(): Record<string, unknown> {
  return {
    albumAuthorized: 'authorized',
    bluetoothAuthorized: 'authorized',
    cameraAuthorized: 'authorized',
    locationAuthorized: 'authorized',
    locationReducedAccuracy: false,
    microphoneAuthorized: 'authorized',
    notificationAuthorized: 'authorized',
    notificationAlertAuthorized: 'authorized',
    notificationBadgeAuthorized: 'authorized',
    notificationSoundAuthorized: 'authorized',
    phoneCalendarAuthorized: 'authorized',
  }
}

/** The capsule (menu button) WeChat draws at the top right: 87×32, 7 px from the edge. */
export const MENU_BUTTON = { width: 87, height: 32, right: 7 }

/**
 * `wx.getMenuButtonBoundingClientRect()`: where the capsule is, below the status bar (4 px on iOS,
 * 8 px elsewhere, as WeChat places it).
 */
export function menuButtonRect(info: Record<string, unknown>): Record<string, number> {
  const gap = /ios/i.test(String(info.system)) ? 4 : 8
  const top = Number(info.statusBarHeight ?? 0) + gap
  const right = Number(info.screenWidth ?? 0) - MENU_BUTTON.right
  return {
    width: MENU_BUTTON.width,
    height: MENU_BUTTON.height,
    top,
    right,
    bottom: top + MENU_BUTTON.height,
    left: right - MENU_BUTTON.width,
  }
}

/** A deep copy of plain data, so the mini-program cannot change the host's object. */
function copyPlainData<T>(value: T): Record<string, unknown> {
  return JSON.parse(JSON.stringify(value)) as Record<string, unknown>
}
