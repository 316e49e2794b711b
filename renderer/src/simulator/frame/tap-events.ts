/**
 * WeChat's touch-level event fields on glass-easel events, and taps from clicks that had no
 * press before them (keyboard activation, `element.click()`): glass-easel's DOM backend makes a
 * `tap` from mousedown/mouseup and touchstart/touchend only.
 */
import * as glassEasel from 'glass-easel'

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
      pageX: touch.pageX,
      pageY: touch.pageY,
      clientX: touch.clientX,
      clientY: touch.clientY,
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
      pageX: event.pageX ?? event.clientX,
      pageY: event.pageY ?? event.clientY ?? 0,
      clientX: event.clientX,
      clientY: event.clientY ?? 0,
      force: 1,
    }
    const ended = event.type === 'mouseup' || event.type === 'click'
    return { touches: ended ? [] : [point], changedTouches: [point] }
  }
  return { touches: [], changedTouches: [] }
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

/**
 * Listens on `doc` for clicks with no mousedown/touchstart before them and triggers a `tap` on
 * the clicked element, so a keyboard or scripted click runs `bindtap` like a tap.
 */
export function tapOnClickWithoutPress(doc: Document): void {
  let pressed = false
  const press = () => {
    pressed = true
  }
  doc.addEventListener('mousedown', press, true)
  doc.addEventListener('touchstart', press, true)
  doc.addEventListener(
    'click',
    (ev) => {
      if (pressed) {
        pressed = false
        return
      }
      const target = glassEaselElementOf(ev.target as Node | null)
      if (!target) return
      glassEasel.Event.triggerEvent(
        target,
        'tap',
        { x: ev.clientX, y: ev.clientY },
        {
          originalEvent: ev,
          bubbles: true,
          composed: true,
          capturePhase: true,
          extraFields: touchFields(ev),
        },
      )
    },
    true,
  )
}
