/**
 * What selector queries, intersection observers and `this.animate` need from the runtime: the
 * page a component is on and where that page shows (`port.screen.viewport`), the DOM node behind
 * a glass-easel element when the host has one, and a way to say once what cannot be done here.
 */
import * as glassEasel from 'glass-easel'
import type { PageViewport, ScrolledBox } from './native-port'

export interface LayoutHost {
  /** The top page's root component, if a page is open. */
  currentPage(): glassEasel.GeneralComponent | undefined
  /** The viewport of the page whose root component is `root`; absent headless. */
  viewportOf(root: glassEasel.GeneralComponent): PageViewport | undefined
  defer(fn: () => void): void
  /** Said once per distinct message (the host's console, source `baselib`). */
  warnOnce(message: string): void
  /** `node()`'s answer for `element`: the built-in's object, or `null`. */
  nodeOf(element: glassEasel.Element): unknown
  /** `context()`'s answer for `element`: the built-in's context object, or `null`. */
  contextOf(element: glassEasel.Element): unknown
  /** The box that scrolls inside `element` (a `<scroll-view>`'s inner box), if not its own node. */
  scrolledBoxOf(element: glassEasel.Element): ScrolledBox | undefined
}

/** What the DOM backend's node offers; a headless backend's nodes have none of it. */
export interface MeasurableNode extends ScrolledBox {
  getBoundingClientRect(): { left: number; top: number; width: number; height: number }
  clientWidth?: number
  addEventListener?(
    type: 'scroll',
    listener: (event: { target: unknown }) => void,
    options: { capture: boolean; passive: boolean },
  ): void
  animate?(keyframes: Record<string, unknown>[], options: Record<string, unknown>): unknown
  getAnimations?(): { cancel(): void; id: string }[]
  ownerDocument?: { defaultView?: { getComputedStyle(node: unknown): Record<string, string> } }
}

/** The DOM node behind `element`, when the backend is a DOM one. */
export function measurable(element: glassEasel.Element): MeasurableNode | undefined {
  // A DOM node has an owner document; the headless backend's nodes answer rects by callback.
  const node = element.$$ as unknown as (Partial<MeasurableNode> & { nodeType?: number }) | null
  return node && typeof node.nodeType === 'number' && node.ownerDocument
    ? (node as MeasurableNode)
    : undefined
}

/** glass-easel's component behind a mini-program `this` (the adapter's caller) or itself. */
export function componentOf(value: unknown): glassEasel.GeneralComponent | undefined {
  const inner = (value as { _$?: unknown } | null | undefined)?._$ ?? value
  return glassEasel.Component.isComponent(inner as glassEasel.Node)
    ? (inner as glassEasel.GeneralComponent)
    : undefined
}

/** The root component of the page `component` is on (the outermost host). */
export function pageRootOf(component: glassEasel.GeneralComponent): glassEasel.GeneralComponent {
  let current = component
  for (let hops = 0; current.ownerShadowRoot && hops < 10_000; hops += 1) {
    current = current.ownerShadowRoot.getHostNode()
  }
  return current
}

export interface PlainRect {
  left: number
  top: number
  right: number
  bottom: number
  width: number
  height: number
}

/** A rect of the frame's coordinates as WeChat reports it: from the page viewport's corner. */
export function fromViewport(
  rect: { left: number; top: number; width: number; height: number },
  viewport: PageViewport | undefined,
): PlainRect {
  const zoom = viewport?.zoom ?? 1
  const left = rect.left / zoom - (viewport?.left ?? 0)
  const top = rect.top / zoom - (viewport?.top ?? 0)
  const width = rect.width / zoom
  const height = rect.height / zoom
  return { left, top, right: left + width, bottom: top + height, width, height }
}
