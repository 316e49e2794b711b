/**
 * The mini-program's `console`: every call is forwarded to the host with its level, so the
 * workbench panel and `mpdt run` show it as the mini-program wrote it.
 */
import type { ConsoleLevel, NativePort } from './native-port'

export type MiniProgramConsole = Record<string, (...args: unknown[]) => void>

export function createConsole(port: NativePort): MiniProgramConsole {
  const forward =
    (level: ConsoleLevel) =>
    (...args: unknown[]): void =>
      port.console(level, args, 'miniprogram')
  const timers = new Map<string, number>()
  const counts = new Map<string, number>()
  const label = (value: unknown): string => (value === undefined ? 'default' : String(value))

  return {
    log: forward('log'),
    info: forward('info'),
    warn: forward('warn'),
    error: forward('error'),
    debug: forward('debug'),
    group: forward('group'),
    groupCollapsed: forward('group'),
    groupEnd: forward('groupEnd'),
    table: forward('table'),
    dir: forward('log'),
    trace: (...args) => port.console('debug', ['Trace:', ...args], 'miniprogram'),
    assert: (condition, ...args) => {
      if (!condition) port.console('error', ['Assertion failed:', ...args], 'miniprogram')
    },
    count: (name) => {
      const key = label(name)
      const count = (counts.get(key) ?? 0) + 1
      counts.set(key, count)
      port.console('log', [`${key}: ${count}`], 'miniprogram')
    },
    time: (name) => {
      timers.set(label(name), Date.now())
    },
    timeEnd: (name) => {
      const key = label(name)
      const started = timers.get(key)
      if (started === undefined) return
      timers.delete(key)
      port.console('log', [`${key}: ${Date.now() - started} ms`], 'miniprogram')
    },
  }
}
