/**
 * `<movable-area>` and `<movable-view>`: the view is dragged by mouse or touch inside its area,
 * along `direction` (`none`, `all`, `vertical`, `horizontal`), kept inside the area unless
 * `out-of-bounds`; `x`/`y` move it from data. Every move fires `bindchange` with WeChat's detail
 * `{ x, y, source }` (`touch` for a drag, `''` when set from data).
 */
import type * as glassEasel from 'glass-easel'
import { defineBuiltin, type Data } from './define'
import { toCssPx } from '../frame-zoom'

export interface MovableBounds {
  width: number
  height: number
}

/** `value` kept within `0 … room` (room below 0 — a view bigger than its area — pins it at 0). */
export function clampMovable(value: number, room: number): number {
  return Math.min(Math.max(value, Math.min(0, room)), Math.max(0, room))
}

export function defineMovable(space: glassEasel.ComponentSpace): void {
  defineBuiltin(space, 'movable-area', {
    properties: { scaleArea: { type: Boolean, value: false } },
    render({ appendSlot }) {
      appendSlot()
      return () => undefined
    },
  })

  defineBuiltin(space, 'movable-view', {
    properties: {
      direction: { type: String, value: 'none' },
      x: { type: Number, value: 0 },
      y: { type: Number, value: 0 },
      disabled: { type: Boolean, value: false },
      outOfBounds: { type: Boolean, value: false },
      inertia: { type: Boolean, value: false },
      damping: { type: Number, value: 20 },
      friction: { type: Number, value: 2 },
      // Two-finger zoom needs two pointers: scale-value (with scale) is applied, no gesture.
      scale: { type: Boolean, value: false },
      scaleMin: { type: Number, value: 0.1 },
      scaleMax: { type: Number, value: 10 },
      scaleValue: { type: Number, value: 1 },
      animation: { type: Boolean, value: true },
    },
    render({ host, data, emit, appendSlot }) {
      appendSlot()
      const doc = host.ownerDocument
      let x = 0
      let y = 0
      const room = () => {
        const area = host.parentElement?.closest('movable-area') as HTMLElement | null
        if (!area) return { width: Infinity, height: Infinity }
        return {
          width: area.clientWidth - host.offsetWidth,
          height: area.clientHeight - host.offsetHeight,
        }
      }
      let scale = 1
      const place = () => {
        const scaled = scale === 1 ? '' : ` scale(${scale})`
        host.style.transform = `translateX(${x}px) translateY(${y}px) translateZ(0px)${scaled}`
      }
      const moveTo = (nextX: number, nextY: number, source: string) => {
        const free = room()
        const inside = !data().outOfBounds
        const newX = inside ? clampMovable(nextX, free.width) : nextX
        const newY = inside ? clampMovable(nextY, free.height) : nextY
        if (newX === x && newY === y) return
        x = newX
        y = newY
        place()
        emit('change', { x, y, source })
      }

      let start: { pointX: number; pointY: number; x: number; y: number } | undefined
      const pointOf = (event: MouseEvent | TouchEvent) =>
        'touches' in event
          ? { clientX: event.touches[0]?.clientX ?? 0, clientY: event.touches[0]?.clientY ?? 0 }
          : event
      const begin = (event: MouseEvent | TouchEvent) => {
        const d = data()
        if (d.disabled || d.direction === 'none') return
        const point = pointOf(event)
        start = { pointX: point.clientX, pointY: point.clientY, x, y }
        doc.addEventListener('mousemove', move)
        doc.addEventListener('touchmove', move)
        doc.addEventListener('mouseup', end)
        doc.addEventListener('touchend', end)
      }
      const move = (event: MouseEvent | TouchEvent) => {
        if (!start) return
        const point = pointOf(event)
        const direction = String(data().direction)
        const horizontal = direction === 'all' || direction === 'horizontal'
        const vertical = direction === 'all' || direction === 'vertical'
        moveTo(
          horizontal ? start.x + toCssPx(point.clientX - start.pointX) : x,
          vertical ? start.y + toCssPx(point.clientY - start.pointY) : y,
          'touch',
        )
      }
      const end = () => {
        start = undefined
        doc.removeEventListener('mousemove', move)
        doc.removeEventListener('touchmove', move)
        doc.removeEventListener('mouseup', end)
        doc.removeEventListener('touchend', end)
      }
      host.addEventListener('mousedown', begin)
      host.addEventListener('touchstart', begin)

      const applied: Data = {}
      return (d: Data) => {
        const wanted = d.scale
          ? Math.min(
              Number(d.scaleMax) || 10,
              Math.max(Number(d.scaleMin) || 0.1, Number(d.scaleValue) || 1),
            )
          : 1
        if (wanted !== scale) {
          scale = wanted
          place()
        }
        if (d.x === applied.x && d.y === applied.y) return
        applied.x = d.x
        applied.y = d.y
        moveTo(Number(d.x) || 0, Number(d.y) || 0, '')
      }
    },
  })
}
