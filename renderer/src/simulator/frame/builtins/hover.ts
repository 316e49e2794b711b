/**
 * `hover-class`: while a finger (or the mouse) is down, the touched element and its ancestors get
 * their hover class after `hover-start-time` and keep it `hover-stay-time` after release, up to the
 * first one with `hover-stop-propagation`; a press that moves away loses it at once. Native nodes (`<view hover-class>`) carry it as an
 * attribute; built-ins (`button`, `navigator`) as a property with WeChat's default.
 */
import type * as glassEasel from 'glass-easel'

/** glass-easel's temporary class segment: template class updates leave it alone. */
const HOVER_SEGMENT = 3

/** How far a press may move and still be a tap (glass-easel's own tap distance). */
const MOVE_TOLERANCE = 10

function pointOf(event: Event): { x: number; y: number } | null {
  const touch = (event as TouchEvent).touches?.[0]
  if (touch) return { x: touch.clientX, y: touch.clientY }
  const mouse = event as MouseEvent
  return typeof mouse.clientX === 'number' ? { x: mouse.clientX, y: mouse.clientY } : null
}

interface HoverSettings {
  className: string
  startTime: number
  stayTime: number
  stopPropagation: boolean
}

/** Built-ins that answer for their own hover settings (a disabled button has none). */
const builtinHover = new WeakMap<glassEasel.Element, () => HoverSettings | null>()

export function registerHover(element: glassEasel.Element, settings: () => HoverSettings | null) {
  builtinHover.set(element, settings)
}

function settingsOf(element: glassEasel.Element, dom: HTMLElement): HoverSettings | null {
  const builtin = builtinHover.get(element)
  if (builtin) return builtin()
  const className = dom.getAttribute('hover-class')
  if (!className || className === 'none') return null
  return {
    className,
    startTime: Number(dom.getAttribute('hover-start-time') ?? 50) || 0,
    stayTime: Number(dom.getAttribute('hover-stay-time') ?? 400) || 0,
    stopPropagation: isOn(dom.getAttribute('hover-stop-propagation')),
  }
}

function isOn(value: string | null): boolean {
  return value !== null && value !== 'false'
}

interface Hovered {
  element: glassEasel.Element
  settings: HoverSettings
  startTimer: ReturnType<typeof setTimeout>
}

/** Listens on `document` for presses; returns the function that stops listening. */
/** `hover-class` may name several classes (Vant: `van-button--active hover-class`). */
function toggleHover(element: glassEasel.Element, settings: HoverSettings, on: boolean): void {
  for (const name of settings.className.split(/\s+/)) {
    if (name) element.classList?.toggle(name, on, HOVER_SEGMENT)
  }
}

export function installHover(document: Document): () => void {
  let active: Hovered[] = []

  let origin: { x: number; y: number } | null = null

  const press = (event: Event) => {
    release()
    origin = pointOf(event)
    let dom = event.target as (HTMLElement & { __wxElement?: glassEasel.Element }) | null
    for (let hops = 0; dom && hops < 1000; hops += 1, dom = dom.parentElement) {
      const element = dom.__wxElement
      if (!element) continue
      const settings = settingsOf(element, dom)
      if (!settings) continue
      const startTimer = setTimeout(() => toggleHover(element, settings, true), settings.startTime)
      active.push({ element, settings, startTimer })
      if (settings.stopPropagation) break
    }
  }

  const release = () => {
    for (const { element, settings, startTimer } of active) {
      clearTimeout(startTimer)
      setTimeout(() => toggleHover(element, settings, false), settings.stayTime)
    }
    active = []
    origin = null
  }

  // A press that moves (a scroll, a swipe) is no tap: its hover ends at once.
  const move = (event: Event) => {
    const at = pointOf(event)
    if (!origin || !at) return
    if (
      Math.abs(at.x - origin.x) <= MOVE_TOLERANCE &&
      Math.abs(at.y - origin.y) <= MOVE_TOLERANCE
    ) {
      return
    }
    for (const { element, settings, startTimer } of active) {
      clearTimeout(startTimer)
      toggleHover(element, settings, false)
    }
    active = []
    origin = null
  }

  const options = { capture: true, passive: true }
  document.addEventListener('touchstart', press, options)
  document.addEventListener('mousedown', press, options)
  document.addEventListener('touchmove', move, options)
  document.addEventListener('mousemove', move, options)
  for (const type of ['touchend', 'touchcancel', 'mouseup']) {
    document.addEventListener(type, release, options)
  }
  return () => {
    document.removeEventListener('touchstart', press, options)
    document.removeEventListener('mousedown', press, options)
    document.removeEventListener('touchmove', move, options)
    document.removeEventListener('mousemove', move, options)
    for (const type of ['touchend', 'touchcancel', 'mouseup']) {
      document.removeEventListener(type, release, options)
    }
  }
}
