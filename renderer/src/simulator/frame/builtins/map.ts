/**
 * `<map>` without map tiles: the simulator works offline, so the map is a neutral grid with a
 * note saying so, and what the page puts on it is drawn where Web Mercator at the scale places it
 * around (`longitude`, `latitude`): `markers` (a pin or `iconPath`, `anchor`, `rotate`, `alpha`,
 * `label`, `callout` shown `ALWAYS` or `BYCLICK`), `polyline`, `polygons`, `circles` (radius in
 * metres), `controls` (fixed pictures over the map), the location point (`show-location`, the
 * simulator's 位置) and the light children (`<cover-view>`). `include-points` fits the view.
 *
 * Gestures: a drag pans (`enable-scroll`), the wheel and a two-finger pinch zoom (`enable-zoom`,
 * between `min-scale` and `max-scale`); each fires `regionchange` `{ type: 'begin', causedBy:
 * 'gesture' }` then `{ type: 'end', causedBy: 'drag' | 'scale', rotate, skew, scale,
 * centerLocation, region }`; a MapContext move fires both with `causedBy: 'update'`. Taps fire
 * `markertap`, `labeltap`, `callouttap` (`{ markerId }`), `controltap` (`{ controlId }`),
 * `anchorpointtap` on the location point and `tap` on the grid, both with `{ longitude, latitude }`
 * (WeChat's 2.9.0+ tap detail). A marker's `customCallout` shows the `<cover-view marker-id>` of
 * the `callout` slot above it instead of `callout`. `updated` follows each drawn data change.
 * There are no map tiles, so no POI to tap: `poitap` never fires.
 * `mapControlOf` gives the component's MapControl (what `shared/runtime/map-context.ts` drives).
 */
import type * as glassEasel from 'glass-easel'
import type { MapControl, MapLocation } from '../../../../../shared/runtime/map-context'
import { defineBuiltin, domOf, type Data } from './define'
import { toCssPx, toCssRect } from '../frame-zoom'
import { resolveImageSource } from './image'

/** What the note on the grid says (our wording). */
export const MAP_NOTE = '模拟器离线运行，不加载地图底图：网格仅示意经纬度位置'

/** Calls `listener` with the simulated location now and after each move; returns the stop. */
export type WatchLocation = (listener: (location: MapLocation) => void) => () => void

interface Bubble {
  content?: string
  color?: string
  fontSize?: number
  borderRadius?: number
  borderWidth?: number
  borderColor?: string
  bgColor?: string
  padding?: number
  display?: 'BYCLICK' | 'ALWAYS'
  textAlign?: string
  anchorX?: number
  anchorY?: number
}

/** Where the `callout` slot's `<cover-view marker-id>` shows; the marker's `callout` is then unused. */
interface CustomCallout {
  display?: 'BYCLICK' | 'ALWAYS'
  anchorX?: number
  anchorY?: number
}

interface Marker extends MapLocation {
  id?: number
  title?: string
  iconPath?: string
  width?: number | string
  height?: number | string
  rotate?: number
  alpha?: number
  zIndex?: number
  anchor?: { x?: number; y?: number }
  callout?: Bubble
  customCallout?: CustomCallout
  label?: Bubble & { x?: number; y?: number }
}

interface Polyline {
  points?: MapLocation[]
  color?: string
  width?: number
  dottedLine?: boolean
}

interface Polygon {
  points?: MapLocation[]
  strokeWidth?: number
  strokeColor?: string
  fillColor?: string
  dashArray?: number[]
}

interface Circle extends MapLocation {
  radius?: number
  color?: string
  fillColor?: string
  strokeWidth?: number
}

interface Control {
  id?: number
  position?: { left?: number; top?: number; width?: number; height?: number }
  iconPath?: string
  clickable?: boolean
}

/** Web Mercator world pixels (256 at scale 0) of a longitude/latitude at `scale`. */
export function worldPoint(longitude: number, latitude: number, scale: number) {
  const size = 256 * 2 ** scale
  const sin = Math.min(Math.max(Math.sin((latitude * Math.PI) / 180), -0.9999), 0.9999)
  return {
    x: ((longitude + 180) / 360) * size,
    y: (0.5 - Math.log((1 + sin) / (1 - sin)) / (4 * Math.PI)) * size,
  }
}

/** The longitude/latitude at world pixels (`x`, `y`) at `scale`. */
export function worldLocation(x: number, y: number, scale: number) {
  const size = 256 * 2 ** scale
  const n = Math.PI - (2 * Math.PI * y) / size
  return {
    longitude: (x / size) * 360 - 180,
    latitude: (180 / Math.PI) * Math.atan(Math.sinh(n)),
  }
}

/** Metres one world pixel spans at `latitude` and `scale` (Earth's equator: 40075016.686 m). */
function metresPerPixel(latitude: number, scale: number): number {
  return (40075016.686 * Math.cos((latitude * Math.PI) / 180)) / (256 * 2 ** scale)
}

/** A WeChat colour (`#RRGGBB`, `#RRGGBBAA`, a CSS name) as CSS; anything else is `fallback`. */
function cssColor(value: unknown, fallback: string): string {
  return typeof value === 'string' && /^(#[0-9a-f]{3,8}|[a-z]+|rgba?\([\d\s.,%]+\))$/i.test(value)
    ? value
    : fallback
}

const locationOf = (point: MapLocation): MapLocation => ({
  longitude: Number(point.longitude),
  latitude: Number(point.latitude),
})

const SVG = 'http://www.w3.org/2000/svg'
const controls = new WeakMap<glassEasel.GeneralComponent, MapControl>()
/** Names each map's host (`wx-map-key`) so its custom-callout rules apply to it alone. */
let mapCount = 0

/** The MapControl of a `<map>` component, or `undefined` for another component. */
export function mapControlOf(component: glassEasel.GeneralComponent): MapControl | undefined {
  return controls.get(component)
}

export function defineMap(
  space: glassEasel.ComponentSpace,
  assets: Record<string, string>,
  watchLocation?: WatchLocation,
): void {
  defineBuiltin(space, 'map', {
    multipleSlots: true,
    properties: {
      longitude: { type: Number, value: 116.397 },
      latitude: { type: Number, value: 39.908 },
      scale: { type: Number, value: 16 },
      minScale: { type: Number, value: 3 },
      maxScale: { type: Number, value: 20 },
      markers: { type: Array, value: [] },
      covers: { type: Array, value: [] },
      polyline: { type: Array, value: [] },
      polygons: { type: Array, value: [] },
      circles: { type: Array, value: [] },
      controls: { type: Array, value: [] },
      includePoints: { type: Array, value: [] },
      showLocation: { type: Boolean, value: false },
      enableScroll: { type: Boolean, value: true },
      enableZoom: { type: Boolean, value: true },
      // Accepted as WeChat's map takes them; the grid has no 3D, satellite, traffic or rotation.
      subkey: { type: String, value: '' },
      layerStyle: { type: Number, value: 1 },
      rotate: { type: Number, value: 0 },
      skew: { type: Number, value: 0 },
      enable3D: { type: Boolean, value: false },
      showCompass: { type: Boolean, value: false },
      showScale: { type: Boolean, value: false },
      enableOverlooking: { type: Boolean, value: false },
      enableRotate: { type: Boolean, value: false },
      enableSatellite: { type: Boolean, value: false },
      enableTraffic: { type: Boolean, value: false },
      enablePoi: { type: Boolean, value: true },
      enableBuilding: { type: Boolean, value: true },
      setting: { type: Object, value: {} },
    },
    render(context) {
      const { host, data, emit, component } = context
      const doc = host.ownerDocument
      const layerNode = context.appendElement('div', 'wx-map__layer')
      const layer = domOf(layerNode)
      const shapes = doc.createElementNS(SVG, 'svg')
      shapes.setAttribute('class', 'wx-map__lines')
      layer.appendChild(shapes)
      const pins = doc.createElement('div')
      pins.className = 'wx-map__markers'
      layer.appendChild(pins)
      // The `callout` slot's cover-views, placed by rules written per map (they are the page's
      // elements: their own style and class stay the page's).
      const calloutsNode = context.appendElement('div', 'wx-map__callouts', layerNode)
      context.appendSlot(calloutsNode, 'callout')
      const customCallouts = domOf(calloutsNode)
      const placement = doc.createElement('style')
      layer.appendChild(placement)
      const key = String((mapCount += 1))
      host.setAttribute('wx-map-key', key)
      const buttons = domOf(context.appendElement('div', 'wx-map__controls'))
      context.appendSlot()
      const note = domOf(context.appendElement('div', 'wx-map__note'))
      note.textContent = MAP_NOTE
      note.setAttribute('role', 'note')
      const owner = () => component.ownerShadowRoot?.getHostNode().is ?? ''
      const picture = (path: string) => resolveImageSource(path, owner(), assets)

      let center: MapLocation = { longitude: 0, latitude: 0 }
      let zoom = 16
      let offset = { x: 0, y: 0 }
      let centerAt: [number, number] = [0.5, 0.5]
      let markers: Marker[] = []
      let here: MapLocation | undefined
      let hereIcon: string | undefined
      const opened = new Set<number>()
      const clampZoom = (value: number) => {
        const d = data()
        const min = Math.max(Number(d.minScale) || 3, 3)
        const max = Math.min(Number(d.maxScale) || 20, 20)
        return Math.min(Math.max(value, min), max)
      }
      const size = () => ({ width: host.clientWidth || 300, height: host.clientHeight || 150 })
      /** Screen position (CSS px in the map) of a location. */
      const place = (longitude: number, latitude: number) => {
        const at = worldPoint(longitude, latitude, zoom)
        const middle = worldPoint(center.longitude, center.latitude, zoom)
        const { width, height } = size()
        return {
          x: width * centerAt[0] + at.x - middle.x,
          y: height * centerAt[1] + at.y - middle.y,
        }
      }
      const locationAt = (x: number, y: number) => {
        const middle = worldPoint(center.longitude, center.latitude, zoom)
        const { width, height } = size()
        return worldLocation(
          middle.x + x - width * centerAt[0],
          middle.y + y - height * centerAt[1],
          zoom,
        )
      }
      const svg = (tag: string, attributes: Record<string, string>) => {
        const element = doc.createElementNS(SVG, tag)
        for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, value)
        shapes.appendChild(element)
        return element
      }
      const pointsOf = (points: MapLocation[] | undefined) =>
        (points ?? [])
          .map((point) => {
            const { x, y } = place(Number(point.longitude), Number(point.latitude))
            return `${x},${y}`
          })
          .join(' ')
      const bubble = (spec: Bubble, className: string, markerId: number, event: string) => {
        const element = doc.createElement('div')
        element.className = className
        element.textContent = String(spec.content ?? '')
        const style = element.style
        style.color = cssColor(spec.color, '#000000')
        if (spec.fontSize) style.fontSize = `${Number(spec.fontSize)}px`
        style.borderRadius = `${Number(spec.borderRadius) || 0}px`
        style.border = `${Number(spec.borderWidth) || 0}px solid ${cssColor(spec.borderColor, 'transparent')}`
        style.background = cssColor(
          spec.bgColor,
          className.endsWith('callout') ? '#ffffff' : 'transparent',
        )
        style.padding = `${Number(spec.padding) || 0}px`
        style.textAlign =
          spec.textAlign === 'left' || spec.textAlign === 'right' ? spec.textAlign : 'center'
        style.translate = `${Number(spec.anchorX) || 0}px ${Number(spec.anchorY) || 0}px`
        element.addEventListener('click', (domEvent) => {
          domEvent.stopPropagation()
          emit(event, { markerId })
        })
        return element
      }
      const drawMarker = (marker: Marker) => {
        const markerId = Number(marker.id ?? 0)
        const { x, y } = place(Number(marker.longitude), Number(marker.latitude))
        const pin = doc.createElement('div')
        pin.className = 'wx-map__marker'
        pin.style.left = `${x}px`
        pin.style.top = `${y}px`
        if (marker.zIndex !== undefined) pin.style.zIndex = String(Number(marker.zIndex))
        const anchorX = Number(marker.anchor?.x ?? 0.5)
        const anchorY = Number(marker.anchor?.y ?? 1)
        const body = doc.createElement('div')
        body.className = 'wx-map__marker-body'
        body.style.transform = `translate(${-anchorX * 100}%, ${-anchorY * 100}%)`
        body.style.transformOrigin = `${anchorX * 100}% ${anchorY * 100}%`
        if (marker.rotate) body.style.rotate = `${Number(marker.rotate)}deg`
        if (marker.alpha !== undefined) body.style.opacity = String(Number(marker.alpha))
        const icon = marker.iconPath ? picture(marker.iconPath) : null
        if (icon) {
          const image = doc.createElement('img')
          image.src = icon
          image.style.width = `${parseFloat(String(marker.width)) || 24}px`
          image.style.height = `${parseFloat(String(marker.height)) || 24}px`
          body.appendChild(image)
        } else body.classList.add('wx-map__pin')
        if (marker.title && !marker.customCallout) pin.title = marker.title
        body.addEventListener('click', (event) => {
          event.stopPropagation()
          if ((marker.customCallout ?? marker.callout)?.display !== 'ALWAYS') {
            if (opened.has(markerId)) opened.delete(markerId)
            else opened.add(markerId)
            draw()
          }
          emit('markertap', { markerId })
        })
        pin.appendChild(body)
        if (marker.label?.content)
          pin.appendChild(bubble(marker.label, 'wx-map__label', markerId, 'labeltap'))
        const callout = marker.callout
        if (marker.customCallout) {
          if (marker.customCallout.display === 'ALWAYS' || opened.has(markerId))
            shownCallouts.push({ marker, x, y })
        } else if (callout?.content && (callout.display === 'ALWAYS' || opened.has(markerId))) {
          const shown = bubble(callout, 'wx-map__callout', markerId, 'callouttap')
          shown.style.bottom = `${(parseFloat(String(marker.height)) || 24) + 6}px`
          pin.appendChild(shown)
        }
        pins.appendChild(pin)
      }
      let shownCallouts: { marker: Marker; x: number; y: number }[] = []
      /** The rules that show the custom callouts of `shownCallouts` and hide the others. */
      const placeCustomCallouts = () => {
        const scope = `map[wx-map-key="${key}"] > .wx-map__layer > .wx-map__callouts > * >`
        const shown = shownCallouts.map(({ marker, x, y }) => {
          const id = JSON.stringify(String(Number(marker.id ?? 0)))
          const custom = marker.customCallout ?? {}
          const left = x + (Number(custom.anchorX) || 0)
          const top = y - (parseFloat(String(marker.height)) || 24) + (Number(custom.anchorY) || 0)
          return {
            selector: `[marker-id=${id}]`,
            rule: `${scope} [marker-id=${id}] { position: absolute !important; left: 0 !important; top: 0 !important; translate: calc(${left}px - 50%) calc(${top}px - 100%); }`,
          }
        })
        const hidden = shown.length
          ? `${scope} :not(${shown.map((one) => one.selector).join(', ')})`
          : `${scope} *`
        placement.textContent = [
          `${hidden} { display: none !important; }`,
          ...shown.map((one) => one.rule),
        ].join('\n')
      }
      const draw = () => {
        const d = data()
        shownCallouts = []
        layer.style.transform = `translate(${offset.x}px, ${offset.y}px)`
        const cell = 32 * 2 ** (zoom - Math.floor(zoom))
        host.style.backgroundSize = `${cell}px ${cell}px`
        host.style.backgroundPosition = `${offset.x}px ${offset.y}px`
        pins.textContent = ''
        shapes.textContent = ''
        for (const circle of (d.circles as Circle[] | null) ?? []) {
          const { x, y } = place(Number(circle.longitude), Number(circle.latitude))
          const r = (Number(circle.radius) || 0) / metresPerPixel(Number(circle.latitude), zoom)
          svg('circle', {
            cx: String(x),
            cy: String(y),
            r: String(r),
            fill: cssColor(circle.fillColor, 'none'),
            stroke: cssColor(circle.color, 'none'),
            'stroke-width': String(Number(circle.strokeWidth) || 0),
          })
        }
        for (const polygon of (d.polygons as Polygon[] | null) ?? []) {
          const shape = svg('polygon', {
            points: pointsOf(polygon.points),
            fill: cssColor(polygon.fillColor, 'none'),
            stroke: cssColor(polygon.strokeColor, '#000000'),
            'stroke-width': String(Number(polygon.strokeWidth) || 1),
          })
          if (Array.isArray(polygon.dashArray) && polygon.dashArray.some(Number))
            shape.setAttribute('stroke-dasharray', polygon.dashArray.map(Number).join(' '))
        }
        for (const line of (d.polyline as Polyline[] | null) ?? []) {
          const path = svg('polyline', {
            points: pointsOf(line.points),
            fill: 'none',
            stroke: cssColor(line.color, '#000000'),
            'stroke-width': String(Number(line.width) || 1),
          })
          if (line.dottedLine) path.setAttribute('stroke-dasharray', '4 4')
        }
        for (const marker of [...markers, ...((d.covers as Marker[] | null) ?? [])])
          drawMarker(marker)
        placeCustomCallouts()
        if (d.showLocation && here) {
          const { x, y } = place(here.longitude, here.latitude)
          const dot = doc.createElement('div')
          dot.className = 'wx-map__location'
          dot.style.left = `${x}px`
          dot.style.top = `${y}px`
          const icon = hereIcon ? picture(hereIcon) : null
          if (icon) {
            const image = doc.createElement('img')
            image.src = icon
            dot.appendChild(image)
          } else dot.classList.add('wx-map__location--dot')
          const at = here
          dot.addEventListener('click', (event) => {
            event.stopPropagation()
            emit('anchorpointtap', { ...at })
          })
          pins.appendChild(dot)
        }
        buttons.textContent = ''
        for (const control of (d.controls as Control[] | null) ?? []) {
          const icon = control.iconPath ? picture(control.iconPath) : null
          if (!icon) continue
          const image = doc.createElement('img')
          image.className = 'wx-map__control'
          image.src = icon
          const at = control.position ?? {}
          image.style.left = `${Number(at.left) || 0}px`
          image.style.top = `${Number(at.top) || 0}px`
          if (at.width) image.style.width = `${Number(at.width)}px`
          if (at.height) image.style.height = `${Number(at.height)}px`
          if (control.clickable) {
            image.addEventListener('click', (event) => {
              event.stopPropagation()
              emit('controltap', { controlId: Number(control.id ?? 0) })
            })
          }
          buttons.appendChild(image)
        }
      }
      const region = () => {
        const { width, height } = size()
        return { southwest: locationAt(0, height), northeast: locationAt(width, 0) }
      }
      const regionDetail = () => ({
        rotate: 0,
        skew: 0,
        scale: zoom,
        centerLocation: { ...center },
        region: region(),
      })
      const begin = (causedBy: 'gesture' | 'update') =>
        emit('regionchange', { type: 'begin', causedBy })
      const end = (causedBy: 'drag' | 'scale' | 'update') =>
        emit('regionchange', { type: 'end', causedBy, ...regionDetail() })
      /** A change the MapContext asked for: drawn, and told as `causedBy: 'update'`. */
      const update = (change: () => void) => {
        begin('update')
        change()
        draw()
        end('update')
      }
      const fit = (points: MapLocation[], padding: number[]) => {
        if (points.length === 0) return
        const world = points.map((point) => worldPoint(point.longitude, point.latitude, 0))
        const xs = world.map((point) => point.x)
        const ys = world.map((point) => point.y)
        const [top = 0, right = top, bottom = top, left = right] = padding
        const { width, height } = size()
        const spanX = Math.max(...xs) - Math.min(...xs)
        const spanY = Math.max(...ys) - Math.min(...ys)
        const fits = Math.min(
          spanX > 0 ? Math.max(width - left - right, 1) / spanX : Infinity,
          spanY > 0 ? Math.max(height - top - bottom, 1) / spanY : Infinity,
        )
        if (Number.isFinite(fits)) zoom = clampZoom(Math.floor(Math.log2(fits) * 10) / 10)
        center = worldLocation(
          (Math.max(...xs) + Math.min(...xs)) / 2,
          (Math.max(...ys) + Math.min(...ys)) / 2,
          0,
        )
      }
      const markerIndex = (markerId: number) =>
        markers.findIndex((marker) => Number(marker.id ?? 0) === markerId)
      /** Moves marker `index` through `path` in `duration` ms, drawing each frame. */
      const animate = (index: number, path: MapLocation[], duration: number, done: () => void) => {
        const marker = markers[index]
        const stops = [{ longitude: marker.longitude, latitude: marker.latitude }, ...path]
        const started = Date.now()
        const step = () => {
          const progress = duration > 0 ? Math.min((Date.now() - started) / duration, 1) : 1
          const along = progress * (stops.length - 1)
          const from = stops[Math.floor(along)]
          const to = stops[Math.min(Math.floor(along) + 1, stops.length - 1)]
          const part = along - Math.floor(along)
          markers[index] = {
            ...markers[index],
            longitude: from.longitude + (to.longitude - from.longitude) * part,
            latitude: from.latitude + (to.latitude - from.latitude) * part,
          }
          draw()
          if (progress < 1) setTimeout(step, 16)
          else done()
        }
        step()
      }
      const control: MapControl = {
        kind: 'map',
        center: () => ({ ...center }),
        region,
        scale: () => zoom,
        moveTo: (location) => update(() => (center = location)),
        includePoints: (points, padding) => update(() => fit(points, padding)),
        translateMarker(markerId, destination, options, done) {
          const index = markerIndex(markerId)
          if (index < 0) return false
          if (options.rotate !== undefined)
            markers[index] = { ...markers[index], rotate: options.rotate }
          animate(index, [destination], options.duration, done)
          return true
        },
        moveAlong(markerId, path, duration, done) {
          const index = markerIndex(markerId)
          if (index < 0) return false
          animate(index, path, duration, done)
          return true
        },
        addMarkers(added, clear) {
          const kept = clear ? [] : markers
          const ids = new Set(added.map((marker) => Number(marker.id ?? 0)))
          markers = [
            ...kept.filter((marker) => !ids.has(Number(marker.id ?? 0))),
            ...(added as unknown as Marker[]),
          ]
          draw()
        },
        removeMarkers(markerIds) {
          const gone = new Set(markerIds)
          markers = markers.filter((marker) => !gone.has(Number(marker.id ?? 0)))
          draw()
        },
        setCenterOffset: (at) => update(() => (centerAt = at)),
        toScreen: (location) => place(location.longitude, location.latitude),
        fromScreen: locationAt,
        setLocationIcon(iconPath) {
          hereIcon = iconPath
          draw()
        },
      }
      controls.set(component, control)

      let drag: { x: number; y: number; moved: boolean } | undefined
      let pinch: { distance: number; zoom: number } | undefined
      const pointOf = (event: MouseEvent | TouchEvent) =>
        'touches' in event ? (event.touches[0] ?? event.changedTouches[0]) : event
      const spread = (event: TouchEvent) => {
        const [a, b] = [event.touches[0], event.touches[1]]
        return Math.hypot(b.clientX - a.clientX, b.clientY - a.clientY) || 1
      }
      const start = (event: MouseEvent | TouchEvent) => {
        if ('touches' in event && event.touches.length >= 2) {
          if (!data().enableZoom) return
          drag = undefined
          pinch = { distance: spread(event), zoom }
          begin('gesture')
          return
        }
        if (!data().enableScroll) return
        const point = pointOf(event)
        if (!point) return
        drag = { x: point.clientX, y: point.clientY, moved: false }
        doc.addEventListener('mousemove', move)
        doc.addEventListener('touchmove', move)
        doc.addEventListener('mouseup', stop)
        doc.addEventListener('touchend', stop)
      }
      const move = (event: MouseEvent | TouchEvent) => {
        if (pinch && 'touches' in event && event.touches.length >= 2) {
          zoom = clampZoom(pinch.zoom + Math.log2(spread(event) / pinch.distance))
          draw()
          return
        }
        const point = pointOf(event)
        if (!drag || !point) return
        if (!drag.moved) begin('gesture')
        drag.moved = true
        offset = { x: toCssPx(point.clientX - drag.x), y: toCssPx(point.clientY - drag.y) }
        draw()
      }
      const stop = () => {
        doc.removeEventListener('mousemove', move)
        doc.removeEventListener('touchmove', move)
        doc.removeEventListener('mouseup', stop)
        doc.removeEventListener('touchend', stop)
        const moved = drag?.moved
        drag = undefined
        if (!moved) return
        center = locationAt(
          size().width * centerAt[0] - offset.x,
          size().height * centerAt[1] - offset.y,
        )
        offset = { x: 0, y: 0 }
        draw()
        end('drag')
      }
      const pinchEnd = (event: TouchEvent) => {
        if (!pinch || event.touches.length >= 2) return
        pinch = undefined
        end('scale')
      }
      let wheeling: ReturnType<typeof setTimeout> | undefined
      const wheel = (event: WheelEvent) => {
        if (!data().enableZoom) return
        event.preventDefault()
        if (wheeling === undefined) begin('gesture')
        else clearTimeout(wheeling)
        zoom = clampZoom(zoom + Math.min(Math.max(-event.deltaY / 100, -1), 1))
        draw()
        // The wheel has no end of its own: the gesture ends when it rests.
        wheeling = setTimeout(() => {
          wheeling = undefined
          end('scale')
        }, WHEEL_REST_MS)
      }
      customCallouts.addEventListener('click', (event) => {
        const chosen = (event.target as Element).closest('[marker-id]')
        if (!chosen || !customCallouts.contains(chosen)) return
        event.stopPropagation()
        emit('callouttap', { markerId: Number(chosen.getAttribute('marker-id')) })
      })
      // A tap on the grid is the map's `tap`, told where it fell; one on a marker, label, callout,
      // control or the location point is theirs alone. The light children keep their own taps.
      const theirs = (target: Node) =>
        target === host ||
        (layer.contains(target) && !customCallouts.contains(target)) ||
        buttons.contains(target)
      const onSurface = (target: Node) =>
        !(target as Partial<Element>).closest?.(
          '.wx-map__marker, .wx-map__location, .wx-map__control',
        )
      // A tap in a custom callout is its callouttap alone: stopped before it reaches the map.
      component.addListener(
        'tap',
        (event) => {
          const target = (event.getOriginalEvent() as Event | undefined)?.target as Node | undefined
          if (target && customCallouts.contains(target)) event.stopPropagation()
        },
        { capture: true },
      )
      context.shadowRoot.addListener('tap', (event) => {
        const target = (event.getOriginalEvent() as Event | undefined)?.target as Node | undefined
        if (!target || !theirs(target)) return
        event.stopPropagation()
        if (!onSurface(target)) return
        const point = event.detail as { x?: number; y?: number }
        const rect = toCssRect(host.getBoundingClientRect())
        emit('tap', locationAt(Number(point.x) - rect.left, Number(point.y) - rect.top))
      })
      host.addEventListener('mousedown', start)
      host.addEventListener('touchstart', start)
      host.addEventListener('touchmove', move)
      host.addEventListener('touchend', pinchEnd)
      host.addEventListener('wheel', wheel, { passive: false })
      let stopWatching: (() => void) | undefined
      // Laid out later than attached (a hidden page, a size from the page's CSS): drawn again.
      const Observer = doc.defaultView?.ResizeObserver
      const resized = Observer ? new Observer(() => draw()) : undefined
      context.onAttach(() => {
        resized?.observe(host)
        stopWatching ??= watchLocation?.((location) => {
          here = location
          draw()
        })
        // Fitted again now the map has its size.
        const points = data().includePoints as MapLocation[] | null
        if (points?.length) fit(points.map(locationOf), [])
        draw()
      })
      context.onDetach(() => {
        resized?.disconnect()
        stopWatching?.()
        stopWatching = undefined
        if (wheeling !== undefined) clearTimeout(wheeling)
        wheeling = undefined
      })

      // `updated` once a data change is drawn (several in one task are one update).
      let attached = false
      let telling = false
      const tellUpdated = () => {
        if (telling || !attached) return
        telling = true
        setTimeout(() => {
          telling = false
          if (attached) emit('updated', {})
        }, 0)
      }
      context.onAttach(() => {
        attached = true
        tellUpdated()
      })
      context.onDetach(() => (attached = false))

      const applied: Data = {}
      return (d: Data) => {
        if (d.longitude !== applied.longitude || d.latitude !== applied.latitude) {
          applied.longitude = d.longitude
          applied.latitude = d.latitude
          center = { longitude: Number(d.longitude), latitude: Number(d.latitude) }
        }
        if (d.scale !== applied.scale) {
          applied.scale = d.scale
          zoom = clampZoom(Number(d.scale) || 16)
        }
        if (d.markers !== applied.markers) {
          applied.markers = d.markers
          markers = [...((d.markers as Marker[] | null) ?? [])]
        }
        if (d.includePoints !== applied.includePoints) {
          applied.includePoints = d.includePoints
          fit(((d.includePoints as MapLocation[] | null) ?? []).map(locationOf), [])
        }
        draw()
        tellUpdated()
      }
    },
  })
}

/** How long the wheel rests before a wheel zoom's `regionchange` end. */
export const WHEEL_REST_MS = 200
