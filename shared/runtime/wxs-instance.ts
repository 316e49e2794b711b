/**
 * WeChat's WXS event API. A WXS function bound as an event handler
 * (`bindtouchmove="{{m.onMove}}"`) is called as `handler(event, ownerInstance)`, with
 * `event.instance` the node the handler is bound on; one bound as a property observer
 * (`change:prop="{{m.onChange}}"`) as `observer(newValue, oldValue, ownerInstance, instance)`.
 * Both instances are ComponentDescriptors: `getState`, `setStyle` (above the template's own style,
 * as in WeChat), `addClass`/`removeClass`/`hasClass`, `getDataset`, `selectComponent(s)` in the
 * component's tree, `callMethod`, `triggerEvent`, `requestAnimationFrame`. The compiled templates
 * reach this through their handler calls (`template-handlers.ts`).
 */
import * as glassEasel from 'glass-easel'

/** glass-easel's `StyleSegmentIndex.TEMP_EXTRA`: high-priority style nobody else writes. */
const WXS_STYLE_SEGMENT = 3

type Style = string | Record<string, string | number>

export interface ComponentDescriptor {
  getState(): Record<string, unknown>
  setStyle(style: Style): ComponentDescriptor
  addClass(name: string): ComponentDescriptor
  removeClass(name: string): ComponentDescriptor
  hasClass(name: string): boolean
  getDataset(): Record<string, unknown>
  selectComponent(selector: string): ComponentDescriptor | null
  selectAllComponents(selector: string): ComponentDescriptor[]
  callMethod(name: string, ...args: unknown[]): unknown
  triggerEvent(name: string, detail?: unknown): void
  requestAnimationFrame(callback: () => void): void
  getComputedStyle(names: string[]): Record<string, string>
}

const states = new WeakMap<glassEasel.Element, Record<string, unknown>>()
const descriptors = new WeakMap<glassEasel.Element, ComponentDescriptor>()

const styleText = (style: Style): string =>
  typeof style === 'string'
    ? style
    : Object.entries(style)
        .map(([name, value]) => `${name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}:${value}`)
        .join(';')

const nextFrame = (callback: () => void): void => {
  const raf = (globalThis as { requestAnimationFrame?: (fn: () => void) => unknown })
    .requestAnimationFrame
  if (typeof raf === 'function') raf(callback)
  else setTimeout(callback, 16)
}

/** The component itself, or the one whose tree holds the plain node `element`. */
const hostOf = (element: glassEasel.Element): glassEasel.GeneralComponent | undefined =>
  glassEasel.Component.isComponent(element)
    ? (element as glassEasel.GeneralComponent)
    : element.ownerShadowRoot?.getHostNode()

/** The descriptor of `element` (one per element, so `getState` keeps its state). */
export function descriptorOf(element: glassEasel.Element): ComponentDescriptor {
  const known = descriptors.get(element)
  if (known) return known
  // Selections look in a component's own tree, or in the tree a plain node is part of.
  const tree = (): glassEasel.ShadowRoot | null =>
    glassEasel.Component.isComponent(element)
      ? (element as glassEasel.GeneralComponent).getShadowRoot()
      : element.ownerShadowRoot
  const descriptor: ComponentDescriptor = {
    getState() {
      let state = states.get(element)
      if (!state) states.set(element, (state = {}))
      return state
    },
    setStyle(style) {
      element.setNodeStyle(styleText(style), WXS_STYLE_SEGMENT)
      return descriptor
    },
    addClass(name) {
      element.classList?.toggle(name, true)
      return descriptor
    },
    removeClass(name) {
      element.classList?.toggle(name, false)
      return descriptor
    },
    hasClass: (name) => element.classList?.contains(name) ?? false,
    getDataset: () => ({ ...element.dataset }),
    selectComponent(selector) {
      const found = tree()?.querySelector(selector)
      return found ? descriptorOf(found) : null
    },
    selectAllComponents: (selector) => (tree()?.querySelectorAll(selector) ?? []).map(descriptorOf),
    callMethod(name, ...args) {
      const component = hostOf(element)
      const method = component && glassEasel.Component.getMethod(component, name)
      if (!component || typeof method !== 'function') {
        throw new Error(`callMethod: no method "${name}"`)
      }
      return method.apply(component.getMethodCaller(), args)
    },
    triggerEvent(name, detail) {
      hostOf(element)?.triggerEvent(name, detail)
    },
    requestAnimationFrame: nextFrame,
    getComputedStyle(names) {
      const node = element.$$ as unknown as {
        ownerDocument?: { defaultView?: { getComputedStyle(n: unknown): Record<string, string> } }
      } | null
      const style = node?.ownerDocument?.defaultView?.getComputedStyle(node)
      return Object.fromEntries(names.map((name) => [name, style?.[name] ?? '']))
    },
  }
  descriptors.set(element, descriptor)
  return descriptor
}
