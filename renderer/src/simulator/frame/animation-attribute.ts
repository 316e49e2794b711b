/**
 * The `animation` attribute: what `wx.createAnimation().…step().export()` hands a component
 * (`{ actions: [{ animates, option: { transformOrigin, transition } }] }`, shared/runtime/animation.ts)
 * played on its element as WeChat's renderer plays it: one CSS transition per step, in order,
 * each step's styles and transform applied when the one before has ended; the last step's state
 * stays. Native nodes (`<view animation="{{a}}">`) get it through glass-easel's attribute update,
 * built-in components through their `animation` property (builtins/define.ts).
 */
import * as glassEasel from 'glass-easel'

interface Animate {
  type: string
  args: unknown[]
}

interface Action {
  animates: Animate[]
  option: {
    transformOrigin?: string
    transition?: { duration?: number; timingFunction?: string; delay?: number }
  }
}

/** One step as CSS: the properties to set, with the transition that brings them. */
export interface AnimationFrame {
  style: Record<string, string>
  /** ms until the next step may start (delay + duration). */
  lasts: number
}

const px = (value: unknown) => (typeof value === 'number' ? `${value}px` : String(value))
const deg = (value: unknown) => (typeof value === 'number' ? `${value}deg` : String(value))
const plain = (value: unknown) => String(value)

/** How each transform method's arguments are written in CSS. */
const TRANSFORM_UNITS: Record<string, (value: unknown) => string> = {
  rotate: deg,
  rotateX: deg,
  rotateY: deg,
  rotateZ: deg,
  skew: deg,
  skewX: deg,
  skewY: deg,
  translate: px,
  translateX: px,
  translateY: px,
  translateZ: px,
  translate3d: px,
  scale: plain,
  scaleX: plain,
  scaleY: plain,
  scaleZ: plain,
  scale3d: plain,
  matrix: plain,
  matrix3d: plain,
}

/** Style methods whose numbers are pixels (`opacity` and colours are written as given). */
const PIXEL_STYLES = new Set(['width', 'height', 'top', 'left', 'bottom', 'right'])

function cssTransform(animate: Animate): string | undefined {
  if (animate.type === 'rotate3d') {
    const [x, y, z, angle] = animate.args
    return `rotate3d(${[x, y, z].map(plain).join(', ')}, ${deg(angle)})`
  }
  const unit = TRANSFORM_UNITS[animate.type]
  return unit && `${animate.type}(${animate.args.map(unit).join(', ')})`
}

const kebab = (name: string) => name.replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`)

/** The steps of exported animation data; nothing for anything else. */
export function animationFrames(data: unknown): AnimationFrame[] {
  const actions = (data as { actions?: unknown } | null)?.actions
  if (!Array.isArray(actions)) return []
  return (actions as Action[]).map((action) => {
    const transition = action.option?.transition ?? {}
    const duration = transition.duration ?? 400
    const delay = transition.delay ?? 0
    const style: Record<string, string> = {}
    const transforms: string[] = []
    for (const animate of action.animates ?? []) {
      if (animate.type === 'style') {
        const [name, value] = animate.args
        style[kebab(String(name))] = PIXEL_STYLES.has(String(name)) ? px(value) : plain(value)
      } else {
        const transform = cssTransform(animate)
        if (transform) transforms.push(transform)
      }
    }
    if (transforms.length > 0) style.transform = transforms.join(' ')
    style['transform-origin'] = action.option?.transformOrigin ?? '50% 50% 0'
    style.transition = `all ${duration}ms ${transition.timingFunction ?? 'linear'} ${delay}ms`
    return { style, lasts: duration + delay }
  })
}

/** The animation each element is playing, so a newer one stops it. */
const playing = new WeakMap<HTMLElement, ReturnType<typeof setTimeout>>()

/** Plays `data` on `element`, stopping what it was playing. */
export function playAnimation(element: HTMLElement, data: unknown): void {
  const frames = animationFrames(data)
  clearTimeout(playing.get(element))
  const run = (index: number) => {
    const frame = frames[index]
    if (!frame) return
    for (const [name, value] of Object.entries(frame.style)) element.style.setProperty(name, value)
    playing.set(
      element,
      setTimeout(() => run(index + 1), frame.lasts),
    )
  }
  // After the current styles are painted, so the first step transitions from them.
  playing.set(
    element,
    setTimeout(() => run(0), 0),
  )
}

const original = glassEasel.Element.prototype.updateAttribute

/** `<view animation="{{a}}">` and other native nodes: play instead of writing an attribute. */
export function installAnimationAttribute(): void {
  glassEasel.Element.prototype.updateAttribute = function (name: string, value: unknown) {
    const node = (this as unknown as { _$backendElement?: unknown })._$backendElement
    if (name !== 'animation' || !(node instanceof HTMLElement)) {
      original.call(this, name, value)
      return
    }
    if (typeof value === 'object' && value !== null) playAnimation(node, value)
  }
}
