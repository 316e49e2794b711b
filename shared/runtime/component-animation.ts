/**
 * `this.animate(selector, keyframes, duration, callback)` and `this.clearAnimation(selector,
 * options, callback)`: WeChat's keyframes (`offset`, `ease`, `opacity`, `backgroundColor`, sizes,
 * positions and the transform fields `translate*`, `rotate*`, `scale*`, `skew*`, `matrix*`,
 * `transformOrigin`) played with the Web Animations API on every node the selector matches in
 * the component's tree; the end state stays until `clearAnimation`. The callback runs when the
 * animation ends (at once headless, where nothing is drawn, with a warning). Given a
 * `ScrollTimeline` (`{ scrollSource, orientation, startScrollOffset, endScrollOffset, timeRange }`)
 * instead of a callback, the animation follows the scroll position of `scrollSource` (a selector
 * in the same tree, e.g. a scroll-view) between the two offsets instead of the clock.
 */
import type * as glassEasel from 'glass-easel'
import { measurable, type LayoutHost, type MeasurableNode } from './layout-host'

type Keyframe = Record<string, unknown>

const TRANSFORMS: Record<string, (value: unknown) => string> = {
  matrix: (v) => `matrix(${list(v)})`,
  matrix3d: (v) => `matrix3d(${list(v)})`,
  rotate: (v) => `rotate(${angle(v)})`,
  rotate3d: (v) => {
    const [x, y, z, a] = Array.isArray(v) ? v : [0, 0, 1, v]
    return `rotate3d(${x}, ${y}, ${z}, ${angle(a)})`
  },
  rotateX: (v) => `rotateX(${angle(v)})`,
  rotateY: (v) => `rotateY(${angle(v)})`,
  rotateZ: (v) => `rotateZ(${angle(v)})`,
  scale: (v) => `scale(${list(v)})`,
  scale3d: (v) => `scale3d(${list(v)})`,
  scaleX: (v) => `scaleX(${v})`,
  scaleY: (v) => `scaleY(${v})`,
  scaleZ: (v) => `scaleZ(${v})`,
  skew: (v) => `skew(${list(v, angle)})`,
  skewX: (v) => `skewX(${angle(v)})`,
  skewY: (v) => `skewY(${angle(v)})`,
  translate: (v) => `translate(${list(v, length)})`,
  translate3d: (v) => `translate3d(${list(v, length)})`,
  translateX: (v) => `translateX(${length(v)})`,
  translateY: (v) => `translateY(${length(v)})`,
  translateZ: (v) => `translateZ(${length(v)})`,
}
const LENGTHS = new Set(['width', 'height', 'left', 'top', 'right', 'bottom'])

const length = (value: unknown) => (typeof value === 'number' ? `${value}px` : String(value))
const angle = (value: unknown) => (typeof value === 'number' ? `${value}deg` : String(value))
const list = (value: unknown, unit: (v: unknown) => string = String) =>
  (Array.isArray(value) ? value : [value]).map(unit).join(', ')

/** One of WeChat's keyframes as a Web Animations keyframe. */
export function toWebKeyframe(frame: Keyframe): Keyframe {
  const web: Keyframe = {}
  const transforms: string[] = []
  for (const [name, value] of Object.entries(frame)) {
    if (name === 'ease') web.easing = value
    else if (name === 'offset') web.offset = value
    else if (TRANSFORMS[name]) transforms.push(TRANSFORMS[name](value))
    else web[name] = LENGTHS.has(name) ? length(value) : value
  }
  if (transforms.length) web.transform = transforms.join(' ')
  return web
}

const ANIMATION_ID = 'mp-component-animate'

function nodesOf(component: glassEasel.GeneralComponent, selector: string): glassEasel.Element[] {
  return component.getShadowRoot()?.querySelectorAll(String(selector)) ?? []
}

/** WeChat's `ScrollTimeline`: which scroll drives the animation, and over which offsets. */
export interface ScrollTimeline {
  scrollSource: string
  /** @default 'vertical' */
  orientation?: 'vertical' | 'horizontal'
  /** @default 0 */
  startScrollOffset?: number
  /** @default the end of the scrolled content */
  endScrollOffset?: number
}

interface PlayedAnimation {
  finished?: Promise<unknown>
  currentTime?: number | null
  pause?(): void
}

function isScrollTimeline(value: unknown): value is ScrollTimeline {
  return typeof value === 'object' && value !== null && 'scrollSource' in value
}

/** Moves `animations` (paused) with the scroll of the first node `timeline.scrollSource` matches. */
function followScroll(
  host: LayoutHost,
  component: glassEasel.GeneralComponent,
  timeline: ScrollTimeline,
  animations: PlayedAnimation[],
  duration: number,
): void {
  const source = nodesOf(component, timeline.scrollSource)
    .map(measurable)
    .find((node) => node?.addEventListener)
  if (!source) {
    host.warnOnce(`animate: no scrollSource "${timeline.scrollSource}" to follow`)
    return
  }
  for (const animation of animations) {
    animation.pause?.()
    animation.currentTime = 0
  }
  const vertical = timeline.orientation !== 'horizontal'
  // A scroll-view scrolls an inner box: the scroll event is caught on its way to it.
  source.addEventListener?.(
    'scroll',
    (event) => {
      const scroller = event.target as Partial<MeasurableNode> & { clientHeight?: number }
      const offset = (vertical ? scroller.scrollTop : scroller.scrollLeft) ?? 0
      const start = Number(timeline.startScrollOffset) || 0
      const end =
        timeline.endScrollOffset === undefined
          ? vertical
            ? (scroller.scrollHeight ?? 0) - (scroller.clientHeight ?? 0)
            : (scroller.scrollWidth ?? 0) - (scroller.clientWidth ?? 0)
          : Number(timeline.endScrollOffset)
      const progress = end > start ? Math.min(1, Math.max(0, (offset - start) / (end - start))) : 1
      for (const animation of animations) animation.currentTime = progress * duration
    },
    { capture: true, passive: true },
  )
}

export function animate(
  host: LayoutHost,
  component: glassEasel.GeneralComponent,
  selector: string,
  keyframes: Keyframe[],
  duration: number,
  callbackOrTimeline?: (() => void) | ScrollTimeline,
): void {
  const frames = (Array.isArray(keyframes) ? keyframes : []).map(toWebKeyframe)
  const time = Number(duration) || 0
  const animations = nodesOf(component, selector).flatMap((element) => {
    const node = measurable(element)
    if (!node?.animate) return []
    return [
      node.animate(frames, { duration: time, fill: 'both', id: ANIMATION_ID }) as PlayedAnimation,
    ]
  })
  if (isScrollTimeline(callbackOrTimeline)) {
    if (animations.length === 0) {
      host.warnOnce(
        `animate: nothing to animate for "${selector}" (no node, or no layout in mpdt run)`,
      )
      return
    }
    followScroll(host, component, callbackOrTimeline, animations, time)
    return
  }
  const callback = typeof callbackOrTimeline === 'function' ? callbackOrTimeline : undefined
  const played = animations.map((animation) => animation.finished ?? Promise.resolve())
  if (played.length === 0) {
    host.warnOnce(
      `animate: nothing to animate for "${selector}" (no node, or no layout in mpdt run)`,
    )
    if (callback) host.defer(callback)
    return
  }
  // A cleared animation rejects `finished`: WeChat calls back only for one that ends.
  Promise.all(played).then(
    () => callback && host.defer(callback),
    () => undefined,
  )
}

export function clearAnimation(
  host: LayoutHost,
  component: glassEasel.GeneralComponent,
  selector: string,
  optionsOrCallback?: unknown,
  callback?: () => void,
): void {
  const done =
    typeof optionsOrCallback === 'function' ? (optionsOrCallback as () => void) : callback
  for (const element of nodesOf(component, selector)) {
    for (const animation of measurable(element)?.getAnimations?.() ?? []) {
      if (animation.id === ANIMATION_ID) animation.cancel()
    }
  }
  if (done) host.defer(done)
}
