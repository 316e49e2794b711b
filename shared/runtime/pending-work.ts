/**
 * Counts what the mini-program still waits for (timers, requests, deferred callbacks) so a host
 * can tell when nothing is left: `mpdt run` exits then.
 */

export class PendingWork {
  private count = 0
  private readonly idleListeners = new Set<() => void>()
  private idleCheck: ReturnType<typeof setTimeout> | undefined

  /** How many things are pending now. */
  get size(): number {
    return this.count
  }

  /** Marks one thing pending; the returned function ends it (calling it again does nothing). */
  begin(): () => void {
    this.count += 1
    if (this.idleCheck !== undefined) {
      clearTimeout(this.idleCheck)
      this.idleCheck = undefined
    }
    let ended = false
    return () => {
      if (ended) return
      ended = true
      this.count -= 1
      this.scheduleIdleCheck()
    }
  }

  /**
   * Calls `listener` each time the count reaches zero and stays there through one macrotask,
   * so work a callback starts from a promise (a microtask) still counts. Returns an unsubscribe.
   */
  onIdle(listener: () => void): () => void {
    this.idleListeners.add(listener)
    return () => this.idleListeners.delete(listener)
  }

  /** Checks for idleness after the current macrotask; a no-op while something is pending. */
  scheduleIdleCheck(): void {
    if (this.count !== 0 || this.idleCheck !== undefined) return
    this.idleCheck = setTimeout(() => {
      this.idleCheck = undefined
      if (this.count !== 0) return
      for (const listener of [...this.idleListeners]) listener()
    }, 0)
  }

  /** Stops a scheduled idle check (the runtime is being disposed). */
  cancelIdleCheck(): void {
    if (this.idleCheck !== undefined) clearTimeout(this.idleCheck)
    this.idleCheck = undefined
  }
}
