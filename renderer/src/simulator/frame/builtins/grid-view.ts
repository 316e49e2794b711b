/**
 * `<grid-view>` (Skyline's grid and waterfall container) as WeChat's WebView fallback draws it:
 * `cross-axis-count` columns (or as many as `max-cross-axis-extent` allows), `main-axis-gap`
 * between rows, `cross-axis-gap` between columns, `padding` `[top, right, bottom, left]` in px.
 * `type="aligned"` is a CSS grid (a row is as tall as its tallest child); `type="masonry"` places
 * each child, in order, at the top of the shortest column (the leftmost of equals), measured
 * after its width is set, and again when children come, go or change size.
 */
import type * as glassEasel from 'glass-easel'
import { defineBuiltin, domOf, type Data } from './define'

/** `[top, right, bottom, left]` from WeChat's `padding` array (missing or bad entries are 0). */
export function paddingOf(value: unknown): [number, number, number, number] {
  const list = Array.isArray(value) ? value : []
  const at = (index: number) => Math.max(0, Number(list[index]) || 0)
  return [at(0), at(1), at(2), at(3)]
}

/**
 * How many columns fit: with `maxCrossAxisExtent` > 0, the fewest whose width stays within it
 * (Flutter's rule, which Skyline follows), else `crossAxisCount`; at least one.
 */
export function gridColumnCount(
  width: number,
  crossAxisCount: number,
  maxCrossAxisExtent: number,
  crossAxisGap: number,
): number {
  if (maxCrossAxisExtent > 0 && width > 0) {
    return Math.max(1, Math.ceil(width / (maxCrossAxisExtent + crossAxisGap)))
  }
  return Math.max(1, Math.floor(crossAxisCount) || 1)
}

export interface MasonryPlacement {
  column: number
  top: number
}

/**
 * Waterfall placement of children of `heights`, in order: each goes to the shortest column (the
 * leftmost of equals), `mainAxisGap` below what is already there. Returns each child's column and
 * top (from the content box) and the tallest column's height.
 */
export function placeMasonry(
  heights: readonly number[],
  columns: number,
  mainAxisGap: number,
): { placements: MasonryPlacement[]; height: number } {
  const filled = new Array<number>(columns).fill(0)
  const used = new Array<boolean>(columns).fill(false)
  const placements = heights.map((height) => {
    let column = 0
    for (let index = 1; index < columns; index += 1) {
      if (filled[index] < filled[column]) column = index
    }
    const top = filled[column] + (used[column] ? mainAxisGap : 0)
    used[column] = true
    filled[column] = top + height
    return { column, top }
  })
  return { placements, height: Math.max(0, ...filled) }
}

interface GridSettings {
  type: string
  crossAxisCount: number
  maxCrossAxisExtent: number
  mainAxisGap: number
  crossAxisGap: number
  padding: [number, number, number, number]
}

function settingsOf(d: Data): GridSettings {
  return {
    type: d.type === 'masonry' ? 'masonry' : 'aligned',
    crossAxisCount: Number(d.crossAxisCount),
    maxCrossAxisExtent: Math.max(0, Number(d.maxCrossAxisExtent) || 0),
    mainAxisGap: Math.max(0, Number(d.mainAxisGap) || 0),
    crossAxisGap: Math.max(0, Number(d.crossAxisGap) || 0),
    padding: paddingOf(d.padding),
  }
}

/** The sizes a layout used: the box's width and each child's height. */
interface Measured {
  width: number
  heights: WeakMap<Element, number>
}

/** Lays out `box`'s element children by `settings` (inline styles on `box` and the children). */
function layOut(box: HTMLElement, settings: GridSettings, measured: Measured): void {
  const [top, right, bottom, left] = settings.padding
  box.style.padding = `${top}px ${right}px ${bottom}px ${left}px`
  measured.width = box.clientWidth
  const width = Math.max(0, measured.width - left - right)
  const columns = gridColumnCount(
    width,
    settings.crossAxisCount,
    settings.maxCrossAxisExtent,
    settings.crossAxisGap,
  )
  const children = Array.from(box.children) as HTMLElement[]
  if (settings.type === 'aligned') {
    box.style.display = 'grid'
    box.style.position = ''
    box.style.height = ''
    box.style.gridTemplateColumns = `repeat(${columns}, minmax(0, 1fr))`
    box.style.columnGap = `${settings.crossAxisGap}px`
    box.style.rowGap = `${settings.mainAxisGap}px`
    for (const child of children) {
      if (child.hasAttribute('wx-grid-item')) clearPlacement(child)
    }
    return
  }
  box.style.display = 'block'
  box.style.position = 'relative'
  box.style.gridTemplateColumns = ''
  const columnWidth = Math.max(0, (width - settings.crossAxisGap * (columns - 1)) / columns)
  for (const child of children) {
    child.setAttribute('wx-grid-item', '')
    child.style.position = 'absolute'
    child.style.boxSizing = 'border-box'
    child.style.width = `${columnWidth}px`
  }
  const heights = children.map((child) => {
    const height = child.offsetHeight
    measured.heights.set(child, height)
    return height
  })
  const { placements, height } = placeMasonry(heights, columns, settings.mainAxisGap)
  placements.forEach(({ column, top: childTop }, index) => {
    const child = children[index]
    child.style.left = `${left + column * (columnWidth + settings.crossAxisGap)}px`
    child.style.top = `${top + childTop}px`
  })
  box.style.height = `${height + top + bottom}px`
  box.style.boxSizing = 'border-box'
}

function clearPlacement(child: HTMLElement) {
  child.removeAttribute('wx-grid-item')
  for (const name of ['position', 'box-sizing', 'width', 'left', 'top']) {
    child.style.removeProperty(name)
  }
}

export function defineGridView(space: glassEasel.ComponentSpace): void {
  defineBuiltin(space, 'grid-view', {
    properties: {
      type: { type: String, value: 'aligned' },
      crossAxisCount: { type: Number, value: 2 },
      maxCrossAxisExtent: { type: Number, value: 0 },
      mainAxisGap: { type: Number, value: 0 },
      crossAxisGap: { type: Number, value: 0 },
      padding: { type: Array, value: [0, 0, 0, 0] },
    },
    render(context) {
      const boxNode = context.appendElement('div', 'wx-grid-view')
      context.appendSlot(boxNode)
      const box = domOf(boxNode)
      const view = box.ownerDocument.defaultView as (Window & typeof globalThis) | null
      let scheduled = false
      let attached = false
      const run = () => {
        scheduled = false
        if (!attached) return
        layOut(box, settingsOf(context.data()), measured)
        // The layout's own style writes are not changes to lay out again for.
        mutations?.takeRecords()
        watchSizes()
      }
      const schedule = () => {
        if (scheduled) return
        scheduled = true
        queueMicrotask(run)
      }
      // A child's `style` rewritten from data drops its placement; children come and go.
      const mutations = view?.MutationObserver
        ? new view.MutationObserver((records) => {
            const ours = (r: MutationRecord) =>
              r.type === 'childList' ? r.target === box : r.target.parentNode === box
            if (records.some(ours)) {
              schedule()
            }
          })
        : undefined
      const measured: Measured = { width: -1, heights: new WeakMap() }
      // Only a size the last layout did not use lays out again (its own writes resize children).
      const changed = (entry: ResizeObserverEntry) =>
        entry.target === box
          ? box.clientWidth !== measured.width
          : (entry.target as HTMLElement).offsetHeight !== measured.heights.get(entry.target)
      const sizes = view?.ResizeObserver
        ? new view.ResizeObserver((entries) => {
            if (entries.some(changed)) schedule()
          })
        : undefined
      const watched = new Set<Element>()
      const watchSizes = () => {
        if (!sizes) return
        for (const child of Array.from(box.children)) {
          if (!watched.has(child)) {
            watched.add(child)
            sizes.observe(child)
          }
        }
        for (const child of watched) {
          if (child.parentNode !== box) {
            watched.delete(child)
            sizes.unobserve(child)
          }
        }
      }
      context.onAttach(() => {
        attached = true
        mutations?.observe(box, {
          childList: true,
          subtree: true,
          attributes: true,
          attributeFilter: ['style', 'class'],
        })
        sizes?.observe(box)
        schedule()
      })
      context.onDetach(() => {
        attached = false
        mutations?.disconnect()
        sizes?.disconnect()
        watched.clear()
      })
      return () => schedule()
    },
  })
}
