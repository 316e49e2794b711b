/**
 * `wx.createAnimation`: WeChat's Animation builder. Chained calls collect animates, `step()` closes
 * a group with its transition, `export()` hands the groups over (`{ actions }`, WeChat's shape)
 * for a component's `animation` data and starts afresh.
 */

interface AnimationOption {
  duration: number
  timingFunction: string
  delay: number
  transformOrigin: string
}

interface Animate {
  type: string
  args: unknown[]
}

const DEFAULTS: AnimationOption = {
  duration: 400,
  timingFunction: 'linear',
  delay: 0,
  transformOrigin: '50% 50% 0',
}

/** Style methods (one value) and transform methods (their arguments, as given). */
const STYLE_METHODS = [
  'opacity',
  'backgroundColor',
  'width',
  'height',
  'top',
  'left',
  'bottom',
  'right',
] as const
const TRANSFORM_METHODS = [
  'rotate',
  'rotateX',
  'rotateY',
  'rotateZ',
  'rotate3d',
  'scale',
  'scaleX',
  'scaleY',
  'scaleZ',
  'scale3d',
  'translate',
  'translateX',
  'translateY',
  'translateZ',
  'translate3d',
  'skew',
  'skewX',
  'skewY',
  'matrix',
  'matrix3d',
] as const

function optionOf(value: unknown, base: AnimationOption): AnimationOption {
  const given = (typeof value === 'object' && value !== null ? value : {}) as Partial<
    Record<keyof AnimationOption, unknown>
  >
  return {
    duration: typeof given.duration === 'number' ? given.duration : base.duration,
    timingFunction:
      typeof given.timingFunction === 'string' ? given.timingFunction : base.timingFunction,
    delay: typeof given.delay === 'number' ? given.delay : base.delay,
    transformOrigin:
      typeof given.transformOrigin === 'string' ? given.transformOrigin : base.transformOrigin,
  }
}

export function createAnimation(options?: unknown): Record<string, unknown> {
  const base = optionOf(options, DEFAULTS)
  let animates: Animate[] = []
  let actions: { animates: Animate[]; option: Record<string, unknown> }[] = []
  const animation: Record<string, unknown> = {
    step(stepOptions?: unknown) {
      const option = optionOf(stepOptions, base)
      actions.push({
        animates,
        option: {
          transformOrigin: option.transformOrigin,
          transition: {
            duration: option.duration,
            timingFunction: option.timingFunction,
            delay: option.delay,
          },
        },
      })
      animates = []
      return animation
    },
    export() {
      const exported = { actions }
      actions = []
      return exported
    },
  }
  for (const method of STYLE_METHODS) {
    animation[method] = (value: unknown) => {
      animates.push({ type: 'style', args: [method, value] })
      return animation
    }
  }
  for (const method of TRANSFORM_METHODS) {
    animation[method] = (...args: unknown[]) => {
      animates.push({ type: method, args })
      return animation
    }
  }
  return animation
}
