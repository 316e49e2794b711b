/**
 * `<map>` without map tiles: the simulator works offline, so the map is a neutral grid with a
 * note saying so, and what the page puts on it is drawn where Web Mercator at `scale` places it
 * around (`longitude`, `latitude`): `markers` (a pin or `iconPath`, `title`, tap → `markertap`
 * `{ markerId }`) and `polyline` (`points`, `color`, `width`, `dottedLine`). A drag pans the map:
 * `regionchange` `{ type: 'begin', causedBy: 'gesture' }`, then `{ type: 'end', causedBy: 'drag',
 * detail: { centerLocation, region, scale } }`; a tap elsewhere fires `tap` `{ longitude,
 * latitude }`.
 */
import type * as glassEasel from 'glass-easel'
import { defineBuiltin, domOf, type Data } from './define'
import { toCssPx } from '../frame-zoom'
import { resolveImageSource } from './image'

/** What the note on the grid says (our wording). */
export const MAP_NOTE = '模拟器离线运行，不加载地图底图：网格仅示意经纬度位置'

interface Marker {
  id?: number
  longitude: number
  latitude: number
  title?: string
  iconPath?: string
  width?: number
  height?: number
}

interface Polyline {
  points: { longitude: number; latitude: number }[]
  color?: string
  width?: number
  dottedLine?: boolean
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

const SVG = 'http://www.w3.org/2000/svg'

export function defineMap(space: glassEasel.ComponentSpace, assets: Record<string, string>): void {
  defineBuiltin(space, 'map', {
    properties: {
      longitude: { type: Number, value: 116.397 },
      latitude: { type: Number, value: 39.908 },
      scale: { type: Number, value: 16 },
      markers: { type: Array, value: [] },
      polyline: { type: Array, value: [] },
      enableScroll: { type: Boolean, value: true },
    },
    render(context) {
      const { host, data, emit, component } = context
      const doc = host.ownerDocument
      const layer = domOf(context.appendElement('div', 'wx-map__layer'))
      const lines = doc.createElementNS(SVG, 'svg')
      lines.setAttribute('class', 'wx-map__lines')
      layer.appendChild(lines)
      const pins = doc.createElement('div')
      pins.className = 'wx-map__markers'
      layer.appendChild(pins)
      const note = domOf(context.appendElement('div', 'wx-map__note'))
      note.textContent = MAP_NOTE
      note.setAttribute('role', 'note')
      const owner = () => component.ownerShadowRoot?.getHostNode().is ?? ''

      let center = { longitude: 0, latitude: 0 }
      let offset = { x: 0, y: 0 }
      const scale = () => Math.min(Math.max(Number(data().scale) || 16, 3), 20)
      const size = () => ({ width: host.clientWidth || 300, height: host.clientHeight || 150 })
      /** Screen position (CSS px in the map) of a location. */
      const place = (longitude: number, latitude: number) => {
        const at = worldPoint(longitude, latitude, scale())
        const middle = worldPoint(center.longitude, center.latitude, scale())
        const { width, height } = size()
        return { x: width / 2 + at.x - middle.x, y: height / 2 + at.y - middle.y }
      }
      const draw = () => {
        const d = data()
        layer.style.transform = `translate(${offset.x}px, ${offset.y}px)`
        host.style.backgroundPosition = `${offset.x}px ${offset.y}px`
        pins.textContent = ''
        for (const marker of (d.markers as Marker[] | null) ?? []) {
          const { x, y } = place(Number(marker.longitude), Number(marker.latitude))
          const pin = doc.createElement('div')
          pin.className = 'wx-map__marker'
          pin.style.left = `${x}px`
          pin.style.top = `${y}px`
          const icon = marker.iconPath ? resolveImageSource(marker.iconPath, owner(), assets) : null
          if (icon) {
            const image = doc.createElement('img')
            image.src = icon
            image.style.width = `${Number(marker.width) || 24}px`
            image.style.height = `${Number(marker.height) || 24}px`
            pin.appendChild(image)
          } else pin.classList.add('wx-map__pin')
          if (marker.title) pin.title = marker.title
          pin.addEventListener('click', (event) => {
            event.stopPropagation()
            emit('markertap', { markerId: marker.id ?? 0 })
          })
          pins.appendChild(pin)
        }
        lines.textContent = ''
        for (const line of (d.polyline as Polyline[] | null) ?? []) {
          const path = doc.createElementNS(SVG, 'polyline')
          const points = (line.points ?? []).map((point) => {
            const { x, y } = place(Number(point.longitude), Number(point.latitude))
            return `${x},${y}`
          })
          path.setAttribute('points', points.join(' '))
          path.setAttribute('fill', 'none')
          path.setAttribute('stroke', String(line.color ?? '#000000').slice(0, 7))
          path.setAttribute('stroke-width', String(Number(line.width) || 1))
          if (line.dottedLine) path.setAttribute('stroke-dasharray', '4 4')
          lines.appendChild(path)
        }
      }
      const region = () => {
        const { width, height } = size()
        const middle = worldPoint(center.longitude, center.latitude, scale())
        const corner = (dx: number, dy: number) =>
          worldLocation(middle.x + dx, middle.y + dy, scale())
        return {
          centerLocation: { ...center },
          region: {
            southwest: corner(-width / 2, height / 2),
            northeast: corner(width / 2, -height / 2),
          },
          scale: scale(),
        }
      }

      let drag: { x: number; y: number; moved: boolean } | undefined
      const pointOf = (event: MouseEvent | TouchEvent) =>
        'touches' in event ? (event.touches[0] ?? event.changedTouches[0]) : event
      const begin = (event: MouseEvent | TouchEvent) => {
        if (!data().enableScroll) return
        const point = pointOf(event)
        if (!point) return
        drag = { x: point.clientX, y: point.clientY, moved: false }
        doc.addEventListener('mousemove', move)
        doc.addEventListener('touchmove', move)
        doc.addEventListener('mouseup', end)
        doc.addEventListener('touchend', end)
      }
      const move = (event: MouseEvent | TouchEvent) => {
        const point = pointOf(event)
        if (!drag || !point) return
        if (!drag.moved) emit('regionchange', { type: 'begin', causedBy: 'gesture' })
        drag.moved = true
        offset = { x: toCssPx(point.clientX - drag.x), y: toCssPx(point.clientY - drag.y) }
        draw()
      }
      const end = () => {
        doc.removeEventListener('mousemove', move)
        doc.removeEventListener('touchmove', move)
        doc.removeEventListener('mouseup', end)
        doc.removeEventListener('touchend', end)
        const moved = drag?.moved
        drag = undefined
        if (!moved) return
        const middle = worldPoint(center.longitude, center.latitude, scale())
        center = worldLocation(middle.x - offset.x, middle.y - offset.y, scale())
        offset = { x: 0, y: 0 }
        draw()
        emit('regionchange', { type: 'end', causedBy: 'drag', detail: region() })
      }
      host.addEventListener('mousedown', begin)
      host.addEventListener('touchstart', begin)
      context.onAttach(() => draw())

      const applied: Data = {}
      return (d: Data) => {
        if (d.longitude !== applied.longitude || d.latitude !== applied.latitude) {
          applied.longitude = d.longitude
          applied.latitude = d.latitude
          center = { longitude: Number(d.longitude), latitude: Number(d.latitude) }
        }
        draw()
      }
    },
  })
}
