/**
 * `<match-media>`: its content shows only while the simulated window matches every condition set
 * (`min-width`, `max-width`, `width`, `min-height`, `max-height`, `height` in px, `orientation`
 * `landscape`/`portrait`), and shows or hides again when the device or window changes.
 */
import type * as glassEasel from 'glass-easel'
import { defineBuiltin, toggleAttribute, type Data } from './define'
import { toCssPx } from '../frame-zoom'

export interface MediaWindow {
  width: number
  height: number
}

/** Whether `window` matches the conditions in `d` (unset conditions always match). */
export function mediaMatches(d: Data, window: MediaWindow): boolean {
  const set = (name: string) => d[name] !== undefined && d[name] !== null && d[name] !== ''
  const at = (name: string) => Number(d[name])
  if (set('minWidth') && window.width < at('minWidth')) return false
  if (set('maxWidth') && window.width > at('maxWidth')) return false
  if (set('width') && window.width !== at('width')) return false
  if (set('minHeight') && window.height < at('minHeight')) return false
  if (set('maxHeight') && window.height > at('maxHeight')) return false
  if (set('height') && window.height !== at('height')) return false
  if (set('orientation')) {
    const orientation = window.width > window.height ? 'landscape' : 'portrait'
    if (d.orientation !== orientation) return false
  }
  return true
}

export function defineMatchMedia(space: glassEasel.ComponentSpace): void {
  const length = { type: null, value: '' }
  defineBuiltin(space, 'match-media', {
    properties: {
      minWidth: length,
      maxWidth: length,
      width: length,
      minHeight: length,
      maxHeight: length,
      height: length,
      orientation: { type: String, value: '' },
    },
    render({ host, data, appendSlot, onAttach, onDetach }) {
      appendSlot()
      const view = host.ownerDocument.defaultView
      /** The page's window: its viewport between the bars, or the whole screen. */
      const windowSize = (): MediaWindow => {
        const viewport = host.closest('.mp-page') as HTMLElement | null
        if (viewport?.clientWidth) {
          return { width: viewport.clientWidth, height: viewport.clientHeight }
        }
        // The frame's window is the zoomed phone (frame-zoom.ts).
        return { width: toCssPx(view?.innerWidth ?? 0), height: toCssPx(view?.innerHeight ?? 0) }
      }
      const update = () =>
        toggleAttribute(host, 'wx-unmatched', !mediaMatches(data(), windowSize()))
      onAttach(() => {
        view?.addEventListener('resize', update)
        update()
      })
      onDetach(() => view?.removeEventListener('resize', update))
      return () => update()
    },
  })
}
