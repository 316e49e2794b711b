/**
 * The event object WeChat hands a page or component method bound in WXML (`bindtap`,
 * `catchinput`, `bind:change` on a custom component…): a plain object, not glass-easel's event
 * with its tree behind it, so projects can log it, store it and `JSON.stringify` it:
 * `{ type, timeStamp, target, currentTarget, mark, detail }` plus the event's extra fields
 * (`touches`, `changedTouches` for touch events). `target` and `currentTarget` are
 * `{ id, dataset, offsetLeft, offsetTop }`; the offsets come from the node's layout where it has a
 * DOM node (the simulator's frame), read when first used, and are 0 without one (`mpdt run`).
 * `detail` and `mark` are the event's own objects, so a `triggerEvent` detail keeps its identity.
 */
import * as glassEasel from 'glass-easel'

export interface WechatEventTarget {
  id: string
  dataset: Record<string, unknown>
  offsetLeft: number
  offsetTop: number
}

export interface WechatEvent {
  type: string
  timeStamp: number
  target: WechatEventTarget
  currentTarget: WechatEventTarget
  mark: Record<string, unknown>
  detail: unknown
  [extraField: string]: unknown
}

/** What one dispatch shares between the listeners it calls: the targets already described. */
const dispatches = new WeakMap<object, Map<glassEasel.Element, WechatEventTarget>>()

/** The node behind a method caller (a component's `this`) or the node itself. */
const elementOf = (value: unknown): glassEasel.Element | undefined => {
  const inner = (value as { _$?: unknown } | null | undefined)?._$ ?? value
  return inner instanceof glassEasel.Element ? inner : undefined
}

const offsetOf = (element: glassEasel.Element, side: 'offsetLeft' | 'offsetTop'): number => {
  const offset = (element.$$ as unknown as Record<string, unknown> | null)?.[side]
  return typeof offset === 'number' ? offset : 0
}

/**
 * `offsetLeft`/`offsetTop` read the node's layout on first use only: reading them forces a
 * layout, which a `touchmove` handler that never looks at them must not pay. The getter turns
 * into a plain data property once read (or written), and both stay enumerable, so
 * `JSON.stringify` and `console.log` show them as before.
 */
const lazyOffset = (
  target: object,
  element: glassEasel.Element,
  side: 'offsetLeft' | 'offsetTop',
) =>
  Object.defineProperty(target, side, {
    enumerable: true,
    configurable: true,
    get(this: object) {
      const value = offsetOf(element, side)
      Object.defineProperty(this, side, {
        value,
        enumerable: true,
        configurable: true,
        writable: true,
      })
      return value
    },
    set(this: object, value: unknown) {
      Object.defineProperty(this, side, {
        value,
        enumerable: true,
        configurable: true,
        writable: true,
      })
    },
  })

const describe = (
  described: Map<glassEasel.Element, WechatEventTarget>,
  value: unknown,
): WechatEventTarget => {
  const element = elementOf(value)
  if (!element) return { id: '', dataset: {}, offsetLeft: 0, offsetTop: 0 }
  let target = described.get(element)
  if (!target) {
    const plain = { id: element.id, dataset: { ...element.dataset } }
    lazyOffset(plain, element, 'offsetLeft')
    lazyOffset(plain, element, 'offsetTop')
    target = plain as WechatEventTarget
    described.set(element, target)
  }
  return target
}

/** WeChat's plain event for the listener glass-easel is about to call with `event`. */
export function wechatEventOf(event: glassEasel.ShadowedEvent<unknown>): WechatEvent {
  // glass-easel shadows one event per listener on top of the dispatched one.
  const dispatched = (Object.getPrototypeOf(event) as object | null) ?? event
  let described = dispatches.get(dispatched)
  if (!described) dispatches.set(dispatched, (described = new Map()))
  return {
    type: event.type,
    timeStamp: event.timeStamp,
    target: describe(described, event.target),
    currentTarget: describe(described, event.currentTarget),
    mark: event.mark ?? {},
    detail: event.detail,
    ...event.extraFields,
  }
}
