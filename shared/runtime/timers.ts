/**
 * The mini-program's `setTimeout`/`setInterval`/`clear*`, on the host's timers, each counted as
 * pending work until it fires (timeouts) or is cleared (both), and guarded so a throwing callback
 * is reported and the runtime keeps running.
 */
import { callGuarded, type ErrorSink } from './guarded-call'
import type { PendingWork } from './pending-work'

export interface MiniProgramTimers {
  setTimeout(callback: unknown, delay?: unknown, ...args: unknown[]): number
  setInterval(callback: unknown, delay?: unknown, ...args: unknown[]): number
  clearTimeout(id: unknown): void
  clearInterval(id: unknown): void
}

export interface TimerControl {
  timers: MiniProgramTimers
  /** Runs `fn` after the current macrotask, counted as pending until it ran (async API callbacks). */
  defer(fn: () => void): void
  /** Clears every timer and deferred call (the runtime is being disposed). */
  clearAll(): void
}

interface ActiveTimer {
  handle: ReturnType<typeof setTimeout>
  repeat: boolean
  end(): void
}

function delayOf(delay: unknown): number {
  const ms = Number(delay)
  return Number.isFinite(ms) && ms > 0 ? ms : 0
}

export function createTimers(pending: PendingWork, sink: ErrorSink): TimerControl {
  const active = new Map<number, ActiveTimer>()
  const deferred = new Map<ReturnType<typeof setTimeout>, () => void>()
  let nextId = 1

  const clear = (id: unknown): void => {
    const timer = active.get(Number(id))
    if (!timer) return
    active.delete(Number(id))
    if (timer.repeat) clearInterval(timer.handle)
    else clearTimeout(timer.handle)
    timer.end()
  }

  const start = (repeat: boolean, callback: unknown, delay: unknown, args: unknown[]): number => {
    const id = nextId++
    const end = pending.begin()
    const fire = (): void => {
      if (!repeat) active.delete(id)
      callGuarded(sink, callback, undefined, args)
      if (!repeat) end()
    }
    const handle = repeat ? setInterval(fire, delayOf(delay)) : setTimeout(fire, delayOf(delay))
    active.set(id, { handle, repeat, end })
    return id
  }

  return {
    timers: {
      setTimeout: (callback, delay, ...args) => start(false, callback, delay, args),
      setInterval: (callback, delay, ...args) => start(true, callback, delay, args),
      clearTimeout: clear,
      clearInterval: clear,
    },
    defer(fn) {
      const end = pending.begin()
      const handle = setTimeout(() => {
        deferred.delete(handle)
        try {
          fn()
        } finally {
          end()
        }
      }, 0)
      deferred.set(handle, end)
    },
    clearAll() {
      for (const id of [...active.keys()]) clear(id)
      for (const [handle, end] of deferred) {
        clearTimeout(handle)
        end()
      }
      deferred.clear()
    },
  }
}
