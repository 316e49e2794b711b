/**
 * A scroll-view's pull-down refresher (`refresher-enabled`): pulled down with the mouse or a
 * finger while the content is at its top, it opens as far as pulled (`bindrefresherpulling`
 * `{ dy }`); let go past `refresher-threshold` it stays open at the threshold, sets
 * `refresher-triggered` and fires `bindrefresherrefresh`, before it `bindrefresherabort` and closes.
 * Setting `refresher-triggered` to false closes an open one (`bindrefresherrestore`); to true opens
 * it. WeChat's default look (three dots on `refresher-background`); a `slot="refresher"` is drawn
 * in the refresher (with `refresher-default-style="none"`, its only look), at the bottom of the
 * opened area. A pull selects no text.
 */
import type * as glassEasel from 'glass-easel'
import { domOf, type BuiltinContext, type Data } from './define'
import { toCssPx } from '../frame-zoom'

export const REFRESHER_PROPERTIES = {
  refresherEnabled: { type: Boolean, value: false },
  refresherThreshold: { type: Number, value: 45 },
  refresherDefaultStyle: { type: String, value: 'black' },
  refresherBackground: { type: String, value: '#FFF' },
  refresherTriggered: { type: Boolean, value: false },
}

/**
 * Adds the refresher at the top of `inner` (the scrolled box, before its content's slot), with the
 * `refresher` slot; returns what applies data.
 */
export function addRefresher(
  { data, emit, set, appendElement, appendSlot }: BuiltinContext,
  inner: glassEasel.Element,
): (d: Data) => void {
  const box = domOf(inner)
  const doc = box.ownerDocument
  const area = appendElement('div', 'wx-scroll-view-refresher', inner)
  const refresher = domOf(area)
  const dots = domOf(appendElement('span', 'wx-scroll-view-refresher-dots', area))
  dots.setAttribute('aria-hidden', 'true')
  dots.innerHTML = '<i></i><i></i><i></i>'
  appendSlot(area, 'refresher')
  let open = false
  const show = (height: number) => (refresher.style.height = `${height}px`)
  const threshold = () => Number(data().refresherThreshold) || 45

  let startY: number | undefined
  let dy = 0
  const pointY = (event: MouseEvent | TouchEvent) =>
    'touches' in event
      ? ((event.touches[0] ?? event.changedTouches[0])?.clientY ?? 0)
      : event.clientY
  // A mouse pull is a finger's on the phone: it drags, it does not select the content's text.
  const noSelection = (event: Event) => event.preventDefault()
  const begin = (event: MouseEvent | TouchEvent) => {
    if (!data().refresherEnabled || open || box.scrollTop > 0) return
    startY = pointY(event)
    dy = 0
    doc.addEventListener('selectstart', noSelection)
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
    doc.removeEventListener('selectstart', noSelection)
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
