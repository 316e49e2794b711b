/**
 * `wx.createIntersectionObserver(component, options)` and `this.createIntersectionObserver()`:
 * the browser's IntersectionObserver on the page's DOM, with WeChat's answer: `id`, `dataset`,
 * `intersectionRatio`, and plain `intersectionRect`, `boundingClientRect`, `relativeRect`
 * measured from the page viewport's corner, `time`. `relativeToViewport` is the page's viewport
 * (its scrolling container: below the navigation bar, above the tab bar), `relativeTo(selector)` a
 * node of the component's tree; margins grow (or, negative, shrink) that root. `initialRatio`
 * suppresses a first report that crosses no threshold from it. Headless there is no layout:
 * `observe` reports nothing, with a warning.
 */
import type * as glassEasel from 'glass-easel'
import {
  componentOf,
  fromViewport,
  measurable,
  pageRootOf,
  type LayoutHost,
  type MeasurableNode,
} from './layout-host'

export interface IntersectionOptions {
  thresholds?: number[]
  initialRatio?: number
  observeAll?: boolean
}

interface Margins {
  left?: number
  top?: number
  right?: number
  bottom?: number
}

type Listener = (result: Record<string, unknown>) => void

interface Entry {
  target: unknown
  intersectionRatio: number
  intersectionRect: DOMRectLike
  boundingClientRect: DOMRectLike
  rootBounds: DOMRectLike | null
  time: number
}
type DOMRectLike = { left: number; top: number; width: number; height: number }
type BrowserObserver = new (
  callback: (entries: Entry[]) => void,
  options: { root: unknown; rootMargin: string; threshold: number[] },
) => { observe(node: unknown): void; disconnect(): void }

const NO_LAYOUT = 'mpdt run has no layout: IntersectionObserver reports nothing'

export class IntersectionObserver {
  private relative: { selector: string | null; margins: Margins } = {
    selector: null,
    margins: {},
  }
  private readonly observers: { disconnect(): void }[] = []
  private readonly thresholds: number[]
  private readonly initialRatio: number
  private readonly observeAll: boolean

  constructor(
    private readonly host: LayoutHost,
    private readonly component: glassEasel.GeneralComponent,
    options: IntersectionOptions = {},
  ) {
    this.thresholds = Array.isArray(options.thresholds) ? options.thresholds.map(Number) : [0]
    this.initialRatio = Number(options.initialRatio ?? 0)
    this.observeAll = Boolean(options.observeAll)
  }

  relativeTo(selector: string, margins: Margins = {}): this {
    this.relative = { selector: String(selector), margins }
    return this
  }

  relativeToViewport(margins: Margins = {}): this {
    this.relative = { selector: null, margins }
    return this
  }

  observe(targetSelector: string, listener: Listener): void {
    const shadowRoot = this.component.getShadowRoot()
    const targets = !shadowRoot
      ? []
      : this.observeAll
        ? shadowRoot.querySelectorAll(targetSelector)
        : [shadowRoot.querySelector(targetSelector)].filter((t): t is glassEasel.Element => !!t)
    if (targets.length === 0) {
      this.host.warnOnce(`IntersectionObserver: no node matches "${targetSelector}"`)
      return
    }
    const viewport = this.host.viewportOf(pageRootOf(this.component))
    const relativeElement =
      this.relative.selector === null ? null : shadowRoot?.querySelector(this.relative.selector)
    if (relativeElement === undefined || (this.relative.selector !== null && !relativeElement)) {
      this.host.warnOnce(`IntersectionObserver: no node matches "${this.relative.selector}"`)
      return
    }
    const root = relativeElement ? measurable(relativeElement) : viewport?.node
    const first = measurable(targets[0])
    const Observer = (
      first?.ownerDocument?.defaultView as { IntersectionObserver?: BrowserObserver } | undefined
    )?.IntersectionObserver
    if (!Observer || !root) {
      this.host.warnOnce(NO_LAYOUT)
      return
    }
    const { left = 0, top = 0, right = 0, bottom = 0 } = this.relative.margins
    const byNode = new Map<unknown, { element: glassEasel.Element; initial?: number }>()
    for (const element of targets)
      byNode.set(measurable(element), { element, initial: this.initialRatio })
    const observer = new Observer(
      (entries) => {
        for (const entry of entries) {
          const seen = byNode.get(entry.target)
          if (!seen || !this.reports(seen, entry.intersectionRatio)) continue
          const page = this.host.viewportOf(pageRootOf(this.component))
          const rootRect = (root as MeasurableNode).getBoundingClientRect()
          listener({
            id: seen.element.id,
            dataset: { ...seen.element.dataset },
            intersectionRatio: entry.intersectionRatio,
            intersectionRect: fromViewport(entry.intersectionRect, page),
            boundingClientRect: fromViewport(entry.boundingClientRect, page),
            relativeRect: fromViewport(entry.rootBounds ?? rootRect, page),
            time: entry.time,
          })
        }
      },
      { root, rootMargin: `${top}px ${right}px ${bottom}px ${left}px`, threshold: this.thresholds },
    )
    for (const node of byNode.keys()) if (node) observer.observe(node)
    this.observers.push(observer)
  }

  disconnect(): void {
    for (const observer of this.observers.splice(0)) observer.disconnect()
  }

  /** The first report only when it crosses a threshold from `initialRatio`, as WeChat does. */
  private reports(seen: { initial?: number }, ratio: number): boolean {
    const from = seen.initial
    if (from === undefined) return true
    seen.initial = undefined
    return this.thresholds.some(
      (threshold) => from !== ratio && (from - threshold) * (ratio - threshold) <= 0,
    )
  }
}

/** `wx.createIntersectionObserver(component, options)`: the component is a `this`. */
export function createIntersectionObserverFor(
  host: LayoutHost,
  component: unknown,
  options?: IntersectionOptions,
): IntersectionObserver {
  const given = componentOf(component)
  // `wx.createIntersectionObserver(options)` without a component observes the top page.
  const scope = given ?? host.currentPage()
  if (!scope) throw new Error('createIntersectionObserver: no component and no page is open')
  return new IntersectionObserver(host, scope, given ? options : (component as IntersectionOptions))
}
