/**
 * `<slider>`: a track with WeChat's colours and a thumb with role=slider. Dragging (mouse or
 * touch) fires `bindchanging` `{ value }` while moving and `bindchange` `{ value }` on release;
 * arrow keys step and fire `bindchange`. Values snap to `step` from `min`, clamped to `max`.
 */
import type * as glassEasel from 'glass-easel'
import { defineBuiltin, toggleAttribute, type Data } from './define'
import { registerFormField } from './form-fields'

/** The value at `fraction` (0…1) of the track. */
export function sliderValueAt(fraction: number, min: number, max: number, step: number): number {
  const clamped = Math.min(1, Math.max(0, fraction))
  const size = step > 0 ? step : 1
  const snapped = min + Math.round(((max - min) * clamped) / size) * size
  return clampValue(snapped, min, max)
}

function clampValue(value: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, value))
}

export function defineSlider(space: glassEasel.ComponentSpace): void {
  defineBuiltin(space, 'slider', {
    properties: {
      min: { type: Number, value: 0 },
      max: { type: Number, value: 100 },
      step: { type: Number, value: 1 },
      value: { type: Number, value: 0 },
      disabled: { type: Boolean, value: false },
      color: { type: String, value: '#e9e9e9' },
      selectedColor: { type: String, value: '#1aad19' },
      activeColor: { type: String, value: '' },
      backgroundColor: { type: String, value: '' },
      blockSize: { type: Number, value: 28 },
      blockColor: { type: String, value: '#ffffff' },
      showValue: { type: Boolean, value: false },
      name: { type: String, value: '' },
    },
    render({ component, host, data, emit, set, onAttach }) {
      const doc = host.ownerDocument
      const track = doc.createElement('div')
      track.className = 'wx-slider-track'
      const active = doc.createElement('div')
      active.className = 'wx-slider-active'
      const thumb = doc.createElement('div')
      thumb.className = 'wx-slider-thumb'
      thumb.setAttribute('role', 'slider')
      const shown = doc.createElement('span')
      shown.className = 'wx-slider-value'
      track.append(active, thumb)
      host.append(track, shown)

      let initial = 0
      let current = 0
      registerFormField(component, {
        name: () => String(data().name),
        value: () => current,
        reset: () => set({ value: initial }),
      })

      const bounds = () => {
        const d = data()
        return { min: Number(d.min), max: Number(d.max), step: Number(d.step) }
      }
      const draw = (value: number) => {
        const { min, max } = bounds()
        current = value
        const percent = max > min ? ((value - min) / (max - min)) * 100 : 0
        active.style.width = `${percent}%`
        thumb.style.left = `${percent}%`
        thumb.setAttribute('aria-valuenow', String(value))
        shown.textContent = String(value)
      }
      const valueAt = (clientX: number) => {
        const rect = track.getBoundingClientRect()
        const { min, max, step } = bounds()
        return sliderValueAt(
          rect.width > 0 ? (clientX - rect.left) / rect.width : 0,
          min,
          max,
          step,
        )
      }
      const commit = (value: number) => {
        draw(value)
        set({ value })
        emit('change', { value })
      }

      let dragging = false
      const pointOf = (event: MouseEvent | TouchEvent) =>
        'touches' in event ? (event.changedTouches[0]?.clientX ?? 0) : event.clientX
      const start = (event: MouseEvent | TouchEvent) => {
        if (data().disabled) return
        dragging = true
        draw(valueAt(pointOf(event)))
        emit('changing', { value: current })
        doc.addEventListener('mousemove', move)
        doc.addEventListener('touchmove', move)
        doc.addEventListener('mouseup', end)
        doc.addEventListener('touchend', end)
      }
      const move = (event: MouseEvent | TouchEvent) => {
        if (!dragging) return
        const value = valueAt(pointOf(event))
        if (value === current) return
        draw(value)
        emit('changing', { value })
      }
      const end = (event: MouseEvent | TouchEvent) => {
        if (!dragging) return
        dragging = false
        doc.removeEventListener('mousemove', move)
        doc.removeEventListener('touchmove', move)
        doc.removeEventListener('mouseup', end)
        doc.removeEventListener('touchend', end)
        commit(valueAt(pointOf(event)))
      }
      track.addEventListener('mousedown', start)
      track.addEventListener('touchstart', start)
      thumb.addEventListener('keydown', (event) => {
        if (data().disabled) return
        const { min, max, step } = bounds()
        const delta =
          event.key === 'ArrowRight' || event.key === 'ArrowUp'
            ? step
            : event.key === 'ArrowLeft' || event.key === 'ArrowDown'
              ? -step
              : 0
        if (!delta) return
        event.preventDefault()
        const value = clampValue(current + delta, min, max)
        if (value !== current) commit(value)
      })

      onAttach(() => {
        initial = current
      })
      return (d: Data) => {
        const { min, max } = bounds()
        const value = clampValue(Number(d.value), min, max)
        thumb.setAttribute('aria-valuemin', String(min))
        thumb.setAttribute('aria-valuemax', String(max))
        toggleAttribute(thumb, 'aria-disabled', Boolean(d.disabled), 'true')
        thumb.tabIndex = d.disabled ? -1 : 0
        toggleAttribute(host, 'disabled', Boolean(d.disabled))
        track.style.backgroundColor = String(d.backgroundColor || d.color)
        active.style.backgroundColor = String(d.activeColor || d.selectedColor)
        const size = Math.min(28, Math.max(12, Number(d.blockSize)))
        thumb.style.width = thumb.style.height = `${size}px`
        thumb.style.marginLeft = thumb.style.marginTop = `${-size / 2}px`
        thumb.style.backgroundColor = String(d.blockColor)
        shown.hidden = !d.showValue
        draw(value)
      }
    },
  })
}
