// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest'
import { SNAP_MS, snapIndex } from '../../../renderer/src/simulator/frame/builtins/picker-view'
import { doc, mountPage, nextTask, type MountedPage } from './harness'

let mounted: MountedPage | undefined
afterEach(() => mounted?.release())

type Detail = Record<string, unknown>
const settle = () => new Promise((resolve) => setTimeout(resolve, SNAP_MS + 30))

const WXML = `<picker-view id="pv" value="{{value}}" indicator-style="height: 40px" mask-class="m"
  immediate-change="{{immediate}}" bindchange="onChange" bindpickstart="onStart" bindpickend="onEnd">
  <picker-view-column id="years"><view wx:for="{{years}}" wx:key="*this">{{item}}</view></picker-view-column>
  <picker-view-column id="months"><view wx:for="{{months}}" wx:key="*this">{{item}}</view></picker-view-column>
</picker-view>`

async function mountPicker(immediate: boolean) {
  const events: [string, Detail][] = []
  mounted = await mountPage({
    wxml: WXML,
    page: {
      data: { value: [1, 2], immediate, years: [2024, 2025, 2026], months: [1, 2, 3, 4, 5, 6] },
      onChange: (e: { detail: Detail }) => void events.push(['change', e.detail]),
      onStart: (e: { detail: Detail }) => void events.push(['pickstart', e.detail]),
      onEnd: (e: { detail: Detail }) => void events.push(['pickend', e.detail]),
    },
  })
  await nextTask()
  return events
}

const contentOf = (column: HTMLElement) =>
  column.querySelector('.wx-picker-view-column__content') as HTMLElement

describe('picker-view', () => {
  it('snaps an offset to the nearest item within the list', () => {
    expect(snapIndex(-59, 40, 6)).toBe(1)
    expect(snapIndex(-61, 40, 6)).toBe(2)
    expect(snapIndex(30, 40, 6)).toBe(0)
    expect(snapIndex(-1000, 40, 6)).toBe(5)
  })

  it('shows the items of value under the indicator, dressed by the picker-view', async () => {
    await mountPicker(false)
    const years = mounted!.byId('years')
    expect(contentOf(years).children).toHaveLength(3)
    // happy-dom lays nothing out: the default 34px item height places the items.
    expect(contentOf(years).style.transform).toBe('translateY(-34px)')
    expect(contentOf(mounted!.byId('months')).style.transform).toBe('translateY(-68px)')
    const indicator = years.querySelector('.wx-picker-view-column__indicator') as HTMLElement
    expect(indicator.getAttribute('style')).toContain('height: 40px')
    expect(years.querySelector('.wx-picker-view-column__mask')?.className).toContain('m')
    mounted!.page.setData({ value: [9, 0] })
    expect(contentOf(years).style.transform).toBe('translateY(-68px)')
    expect(contentOf(mounted!.byId('months')).style.transform).toBe('translateY(0px)')
  })

  it('a drag snaps to an item and fires pickstart, change { value } after the snap, pickend', async () => {
    const events = await mountPicker(false)
    const months = mounted!.byId('months')
    const mouse = (target: EventTarget, type: string, clientY: number) =>
      target.dispatchEvent(new MouseEvent(type, { bubbles: true, clientX: 5, clientY }))
    mouse(months, 'mousedown', 100)
    mouse(doc, 'mousemove', 60)
    mouse(doc, 'mousemove', 30)
    mouse(doc, 'mouseup', 30)
    expect(events).toEqual([['pickstart', {}]])
    await settle()
    // -68 - 70 = -138 → item 4 (the fifth month).
    expect(events).toEqual([
      ['pickstart', {}],
      ['change', { value: [1, 4] }],
      ['pickend', {}],
    ])
    expect(contentOf(months).style.transform).toBe('translateY(-136px)')
  })

  it('the wheel moves one item; immediate-change fires change before the snap settles', async () => {
    const events = await mountPicker(true)
    const years = mounted!.byId('years')
    years.dispatchEvent(new WheelEvent('wheel', { deltaY: 100, bubbles: true, cancelable: true }))
    expect(events).toEqual([
      ['pickstart', {}],
      ['change', { value: [2, 2] }],
    ])
    years.dispatchEvent(new WheelEvent('wheel', { deltaY: 100, bubbles: true, cancelable: true }))
    await settle()
    // Already on the last year: one pick, no second change.
    expect(events).toEqual([
      ['pickstart', {}],
      ['change', { value: [2, 2] }],
      ['pickend', {}],
    ])
  })
})
