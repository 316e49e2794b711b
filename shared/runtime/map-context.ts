/**
 * `MapContext` (`wx.createMapContext(mapId, component?)` and SelectorQuery's `context()` on a
 * `<map>`): WeChat's callback/Promise methods over the `MapControl` the screen gives for a drawn
 * `<map>` (`renderer/src/simulator/frame/builtins/map.ts`). The map is found by id when a method
 * is called, as WeChat binds it; without one (headless, or no such id) a method fails.
 * `moveToLocation()` without coordinates goes to the simulated location (the simulator's 位置).
 */
import { apiFailure, parameterError, typeName, type ApiFailure } from './api-result'
import type { ApiOptions, LaterInvoker } from './async-api'
import { callGuarded, type ErrorSink } from './guarded-call'
import { FAIL_WORDS } from '../wechat-errors'

export interface MapLocation {
  longitude: number
  latitude: number
}

export interface MapRegion {
  southwest: MapLocation
  northeast: MapLocation
}

/** What the screen's `<map>` does for its MapContext (the frame draws it; headless there is none). */
export interface MapControl {
  readonly kind: 'map'
  center(): MapLocation
  region(): MapRegion
  scale(): number
  /** Moves the centre (regionchange `causedBy: 'update'`). */
  moveTo(location: MapLocation): void
  /** Zooms and centres so every point shows inside the map less `padding` (top, right, bottom, left). */
  includePoints(points: MapLocation[], padding: number[]): void
  /** Moves a marker to `destination` over `duration` ms; `false` when there is no such marker. */
  translateMarker(
    markerId: number,
    destination: MapLocation,
    options: { duration: number; rotate?: number; autoRotate: boolean },
    done: () => void,
  ): boolean
  /** Moves a marker along `path` over `duration` ms; `false` when there is no such marker. */
  moveAlong(markerId: number, path: MapLocation[], duration: number, done: () => void): boolean
  addMarkers(markers: Record<string, unknown>[], clear: boolean): void
  removeMarkers(markerIds: number[]): void
  /** Where the centre sits, as fractions of the map's width and height (0.25 … 0.75). */
  setCenterOffset(offset: [number, number]): void
  toScreen(location: MapLocation): { x: number; y: number }
  fromScreen(x: number, y: number): MapLocation
  /** Draws the location point (show-location) with this picture instead of the blue dot. */
  setLocationIcon(iconPath: string): void
}

function isMapControl(value: unknown): value is MapControl {
  return typeof value === 'object' && value !== null && (value as MapControl).kind === 'map'
}

/** MapContext methods the simulator cannot do without a map engine: they fail `not supported`. */
const UNSUPPORTED = [
  'addCustomLayer',
  'removeCustomLayer',
  'addGroundOverlay',
  'updateGroundOverlay',
  'removeGroundOverlay',
  'addVisualLayer',
  'removeVisualLayer',
  'executeVisualLayerCommand',
  'addArc',
  'removeArc',
  'setBoundary',
  'initMarkerCluster',
  'openMapApp',
] as const

type Method = (options?: unknown) => Promise<unknown> | undefined

export interface MapContextHost {
  invokeLater: LaterInvoker
  sink: ErrorSink
  /** The simulated location (the simulator's 位置). */
  location(): MapLocation
}

const isLocation = (value: unknown): value is MapLocation =>
  typeof value === 'object' &&
  value !== null &&
  Number.isFinite(Number((value as MapLocation).longitude)) &&
  Number.isFinite(Number((value as MapLocation).latitude))

const locationOf = (value: MapLocation): MapLocation => ({
  longitude: Number(value.longitude),
  latitude: Number(value.latitude),
})

/** WeChat's MapContext over the map `control()` finds when a method is called. */
export function createMapContext(
  control: () => MapControl | undefined,
  host: MapContextHost,
): Record<string, unknown> {
  const { invokeLater, sink } = host
  /** One method: fails without a map, else `run` answers (its result, or a failure). */
  const method =
    (name: string, run: (map: MapControl, opts: ApiOptions) => object | void): Method =>
    (options) =>
      invokeLater(name, options, (opts, settle) => {
        const map = control()
        if (!map) {
          settle({ ok: false, failure: apiFailure(name, 'map not found') })
          return
        }
        const answer = run(map, opts)
        if (answer && typeof (answer as ApiFailure).errMsg === 'string')
          settle({ ok: false, failure: answer as ApiFailure })
        else settle({ ok: true, result: { ...answer } })
      })
  const markerIdOf = (name: string, opts: ApiOptions): number | ApiFailure =>
    typeof opts.markerId === 'number'
      ? opts.markerId
      : parameterError(name, 'markerId', 'Number', opts.markerId)
  const noMarker = (name: string, markerId: number) =>
    apiFailure(name, `marker ${markerId} not found`)
  const whenDone = (callback: unknown) => () => callGuarded(sink, callback, undefined, [])

  const context: Record<string, unknown> = {
    getCenterLocation: method('getCenterLocation', (map) => ({ ...map.center() })),
    getRegion: method('getRegion', (map) => ({ ...map.region() })),
    getScale: method('getScale', (map) => ({ scale: map.scale() })),
    getRotate: method('getRotate', () => ({ rotate: 0 })),
    getSkew: method('getSkew', () => ({ skew: 0 })),
    moveToLocation: method('moveToLocation', (map, opts) => {
      const given = isLocation(opts)
      map.moveTo(locationOf(given ? (opts as unknown as MapLocation) : host.location()))
    }),
    includePoints: method('includePoints', (map, opts) => {
      if (!Array.isArray(opts.points))
        return parameterError('includePoints', 'points', 'Array', opts.points)
      const padding = Array.isArray(opts.padding) ? opts.padding.map((p) => Number(p) || 0) : []
      map.includePoints(opts.points.filter(isLocation).map(locationOf), padding)
    }),
    translateMarker: method('translateMarker', (map, opts) => {
      const markerId = markerIdOf('translateMarker', opts)
      if (typeof markerId !== 'number') return markerId
      if (!isLocation(opts.destination))
        return parameterError('translateMarker', 'destination', 'Object', opts.destination)
      const moved = map.translateMarker(
        markerId,
        locationOf(opts.destination),
        {
          duration: Number(opts.duration ?? 1000),
          ...(typeof opts.rotate === 'number' && { rotate: opts.rotate }),
          autoRotate: opts.autoRotate === true,
        },
        whenDone(opts.animationEnd),
      )
      return moved ? undefined : noMarker('translateMarker', markerId)
    }),
    moveAlong: method('moveAlong', (map, opts) => {
      const markerId = markerIdOf('moveAlong', opts)
      if (typeof markerId !== 'number') return markerId
      if (!Array.isArray(opts.path)) return parameterError('moveAlong', 'path', 'Array', opts.path)
      if (typeof opts.duration !== 'number')
        return parameterError('moveAlong', 'duration', 'Number', opts.duration)
      const path = opts.path.filter(isLocation).map(locationOf)
      const moved = map.moveAlong(markerId, path, opts.duration, () => undefined)
      return moved ? undefined : noMarker('moveAlong', markerId)
    }),
    addMarkers: method('addMarkers', (map, opts) => {
      if (!Array.isArray(opts.markers))
        return parameterError('addMarkers', 'markers', 'Array', opts.markers)
      map.addMarkers(
        opts.markers.filter((marker) => typeName(marker) === 'Object'),
        opts.clear === true,
      )
    }),
    removeMarkers: method('removeMarkers', (map, opts) => {
      if (!Array.isArray(opts.markerIds))
        return parameterError('removeMarkers', 'markerIds', 'Array', opts.markerIds)
      map.removeMarkers(opts.markerIds.map(Number))
    }),
    setCenterOffset: method('setCenterOffset', (map, opts) => {
      const offset = opts.offset
      if (!Array.isArray(offset) || offset.length !== 2)
        return parameterError('setCenterOffset', 'offset', 'Array', offset)
      const clamp = (value: unknown) => Math.min(Math.max(Number(value) || 0.5, 0.25), 0.75)
      map.setCenterOffset([clamp(offset[0]), clamp(offset[1])])
    }),
    toScreenLocation: method('toScreenLocation', (map, opts) =>
      isLocation(opts)
        ? map.toScreen(locationOf(opts as unknown as MapLocation))
        : parameterError('toScreenLocation', 'latitude', 'Number', opts.latitude),
    ),
    fromScreenLocation: method('fromScreenLocation', (map, opts) =>
      Number.isFinite(Number(opts.x)) && Number.isFinite(Number(opts.y))
        ? map.fromScreen(Number(opts.x), Number(opts.y))
        : parameterError('fromScreenLocation', 'x', 'Number', opts.x),
    ),
    setLocMarkerIcon: method('setLocMarkerIcon', (map, opts) => {
      if (typeof opts.iconPath !== 'string')
        return parameterError('setLocMarkerIcon', 'iconPath', 'String', opts.iconPath)
      map.setLocationIcon(opts.iconPath)
    }),
    /** Marker-cluster events: the simulator draws no clusters, so they never fire. */
    on: () => undefined,
  }
  for (const name of UNSUPPORTED) {
    context[name] = (options?: unknown) =>
      invokeLater(name, options, (_opts, settle) =>
        settle({ ok: false, failure: apiFailure(name, FAIL_WORDS.notSupported) }),
      )
  }
  return context
}

/** The MapContext made for each drawn map (one per map, as `context()` answers the same object). */
const contexts = new WeakMap<MapControl, Record<string, unknown>>()
const controls = new WeakMap<object, MapControl>()

/**
 * SelectorQuery's `context()` for what the screen gives for an element: a map's control becomes
 * its MapContext, anything else (a VideoContext, `null`) is kept.
 */
export function wxContextOf(answer: unknown, host: MapContextHost): unknown {
  if (!isMapControl(answer)) return answer
  let context = contexts.get(answer)
  if (!context) {
    context = createMapContext(() => answer, host)
    contexts.set(answer, context)
    controls.set(context, answer)
  }
  return context
}

/** The map control behind a MapContext `wxContextOf` made, or `undefined`. */
export function mapControlOf(context: unknown): MapControl | undefined {
  return typeof context === 'object' && context !== null ? controls.get(context) : undefined
}
