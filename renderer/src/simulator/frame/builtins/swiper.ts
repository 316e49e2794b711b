/**
 * `<swiper>` and `<swiper-item>`: a track of full-size items moved by `current`, a drag (mouse or
 * touch) past a fifth of the width, or `autoplay` every `interval`, with `duration` transitions
 * and `circular` wrap-around; `display-multiple-items` shows several at once and
 * `previous-margin` / `next-margin` let neighbours peek; `current-item-id` picks an item by its
 * `item-id`. `bindchange` (and `bindanimationfinish` after the move) gets
 * `{ current, currentItemId, source }` with source `touch`,
 * `autoplay` or `''`; indicator dots follow `indicator-dots` and their colours.
 */
import * as glassEasel from 'glass-easel'
import { transformRpx } from '../../../../../shared/inline-style'
import { defineBuiltin, descendants, domOf, isBuiltin, type Data } from './define'

/** The item after moving `by` from `current` among `count` items. */
export function nextIndex(current: number, by: number, count: number, circular: boolean): number {
  if (count <= 0) return 0
  const target = current + by
  if (circular) return ((target % count) + count) % count
  return Math.min(count - 1, Math.max(0, target))
}

/** The share of the swiper's size a drag must cover to change the item. */
const SWIPE_FRACTION = 0.2

export function defineSwiper(space: glassEasel.ComponentSpace, deviceWidth: number): void {
  defineBuiltin(space, 'swiper-item', {
    properties: { itemId: { type: String, value: '' } },
    render({ appendSlot }) {
      appendSlot()
      return () => {}
    },
  })

  defineBuiltin(space, 'swiper', {
    properties: {
      indicatorDots: { type: Boolean, value: false },
      indicatorColor: { type: String, value: 'rgba(0, 0, 0, .3)' },
      indicatorActiveColor: { type: String, value: '#000000' },
      autoplay: { type: Boolean, value: false },
      current: { type: Number, value: 0 },
      currentItemId: { type: String, value: '' },
      interval: { type: Number, value: 5000 },
      duration: { type: Number, value: 500 },
      circular: { type: Boolean, value: false },
      vertical: { type: Boolean, value: false },
      displayMultipleItems: { type: Number, value: 1 },
      previousMargin: { type: String, value: '0px' },
      nextMargin: { type: String, value: '0px' },
    },
    render({ component, host, data, emit, set, appendElement, appendSlot, onAttach, onDetach }) {
      const trackNode = appendElement('div', 'wx-swiper-track')
      const track = domOf(trackNode)
      appendSlot(trackNode)
      const dots = domOf(appendElement('div', 'wx-swiper-dots'))
      const doc = host.ownerDocument
      let current = 0
      let timer: ReturnType<typeof setInterval> | undefined

      const count = () =>
        [...descendants(component)].filter((element) => isBuiltin(element, 'swiper-item')).length
      /** Positions the track can take: with several items shown, the last ones start no page. */
      const positions = () => Math.max(1, count() - shown() + 1)
      /** Items shown at once; the track moves by one item's share of its size. */
      const shown = () => Math.max(1, Math.floor(Number(data().displayMultipleItems)) || 1)
      const place = (animated: boolean, offsetPx = 0) => {
        const d = data()
        const axis = d.vertical ? 'Y' : 'X'
        const margin = (value: unknown) => transformRpx(String(value || '0px'), { deviceWidth })
        track.classList.toggle('wx-swiper-track-vertical', Boolean(d.vertical))
        // previous-margin / next-margin let the neighbours show at the edges.
        const previous = margin(d.previousMargin)
        const next = margin(d.nextMargin)
        track.style.margin = d.vertical ? `${previous} 0 ${next} 0` : `0 ${next} 0 ${previous}`
        // The items are the swiper's size less both margins (the track's 100 % would overflow).
        const inside = `calc(100% - ${previous} - ${next})`
        track.style.width = d.vertical ? '' : inside
        track.style.height = d.vertical ? inside : ''
        track.style.setProperty('--wx-swiper-item-size', `${100 / shown()}%`)
        track.style.transition = animated ? `transform ${Number(d.duration)}ms ease` : 'none'
        track.style.transform = `translate${axis}(calc(${(-current * 100) / shown()}% + ${offsetPx}px))`
        drawDots()
      }
      const drawDots = () => {
        const d = data()
        dots.hidden = !d.indicatorDots
        dots.classList.toggle('wx-swiper-dots-vertical', Boolean(d.vertical))
        const n = positions()
        while (dots.children.length > n) dots.lastElementChild?.remove()
        while (dots.children.length < n) {
          const dot = doc.createElement('span')
          dot.className = 'wx-swiper-dot'
          dots.appendChild(dot)
        }
        ;[...dots.children].forEach((dot, index) => {
          const active = index === current
          dot.classList.toggle('wx-swiper-dot-active', active)
          ;(dot as HTMLElement).style.backgroundColor = String(
            active ? d.indicatorActiveColor : d.indicatorColor,
          )
        })
      }
      let settle: ReturnType<typeof setTimeout> | undefined
      /**
       * Moves to `index`: `bindchange` now, `bindanimationfinish` when the move has ended. A move
       * of the swiper's own (not from its properties) updates `current` for the page to read.
       */
      const go = (index: number, source: 'touch' | 'autoplay' | '') => {
        if (index === current) {
          place(true)
          return
        }
        current = index
        place(true)
        if (source) set({ current, currentItemId: itemIdAt(index) })
        const detail = { current, currentItemId: itemIdAt(index), source }
        emit('change', detail)
        clearTimeout(settle)
        settle = setTimeout(() => emit('animationfinish', detail), Number(data().duration))
      }
      const items = () =>
        [...descendants(component)].filter((e) =>
          isBuiltin(e, 'swiper-item'),
        ) as glassEasel.GeneralComponent[]
      const itemIdAt = (index: number) => String(items()[index]?.data.itemId ?? '')
      let attached = false
      const restartAutoplay = () => {
        if (timer !== undefined) clearInterval(timer)
        timer = undefined
        const d = data()
        if (!d.autoplay || !attached) return
        timer = setInterval(
          // At the last item autoplay goes back to the first, circular or not, as in WeChat.
          () => go(nextIndex(current, 1, positions(), true), 'autoplay'),
          Math.max(Number(d.interval), 100),
        )
      }
      // Items come and go with wx:for; the dots and position follow.
      const observer = glassEasel.MutationObserver.create(() => {
        const n = positions()
        if (current >= n) current = n - 1
        place(false)
      })

      let drag: { start: number; offset: number } | null = null
      const pointOf = (event: MouseEvent | TouchEvent) => {
        const point = 'touches' in event ? event.changedTouches[0] : event
        return data().vertical ? (point?.clientY ?? 0) : (point?.clientX ?? 0)
      }
      const start = (event: MouseEvent | TouchEvent) => {
        drag = { start: pointOf(event), offset: 0 }
        if (timer !== undefined) clearInterval(timer)
      }
      const move = (event: MouseEvent | TouchEvent) => {
        if (!drag) return
        drag.offset = pointOf(event) - drag.start
        place(false, drag.offset)
      }
      const end = () => {
        if (!drag) return
        const rect = host.getBoundingClientRect()
        const size = data().vertical ? rect.height : rect.width
        const { offset } = drag
        drag = null
        const by = size > 0 && Math.abs(offset) > size * SWIPE_FRACTION ? (offset < 0 ? 1 : -1) : 0
        go(nextIndex(current, by, positions(), Boolean(data().circular)), 'touch')
        restartAutoplay()
      }
      host.addEventListener('touchstart', start, { passive: true })
      host.addEventListener('mousedown', start)
      onAttach(() => {
        attached = true
        doc.addEventListener('touchmove', move, { passive: true })
        doc.addEventListener('mousemove', move)
        doc.addEventListener('touchend', end)
        doc.addEventListener('mouseup', end)
        observer.observe(component, { childList: true, subtree: true })
        // The items arrived after the first render.
        place(false)
        restartAutoplay()
      })
      onDetach(() => {
        attached = false
        clearTimeout(settle)
        doc.removeEventListener('touchmove', move)
        doc.removeEventListener('mousemove', move)
        doc.removeEventListener('touchend', end)
        doc.removeEventListener('mouseup', end)
        observer.disconnect()
        if (timer !== undefined) clearInterval(timer)
        timer = undefined
      })

      let applied: Data = {}
      return (d: Data) => {
        // `current-item-id` names the item to show, before `current`.
        const byId = d.currentItemId
          ? items().findIndex((item) => item.data.itemId === d.currentItemId)
          : -1
        const changed = d.current !== applied.current || d.currentItemId !== applied.currentItemId
        if (changed) {
          const target = byId >= 0 ? byId : Math.max(0, Number(d.current) || 0)
          if (applied.current !== undefined && target !== current) {
            go(target, '')
          }
          current = target
        }
        place(applied.current !== undefined)
        if (d.autoplay !== applied.autoplay || d.interval !== applied.interval) restartAutoplay()
        applied = { ...d }
      }
    },
  })
}
