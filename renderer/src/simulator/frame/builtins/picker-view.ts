/**
 * `<picker-view>` and `<picker-view-column>`: each column's children are its items, scrolled under
 * a centred indicator by a mouse or touch drag or the wheel and snapped to an item. `value` (one
 * index per column) moves the columns from data; a user's pick fires `bindpickstart`, then
 * `bindchange` `{ value }` (when the snap settles, or as the finger lifts with `immediate-change`),
 * then `bindpickend`. `indicator-style`/`-class` and `mask-style`/`-class` of the picker-view
 * dress every column's indicator and mask.
 */
import type * as glassEasel from 'glass-easel'
import { defineBuiltin, domOf, type Data } from './define'
import { toCssPx } from '../frame-zoom'

/** WeChat's indicator height when neither the indicator nor the items give one. */
const DEFAULT_ITEM_HEIGHT = 34
/** How long a column takes to snap to an item. */
export const SNAP_MS = 200

interface Column {
  index(): number
  /** Moves to item `index` (clamped to the items there are), animated or not. */
  moveTo(index: number, animate: boolean): void
  dress(data: Data): void
}

interface PickerView {
  data(): Data
  emit(name: string, detail: Data): void
  /** The picker's columns in document order. */
  columns(): Column[]
}

const pickerViews = new WeakMap<HTMLElement, PickerView>()
const columns = new WeakMap<HTMLElement, Column>()

/** Index nearest to `offset` (the content's translateY) among `count` items of `itemHeight`. */
export function snapIndex(offset: number, itemHeight: number, count: number): number {
  if (count <= 0) return 0
  return Math.min(Math.max(Math.round(-offset / itemHeight), 0), count - 1)
}

function pickerOf(columnHost: HTMLElement): { host: HTMLElement; view: PickerView } | undefined {
  const host = columnHost.parentElement?.closest('picker-view') as HTMLElement | null
  const view = host ? pickerViews.get(host) : undefined
  return host && view ? { host, view } : undefined
}

function columnsOf(pickerHost: HTMLElement): Column[] {
  const found: Column[] = []
  for (const element of pickerHost.querySelectorAll('picker-view-column')) {
    if (element.parentElement?.closest('picker-view') !== pickerHost) continue
    const column = columns.get(element as HTMLElement)
    if (column) found.push(column)
  }
  return found
}

export function definePickerView(space: glassEasel.ComponentSpace): void {
  defineBuiltin(space, 'picker-view', {
    properties: {
      value: { type: Array, value: [] },
      indicatorStyle: { type: String, value: '' },
      indicatorClass: { type: String, value: '' },
      maskStyle: { type: String, value: '' },
      maskClass: { type: String, value: '' },
      immediateChange: { type: Boolean, value: false },
    },
    render({ host, data, emit, appendSlot }) {
      appendSlot()
      pickerViews.set(host, {
        data,
        emit: (name, detail) => emit(name, detail),
        columns: () => columnsOf(host),
      })
      return (d: Data) => {
        const value = Array.isArray(d.value) ? d.value : []
        columnsOf(host).forEach((column, i) => {
          column.dress(d)
          column.moveTo(Number(value[i]) || 0, false)
        })
      }
    },
  })

  defineBuiltin(space, 'picker-view-column', {
    properties: {},
    render({ host, appendElement, appendSlot, onAttach }) {
      const mask = domOf(appendElement('div', 'wx-picker-view-column__mask'))
      const indicator = domOf(appendElement('div', 'wx-picker-view-column__indicator'))
      const contentNode = appendElement('div', 'wx-picker-view-column__content')
      const content = domOf(contentNode)
      appendSlot(contentNode)
      const doc = host.ownerDocument

      let index = 0
      // The index asked for, kept while the items it names are still to come.
      let wanted = 0
      let offset = 0
      const itemHeight = () =>
        indicator.offsetHeight ||
        (content.firstElementChild as HTMLElement | null)?.offsetHeight ||
        DEFAULT_ITEM_HEIGHT
      const count = () => content.children.length
      const place = (animate: boolean) => {
        const height = itemHeight()
        const top = Math.max(0, (host.clientHeight - height) / 2)
        content.style.paddingTop = `${top}px`
        content.style.transition = animate ? `transform ${SNAP_MS}ms ease-out` : 'none'
        content.style.transform = `translateY(${offset}px)`
        indicator.style.top = `${top}px`
      }
      const column: Column = {
        index: () => index,
        moveTo(next, animate) {
          wanted = next
          index = Math.min(Math.max(Math.round(next), 0), Math.max(0, count() - 1))
          offset = -index * itemHeight()
          place(animate)
        },
        dress(d) {
          indicator.className = `wx-picker-view-column__indicator ${String(d.indicatorClass)}`
          indicator.setAttribute('style', String(d.indicatorStyle))
          mask.className = `wx-picker-view-column__mask ${String(d.maskClass)}`
          mask.setAttribute('style', String(d.maskStyle))
          place(false)
        },
      }
      columns.set(host, column)

      // A pick: pickstart, the column moved, then change (when it settles) and pickend.
      let picking: { before: number[]; settle?: ReturnType<typeof setTimeout> } | undefined
      const startPick = () => {
        const picker = pickerOf(host)
        if (!picker) return undefined
        if (!picking) {
          picking = { before: picker.view.columns().map((c) => c.index()) }
          picker.view.emit('pickstart', {})
        }
        if (picking.settle) clearTimeout(picking.settle)
        return picker
      }
      const finishPick = (next: number) => {
        const picker = pickerOf(host)
        if (!picker || !picking) return
        column.moveTo(next, true)
        const pick = picking
        const value = picker.view.columns().map((c) => c.index())
        const changed = value.some((v, i) => v !== pick.before[i])
        const immediate = Boolean(picker.view.data().immediateChange)
        if (changed && immediate) {
          pick.before = value
          picker.view.emit('change', { value })
        }
        pick.settle = setTimeout(() => {
          picking = undefined
          if (changed && !immediate) picker.view.emit('change', { value })
          picker.view.emit('pickend', {})
        }, SNAP_MS)
      }

      let drag: { pointY: number; offset: number; moved: boolean } | undefined
      const pointY = (event: MouseEvent | TouchEvent) =>
        'touches' in event
          ? ((event.touches[0] ?? event.changedTouches[0])?.clientY ?? 0)
          : event.clientY
      const begin = (event: MouseEvent | TouchEvent) => {
        if (!startPick()) return
        drag = { pointY: pointY(event), offset, moved: false }
        doc.addEventListener('mousemove', move)
        doc.addEventListener('touchmove', move)
        doc.addEventListener('mouseup', end)
        doc.addEventListener('touchend', end)
      }
      const move = (event: MouseEvent | TouchEvent) => {
        if (!drag) return
        const dy = toCssPx(pointY(event) - drag.pointY)
        if (Math.abs(dy) > 3) drag.moved = true
        const height = itemHeight()
        const lowest = -(count() - 1) * height
        offset = Math.min(Math.max(drag.offset + dy, lowest - height / 2), height / 2)
        place(false)
      }
      const end = (event: MouseEvent | TouchEvent) => {
        doc.removeEventListener('mousemove', move)
        doc.removeEventListener('touchmove', move)
        doc.removeEventListener('mouseup', end)
        doc.removeEventListener('touchend', end)
        if (!drag) return
        const moved = drag.moved
        drag = undefined
        if (moved) return finishPick(snapIndex(offset, itemHeight(), count()))
        // A tap above or below the indicator picks the item there, as on the phone.
        const box = indicator.getBoundingClientRect()
        const centre = box.top + box.height / 2
        finishPick(index + Math.round(toCssPx(pointY(event) - centre) / itemHeight()))
      }
      host.addEventListener('mousedown', begin)
      host.addEventListener('touchstart', begin)
      host.addEventListener('wheel', (event) => {
        event.preventDefault()
        if (!event.deltaY || !startPick()) return
        finishPick(index + Math.sign(event.deltaY))
      })

      onAttach(() => {
        const picker = pickerOf(host)
        if (!picker) return
        const d = picker.view.data()
        column.dress(d)
        const position = picker.view.columns().indexOf(column)
        const value = Array.isArray(d.value) ? d.value : []
        column.moveTo(Number(value[position]) || 0, false)
      })
      // Items added later (a list rendered from data) keep the chosen item in range.
      const observer = new (doc.defaultView as Window & typeof globalThis).MutationObserver(() =>
        column.moveTo(wanted, false),
      )
      observer.observe(content, { childList: true })
      // Laid out later (a page opened behind another, a popup shown): measured again then, as
      // the item height and the column's height were 0 while hidden.
      const resized = new (doc.defaultView as Window & typeof globalThis).ResizeObserver(() => {
        if (!drag && !picking) column.moveTo(wanted, false)
      })
      resized.observe(host)
      resized.observe(indicator)
      return () => undefined
    },
  })
}
