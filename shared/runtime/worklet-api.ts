/**
 * `wx.worklet` and `wx.router` as WeChat's base library has them in the WebView render mode, the
 * only one MP DevTools draws. Both objects exist there (the official demo reads
 * `wx.worklet.Easing.bezier(…).factory()` at a module's top level and registers route builders at
 * launch); what needs Skyline's UI thread degrades as WeChat documents it: worklet functions run
 * on the JS thread, custom routes fall back to the default route (docs/wechat-behaviour.md §3.5).
 *
 * Shared values are plain `{ value }` holders; assigning an animation (`timing`, `spring`,
 * `decay`, `sequence`, `repeat`, `delay`) sets its end value at once — nothing draws the frames
 * between — and its callbacks get `true` (finished) after the current macrotask.
 */

export const WORKLET_API_NAMES = ['worklet', 'router'] as const

export interface WorkletApiHost {
  /** Runs a step after the current macrotask, counted as pending. */
  defer(fn: () => void): void
}

type EasingFunction = (t: number) => number
type Callback = (finished: boolean) => void

/** What an animation leaves in a shared value, and whom it tells when it ends. */
interface Animation {
  end(from: unknown): unknown
  callbacks: Callback[]
  /** `repeat(…, 0 or less)` runs for ever: its end is shown, its callback never called. */
  endless?: boolean
}

const ANIMATIONS = new WeakSet<object>()

function animation(
  end: (from: unknown) => unknown,
  callback: unknown,
  inner: Animation[] = [],
): Animation {
  const own = typeof callback === 'function' ? [callback as Callback] : []
  const made: Animation = {
    end,
    callbacks: [...inner.flatMap((one) => one.callbacks), ...own],
    endless: inner.some((one) => one.endless),
  }
  ANIMATIONS.add(made)
  return made
}

function isAnimation(value: unknown): value is Animation {
  return typeof value === 'object' && value !== null && ANIMATIONS.has(value)
}

/** A cubic Bézier easing `(x1, y1, x2, y2)` as CSS `cubic-bezier()` defines it. */
export function cubicBezier(x1: number, y1: number, x2: number, y2: number): EasingFunction {
  const curve = (a: number, b: number, t: number) =>
    3 * a * t * (1 - t) ** 2 + 3 * b * t ** 2 * (1 - t) + t ** 3
  const slope = (a: number, b: number, t: number) =>
    3 * a * (1 - t) ** 2 + 6 * (b - a) * t * (1 - t) + 3 * (1 - b) * t ** 2
  const timeAt = (x: number): number => {
    let t = x
    for (let step = 0; step < 8; step += 1) {
      const error = curve(x1, x2, t) - x
      const derivative = slope(x1, x2, t)
      if (Math.abs(error) < 1e-7) return t
      if (Math.abs(derivative) < 1e-6) break
      t -= error / derivative
    }
    // Bisection where Newton's method stalls (flat spots of the curve).
    let low = 0
    let high = 1
    t = x
    for (let step = 0; step < 40 && high - low > 1e-7; step += 1) {
      if (curve(x1, x2, t) < x) low = t
      else high = t
      t = (low + high) / 2
    }
    return t
  }
  return (t) => (t <= 0 ? 0 : t >= 1 ? 1 : curve(y1, y2, timeAt(t)))
}

function bounce(t: number): number {
  if (t < 1 / 2.75) return 7.5625 * t * t
  if (t < 2 / 2.75) return 7.5625 * (t - 1.5 / 2.75) ** 2 + 0.75
  if (t < 2.5 / 2.75) return 7.5625 * (t - 2.25 / 2.75) ** 2 + 0.9375
  return 7.5625 * (t - 2.625 / 2.75) ** 2 + 0.984375
}

/** `wx.worklet.Easing`: the functions WeChat documents (worklet.Easing), with their formulas. */
export const Easing = {
  linear: (t: number) => t,
  ease: cubicBezier(0.42, 0, 1, 1),
  quad: (t: number) => t * t,
  cubic: (t: number) => t * t * t,
  poly: (n: number) => (t: number) => t ** n,
  sin: (t: number) => 1 - Math.cos((t * Math.PI) / 2),
  circle: (t: number) => 1 - Math.sqrt(1 - t * t),
  exp: (t: number) => 2 ** (10 * (t - 1)),
  elastic:
    (bounciness = 1) =>
    (t: number) =>
      1 - Math.cos((t * Math.PI) / 2) ** 3 * Math.cos(t * bounciness * Math.PI),
  back:
    (s = 1.70158) =>
    (t: number) =>
      t * t * ((s + 1) * t - s),
  bounce,
  /** Deprecated by WeChat for `cubicBezier`; still answers `{ factory() }` as older code expects. */
  bezier: (x1: number, y1: number, x2: number, y2: number) => {
    const easing = cubicBezier(x1, y1, x2, y2)
    return { factory: () => easing }
  },
  cubicBezier,
  steps:
    (n = 10, roundToNextStep = true) =>
    (t: number) => {
      const value = Math.min(Math.max(t, 0), 1) * n
      return (roundToNextStep ? Math.ceil(value) : Math.floor(value)) / n
    },
  in: (easing: EasingFunction) => easing,
  out: (easing: EasingFunction) => (t: number) => 1 - easing(1 - t),
  inOut: (easing: EasingFunction) => (t: number) =>
    t < 0.5 ? easing(t * 2) / 2 : 1 - easing((1 - t) * 2) / 2,
}

export function createWorkletApi(host: WorkletApiHost): Record<string, unknown> {
  const finish = (callbacks: Callback[]) => {
    if (callbacks.length === 0) return
    host.defer(() => {
      for (const callback of callbacks) callback(true)
    })
  }

  class SharedValue {
    private current: unknown

    constructor(initial: unknown) {
      this.current = initial
    }

    get value(): unknown {
      return this.current
    }

    set value(next: unknown) {
      if (!isAnimation(next)) {
        this.current = next
        return
      }
      this.current = next.end(this.current)
      if (!next.endless) finish(next.callbacks)
    }
  }

  const worklet = {
    shared: (initial: unknown) => new SharedValue(initial),
    derived: (updater: () => unknown) => ({
      get value(): unknown {
        return updater()
      },
    }),
    // Nothing is running between an assignment and its end value.
    cancelAnimation: () => undefined,
    runOnUI:
      (fn: (...args: unknown[]) => unknown) =>
      (...args: unknown[]) =>
        host.defer(() => fn(...args)),
    runOnJS:
      (fn: (...args: unknown[]) => unknown) =>
      (...args: unknown[]) =>
        host.defer(() => fn(...args)),
    timing: (toValue: unknown, _options?: unknown, callback?: unknown) =>
      animation(() => toValue, callback),
    spring: (toValue: unknown, _options?: unknown, callback?: unknown) =>
      animation(() => toValue, callback),
    decay: (options?: { clamp?: [number, number] }, callback?: unknown) =>
      animation((from) => {
        const clamp = options?.clamp
        if (!clamp || typeof from !== 'number') return from
        return Math.min(Math.max(from, clamp[0]), clamp[1])
      }, callback),
    sequence: (...steps: unknown[]) => {
      const animations = steps.filter(isAnimation)
      return animation(
        (from) => animations.reduce((value, step) => step.end(value), from),
        undefined,
        animations,
      )
    },
    repeat: (step: unknown, numberOfReps = 2, reverse = false, callback?: unknown) => {
      if (!isAnimation(step)) return step
      const repeated = animation(
        // An even number of reversed runs comes back to where it started.
        (from) => (reverse && numberOfReps % 2 === 0 ? from : step.end(from)),
        callback,
        [step],
      )
      if (numberOfReps <= 0) repeated.endless = true
      return repeated
    },
    delay: (_delayMS: number, step: unknown) => step,
    Easing,
  }

  // A custom route only takes effect between Skyline pages; WebView pages navigate with the
  // default route whatever routeType says, so a builder has nothing to drive.
  const router = {
    addRouteBuilder: () => undefined,
    removeRouteBuilder: () => undefined,
    getRouteContext: () => undefined,
  }

  return { worklet, router }
}
