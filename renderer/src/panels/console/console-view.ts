/** How the Console panel lays entries out: groups with depth, filters, tables, source places. */
import type { ConsoleEntry, LevelFilter } from '../../stores/console'

export interface ConsoleLine {
  entry: ConsoleEntry
  depth: number
  /** Set on a group's header line. */
  group?: { collapsed: boolean }
}

const GROUP_LEVELS = new Set(['group', 'groupCollapsed'])

/**
 * Lines in order with their group depth; lines inside a collapsed group are left out.
 * `toggled` holds the ids of group headers the user flipped from their initial state.
 */
export function consoleLines(entries: ConsoleEntry[], toggled: ReadonlySet<number>): ConsoleLine[] {
  const lines: ConsoleLine[] = []
  /** For each open group: whether it (or an outer one) hides its content. */
  const stack: boolean[] = []
  for (const entry of entries) {
    const hidden = stack.length > 0 && stack[stack.length - 1]
    if (entry.level === 'groupEnd') {
      stack.pop()
      continue
    }
    if (GROUP_LEVELS.has(entry.level)) {
      const collapsed = (entry.level === 'groupCollapsed') !== toggled.has(entry.id)
      if (!hidden) lines.push({ entry, depth: stack.length, group: { collapsed } })
      stack.push(hidden || collapsed)
      continue
    }
    if (!hidden) lines.push({ entry, depth: stack.length })
  }
  return lines
}

/** The level an entry counts as for the level filter. */
function levelOf(entry: ConsoleEntry): LevelFilter {
  switch (entry.level) {
    case 'warn':
      return 'warn'
    case 'error':
      return 'error'
    case 'info':
      return 'info'
    case 'debug':
      return 'debug'
    default:
      return 'log'
  }
}

export function plainText(value: unknown): string {
  if (typeof value === 'string') return value
  try {
    return JSON.stringify(value) ?? String(value)
  } catch {
    return String(value)
  }
}

/** Whether a line passes the filter; group headers and commands always pass the level filter. */
export function lineMatches(line: ConsoleLine, level: LevelFilter, text: string): boolean {
  const { entry } = line
  const structural = line.group !== undefined || entry.source === 'command'
  if (!structural && level !== 'all' && levelOf(entry) !== level) return false
  const wanted = text.trim().toLowerCase()
  return wanted === '' || entry.args.some((arg) => plainText(arg).toLowerCase().includes(wanted))
}

/** `file:line` (or `file:line:column`) of the first stack frame that names one. */
export function sourcePlace(stack: string | undefined): string | undefined {
  if (!stack) return undefined
  for (const line of stack.split('\n')) {
    const match = /\(?((?:[\w+.-]+:\/\/)?[^\s()]+?):(\d+)(?::(\d+))?\)?\s*$/.exec(line.trim())
    if (match) return `${match[1].split('/').pop()}:${match[2]}`
  }
  return undefined
}

export interface TableView {
  columns: string[]
  rows: { index: string; cells: string[] }[]
}

/** console.table's layout: an (index) column, then each key any row has, in first-seen order. */
export function tableView(data: unknown): TableView | undefined {
  if (typeof data !== 'object' || data === null) return undefined
  const entries = Object.entries(data as Record<string, unknown>)
  const columns: string[] = []
  let hasValues = false
  for (const [, row] of entries) {
    if (typeof row === 'object' && row !== null) {
      for (const key of Object.keys(row)) if (!columns.includes(key)) columns.push(key)
    } else hasValues = true
  }
  const all = hasValues ? [...columns, 'Value'] : columns
  return {
    columns: all,
    rows: entries.map(([index, row]) => ({
      index,
      cells: all.map((column) => {
        if (typeof row !== 'object' || row === null) return column === 'Value' ? plainText(row) : ''
        const cell = (row as Record<string, unknown>)[column]
        return cell === undefined ? '' : plainText(cell)
      }),
    })),
  }
}
