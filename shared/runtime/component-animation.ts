/**
 * `this.animate(selector, keyframes, duration, callback)` and `this.clearAnimation(selector,
 * options, callback)`: WeChat's keyframes (`offset`, `ease`, `opacity`, `backgroundColor`, sizes,
 * positions and the transform fields `translate*`, `rotate*`, `scale*`, `skew*`, `matrix*`,
 * `transformOrigin`) played with the Web Animations API on every node the selector matches in
 * the component's tree; the end state stays until `clearAnimation`. The callback runs when the
 * animation ends (at once headless, where nothing is drawn, with a warning). `ScrollTimeline`
 * options are not simulated.
 */
import type * as glassEasel from 'glass-easel'
import { measurable, type LayoutHost } from './layout-host'

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

export function animate(
  host: LayoutHost,
  component: glassEasel.GeneralComponent,
  selector: string,
  keyframes: Keyframe[],
  duration: number,
  callback?: () => void,
): void {
  const frames = (Array.isArray(keyframes) ? keyframes : []).map(toWebKeyframe)
  const played = nodesOf(component, selector).flatMap((element) => {
    const node = measurable(element)
    if (!node?.animate) return []
    const animation = node.animate(frames, {
      duration: Number(duration) || 0,
      fill: 'forwards',
      id: ANIMATION_ID,
    }) as { finished?: Promise<unknown> }
    return [animation.finished ?? Promise.resolve()]
  })
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
