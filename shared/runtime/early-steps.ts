/**
 * Keeps a task's callbacks from running before the call that created it returned: steps the
 * engine reports during the call wait for the next macrotask, in order; later steps run at once.
 */
export interface EarlySteps {
  step(fn: () => void): void
  /** The call returned: early steps run after the current macrotask. */
  release(): void
}

export function earlySteps(defer: (fn: () => void) => void): EarlySteps {
  let queue: (() => void)[] | null = []
  return {
    step(fn) {
      if (queue) queue.push(fn)
      else fn()
    },
    release() {
      const early = queue ?? []
      if (early.length === 0) {
        queue = null
        return
      }
      defer(() => {
        while (early.length > 0) early.shift()?.()
        queue = null
      })
    },
  }
}
