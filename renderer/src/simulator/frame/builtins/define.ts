/**
 * How a built-in component is defined: glass-easel components whose shadow tree is built in code
 * (a small template engine below) instead of compiled WXML, so the frame never loads the template
 * compiler. A built-in's host is the element glass-easel creates for its tag (`<button>`,
 * `<input>`, `<swiper>`…), which keeps the project's tag selectors (`button::after`) working.
 */
import * as glassEasel from 'glass-easel'
import { playAnimation } from '../animation-attribute'

export type Data = Record<string, unknown>

type PropertyType =
  | StringConstructor
  | NumberConstructor
  | BooleanConstructor
  | ArrayConstructor
  | ObjectConstructor
  | null

export interface PropertySpec {
  /** `null` accepts any value (`nodes` of rich-text is a string or an array). */
  type: PropertyType
  value?: unknown
}

export interface EmitOptions {
  bubbles?: boolean
  composed?: boolean
  /** Receives what the bound handler returned (bindinput's replacement value). */
  onReturn?: (value: unknown) => void
}

export interface BuiltinContext {
  component: glassEasel.GeneralComponent
  shadowRoot: glassEasel.ShadowRoot
  /** The host element in the frame's DOM. */
  host: HTMLElement
  /** The component's current data (properties included). */
  data(): Data
  /** Triggers a component event with WeChat's `detail`, as `bind<name>` receives it. */
  emit(name: string, detail: Data, options?: EmitOptions): void
  /** Sets the component's own properties (what `model:` bindings follow). */
  set(values: Data): void
  /**
   * Appends a `<slot>` for the light children, to the shadow root or to `parent`; `name` (with
   * `multipleSlots`) takes the children with that `slot` attribute.
   */
  appendSlot(parent?: glassEasel.Element, name?: string): void
  /** Appends a plain element to the shadow root (or to `parent`), for the built-in's own DOM. */
  appendElement(tag: string, className: string, parent?: glassEasel.Element): glassEasel.NativeNode
  /** Runs `fn` when the component enters the page, its properties from the template set. */
  onAttach(fn: () => void): void
  /** Runs `fn` when the component leaves the page (timers, document listeners); it may come back. */
  onDetach(fn: () => void): void
  /** Runs `fn` for each `worklet:<name>="<value>"` the template sets on the component. */
  onWorklet(fn: (name: string, value: unknown) => void): void
}

export interface BuiltinSpec {
  properties: Record<string, PropertySpec>
  /** Builds the shadow tree once; the returned function applies every data change. */
  render(context: BuiltinContext): (data: Data) => void
  /** Host options: `virtualHost` leaves no host element (for tags HTML draws itself). */
  virtualHost?: boolean
  /** Named slots: children go to the `appendSlot(parent, name)` their `slot` attribute names. */
  multipleSlots?: boolean
}

/** The DOM element of a glass-easel node (the frame uses a DOM backend). */
export function domOf(node: glassEasel.Element): HTMLElement {
  return node.$$ as unknown as HTMLElement
}

type Render = BuiltinSpec['render']

interface BuiltinInstance {
  update(data: Data): void
  attach: (() => void)[]
  detach: (() => void)[]
  worklet: ((name: string, value: unknown) => void)[]
}

const instances = new WeakMap<glassEasel.GeneralComponent, BuiltinInstance>()

/** The template engine: `behavior._$template` holds the built-in's `render`. */
const engine: glassEasel.templateEngine.TemplateEngine = {
  create(behavior) {
    const render = (behavior as unknown as { _$template: Render })._$template
    return {
      createInstance(component, createShadowRoot) {
        const shadowRoot = createShadowRoot(component)
        let instance: BuiltinInstance | undefined
        return {
          shadowRoot,
          initValues(data) {
            instance = { update: () => {}, attach: [], detach: [], worklet: [] }
            instances.set(component, instance)
            instance.update = render(contextOf(component, shadowRoot, instance))
            apply(component, instance, data as Data)
          },
          updateValues(data) {
            if (instance) apply(component, instance, data as Data)
          },
        }
      },
    }
  },
}

/** The `animation` data each built-in last played, so another data change does not replay it. */
const played = new WeakMap<glassEasel.GeneralComponent, unknown>()

/**
 * Applies a data change; `hidden` and `animation` (`wx.createAnimation`'s export), as on every
 * WeChat component, hide and animate the host.
 */
function apply(component: glassEasel.GeneralComponent, instance: BuiltinInstance, data: Data) {
  instance.update(data)
  const host = component.$$ as unknown as HTMLElement | null
  if (!host) return
  toggleAttribute(host, 'hidden', Boolean(data.hidden))
  if (data.animation && data.animation !== played.get(component)) {
    played.set(component, data.animation)
    playAnimation(host, data.animation)
  }
}

function contextOf(
  component: glassEasel.GeneralComponent,
  shadowRoot: glassEasel.ShadowRoot,
  instance: BuiltinInstance,
): BuiltinContext {
  return {
    component,
    shadowRoot,
    host: component.$$ as unknown as HTMLElement,
    data: () => component.data as Data,
    emit(name, detail, options = {}) {
      component.triggerEvent(name, detail, {
        bubbles: options.bubbles ?? false,
        composed: options.composed ?? false,
        handleListenerReturn: options.onReturn
          ? (value: unknown) => {
              options.onReturn?.(value)
              return undefined
            }
          : undefined,
      })
    },
    set(values) {
      component.setData(values)
    },
    appendSlot(parent, name = '') {
      const slot = shadowRoot.createVirtualNode('slot')
      glassEasel.Element.setSlotName(slot, name)
      ;(parent ?? shadowRoot).appendChild(slot)
    },
    appendElement(tag, className, parent) {
      const node = shadowRoot.createNativeNode(tag)
      ;(parent ?? shadowRoot).appendChild(node)
      domOf(node).className = className
      return node
    },
    onAttach(fn) {
      instance.attach.push(fn)
    },
    onDetach(fn) {
      instance.detach.push(fn)
    },
    onWorklet(fn) {
      instance.worklet.push(fn)
    },
  }
}

/** Defines `spec` as the built-in `tag` in `space` and makes it the meaning of `<tag>`. */
export function defineBuiltin(
  space: glassEasel.ComponentSpace,
  tag: string,
  spec: BuiltinSpec,
): glassEasel.GeneralComponentDefinition {
  const properties: Record<string, unknown> = {
    hidden: { type: Boolean, value: false },
    animation: { type: null, value: null },
  }
  for (const [name, property] of Object.entries(spec.properties)) {
    properties[name] = { type: property.type, value: property.value }
  }
  const definition = space.defineComponent({
    is: `wx-builtin/${tag}`,
    options: {
      templateEngine: engine,
      virtualHost: spec.virtualHost ?? false,
      multipleSlots: spec.multipleSlots ?? false,
    },
    properties,
    template: spec.render,
    lifetimes: {
      attached(this: glassEasel.GeneralComponent) {
        for (const fn of instances.get(this)?.attach ?? []) fn()
      },
      detached(this: glassEasel.GeneralComponent) {
        for (const fn of instances.get(this)?.detach ?? []) fn()
      },
      workletChange(this: glassEasel.GeneralComponent, name: string, value: unknown) {
        for (const fn of instances.get(this)?.worklet ?? []) fn(name, value)
      },
    },
  } as never) as unknown as glassEasel.GeneralComponentDefinition
  space.setGlobalUsingComponent(tag, definition)
  return definition
}

/** The built-in component instance behind `node`, when `node` is the built-in `tag`. */
export function isBuiltin(node: glassEasel.Node, tag: string): node is glassEasel.GeneralComponent {
  return (
    glassEasel.Component.isComponent(node) &&
    (node as glassEasel.GeneralComponent).is === `wx-builtin/${tag}`
  )
}

type Entered = (component: glassEasel.GeneralComponent) => boolean
const everyComponent: Entered = () => true

/**
 * Every element under `root` in its light tree, descending into the shadow trees of the custom
 * components `enters` accepts (all of them unless told).
 */
export function* descendants(
  root: glassEasel.Element,
  enters: Entered = everyComponent,
): Generator<glassEasel.Element> {
  for (const child of root.childNodes) {
    if (!(child instanceof glassEasel.Element)) continue
    yield child
    yield* descendants(child, enters)
    if (glassEasel.Component.isComponent(child) && !child.is.startsWith('wx-builtin/')) {
      const component = child as glassEasel.GeneralComponent
      const shadow = enters(component) ? component.getShadowRoot() : null
      if (shadow) yield* descendants(shadow, enters)
    }
  }
}

/**
 * The nearest ancestor of `node` that satisfies `test`, leaving a shadow tree for its host when
 * `enters` accepts that host (always unless told).
 */
export function closest(
  node: glassEasel.Element,
  test: (element: glassEasel.Element) => boolean,
  enters: Entered = everyComponent,
): glassEasel.Element | null {
  let current: glassEasel.Element | null = node.parentNode
  for (let hops = 0; current && hops < 10_000; hops += 1) {
    if (test(current)) return current
    if (glassEasel.ShadowRoot.isShadowRoot(current)) {
      const host = current.getHostNode()
      current = enters(host) ? host : null
    } else current = current.parentNode
  }
  return null
}

/** Sets attribute `name` to `value` when `on`, removes it otherwise. */
export function toggleAttribute(element: HTMLElement, name: string, on: boolean, value = ''): void {
  if (on) element.setAttribute(name, value)
  else element.removeAttribute(name)
}
