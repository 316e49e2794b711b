/**
 * Skyline's containers as WeChat's WebView fallback draws them: `list-view` (a block list with
 * `padding`), `span` (inline, for text mixed with images), `sticky-section` / `sticky-header`
 * (CSS sticky headers inside the scrolling box, `offset-top`, `padding`, `push-pinned-header`,
 * `bindstickontopchange { isStickOnTop }`), and the Skyline transitions the WebView has no use
 * for, drawn as their children only: `share-element`, `open-container`, `selection`, `snapshot`
 * (whose `takeSnapshot` fails: MP DevTools cannot draw a DOM subtree into a picture).
 */
import type * as glassEasel from 'glass-easel'
import { notSupportedMessage } from '../../../../../shared/runtime/wx-api-table'
import { defineBuiltin, toggleAttribute, type Data, type PropertySpec } from './define'
import { paddingOf } from './grid-view'

const PADDING: PropertySpec = { type: Array, value: [0, 0, 0, 0] }

function paddingCss(value: unknown): string {
  const [top, right, bottom, left] = paddingOf(value)
  const css = `${top}px ${right}px ${bottom}px ${left}px`
  return css === '0px 0px 0px 0px' ? '' : css
}

type Lifecycle = { onAttach(fn: () => void): void; onDetach(fn: () => void): void }

/**
 * Inline styles the component sets on its host, set again when glass-easel rewrites the host's
 * `style` (a `style="{{…}}"` binding replaces the whole attribute). An empty value takes back
 * only what was set here, never the project's own.
 */
function hostStyles(host: HTMLElement, lifecycle: Lifecycle) {
  let wanted: Record<string, string> = {}
  const own = new Map<string, string>()
  const apply = () => {
    for (const [name, value] of Object.entries(wanted)) {
      if (value) {
        if (host.style.getPropertyValue(name) !== value) host.style.setProperty(name, value)
        own.set(name, value)
      } else if (own.has(name)) {
        if (host.style.getPropertyValue(name) === own.get(name)) host.style.removeProperty(name)
        own.delete(name)
      }
    }
  }
  const view = host.ownerDocument.defaultView
  const observer = view?.MutationObserver
    ? new view.MutationObserver(() => {
        apply()
        observer?.takeRecords()
      })
    : undefined
  lifecycle.onAttach(() =>
    observer?.observe(host, { attributes: true, attributeFilter: ['style'] }),
  )
  lifecycle.onDetach(() => observer?.disconnect())
  return (next: Record<string, string>) => {
    wanted = next
    apply()
    observer?.takeRecords()
  }
}

/** WeChat's `Snapshot` (`SelectorQuery.fields({ node: true })` of a `<snapshot>`). */
export interface SnapshotNode {
  takeSnapshot(options?: {
    type?: string
    format?: string
    success?: (result: unknown) => void
    fail?: (result: { errMsg: string }) => void
    complete?: (result: unknown) => void
  }): void
}

const snapshots = new WeakMap<glassEasel.Element, SnapshotNode>()

/** The Snapshot node of a `<snapshot>` component, or `undefined` for another element. */
export function snapshotNodeOf(element: glassEasel.Element): SnapshotNode | undefined {
  return snapshots.get(element)
}

/** Tells a bound `bindstickontopchange` when the header starts or stops sticking. */
function watchStickOnTop(
  header: HTMLElement,
  offsetTop: () => number,
  emit: (stuck: boolean) => void,
) {
  let stuck = false
  let scroller: HTMLElement | null = null
  const check = (event: Event) => {
    if (!(event.target instanceof Node) || !event.target.contains(header)) return
    scroller ??= scrollingAncestorOf(header)
    if (!scroller) return
    const distance = header.getBoundingClientRect().top - scroller.getBoundingClientRect().top
    const now = scroller.scrollTop > 0 && Math.abs(distance - offsetTop()) < 1
    if (now !== stuck) {
      stuck = now
      emit(stuck)
    }
  }
  return check
}

function scrollingAncestorOf(element: HTMLElement): HTMLElement | null {
  const view = element.ownerDocument.defaultView
  for (let node = element.parentElement; node; node = node.parentElement) {
    const overflow = view?.getComputedStyle(node).overflowY ?? ''
    if (overflow === 'auto' || overflow === 'scroll') return node
  }
  return null
}

export function defineSkylineContainers(space: glassEasel.ComponentSpace): void {
  defineBuiltin(space, 'list-view', {
    properties: { padding: PADDING },
    render(context) {
      context.appendSlot()
      const style = hostStyles(context.host, context)
      return (d: Data) => style({ padding: paddingCss(d.padding) })
    },
  })

  defineBuiltin(space, 'span', {
    properties: {},
    render({ appendSlot }) {
      appendSlot()
      return () => undefined
    },
  })

  defineBuiltin(space, 'sticky-section', {
    properties: { pushPinnedHeader: { type: Boolean, value: true }, padding: PADDING },
    render(context) {
      context.appendSlot()
      const style = hostStyles(context.host, context)
      return (d: Data) => {
        // Not pushed: the header sticks to the whole scrolled content, the next one covers it.
        toggleAttribute(context.host, 'wx-no-push', d.pushPinnedHeader === false)
        style({ padding: paddingCss(d.padding) })
      }
    },
  })

  defineBuiltin(space, 'sticky-header', {
    properties: {
      offsetTop: { type: Number, value: 0 },
      allowOverlapping: { type: Boolean, value: false },
      padding: PADDING,
    },
    render(context) {
      const { host, data, emit, onAttach, onDetach } = context
      context.appendSlot()
      const style = hostStyles(host, context)
      const check = watchStickOnTop(
        host,
        () => Number(data().offsetTop) || 0,
        (isStickOnTop) => emit('stickontopchange', { isStickOnTop }),
      )
      const doc = host.ownerDocument
      onAttach(() => doc.addEventListener('scroll', check, true))
      onDetach(() => doc.removeEventListener('scroll', check, true))
      return (d: Data) =>
        style({ top: `${Number(d.offsetTop) || 0}px`, padding: paddingCss(d.padding) })
    },
  })

  defineBuiltin(space, 'share-element', {
    properties: {
      key: { type: String, value: '' },
      name: { type: String, value: '' },
      transform: { type: Boolean, value: false },
      duration: { type: Number, value: 300 },
      easingFunction: { type: String, value: 'ease-out' },
      transitionOnGesture: { type: Boolean, value: false },
      shuttleOnPush: { type: String, value: 'to' },
      shuttleOnPop: { type: String, value: 'to' },
      rectTweenType: { type: String, value: 'materialRectArc' },
    },
    render({ appendSlot }) {
      appendSlot()
      return () => undefined
    },
  })

  defineBuiltin(space, 'open-container', {
    properties: {
      url: { type: String, value: '' },
      transitionType: { type: String, value: 'fade' },
      transitionDuration: { type: Number, value: 300 },
      closedColor: { type: String, value: 'white' },
      closedElevation: { type: Number, value: 0 },
      closedBorderRadius: { type: Number, value: 0 },
      middleColor: { type: String, value: '' },
      openColor: { type: String, value: 'white' },
      openElevation: { type: Number, value: 0 },
      openBorderRadius: { type: Number, value: 0 },
    },
    render({ appendSlot }) {
      appendSlot()
      return () => undefined
    },
  })

  defineBuiltin(space, 'selection', {
    properties: { disableContextMenu: { type: Boolean, value: false } },
    render({ appendSlot }) {
      appendSlot()
      return () => undefined
    },
  })

  defineBuiltin(space, 'snapshot', {
    properties: { mode: { type: String, value: 'view' } },
    render({ component, appendSlot }) {
      appendSlot()
      snapshots.set(component, {
        takeSnapshot(options = {}) {
          const result = { errMsg: notSupportedMessage('takeSnapshot') }
          options.fail?.(result)
          options.complete?.(result)
        },
      })
      return () => undefined
    },
  })
}

/** The CSS of these containers, after the base CSS (a project's own rules still win). */
export const SKYLINE_CSS = `
list-view, sticky-section, grid-view, share-element, open-container, snapshot, selection { display: block; }
.wx-grid-view { display: block; }
sticky-header { display: block; position: sticky; top: 0; z-index: 1; }
sticky-section[wx-no-push] { display: contents; }
span { display: inline; }
`
