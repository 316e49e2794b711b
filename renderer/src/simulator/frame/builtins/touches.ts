/**
 * `touches` and `changedTouches` of WeChat's event object, from the DOM event that caused it (a
 * mouse counts as one finger, identifier 0). The frame adds them with `extraFields` where its
 * backend turns DOM events into glass-easel events.
 */
export interface WechatTouch {
  identifier: number
  pageX: number
  pageY: number
  clientX: number
  clientY: number
  force: number
}

export interface TouchFields {
  touches: WechatTouch[]
  changedTouches: WechatTouch[]
}

type PointLike = Pick<Touch, 'identifier' | 'pageX' | 'pageY' | 'clientX' | 'clientY'> & {
  force?: number
}

function toTouch(point: PointLike): WechatTouch {
  return {
    identifier: point.identifier,
    pageX: point.pageX,
    pageY: point.pageY,
    clientX: point.clientX,
    clientY: point.clientY,
    force: point.force ?? 1,
  }
}

export function touchFields(originalEvent: unknown): TouchFields {
  const event = originalEvent as Partial<TouchEvent & MouseEvent> | null | undefined
  if (event?.changedTouches) {
    return {
      touches: [...(event.touches ?? [])].map(toTouch),
      changedTouches: [...event.changedTouches].map(toTouch),
    }
  }
  if (event && typeof event.clientX === 'number') {
    const point = toTouch({
      identifier: 0,
      pageX: event.pageX ?? event.clientX,
      pageY: event.pageY ?? (event.clientY as number),
      clientX: event.clientX,
      clientY: event.clientY as number,
    })
    // A released mouse, like a lifted finger, is no longer among `touches`.
    const lifted = event.type === 'mouseup'
    return { touches: lifted ? [] : [point], changedTouches: [point] }
  }
  return { touches: [], changedTouches: [] }
}
