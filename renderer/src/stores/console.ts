/** The Console panel's entries: the mini-program's console, the base library's and the tool's. */
import { defineStore } from 'pinia'
import { reactive, ref, shallowRef, triggerRef } from 'vue'
import type { OriginSecurityDetails } from '../../../shared/network'
import type { Unsubscribe } from '../../../shared/rpc'
import { bridge } from '../bridge'
import { useSimulatorStore } from '../simulator/simulator-store'

export interface ConsoleEntry {
  id: number
  /** ms since the epoch */
  time: number
  source: 'miniprogram' | 'baselib' | 'tool' | 'command'
  level: string
  args: unknown[]
  stack?: string
  /** The workbench's own words (an i18n key), shown instead of `args`. */
  messageKey?: string
}

export type LevelFilter = 'all' | 'log' | 'info' | 'warn' | 'error' | 'debug'

/** Entries kept at most; the oldest go first, as in a terminal's scrollback. */
export const CONSOLE_LIMIT = 5000

const SHOW_REQUEST_INFO = /^\s*showRequestInfo\s*\(\s*\)\s*;?\s*$/

/** `showRequestInfo()`'s rows: one per origin contacted, the TLS facts in columns. */
export function requestInfoRows(details: OriginSecurityDetails[]): Record<string, string>[] {
  return details.map((row) => ({
    origin: row.origin,
    protocol: row.tls?.protocol ?? row.httpVersion,
    cipher: row.tls?.cipher ?? '',
    subject: row.tls?.subject ?? '',
    issuer: row.tls?.issuer ?? '',
    validFrom: row.tls?.validFrom ?? '',
    validTo: row.tls?.validTo ?? '',
    remoteAddress: row.remoteAddress,
  }))
}

export const useConsoleStore = defineStore('console', () => {
  const entries = shallowRef<ConsoleEntry[]>([])
  const filter = reactive<{ level: LevelFilter; text: string }>({ level: 'all', text: '' })
  const history = ref<string[]>([])
  /** Entries kept at most; the oldest go first. @default CONSOLE_LIMIT */
  const limit = ref(CONSOLE_LIMIT)
  let nextId = 1
  let listening: Unsubscribe | null = null

  function add(entry: Omit<ConsoleEntry, 'id'>): ConsoleEntry {
    const added = { ...entry, id: nextId++ }
    // In place, then one notification: a burst of logging must not copy the list per line.
    while (entries.value.length >= limit.value) entries.value.shift()
    entries.value.push(added)
    triggerRef(entries)
    return added
  }

  function clear() {
    entries.value = []
  }

  /** Prints the tool's own messages (domain check, TLS, the urlCheck-off warning). */
  function start() {
    listening ??= bridge().on('network.console', (message) =>
      add({ source: 'tool', level: message.level, args: message.args, time: Date.now() }),
    )
  }

  /** Runs a command line: `showRequestInfo()` is answered by the workbench. */
  async function evaluate(command: string): Promise<void> {
    if (command.trim() === '') return
    history.value = [...history.value.filter((item) => item !== command), command].slice(-100)
    add({ source: 'command', level: 'command', args: [command], time: Date.now() })
    if (SHOW_REQUEST_INFO.test(command)) {
      const result = await bridge().call('network.securityDetails', {})
      if (!result.ok)
        add({ source: 'tool', level: 'error', args: [result.error.message], time: Date.now() })
      else
        add({
          source: 'tool',
          level: 'table',
          args: [requestInfoRows(result.value)],
          time: Date.now(),
        })
      return
    }
    const evaluator = useSimulatorStore().evaluator
    if (!evaluator) {
      add({
        source: 'tool',
        level: 'warn',
        args: [],
        messageKey: 'console.noEval',
        time: Date.now(),
      })
      return
    }
    const result = await evaluator(command)
    if (result.ok)
      add({ source: 'command', level: 'result', args: [result.value], time: Date.now() })
    else {
      // As Chrome prints what a command threw, or what its promise rejected with.
      const uncaught = result.inPromise ? 'Uncaught (in promise)' : 'Uncaught'
      add({
        source: 'command',
        level: 'error',
        args:
          'value' in result ? [uncaught, result.value] : [`${uncaught} ${result.error.message}`],
        ...(result.error.stack ? { stack: result.error.stack } : {}),
        time: Date.now(),
      })
    }
  }

  return { entries, filter, history, limit, add, clear, start, evaluate }
})
