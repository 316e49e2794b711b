/**
 * `<page-container>`: a pseudo-page sliding in over the page (from `position` `bottom`, `top`,
 * `right` or `center`) above an `overlay`, drawn at the page's root. `show` opens and closes it
 * with the events `beforeenter` → `enter` → `afterenter` (after `duration` ms) and `beforeleave`
 * → `leave` → `afterleave`; a tap on the overlay fires `clickoverlay`; with `close-on-slide-down`
 * a downward drag closes it. While one is open the navigation bar's back button closes it
 * instead of leaving the page (`closeOpenPageContainer`).
 */
import type * as glassEasel from 'glass-easel'
import { defineBuiltin, domOf, toggleAttribute, type Data } from './define'
import { toCssPx } from '../frame-zoom'
import { portalToPage } from './root-portal'

/** How far down a drag must go to close a container with `close-on-slide-down`. */
const SLIDE_DOWN_CLOSE_PX = 80

/** The open containers, latest last: the back button closes the latest. */
const openContainers: (() => void)[] = []

/** Closes the latest open page-container; `false` when none is open (the back goes on). */
export function closeOpenPageContainer(): boolean {
  const close = openContainers.at(-1)
  if (!close) return false
  close()
  return true
}

export function definePageContainer(space: glassEasel.ComponentSpace): void {
  defineBuiltin(space, 'page-container', {
    properties: {
      show: { type: Boolean, value: false },
      duration: { type: Number, value: 300 },
      zIndex: { type: Number, value: 100 },
      overlay: { type: Boolean, value: true },
      position: { type: String, value: 'bottom' },
      round: { type: Boolean, value: false },
      closeOnSlideDown: { type: Boolean, value: false },
      overlayStyle: { type: String, value: '' },
      customStyle: { type: String, value: '' },
    },
    render(context) {
      const { data, emit, appendElement, appendSlot } = context
      const rootNode = appendElement('div', 'wx-page-container-root')
      const root = domOf(rootNode)
      const overlay = domOf(appendElement('div', 'wx-page-container__overlay', rootNode))
      const panelNode = appendElement('div', 'wx-page-container', rootNode)
      const panel = domOf(panelNode)
      appendSlot(panelNode)
      portalToPage(context, root, () => true)
      root.hidden = true

      let open = false
      let timer: ReturnType<typeof setTimeout> | undefined
      const close = () => {
        if (!open) return
        open = false
        openContainers.splice(openContainers.indexOf(close), 1)
        if (timer) clearTimeout(timer)
        emit('beforeleave', {})
        root.removeAttribute('wx-shown')
        emit('leave', {})
        timer = setTimeout(() => {
          root.hidden = true
          emit('afterleave', {})
        }, Number(data().duration))
        // The container closed itself (back button, overlay, slide): `show` follows.
        if (data().show) context.set({ show: false })
      }
      const openUp = () => {
        if (open) return
        open = true
        openContainers.push(close)
        if (timer) clearTimeout(timer)
        emit('beforeenter', {})
        root.hidden = false
        // Laid out hidden first, so the slide-in transition runs.
        void root.offsetHeight
        root.setAttribute('wx-shown', '')
        emit('enter', {})
        timer = setTimeout(() => emit('afterenter', {}), Number(data().duration))
      }

      overlay.addEventListener('click', () => emit('clickoverlay', {}))
      let slideStart: number | undefined
      const pointY = (event: MouseEvent | TouchEvent) =>
        'changedTouches' in event ? (event.changedTouches[0]?.clientY ?? 0) : event.clientY
      const slideBegin = (event: MouseEvent | TouchEvent) => {
        slideStart = data().closeOnSlideDown ? pointY(event) : undefined
      }
      const slideEnd = (event: MouseEvent | TouchEvent) => {
        if (slideStart !== undefined && toCssPx(pointY(event) - slideStart) > SLIDE_DOWN_CLOSE_PX)
          close()
        slideStart = undefined
      }
      panel.addEventListener('mousedown', slideBegin)
      panel.addEventListener('touchstart', slideBegin)
      panel.addEventListener('mouseup', slideEnd)
      panel.addEventListener('touchend', slideEnd)
      context.onDetach(() => {
        if (open) {
          open = false
          openContainers.splice(openContainers.indexOf(close), 1)
        }
        if (timer) clearTimeout(timer)
      })

      return (d: Data) => {
        const duration = `${Number(d.duration)}ms`
        root.style.zIndex = String(d.zIndex)
        root.style.setProperty('--wx-page-container-duration', duration)
        root.setAttribute('position', String(d.position))
        toggleAttribute(root, 'round', Boolean(d.round))
        overlay.hidden = !d.overlay
        overlay.setAttribute('style', String(d.overlayStyle))
        panel.setAttribute('style', String(d.customStyle))
        if (d.show) openUp()
        else close()
      }
    },
  })
}
