/**
 * The simulated phone's devices: its clipboard, phone calls and vibration (logged: a computer
 * cannot ring or shake), its location (the simulator's, asked for with `scope.userLocation`; with
 * `startLocationUpdate`, or `startLocationUpdateBackground` with `scope.userLocationBackground`,
 * every move of the toolbar's 位置 reaches `onLocationChange`) and
 * its camera for `wx.scanCode` (the simulator asks for the result; headless it is cancelled).
 */
import { apiFailure } from './api-result'
import type { LaterInvoker } from './async-api'
import type { Authorizations } from './authorization'
import type { ErrorSink } from './guarded-call'
import { ListenerList } from './listener-list'
import type { NativePort, SimulatedLocation } from './native-port'
import type { NowInvoker } from './wx-api'

export interface DeviceApiHost {
  port: NativePort
  invoke: NowInvoker
  invokeLater: LaterInvoker
  authorizations: Authorizations
  sink: ErrorSink
  defer(fn: () => void): void
}

/** Where WeChat DevTools puts the simulated phone until the developer moves it. */
export const DEFAULT_LOCATION: SimulatedLocation = {
  latitude: 23.099994,
  longitude: 113.32452,
  name: 'T.I.T 创意园',
  address: '广东省广州市海珠区新港中路397号',
}

/** The members createDeviceApi makes (created on first use: `LazyGroup` in wx-build.ts). */
export const DEVICE_API_NAMES = [
  'setClipboardData',
  'getClipboardData',
  'makePhoneCall',
  'vibrateShort',
  'vibrateLong',
  'getLocation',
  'chooseLocation',
  'startLocationUpdate',
  'startLocationUpdateBackground',
  'stopLocationUpdate',
  'onLocationChange',
  'offLocationChange',
  'scanCode',
] as const

export function createDeviceApi(
  host: DeviceApiHost,
): Record<(typeof DEVICE_API_NAMES)[number], unknown> {
  const { port, invoke, invokeLater, authorizations } = host
  let clipboard = ''
  const log = (message: string) => port.console('log', [message], 'baselib')
  const location = () => port.location?.() ?? DEFAULT_LOCATION
  /** What `getLocation` and `onLocationChange` answer for the simulated place. */
  const fix = (altitude: boolean) => {
    const { latitude, longitude } = location()
    return {
      latitude,
      longitude,
      speed: -1,
      accuracy: 65,
      verticalAccuracy: 65,
      horizontalAccuracy: 65,
      ...(altitude ? { altitude: 0 } : {}),
    }
  }
  const locationListeners = new ListenerList()
  /** Set between startLocationUpdate and stopLocationUpdate: the simulator's moves are told. */
  let stopUpdates: (() => void) | undefined
  const tellLocation = () => locationListeners.emit(host.sink, fix(false))
  /**
   * Location updates after the user allowed `scope`: WeChat tells the place once at the start,
   * then at every move (the toolbar's 位置). The background form differs only by its scope (the
   * simulator has no background).
   */
  const startUpdates = (api: string, scope: string, options: unknown) =>
    invokeLater(api, options, (_opts, settle) =>
      authorizations.ask(scope, (allowed) => {
        if (!allowed) {
          settle({ ok: false, failure: apiFailure(api, 'auth deny') })
          return
        }
        stopUpdates ??= port.onLocationChange?.(tellLocation) ?? (() => undefined)
        settle({ ok: true })
        host.defer(tellLocation)
      }),
    )

  return {
    setClipboardData: (options: unknown) =>
      invoke('setClipboardData', options, (opts) => {
        clipboard = String(opts.data)
        port.ui?.showToast({ title: '内容已复制', icon: 'none', duration: 1500, mask: false })
      }),
    getClipboardData: (options: unknown) =>
      invoke('getClipboardData', options, () => ({ data: clipboard })),
    makePhoneCall: (options: unknown) =>
      invoke('makePhoneCall', options, (opts) =>
        log(`wx.makePhoneCall: ${String(opts.phoneNumber)}`),
      ),
    vibrateShort: (options: unknown) => invoke('vibrateShort', options, () => undefined),
    vibrateLong: (options: unknown) => invoke('vibrateLong', options, () => undefined),
    getLocation: (options: unknown) =>
      invokeLater('getLocation', options, (opts, settle) =>
        authorizations.ask('scope.userLocation', (allowed) => {
          if (!allowed) {
            settle({ ok: false, failure: apiFailure('getLocation', 'auth deny') })
            return
          }
          settle({ ok: true, result: fix(opts.altitude === true) })
        }),
      ),
    startLocationUpdate: (options: unknown) =>
      startUpdates('startLocationUpdate', 'scope.userLocation', options),
    startLocationUpdateBackground: (options: unknown) =>
      startUpdates('startLocationUpdateBackground', 'scope.userLocationBackground', options),
    stopLocationUpdate: (options: unknown) =>
      invoke('stopLocationUpdate', options, () => {
        stopUpdates?.()
        stopUpdates = undefined
      }),
    onLocationChange: (listener: unknown) => locationListeners.add(listener),
    offLocationChange: (listener?: unknown) => locationListeners.remove(listener),
    chooseLocation: (options: unknown) =>
      invoke('chooseLocation', options, () => {
        const { latitude, longitude, name = '', address = '' } = location()
        return { name, address, latitude, longitude }
      }),
    scanCode: (options: unknown) =>
      invokeLater('scanCode', options, (_opts, settle) => {
        const cancel = () => settle({ ok: false, failure: apiFailure('scanCode', 'cancel') })
        const ui = port.ui
        if (!ui?.askScanResult) {
          host.defer(cancel)
          return
        }
        // Called on the UI, so a class drawing it keeps its `this`.
        ui.askScanResult((result) =>
          result === undefined
            ? cancel()
            : settle({
                ok: true,
                result: { result, scanType: 'QR_CODE', charSet: 'UTF-8', path: '', rawData: '' },
              }),
        )
      }),
  }
}
