/**
 * A scroll-view's pull-down refresher (`refresher-enabled`): pulled down with the mouse or a
 * finger while the content is at its top, it opens as far as pulled (`bindrefresherpulling`
 * `{ dy }`); let go past `refresher-threshold` it stays open at the threshold, sets
 * `refresher-triggered` and fires `bindrefresherrefresh`, before it `bindrefresherabort` and closes.
 * Setting `refresher-triggered` to false closes an open one (`bindrefresherrestore`); to true opens
 * it. WeChat's default look (three dots on `refresher-background`); a `slot="refresher"` is not
 * drawn in it.
 */
import type { BuiltinContext, Data } from './define'
import { toCssPx } from '../frame-zoom'

export const REFRESHER_PROPERTIES = {
  refresherEnabled: { type: Boolean, value: false },
  refresherThreshold: { type: Number, value: 45 },
  refresherDefaultStyle: { type: String, value: 'black' },
  refresherBackground: { type: String, value: '#FFF' },
  refresherTriggered: { type: Boolean, value: false },
}

/** Adds the refresher at the top of `box` (the scrolled box); returns what applies data. */
export function addRefresher(
  { data, emit, set }: Pick<BuiltinContext, 'data' | 'emit' | 'set'>,
  box: HTMLElement,
): (d: Data) => void {
  const doc = box.ownerDocument
  const refresher = doc.createElement('div')
  refresher.className = 'wx-scroll-view-refresher'
  refresher.setAttribute('aria-hidden', 'true')
  refresher.innerHTML = '<i></i><i></i><i></i>'
  box.prepend(refresher)
  let open = false
  const show = (height: number) => (refresher.style.height = `${height}px`)
  const threshold = () => Number(data().refresherThreshold) || 45

  let startY: number | undefined
  let dy = 0
  const pointY = (event: MouseEvent | TouchEvent) =>
    'touches' in event
      ? ((event.touches[0] ?? event.changedTouches[0])?.clientY ?? 0)
      : event.clientY
  const begin = (event: MouseEvent | TouchEvent) => {
    if (!data().refresherEnabled || open || box.scrollTop > 0) return
    startY = pointY(event)
    dy = 0
    doc.addEventListener('mousemove', move)
    doc.addEventListener('touchmove', move)
    doc.addEventListener('mouseup', end)
    doc.addEventListener('touchend', end)
  }
  const move = (event: MouseEvent | TouchEvent) => {
    if (startY === undefined) return
    dy = Math.max(0, toCssPx(pointY(event) - startY))
    show(dy)
    emit('refresherpulling', { dy })
  }
  const end = () => {
    doc.removeEventListener('mousemove', move)
    doc.removeEventListener('touchmove', move)
    doc.removeEventListener('mouseup', end)
    doc.removeEventListener('touchend', end)
    if (startY === undefined) return
    startY = undefined
    if (dy >= threshold()) {
      open = true
      show(threshold())
      set({ refresherTriggered: true })
      emit('refresherrefresh', { dy })
    } else {
      show(0)
      if (dy > 0) emit('refresherabort', { dy })
    }
  }
  box.addEventListener('mousedown', begin)
  box.addEventListener('touchstart', begin)

  return (d: Data) => {
    refresher.style.background = String(d.refresherBackground)
    refresher.setAttribute('wx-style', String(d.refresherDefaultStyle))
    if (d.refresherTriggered && !open) {
      open = true
      show(threshold())
    } else if (!d.refresherTriggered && open) {
      open = false
      show(0)
      emit('refresherrestore', {})
    }
  }
}
