// @vitest-environment happy-dom
/**
 * Skyline's gesture handlers in the WebView render mode: the child is drawn, and mouse or touch
 * presses reach the `worklet:ongesture` method of the page as WeChat's gesture events.
 */
import { afterEach, describe, expect, it } from 'vitest'
import {
  GestureRecognizer,
  GestureState,
  LONG_PRESS_MS,
  type GestureEvent,
  type GestureKind,
  type PointerSample,
} from '../../../renderer/src/simulator/frame/builtins/gesture-handlers'
import { mountPage, tap, type MountedPage } from './harness'

let mounted: MountedPage | undefined
afterEach(() => mounted?.release())

const win = globalThis as unknown as Window & typeof globalThis

function mouse(target: EventTarget, type: string, x: number, y: number) {
  target.dispatchEvent(
    new win.MouseEvent(type, { bubbles: true, clientX: x, clientY: y, button: 0 }),
  )
}

/** A recognizer fed samples directly, recording what it emits. */
function recognizer(kind: GestureKind, options: { respond?: boolean; accept?: boolean } = {}) {
  const events: GestureEvent[] = []
  const timers: (() => void)[] = []
  const made = new GestureRecognizer(kind, {
    emit: (event) => events.push(event),
    respondsToMove: () => options.respond ?? true,
    accepts: () => options.accept ?? true,
    setTimer: (fn) => {
      timers.push(fn)
      return () => timers.splice(timers.indexOf(fn), 1)
    },
  })
  return { made, events, states: () => events.map((event) => event.state), timers }
}

const at = (x: number, y: number, time: number): PointerSample => ({ x, y, time })

describe('gesture handlers on a page', () => {
  it('a mouse drag on pan-gesture-handler runs worklet:ongesture with POSSIBLE, BEGIN, ACTIVE deltas and END', async () => {
    const seen: GestureEvent[] = []
    mounted = await mountPage({
      wxml: `<pan-gesture-handler worklet:ongesture="handlePan"><view id="ball" class="circle">o</view></pan-gesture-handler>`,
      page: {
        handlePan(event: GestureEvent) {
          seen.push(event)
        },
      },
    })
    const ball = mounted.byId('ball')
    mouse(ball, 'mousedown', 10, 10)
    mouse(ball, 'mousemove', 40, 10)
    mouse(ball, 'mousemove', 50, 15)
    mouse(ball, 'mouseup', 50, 15)
    expect(seen.map(({ state }) => state)).toEqual([
      GestureState.POSSIBLE,
      GestureState.BEGIN,
      GestureState.ACTIVE,
      GestureState.ACTIVE,
      GestureState.END,
    ])
    expect(seen[2]).toMatchObject({ absoluteX: 40, absoluteY: 10, deltaX: 30, deltaY: 0 })
    expect(seen[3]).toMatchObject({ absoluteX: 50, absoluteY: 15, deltaX: 10, deltaY: 5 })
    expect(Object.keys(seen[4]).sort()).toEqual(
      ['absoluteX', 'absoluteY', 'deltaX', 'deltaY', 'state', 'velocityX', 'velocityY'].sort(),
    )
  })

  it('on-gesture-event names the handler too, and touches drive a tap-gesture-handler', async () => {
    const seen: GestureEvent[] = []
    mounted = await mountPage({
      wxml: `<tap-gesture-handler on-gesture-event="tapped"><view id="pic">pic</view></tap-gesture-handler>`,
      page: {
        tapped(event: GestureEvent) {
          seen.push(event)
        },
      },
    })
    const pic = mounted.byId('pic')
    const touch = { identifier: 1, target: pic, clientX: 12, clientY: 34, pageX: 12, pageY: 34 }
    pic.dispatchEvent(
      new win.TouchEvent('touchstart', {
        bubbles: true,
        touches: [touch as never],
        changedTouches: [touch as never],
      }),
    )
    pic.ownerDocument.dispatchEvent(
      new win.TouchEvent('touchend', {
        bubbles: true,
        touches: [],
        changedTouches: [touch as never],
      }),
    )
    expect(seen).toEqual([{ state: GestureState.END, absoluteX: 12, absoluteY: 34 }])
  })

  it('worklet:should-response-on-move false drops the moves; the child keeps its own tap', async () => {
    const seen: number[] = []
    const taps: string[] = []
    mounted = await mountPage({
      wxml: `<vertical-drag-gesture-handler worklet:ongesture="drag" worklet:should-response-on-move="responds">
        <view id="sheet" bindtap="tapped">sheet</view></vertical-drag-gesture-handler>`,
      page: {
        drag(event: GestureEvent) {
          seen.push(event.state)
        },
        responds() {
          return false
        },
        tapped() {
          taps.push('tap')
        },
      },
    })
    const sheet = mounted.byId('sheet')
    mouse(sheet, 'mousedown', 5, 5)
    mouse(sheet, 'mousemove', 5, 60)
    mouse(sheet, 'mouseup', 5, 60)
    expect(seen).toEqual([GestureState.POSSIBLE, GestureState.BEGIN, GestureState.END])
    tap(sheet)
    expect(taps).toEqual(['tap'])
  })
})

describe('gesture recognition rules', () => {
  it('a vertical drag that goes sideways first is cancelled; a horizontal one begins', () => {
    const vertical = recognizer('vertical-drag')
    vertical.made.down(at(0, 0, 0))
    vertical.made.move(at(30, 2, 16))
    vertical.made.move(at(30, 60, 32))
    vertical.made.up(at(30, 60, 48))
    expect(vertical.states()).toEqual([GestureState.POSSIBLE, GestureState.CANCELLED])

    const horizontal = recognizer('horizontal-drag')
    horizontal.made.down(at(0, 0, 0))
    horizontal.made.move(at(30, 2, 100))
    horizontal.made.up(at(30, 2, 100))
    expect(horizontal.states()).toEqual([
      GestureState.POSSIBLE,
      GestureState.BEGIN,
      GestureState.ACTIVE,
      GestureState.END,
    ])
    expect(horizontal.events[2]).toMatchObject({ deltaX: 30, velocityX: 300 })
  })

  it('a press held still is a long press; one that moves first is not', () => {
    const held = recognizer('long-press')
    held.made.down(at(0, 0, 0))
    expect(held.timers).toHaveLength(1)
    held.timers[0]()
    held.made.move(at(4, 6, LONG_PRESS_MS + 10))
    held.made.up(at(4, 6, LONG_PRESS_MS + 20))
    expect(held.states()).toEqual([GestureState.BEGIN, GestureState.ACTIVE, GestureState.END])
    expect(held.events[1]).toMatchObject({ translationX: 4, translationY: 6 })

    const moved = recognizer('long-press')
    moved.made.down(at(0, 0, 0))
    moved.made.move(at(40, 0, 100))
    expect(moved.timers).toHaveLength(1)
    moved.timers[0]()
    moved.made.up(at(40, 0, 200))
    expect(moved.states()).toEqual([])
  })

  it('two quick taps make a double tap; slow ones do not', () => {
    const quick = recognizer('double-tap')
    quick.made.down(at(5, 5, 0))
    quick.made.up(at(5, 5, 50))
    quick.made.down(at(6, 5, 200))
    quick.made.up(at(6, 5, 250))
    expect(quick.events).toEqual([{ state: GestureState.END, absoluteX: 6, absoluteY: 5 }])

    const slow = recognizer('double-tap')
    slow.made.down(at(5, 5, 0))
    slow.made.up(at(5, 5, 50))
    slow.made.down(at(5, 5, 600))
    slow.made.up(at(5, 5, 650))
    expect(slow.events).toEqual([])
  })

  it('scale: two touches pinch with scale and focal point; should-accept-gesture false refuses', () => {
    const pinch = recognizer('scale')
    pinch.made.down(at(100, 100, 0))
    pinch.made.move({ x: 100, y: 100, time: 10, second: { x: 200, y: 100 } })
    pinch.made.move({ x: 50, y: 100, time: 20, second: { x: 250, y: 100 } })
    pinch.made.up(at(50, 100, 30))
    expect(pinch.states()).toEqual([
      GestureState.BEGIN,
      GestureState.ACTIVE,
      GestureState.ACTIVE,
      GestureState.END,
    ])
    expect(pinch.events[2]).toMatchObject({ scale: 2, focalX: 150, focalY: 100, pointerCount: 2 })

    const refused = recognizer('pan', { accept: false })
    refused.made.down(at(0, 0, 0))
    refused.made.move(at(50, 0, 10))
    refused.made.up(at(50, 0, 20))
    expect(refused.states()).toEqual([GestureState.POSSIBLE, GestureState.CANCELLED])
  })
})
