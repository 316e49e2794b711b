/**
 * App-level APIs: ext.json's config (`getExtConfig`/`getExtConfigSync`), the update manager
 * (never an update in the simulator), `getPerformance` (the runtime's own timings),
 * `reportAnalytics`/`reportEvent` (logged), the share menu and window background (answered,
 * nothing to draw), `previewImage`, the view's preloads (`preloadAssets`, `preloadWebview`,
 * `preloadSkylineView`) and Skyline's support (`getSkylineInfo(Sync)`), `nextTick`,
 * `createAnimation` and base64 conversion.
 */
import { createAnimation } from './animation'
import { ERRNO } from '../wechat-errors'
import { ApiError, apiFailure, parameterError, typeName } from './api-result'
import { callGuarded, type ErrorSink } from './guarded-call'
import type { NativePort } from './native-port'
import type { NowInvoker } from './wx-api'

export interface AppApiHost {
  port: NativePort
  sink: ErrorSink
  invoke: NowInvoker
  defer(fn: () => void): void
  /** The project's files (ext.json among them, when it has one). */
  files: Record<string, string>
  /** The runtime's own timings, as `getPerformance().getEntries()` reports them. */
  timings(): PerformanceEntryRecord[]
}

/** One entry of WeChat's Performance: `appLaunch`, `route`, `firstRender`… */
export interface PerformanceEntryRecord {
  entryType: 'navigation' | 'render' | 'script'
  name: string
  startTime: number
  duration: number
  path?: string
}

/** ext.json's `ext` when `extEnable` is true (WeChat's third-party platform config), else `{}`. */
function extConfig(files: Record<string, string>): Record<string, unknown> {
  const text = files['ext.json']
  if (text === undefined) return {}
  try {
    const json = JSON.parse(text) as { extEnable?: unknown; ext?: unknown }
    return json.extEnable === true && typeof json.ext === 'object' && json.ext !== null
      ? (JSON.parse(JSON.stringify(json.ext)) as Record<string, unknown>)
      : {}
  } catch {
    return {}
  }
}

const BASE64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/'

function toBase64(buffer: unknown): string {
  if (!(buffer instanceof ArrayBuffer)) return ''
  const bytes = new Uint8Array(buffer)
  let out = ''
  for (let i = 0; i < bytes.length; i += 3) {
    const [a, b = 0, c = 0] = [bytes[i], bytes[i + 1], bytes[i + 2]]
    const n = (a << 16) | (b << 8) | c
    out += BASE64[(n >> 18) & 63] + BASE64[(n >> 12) & 63]
    out += i + 1 < bytes.length ? BASE64[(n >> 6) & 63] : '='
    out += i + 2 < bytes.length ? BASE64[n & 63] : '='
  }
  return out
}

function fromBase64(text: unknown): ArrayBuffer {
  const clean = String(text).replace(/[^A-Za-z0-9+/]/g, '')
  const bytes = new Uint8Array(Math.floor((clean.length * 3) / 4))
  let length = 0
  for (let i = 0; i < clean.length; i += 4) {
    const n = [0, 1, 2, 3].reduce(
      (acc, k) => (acc << 6) | Math.max(0, BASE64.indexOf(clean[i + k] ?? 'A')),
      0,
    )
    const chunk = [(n >> 16) & 255, (n >> 8) & 255, n & 255]
    const count = Math.min(3, Math.floor(((clean.length - i) * 6) / 8))
    for (let k = 0; k < count; k++) bytes[length++] = chunk[k]
  }
  return bytes.slice(0, length).buffer
}

/** The asset types `wx.preloadAssets` takes. */
const PRELOAD_TYPES = ['image', 'font']

/**
 * `wx.preloadAssets`' `data` checked as WeChat's parameter checks word it: the sources of the
 * images to preload, or the ApiError of the first bad entry.
 */
function preloadedImages(data: unknown): string[] {
  const api = 'preloadAssets'
  if (!Array.isArray(data)) throw new ApiError(parameterError(api, 'data', 'Array', data))
  const images: string[] = []
  data.forEach((asset: unknown, index) => {
    const name = `data[${index}]`
    if (typeName(asset) !== 'Object') throw new ApiError(parameterError(api, name, 'Object', asset))
    const { type, src } = asset as { type?: unknown; src?: unknown }
    if (typeof type !== 'string')
      throw new ApiError(parameterError(api, `${name}.type`, 'String', type))
    if (!PRELOAD_TYPES.includes(type)) {
      throw new ApiError(
        apiFailure(
          api,
          `parameter error: parameter.${name}.type should be one of ${PRELOAD_TYPES.map((t) => `'${t}'`).join(', ')} instead of '${type}';`,
          ERRNO.parameter,
        ),
      )
    }
    if (typeof src !== 'string')
      throw new ApiError(parameterError(api, `${name}.src`, 'String', src))
    if (type === 'image') images.push(src)
  })
  return images
}

/**
 * Skyline's support as `getSkylineInfo(Sync)` reports it: the simulator lays every page out as a
 * WebView (`RENDERER` in component-model.ts), so this client has no Skyline engine.
 */
const SKYLINE_INFO = { isSupported: false, version: '', reason: 'client not supported' } as const

/** The members createAppApi makes (created on first use: `LazyGroup` in wx-build.ts). */
export const APP_API_NAMES = [
  'getExtConfigSync',
  'getExtConfig',
  'getUpdateManager',
  'getPerformance',
  'reportAnalytics',
  'reportEvent',
  'showShareMenu',
  'hideShareMenu',
  'updateShareMenu',
  'setBackgroundColor',
  'setBackgroundTextStyle',
  'previewImage',
  'preloadAssets',
  'preloadWebview',
  'preloadSkylineView',
  'getSkylineInfoSync',
  'getSkylineInfo',
  'nextTick',
  'createAnimation',
  'arrayBufferToBase64',
  'base64ToArrayBuffer',
] as const

export function createAppApi(host: AppApiHost): Record<(typeof APP_API_NAMES)[number], unknown> {
  const { port, invoke } = host
  const log = (message: string, detail?: unknown) =>
    port.console('log', detail === undefined ? [message] : [message, detail], 'baselib')
  const answered = (api: string) => (options: unknown) => invoke(api, options, () => undefined)
  /**
   * The APIs WeChat documents as not callable in the Promise style: with no callback they return
   * nothing, and a failure nobody listens to is printed instead of becoming a rejected Promise.
   */
  const callbacksOnly =
    (api: string, act: (opts: Record<string, unknown>) => Record<string, unknown> | void) =>
    (options: unknown): undefined => {
      const opts = (typeof options === 'object' && options !== null ? options : {}) as Record<
        string,
        unknown
      >
      if ([opts.success, opts.fail, opts.complete].some((f) => typeof f === 'function')) {
        void invoke(api, options, act)
        return undefined
      }
      try {
        act(opts)
      } catch (error) {
        if (!(error instanceof ApiError)) throw error
        port.console('error', [error.failure.errMsg], 'baselib')
      }
      return undefined
    }

  return {
    getExtConfigSync: () => extConfig(host.files),
    getExtConfig: (options: unknown) =>
      invoke('getExtConfig', options, () => ({ extConfig: extConfig(host.files) })),
    getUpdateManager: () => {
      const manager = {
        onCheckForUpdate: (listener: unknown) =>
          host.defer(() => callGuarded(host.sink, listener, undefined, [{ hasUpdate: false }])),
        onUpdateReady: () => undefined,
        onUpdateFailed: () => undefined,
        applyUpdate: () => undefined,
      }
      return manager
    },
    getPerformance: () => ({
      now: () => Date.now(),
      getEntries: () => host.timings().map((entry) => ({ ...entry })),
      getEntriesByType: (type: unknown) =>
        host.timings().filter((entry) => entry.entryType === type),
      getEntriesByName: (name: unknown, type?: unknown) =>
        host
          .timings()
          .filter(
            (entry) => entry.name === name && (type === undefined || entry.entryType === type),
          ),
      createObserver: (callback: unknown) => ({
        observe: () =>
          host.defer(() =>
            callGuarded(host.sink, callback, undefined, [
              { getEntries: () => host.timings().map((entry) => ({ ...entry })) },
            ]),
          ),
        disconnect: () => undefined,
      }),
      setBufferSize: () => undefined,
    }),
    reportAnalytics: (eventName: unknown, data: unknown) =>
      log(`wx.reportAnalytics: ${String(eventName)}`, data),
    reportEvent: (eventId: unknown, data: unknown) =>
      log(`wx.reportEvent: ${String(eventId)}`, data),
    showShareMenu: answered('showShareMenu'),
    hideShareMenu: answered('hideShareMenu'),
    updateShareMenu: answered('updateShareMenu'),
    setBackgroundColor: answered('setBackgroundColor'),
    setBackgroundTextStyle: (options: unknown) =>
      invoke('setBackgroundTextStyle', options, (opts) => {
        if (opts.textStyle !== 'dark' && opts.textStyle !== 'light') {
          throw new ApiError(apiFailure('setBackgroundTextStyle', 'invalid textStyle'))
        }
      }),
    previewImage: (options: unknown) =>
      invoke('previewImage', options, (opts) => {
        const urls = (opts.urls as unknown[]).map(String)
        const current = opts.current === undefined ? 0 : urls.indexOf(String(opts.current))
        port.ui?.previewImage?.(urls, Math.max(current, 0))
      }),
    // Headless there is no view: the images are not fetched and the call succeeds all the same.
    preloadAssets: callbacksOnly('preloadAssets', (opts) => {
      const images = preloadedImages(opts.data)
      if (images.length > 0) port.ui?.preloadImages?.(images)
    }),
    // The simulator's pages open in a frame of their own with nothing to warm up.
    preloadWebview: callbacksOnly('preloadWebview', () => undefined),
    preloadSkylineView: callbacksOnly('preloadSkylineView', () => undefined),
    getSkylineInfoSync: () => ({ ...SKYLINE_INFO }),
    getSkylineInfo: callbacksOnly('getSkylineInfo', () => ({ ...SKYLINE_INFO })),
    nextTick: (callback: unknown) =>
      void Promise.resolve().then(() => callGuarded(host.sink, callback, undefined, [])),
    createAnimation,
    arrayBufferToBase64: toBase64,
    base64ToArrayBuffer: fromBase64,
  }
}
