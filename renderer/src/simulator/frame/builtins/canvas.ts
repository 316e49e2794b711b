/**
 * `<canvas>`: its host is the browser's own `<canvas>` element, so `type="2d"` and `webgl` draw on
 * it directly. `canvasNodeOf` gives the element for `SelectorQuery.fields({ node: true })` (the
 * `Canvas` object of WeChat, with `getContext`, `width`, `height`, `createImage`,
 * `requestAnimationFrame`).
 */
import type * as glassEasel from 'glass-easel'
import { defineBuiltin, domOf } from './define'

/** What `SelectorQuery.node()` answers for a `<canvas type="2d|webgl">`. */
export interface CanvasNode {
  width: number
  height: number
  getContext(type: string): unknown
  createImage(): HTMLImageElement
  requestAnimationFrame(callback: FrameRequestCallback): number
  cancelAnimationFrame(id: number): void
  toDataURL(type?: string, quality?: number): string
}

const nodes = new WeakMap<HTMLCanvasElement, CanvasNode>()

/** The Canvas node of a `<canvas>` component, or `undefined` for another component. */
export function canvasNodeOf(component: glassEasel.GeneralComponent): CanvasNode | undefined {
  const element = domOf(component as unknown as glassEasel.Element)
  if (!(element instanceof HTMLCanvasElement)) return undefined
  let node = nodes.get(element)
  if (!node) {
    const view = element.ownerDocument.defaultView
    node = Object.assign(element, {
      createImage: () => element.ownerDocument.createElement('img'),
      requestAnimationFrame: (callback: FrameRequestCallback) =>
        view ? view.requestAnimationFrame(callback) : 0,
      cancelAnimationFrame: (id: number) => view?.cancelAnimationFrame(id),
    })
    nodes.set(element, node)
  }
  return node
}

export function defineCanvas(space: glassEasel.ComponentSpace): void {
  defineBuiltin(space, 'canvas', {
    properties: {
      type: { type: String, value: '' },
      canvasId: { type: String, value: '' },
      disableScroll: { type: Boolean, value: false },
    },
    render({ host }) {
      return () => {
        host.setAttribute('aria-hidden', 'true')
      }
    },
  })
}
