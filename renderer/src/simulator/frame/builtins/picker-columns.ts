/**
 * The columns a `<picker>` shows for each mode and how its value reads and writes them: pure
 * functions, so the sheet only draws columns and reports the chosen index of each.
 */

export interface PickerModel {
  /** The labels of each column for the current choice (days depend on year and month). */
  columns(chosen: number[]): string[][]
  /** The chosen index in each column for the component's `value`. */
  indexesOf(value: unknown): number[]
  /** The `detail.value` of `bindchange` for the chosen indexes. */
  valueOf(chosen: number[]): unknown
}

/** The text of one `range` item: `range-key` picks a field of object items. */
export function pickerLabel(item: unknown, rangeKey: string): string {
  if (rangeKey && typeof item === 'object' && item !== null) {
    return String((item as Record<string, unknown>)[rangeKey] ?? '')
  }
  return String(item ?? '')
}

const pad = (n: number) => String(n).padStart(2, '0')

function clampIndex(index: unknown, length: number): number {
  const n = Math.floor(Number(index) || 0)
  return Math.min(Math.max(0, n), Math.max(0, length - 1))
}

function range(from: number, to: number): number[] {
  const list: number[] = []
  for (let n = from; n <= to && list.length < 100_000; n += 1) list.push(n)
  return list
}

export interface PickerProps {
  mode: string
  range: unknown[]
  rangeKey: string
  start: string
  end: string
  fields: string
}

export function selectorModel(props: PickerProps): PickerModel {
  const labels = props.range.map((item) => pickerLabel(item, props.rangeKey))
  return {
    columns: () => [labels],
    indexesOf: (value) => [clampIndex(value, labels.length)],
    valueOf: ([index]) => index,
  }
}

export function multiSelectorModel(props: PickerProps): PickerModel {
  const columns = props.range.map((column) =>
    Array.isArray(column) ? column.map((item) => pickerLabel(item, props.rangeKey)) : [],
  )
  return {
    columns: () => columns,
    indexesOf: (value) =>
      columns.map((column, i) => clampIndex(Array.isArray(value) ? value[i] : 0, column.length)),
    valueOf: (chosen) => [...chosen],
  }
}

function minutesOf(time: string, fallback: number): number {
  const match = /^(\d{1,2}):(\d{1,2})$/.exec(time.trim())
  return match ? Number(match[1]) * 60 + Number(match[2]) : fallback
}

export function timeModel(props: PickerProps): PickerModel {
  const start = minutesOf(props.start, 0)
  const end = minutesOf(props.end, 23 * 60 + 59)
  const hours = range(Math.floor(start / 60), Math.floor(end / 60))
  return {
    columns: () => [hours.map(pad), range(0, 59).map(pad)],
    indexesOf: (value) => {
      const minutes = Math.min(end, Math.max(start, minutesOf(String(value ?? ''), start)))
      return [hours.indexOf(Math.floor(minutes / 60)), minutes % 60]
    },
    valueOf: ([h, m]) => {
      const minutes = Math.min(end, Math.max(start, hours[h] * 60 + m))
      return `${pad(Math.floor(minutes / 60))}:${pad(minutes % 60)}`
    },
  }
}

function parseDate(text: string): [number, number, number] | null {
  const match = /^(\d{4})(?:-(\d{1,2}))?(?:-(\d{1,2}))?$/.exec(text.trim())
  return match ? [Number(match[1]), Number(match[2] ?? 1), Number(match[3] ?? 1)] : null
}

function daysIn(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate()
}

export function dateModel(props: PickerProps, today: Date): PickerModel {
  const start = parseDate(props.start) ?? [1900, 1, 1]
  const end = parseDate(props.end) ?? [2100, 12, 31]
  const years = range(start[0], end[0])
  const depth = props.fields === 'year' ? 1 : props.fields === 'month' ? 2 : 3
  const key = (d: [number, number, number]) => d[0] * 10_000 + d[1] * 100 + d[2]
  const clamp = (d: [number, number, number]): [number, number, number] =>
    key(d) < key(start) ? start : key(d) > key(end) ? end : d
  const dateAt = (chosen: number[]): [number, number, number] => {
    const year = years[clampIndex(chosen[0], years.length)]
    const month = (chosen[1] ?? 0) + 1
    const day = Math.min((chosen[2] ?? 0) + 1, daysIn(year, month))
    return clamp([year, month, day])
  }
  return {
    columns: (chosen) => {
      const [year, month] = dateAt(chosen)
      const columns = [
        years.map(String),
        range(1, 12).map(pad),
        range(1, daysIn(year, month)).map(pad),
      ]
      return columns.slice(0, depth)
    },
    indexesOf: (value) => {
      const fallback: [number, number, number] = [
        today.getFullYear(),
        today.getMonth() + 1,
        today.getDate(),
      ]
      const [year, month, day] = clamp(parseDate(String(value ?? '')) ?? fallback)
      return [years.indexOf(year), month - 1, day - 1].slice(0, depth)
    },
    valueOf: (chosen) => {
      const [year, month, day] = dateAt(chosen)
      return [String(year), pad(month), pad(day)].slice(0, depth).join('-')
    },
  }
}

/** The model for `props.mode`; `null` for modes the simulator does not draw (region). */
export function pickerModel(props: PickerProps, today = new Date()): PickerModel | null {
  switch (props.mode) {
    case 'selector':
      return selectorModel(props)
    case 'multiSelector':
      return multiSelectorModel(props)
    case 'time':
      return timeModel(props)
    case 'date':
      return dateModel(props, today)
    default:
      return null
  }
}
