/**
 * WeChat's touch-level event fields on glass-easel events, taps from clicks that had no press
 * before them (keyboard activation, `element.click()`), and taps from the mouse after a touch:
 * glass-easel's DOM backend makes a `tap` from mousedown/mouseup and touchstart/touchend only, and
 * once it saw a touch, from touches only, as on a phone. WeChat's simulator takes both.
 */
import * as glassEasel from 'glass-easel'
import { toCssPx } from './frame-zoom'

export interface TouchPoint {
  identifier: number
  pageX: number
  pageY: number
  clientX: number
  clientY: number
  force: number
}

function pointsOf(list: TouchList | undefined): TouchPoint[] {
  const points: TouchPoint[] = []
  for (let i = 0; list && i < list.length; i++) {
    const touch = list[i]
    points.push({
      identifier: touch.identifier,
      pageX: toCssPx(touch.pageX),
      pageY: toCssPx(touch.pageY),
      clientX: toCssPx(touch.clientX),
      clientY: toCssPx(touch.clientY),
      force: touch.force ?? 1,
    })
  }
  return points
}

/**
 * `touches` and `changedTouches` for an event built from `original`: the real touch lists, or one
 * touch at the mouse for mouse input (as WeChat's tools simulate touches); none otherwise.
 */
export function touchFields(original: unknown): Record<string, unknown> {
  const event = original as Partial<TouchEvent & MouseEvent> | undefined
  if (event && event.changedTouches !== undefined) {
    return { touches: pointsOf(event.touches), changedTouches: pointsOf(event.changedTouches) }
  }
  if (event && typeof event.clientX === 'number') {
    const point: TouchPoint = {
      identifier: 0,
      pageX: toCssPx(event.pageX ?? event.clientX),
      pageY: toCssPx(event.pageY ?? event.clientY ?? 0),
      clientX: toCssPx(event.clientX),
      clientY: toCssPx(event.clientY ?? 0),
      force: 1,
    }
    const ended = event.type === 'mouseup' || event.type === 'click'
    return { touches: ended ? [] : [point], changedTouches: [point] }
  }
  return { touches: [], changedTouches: [] }
}

/**
 * The `detail` glass-easel's DOM backend gives an event, in the page's CSS pixels: a tap's
 * `{ x, y }` is where the press began in the frame's (zoomed) client pixels.
 */
export function cssDetail(detail: unknown): unknown {
  const point = detail as { x?: unknown; y?: unknown } | null
  if (!point || typeof point.x !== 'number' || typeof point.y !== 'number') return detail
  return { ...point, x: toCssPx(point.x), y: toCssPx(point.y) }
}

/**
 * Events the browser makes that WeChat has no counterpart for. glass-easel's DOM backend forwards
 * a browser `click` to any element listening for `click`, but in a mini-program that name belongs
 * to components (Vant's `van-button` emits `click` from its `tap`): forwarded, one tap would run a
 * page's `bind:click` twice.
 */
export function isBrowserOnlyEvent(type: string): boolean {
  return type === 'click'
}

type WithElement = Node & { __wxElement?: glassEasel.Element }

/** The glass-easel element a DOM node belongs to (its own, or its nearest ancestor's). */
function glassEaselElementOf(node: Node | null): glassEasel.Element | undefined {
  for (
    let current = node as WithElement | null;
    current;
    current = current.parentNode as WithElement | null
  ) {
    if (current.__wxElement) return current.__wxElement
  }
  return undefined
}

/** How far (px, either axis) a press may move and still be a tap, as glass-easel counts it. */
const TAP_SLOP = 10

/**
 * Makes the taps glass-easel's DOM backend stops making from the mouse once it saw a touch: from
 * then on, a mousedown and a mouseup within `TAP_SLOP` of it trigger `tap` (a press that moves
 * further triggers `canceltap`), as glass-easel does before any touch. Mouse events the browser
 * makes for a touch (`sourceCapabilities.firesTouchEvents`) are skipped: that touch tapped already.
 */
export function tapOnMouseAfterTouch(doc: Document): void {
  let sawTouch = false
  let pressed: { x: number; y: number } | null = null
  const body = doc.body
  const fromMouse = (ev: MouseEvent) =>
    sawTouch &&
    (ev as MouseEvent & { sourceCapabilities?: { firesTouchEvents?: boolean } | null })
      .sourceCapabilities?.firesTouchEvents !== true
  const moved = (ev: MouseEvent, from: { x: number; y: number }) =>
    Math.abs(from.x - ev.clientX) > TAP_SLOP || Math.abs(from.y - ev.clientY) > TAP_SLOP
  const capture = { capture: true }
  body.addEventListener('touchstart', () => (sawTouch = true), capture)
  body.addEventListener(
    'mousedown',
    (ev) => {
      if (fromMouse(ev)) pressed = { x: ev.clientX, y: ev.clientY }
    },
    capture,
  )
  body.addEventListener(
    'mousemove',
    (ev) => {
      if (!pressed || !fromMouse(ev) || !moved(ev, pressed)) return
      const from = pressed
      pressed = null
      triggerTap(ev, 'canceltap', from)
    },
    capture,
  )
  body.addEventListener(
    'mouseup',
    (ev) => {
      if (!pressed || !fromMouse(ev)) return
      const from = pressed
      pressed = null
      triggerTap(ev, moved(ev, from) ? 'canceltap' : 'tap', from)
    },
    capture,
  )
}

/** A mouse event the browser made after a touch (its compatibility mouse events). */
export function isTouchMadeMouseEvent(ev: MouseEvent): boolean {
  return (
    (ev as MouseEvent & { sourceCapabilities?: { firesTouchEvents?: boolean } | null })
      .sourceCapabilities?.firesTouchEvents === true
  )
}

/**
 * Makes WeChat's touch events from the mouse, as WeChat's simulator emulates touches: a press
 * with the main button triggers `touchstart` on the element under it, moves while pressed
 * `touchmove` and the release `touchend`, both on the element the press began on (as a touch's
 * events are). So `bindtouchend` toolbars (the official demo's editor page) answer a click. Mouse
 * events the browser makes for a real touch are skipped: glass-easel has that touch already.
 */
export function touchesFromMouse(doc: Document): void {
  let pressed: glassEasel.Element | undefined
  const fromTouch = isTouchMadeMouseEvent
  const trigger = (ev: MouseEvent, type: string, target: glassEasel.Element) => {
    glassEasel.Event.triggerEvent(target, type, cssDetail({ x: ev.clientX, y: ev.clientY }), {
      originalEvent: ev,
      bubbles: true,
      composed: true,
      capturePhase: true,
      extraFields: touchFields(ev),
    })
  }
  const capture = { capture: true }
  doc.body.addEventListener(
    'mousedown',
    (ev) => {
      pressed =
        ev.button === 0 && !fromTouch(ev) ? glassEaselElementOf(ev.target as Node) : undefined
      if (pressed) trigger(ev, 'touchstart', pressed)
    },
    capture,
  )
  doc.body.addEventListener(
    'mousemove',
    (ev) => {
      if (pressed && !fromTouch(ev)) trigger(ev, 'touchmove', pressed)
    },
    capture,
  )
  doc.body.addEventListener(
    'mouseup',
    (ev) => {
      const target = pressed
      pressed = undefined
      if (target && !fromTouch(ev)) trigger(ev, 'touchend', target)
    },
    capture,
  )
}

/**
 * Listens on `doc` for clicks that no pointer made (`detail` 0: keyboard activation,
 * `element.click()`) and triggers a `tap` on the clicked element, so they run `bindtap` like a
 * tap. Pointer clicks (`detail` ≥ 1) already made their tap from mouseup or touchend.
 */
export function tapOnClickWithoutPointer(doc: Document): void {
  doc.addEventListener(
    'click',
    (ev) => {
      if (ev.detail === 0) triggerTap(ev, 'tap', { x: ev.clientX, y: ev.clientY })
    },
    true,
  )
}

/** Triggers `type` where the press began (`at`, in the frame's zoomed client px) on `ev`'s target. */
function triggerTap(ev: MouseEvent, type: 'tap' | 'canceltap', at: { x: number; y: number }): void {
  const target = glassEaselElementOf(ev.target as Node | null)
  if (!target) return
  glassEasel.Event.triggerEvent(target, type, cssDetail(at), {
    originalEvent: ev,
    bubbles: true,
    composed: true,
    capturePhase: true,
    extraFields: touchFields(ev),
  })
}
