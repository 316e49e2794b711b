/**
 * Skyline's gesture handlers (`pan-`, `vertical-drag-`, `horizontal-drag-`, `tap-`, `double-tap-`,
 * `long-press-`, `scale-`, `force-press-gesture-handler`) in the WebView render mode: the host draws
 * its child, and presses on it (mouse or touch) are recognized here and given to the handler named
 * by `worklet:ongesture` (or the older `on-gesture-event`) on the owner page or component, on the
 * JS thread as WeChat degrades worklets, with WeChat's fields: `state` (GestureState: 0 POSSIBLE,
 * 1 BEGIN, 2 ACTIVE, 3 END, 4 CANCELLED), `absoluteX/Y`, `deltaX/Y`, `velocityX/Y` (px/s);
 * long-press adds `translationX/Y`; scale gives `focalX/Y`, `focalDeltaX/Y`, `scale`,
 * `horizontalScale`, `verticalScale`, `rotation` and `pointerCount` (two touches pinch; one
 * pointer pans at scale 1). `worklet:should-response-on-move` can drop a move and
 * `worklet:should-accept-gesture` refuse the gesture. Force presses need pressure: never fired.
 */
import * as glassEasel from 'glass-easel'
import { defineBuiltin, type Data } from './define'
import { toCssPx } from '../frame-zoom'
import { isTouchMadeMouseEvent } from '../tap-events'

export const GestureState = { POSSIBLE: 0, BEGIN: 1, ACTIVE: 2, END: 3, CANCELLED: 4 } as const

export type GestureKind =
  | 'pan'
  | 'vertical-drag'
  | 'horizontal-drag'
  | 'tap'
  | 'double-tap'
  | 'long-press'
  | 'scale'
  | 'force-press'

export const GESTURE_KINDS: readonly GestureKind[] = [
  'pan',
  'vertical-drag',
  'horizontal-drag',
  'tap',
  'double-tap',
  'long-press',
  'scale',
  'force-press',
]

/** How far a press moves (CSS px) before it is a drag and no longer a tap (Flutter's kTouchSlop). */
export const TOUCH_SLOP = 18
/** How long a press is held before it is a long press (ms). */
export const LONG_PRESS_MS = 500
/** The longest pause between the taps of a double tap (ms). */
export const DOUBLE_TAP_MS = 300

export interface PointerSample {
  /** Page CSS pixels. */
  x: number
  y: number
  time: number
  /** A second touch, for scale. */
  second?: { x: number; y: number }
}

export type GestureEvent = Record<string, number>

interface Callbacks {
  emit(event: GestureEvent): void
  /** `should-response-on-move`: false drops this move. */
  respondsToMove(move: PointerSample & { deltaX: number; deltaY: number }): boolean
  /** `should-accept-gesture`: false refuses the gesture before it begins. */
  accepts(): boolean
  setTimer(fn: () => void, ms: number): () => void
}

/**
 * One handler's recognizer: presses in, WeChat's gesture events out. Pure of the DOM, so its
 * rules are tested directly.
 */
export class GestureRecognizer {
  private start: PointerSample | undefined
  private last: PointerSample | undefined
  private recent: PointerSample[] = []
  private began = false
  private failed = false
  private lastTap: PointerSample | undefined
  private cancelTimer: (() => void) | undefined
  private startSpan = 0
  private startAngle = 0

  constructor(
    private readonly kind: GestureKind,
    private readonly callbacks: Callbacks,
  ) {}

  down(sample: PointerSample): void {
    this.start = sample
    this.last = sample
    this.recent = [sample]
    this.began = false
    this.failed = false
    const { kind } = this
    if (kind === 'pan' || kind === 'vertical-drag' || kind === 'horizontal-drag') {
      this.emitMove(GestureState.POSSIBLE, sample, 0, 0)
    }
    if (kind === 'long-press') {
      this.cancelTimer = this.callbacks.setTimer(() => {
        this.cancelTimer = undefined
        if (!this.start || this.failed || !this.callbacks.accepts()) return
        this.began = true
        this.emitLongPress(GestureState.BEGIN, this.last ?? sample)
      }, LONG_PRESS_MS)
    }
  }

  move(sample: PointerSample): void {
    const { start, last } = this
    if (!start || !last || this.failed) return
    if (sample.second && !last.second) this.beginPinch(sample)
    const deltaX = sample.x - last.x
    const deltaY = sample.y - last.y
    this.last = sample
    this.recent = [...this.recent.filter((one) => sample.time - one.time <= 100), sample]
    const dx = sample.x - start.x
    const dy = sample.y - start.y
    const beyondSlop = Math.hypot(dx, dy) > TOUCH_SLOP
    const { kind } = this
    if (kind === 'tap' || kind === 'double-tap' || kind === 'force-press') {
      if (beyondSlop) this.failed = true
      return
    }
    if (kind === 'long-press') {
      if (!this.began) {
        if (beyondSlop) this.fail()
        return
      }
      this.emitLongPress(GestureState.ACTIVE, sample)
      return
    }
    if (!this.began) {
      if (kind === 'vertical-drag' && Math.abs(dx) > TOUCH_SLOP && Math.abs(dx) > Math.abs(dy)) {
        this.fail()
        return
      }
      if (kind === 'horizontal-drag' && Math.abs(dy) > TOUCH_SLOP && Math.abs(dy) > Math.abs(dx)) {
        this.fail()
        return
      }
      const along =
        kind === 'vertical-drag'
          ? Math.abs(dy) > TOUCH_SLOP
          : kind === 'horizontal-drag'
            ? Math.abs(dx) > TOUCH_SLOP
            : beyondSlop || Boolean(sample.second)
      if (!along) return
      if (!this.callbacks.accepts()) {
        this.fail()
        return
      }
      this.began = true
      this.emitByKind(GestureState.BEGIN, sample, 0, 0)
    }
    if (!this.callbacks.respondsToMove({ ...sample, deltaX, deltaY })) return
    this.emitByKind(GestureState.ACTIVE, sample, deltaX, deltaY)
  }

  up(sample: PointerSample): void {
    const { start } = this
    if (!start) return
    this.cancelTimer?.()
    this.cancelTimer = undefined
    this.start = undefined
    const { kind } = this
    if (this.failed) return
    if (kind === 'tap') {
      this.emitPoint(GestureState.END, sample)
    } else if (kind === 'double-tap') {
      const previous = this.lastTap
      if (
        previous &&
        sample.time - previous.time <= DOUBLE_TAP_MS &&
        Math.hypot(sample.x - previous.x, sample.y - previous.y) <= TOUCH_SLOP
      ) {
        this.lastTap = undefined
        this.emitPoint(GestureState.END, sample)
      } else this.lastTap = sample
    } else if (kind === 'long-press') {
      if (this.began) this.emitLongPress(GestureState.END, sample)
    } else if (kind !== 'force-press') {
      this.emitByKind(this.began ? GestureState.END : GestureState.CANCELLED, sample, 0, 0)
    }
  }

  /** The press was taken away (touchcancel, the handler left the page). */
  cancel(): void {
    if (!this.start) return
    this.cancelTimer?.()
    this.cancelTimer = undefined
    if (!this.failed) this.fail()
    this.start = undefined
  }

  private fail() {
    this.failed = true
    const { kind } = this
    const last = this.last
    if (!last) return
    if (kind === 'pan' || kind === 'vertical-drag' || kind === 'horizontal-drag' || this.began) {
      this.emitByKind(GestureState.CANCELLED, last, 0, 0)
    }
  }

  private velocity(sample: PointerSample) {
    const first = this.recent[0]
    const elapsed = first ? sample.time - first.time : 0
    if (!first || elapsed <= 0) return { velocityX: 0, velocityY: 0 }
    return {
      velocityX: ((sample.x - first.x) * 1000) / elapsed,
      velocityY: ((sample.y - first.y) * 1000) / elapsed,
    }
  }

  private emitPoint(state: number, sample: PointerSample) {
    this.callbacks.emit({ state, absoluteX: sample.x, absoluteY: sample.y })
  }

  private emitMove(state: number, sample: PointerSample, deltaX: number, deltaY: number) {
    this.callbacks.emit({
      state,
      absoluteX: sample.x,
      absoluteY: sample.y,
      deltaX,
      deltaY,
      ...this.velocity(sample),
    })
  }

  private emitLongPress(state: number, sample: PointerSample) {
    const start = this.start ?? sample
    this.callbacks.emit({
      state,
      absoluteX: sample.x,
      absoluteY: sample.y,
      translationX: sample.x - start.x,
      translationY: sample.y - start.y,
      ...this.velocity(sample),
    })
  }

  private emitByKind(state: number, sample: PointerSample, deltaX: number, deltaY: number) {
    if (this.kind === 'long-press') this.emitLongPress(state, sample)
    else if (this.kind === 'scale') this.emitScale(state, sample, deltaX, deltaY)
    else this.emitMove(state, sample, deltaX, deltaY)
  }

  private beginPinch(sample: PointerSample) {
    const second = sample.second
    if (!second) return
    this.startSpan = Math.hypot(second.x - sample.x, second.y - sample.y) || 1
    this.startAngle = Math.atan2(second.y - sample.y, second.x - sample.x)
  }

  private emitScale(state: number, sample: PointerSample, deltaX: number, deltaY: number) {
    const second = sample.second
    const focalX = second ? (sample.x + second.x) / 2 : sample.x
    const focalY = second ? (sample.y + second.y) / 2 : sample.y
    let scale = 1
    let rotation = 0
    let horizontalScale = 1
    let verticalScale = 1
    if (second) {
      const spanX = Math.abs(second.x - sample.x)
      const spanY = Math.abs(second.y - sample.y)
      scale = Math.hypot(spanX, spanY) / this.startSpan
      rotation = Math.atan2(second.y - sample.y, second.x - sample.x) - this.startAngle
      horizontalScale = scale
      verticalScale = scale
    }
    this.callbacks.emit({
      state,
      focalX,
      focalY,
      focalDeltaX: deltaX,
      focalDeltaY: deltaY,
      scale,
      horizontalScale,
      verticalScale,
      rotation,
      ...this.velocity(sample),
      pointerCount: second ? 2 : 1,
    })
  }
}

/** The method `name` of the page or component whose template holds `component`, bound to it. */
function ownerMethod(component: glassEasel.GeneralComponent, name: unknown) {
  if (typeof name === 'function') return name as (...args: unknown[]) => unknown
  if (typeof name !== 'string' || !name) return undefined
  const owner = component.ownerShadowRoot?.getHostNode()
  if (!owner) return undefined
  const method = glassEasel.Component.getMethod(owner, name)
  if (typeof method !== 'function') return undefined
  return (...args: unknown[]) =>
    glassEasel.safeCallback(`Gesture handler ${name}`, method, owner.getMethodCaller(), args, owner)
}

function sampleOf(event: MouseEvent | TouchEvent, time: number): PointerSample {
  if ('touches' in event) {
    const list = event.touches.length ? event.touches : event.changedTouches
    const first = list[0]
    const other = list[1]
    return {
      x: toCssPx(first?.clientX ?? 0),
      y: toCssPx(first?.clientY ?? 0),
      time,
      second: other ? { x: toCssPx(other.clientX), y: toCssPx(other.clientY) } : undefined,
    }
  }
  return { x: toCssPx(event.clientX), y: toCssPx(event.clientY), time }
}

export function defineGestureHandlers(space: glassEasel.ComponentSpace): void {
  for (const kind of GESTURE_KINDS) {
    defineBuiltin(space, `${kind}-gesture-handler`, {
      properties: {
        tag: { type: String, value: '' },
        simultaneousHandlers: { type: Array, value: [] },
        nativeView: { type: String, value: '' },
        onGestureEvent: { type: String, value: '' },
        shouldResponseOnMove: { type: String, value: '' },
        shouldAcceptGesture: { type: String, value: '' },
      },
      render({ component, host, data, appendSlot, onWorklet, onDetach }) {
        appendSlot()
        const worklets: Record<string, unknown> = {}
        onWorklet((name, value) => {
          worklets[name.toLowerCase().replace(/-/g, '')] = value
        })
        const bound = (worklet: string, property: string) =>
          ownerMethod(component, worklets[worklet] ?? data()[property])
        const recognizer = new GestureRecognizer(kind, {
          emit: (event) => void bound('ongesture', 'onGestureEvent')?.(event),
          respondsToMove: (move) => {
            const decide = bound('shouldresponseonmove', 'shouldResponseOnMove')
            return decide ? decide(move) !== false : true
          },
          accepts: () => {
            const decide = bound('shouldacceptgesture', 'shouldAcceptGesture')
            return decide ? decide() !== false : true
          },
          setTimer: (fn, ms) => {
            const timer = setTimeout(fn, ms)
            return () => clearTimeout(timer)
          },
        })
        const doc = host.ownerDocument
        const now = () => Date.now()
        let touching = false
        const move = (event: MouseEvent | TouchEvent) => recognizer.move(sampleOf(event, now()))
        const end = (event: MouseEvent | TouchEvent) => {
          if ('touches' in event && event.touches.length > 0) return
          stop()
          if (event.type === 'touchcancel') recognizer.cancel()
          else recognizer.up(sampleOf(event, now()))
        }
        const stop = () => {
          touching = false
          doc.removeEventListener('mousemove', move)
          doc.removeEventListener('mouseup', end)
          doc.removeEventListener('touchmove', move)
          doc.removeEventListener('touchend', end)
          doc.removeEventListener('touchcancel', end)
        }
        host.addEventListener('mousedown', (event) => {
          if (event.button !== 0 || isTouchMadeMouseEvent(event) || touching) return
          // Nested handlers each see the press, as Skyline's simultaneous recognition does.
          doc.addEventListener('mousemove', move)
          doc.addEventListener('mouseup', end)
          recognizer.down(sampleOf(event, now()))
        })
        host.addEventListener('touchstart', (event) => {
          if (touching) {
            recognizer.move(sampleOf(event, now()))
            return
          }
          touching = true
          doc.addEventListener('touchmove', move)
          doc.addEventListener('touchend', end)
          doc.addEventListener('touchcancel', end)
          recognizer.down(sampleOf(event, now()))
        })
        onDetach(() => {
          stop()
          recognizer.cancel()
        })
        return (_d: Data) => undefined
      },
    })
  }
}
