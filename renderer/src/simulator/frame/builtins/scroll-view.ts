/**
 * `<scroll-view>`: the host keeps the project's size; an inner box scrolls along `scroll-x` /
 * `scroll-y`. `bindscroll` gets WeChat's detail; `bindscrolltoupper` / `bindscrolltolower` fire once
 * on entering `upper-threshold` / `lower-threshold` of an end. `scroll-top`, `scroll-left` and
 * `scroll-into-view` (an id in the same page or component) move it. With `enable-flex` the host's
 * flex layout applies to the content.
 */
import type * as glassEasel from 'glass-easel'
import { defineBuiltin, domOf, toggleAttribute, type Data } from './define'
import { toCssPx } from '../frame-zoom'
import { addRefresher, REFRESHER_PROPERTIES } from './scroll-refresher'

export interface ScrollPosition {
  scrollTop: number
  scrollLeft: number
  scrollHeight: number
  scrollWidth: number
  clientHeight: number
  clientWidth: number
}

const scrolledBoxes = new WeakMap<glassEasel.Element, HTMLElement>()

/** The inner box that scrolls in a `<scroll-view>` (what `scrollOffset` answers), else none. */
export function scrolledBoxOf(element: glassEasel.Element): HTMLElement | undefined {
  return scrolledBoxes.get(element)
}

export type ScrollEdge = 'top' | 'bottom' | 'left' | 'right'

/** The ends of the scrolled content that `position` is within the thresholds of. */
export function edgesWithin(
  position: ScrollPosition,
  axes: { x: boolean; y: boolean },
  upper: number,
  lower: number,
): Set<ScrollEdge> {
  const edges = new Set<ScrollEdge>()
  if (axes.y) {
    if (position.scrollTop <= upper) edges.add('top')
    if (position.scrollTop + position.clientHeight >= position.scrollHeight - lower) {
      edges.add('bottom')
    }
  }
  if (axes.x) {
    if (position.scrollLeft <= upper) edges.add('left')
    if (position.scrollLeft + position.clientWidth >= position.scrollWidth - lower) {
      edges.add('right')
    }
  }
  return edges
}

export function defineScrollView(space: glassEasel.ComponentSpace): void {
  defineBuiltin(space, 'scroll-view', {
    properties: {
      scrollX: { type: Boolean, value: false },
      scrollY: { type: Boolean, value: false },
      upperThreshold: { type: Number, value: 50 },
      lowerThreshold: { type: Number, value: 50 },
      scrollTop: { type: null, value: '' },
      scrollLeft: { type: null, value: '' },
      scrollIntoView: { type: String, value: '' },
      scrollWithAnimation: { type: Boolean, value: false },
      enableBackToTop: { type: Boolean, value: false },
      showScrollbar: { type: Boolean, value: true },
      enableFlex: { type: Boolean, value: false },
      // Skyline's list type and the iOS scrolling feel: the browser's own scrolling stands in.
      type: { type: String, value: 'default' },
      enhanced: { type: Boolean, value: false },
      bounces: { type: Boolean, value: true },
      fastDeceleration: { type: Boolean, value: false },
      enablePassive: { type: Boolean, value: false },
      scrollAnchoring: { type: Boolean, value: false },
      ...REFRESHER_PROPERTIES,
    },
    multipleSlots: true,
    render(context) {
      const { component, host, data, emit, appendElement, appendSlot } = context
      const inner = appendElement('div', 'wx-scroll-view')
      const box = domOf(inner)
      scrolledBoxes.set(component, box)
      const applyRefresher = addRefresher(context, inner)
      appendSlot(inner)
      let last = { top: 0, left: 0 }
      // Starts at the top-left end, so reaching it again is an entry.
      let within = new Set<ScrollEdge>(['top', 'left'])

      box.addEventListener('scroll', () => {
        const d = data()
        const position: ScrollPosition = {
          scrollTop: box.scrollTop,
          scrollLeft: box.scrollLeft,
          scrollHeight: box.scrollHeight,
          scrollWidth: box.scrollWidth,
          clientHeight: box.clientHeight,
          clientWidth: box.clientWidth,
        }
        emit('scroll', {
          scrollLeft: position.scrollLeft,
          scrollTop: position.scrollTop,
          scrollHeight: position.scrollHeight,
          scrollWidth: position.scrollWidth,
          deltaX: last.left - position.scrollLeft,
          deltaY: last.top - position.scrollTop,
        })
        last = { top: position.scrollTop, left: position.scrollLeft }
        const now = edgesWithin(
          position,
          { x: Boolean(d.scrollX), y: Boolean(d.scrollY) },
          Number(d.upperThreshold),
          Number(d.lowerThreshold),
        )
        for (const edge of now) {
          if (within.has(edge)) continue
          const event = edge === 'top' || edge === 'left' ? 'scrolltoupper' : 'scrolltolower'
          emit(event, { direction: edge })
        }
        within = now
      })

      const scrollTo = (options: { top?: number; left?: number }) => {
        if (data().scrollWithAnimation && typeof box.scrollTo === 'function') {
          box.scrollTo({ ...options, behavior: 'smooth' })
          return
        }
        if (options.top !== undefined) box.scrollTop = options.top
        if (options.left !== undefined) box.scrollLeft = options.left
      }

      const applied: Data = {}
      return (d: Data) => {
        applyRefresher(d)
        box.style.overflowX = d.scrollX ? 'auto' : 'hidden'
        box.style.overflowY = d.scrollY ? 'auto' : 'hidden'
        box.classList.toggle('wx-scroll-view-no-scrollbar', !d.showScrollbar)
        // The project's flex layout on the host applies to the scrolled content (`enable-flex`).
        toggleAttribute(host, 'enable-flex', Boolean(d.enableFlex))
        // Scroll positions apply when they change, after the content they refer to is in place.
        const changed = (key: string) => d[key] !== applied[key] && d[key] !== ''
        const moves: (() => void)[] = []
        if (changed('scrollTop')) moves.push(() => scrollTo({ top: Number(d.scrollTop) }))
        if (changed('scrollLeft')) moves.push(() => scrollTo({ left: Number(d.scrollLeft) }))
        if (changed('scrollIntoView')) {
          const id = String(d.scrollIntoView)
          moves.push(() => {
            const target = component.ownerShadowRoot?.getElementById(id)
            if (!target) return
            const targetBox = domOf(target).getBoundingClientRect()
            const boxRect = box.getBoundingClientRect()
            scrollTo({
              top: box.scrollTop + toCssPx(targetBox.top - boxRect.top),
              left: box.scrollLeft + toCssPx(targetBox.left - boxRect.left),
            })
          })
        }
        for (const key of ['scrollTop', 'scrollLeft', 'scrollIntoView']) applied[key] = d[key]
        if (moves.length) setTimeout(() => moves.forEach((move) => move()), 0)
      }
    },
  })
}
