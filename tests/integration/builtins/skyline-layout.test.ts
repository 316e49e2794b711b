// @vitest-environment happy-dom
/**
 * Skyline's layout containers as WeChat's WebView fallback draws them. happy-dom has no layout:
 * children's heights come from their inline `height` and the grid's width is stubbed, so what is
 * checked is where the grid puts each child by those sizes.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import {
  gridColumnCount,
  placeMasonry,
} from '../../../renderer/src/simulator/frame/builtins/grid-view'
import { SKYLINE_CSS } from '../../../renderer/src/simulator/frame/builtins/skyline-containers'
import { queryNodeOf } from '../../../renderer/src/simulator/frame/builtins/query-objects'
import { doc, mountPage, type MountedPage } from './harness'

let mounted: MountedPage | undefined
afterEach(() => mounted?.release())

const proto = (globalThis as unknown as { HTMLElement: typeof HTMLElement }).HTMLElement.prototype
const GRID_WIDTH = 375
beforeEach(() => {
  Object.defineProperty(proto, 'offsetHeight', {
    configurable: true,
    get(this: HTMLElement) {
      return parseFloat(this.style.height) || 0
    },
  })
  Object.defineProperty(proto, 'clientWidth', {
    configurable: true,
    get(this: HTMLElement) {
      return this.classList.contains('wx-grid-view') ? GRID_WIDTH : 0
    },
  })
})
afterEach(() => {
  delete (proto as unknown as Record<string, unknown>).offsetHeight
  delete (proto as unknown as Record<string, unknown>).clientWidth
})

const settle = () => new Promise((resolve) => setTimeout(resolve, 0))

const placed = (element: HTMLElement) => ({ left: element.style.left, top: element.style.top })

describe('grid-view', () => {
  it('masonry puts each child at the top of the shortest column, leftmost of equals', async () => {
    mounted = await mountPage({
      wxml: `<scroll-view scroll-y type="custom"><grid-view id="grid" type="masonry" cross-axis-count="2" main-axis-gap="10" cross-axis-gap="10">
        <view wx:for="{{heights}}" wx:key="*this" id="c{{index}}" style="height: {{item}}px"></view>
      </grid-view></scroll-view>`,
      page: { data: { heights: [100, 50, 80, 30, 60] } },
    })
    await settle()
    const { byId } = mounted
    expect(byId('c0').style.width).toBe('182.5px')
    expect([0, 1, 2, 3, 4].map((n) => placed(byId(`c${n}`)))).toEqual([
      { left: '0px', top: '0px' },
      { left: '192.5px', top: '0px' },
      { left: '192.5px', top: '60px' },
      { left: '0px', top: '110px' },
      { left: '0px', top: '150px' },
    ])
    const box = byId('grid').querySelector('.wx-grid-view') as HTMLElement
    expect(box.style.height).toBe('210px')
  })

  it('masonry places children added by setData after the ones already there', async () => {
    mounted = await mountPage({
      wxml: `<grid-view id="grid" type="masonry" cross-axis-count="3" padding="{{[8, 4, 8, 4]}}">
        <view wx:for="{{heights}}" wx:key="*this" id="c{{index}}" style="height: {{item}}px"></view>
      </grid-view>`,
      page: { data: { heights: [40, 20, 30] } },
    })
    await settle()
    mounted.page.setData({ heights: [40, 20, 30, 10] })
    await settle()
    // Content width 375 - 8 = 367 in 3 columns of 122.333…; the 4th goes under the 20px one.
    const fourth = mounted.byId('c3')
    expect(parseFloat(fourth.style.left)).toBeCloseTo(4 + 367 / 3, 3)
    expect(fourth.style.top).toBe('28px')
    const box = mounted.byId('grid').querySelector('.wx-grid-view') as HTMLElement
    expect(box.style.padding).toBe('8px 4px')
    expect(box.style.height).toBe('56px')
  })

  it('aligned is a grid of cross-axis-count columns with the gaps', async () => {
    mounted = await mountPage({
      wxml: `<grid-view id="grid" cross-axis-count="4" main-axis-gap="4" cross-axis-gap="8">
        <view wx:for="{{[1, 2, 3, 4, 5]}}" wx:key="*this" style="height: {{item * 10}}px"></view>
      </grid-view>`,
    })
    await settle()
    const box = mounted.byId('grid').querySelector('.wx-grid-view') as HTMLElement
    expect(box.style.display).toBe('grid')
    expect(box.style.gridTemplateColumns).toBe('repeat(4, minmax(0, 1fr))')
    expect(box.style.columnGap).toBe('8px')
    expect(box.style.rowGap).toBe('4px')
  })

  it('switching from masonry to aligned takes the placements off the children', async () => {
    mounted = await mountPage({
      wxml: `<grid-view id="grid" type="{{type}}"><view id="only" style="height: 10px"></view></grid-view>`,
      page: { data: { type: 'masonry' } },
    })
    await settle()
    expect(mounted.byId('only').style.position).toBe('absolute')
    mounted.page.setData({ type: 'aligned' })
    await settle()
    expect(mounted.byId('only').style.position).toBe('')
    expect(mounted.byId('only').style.height).toBe('10px')
  })

  it('max-cross-axis-extent picks the fewest columns no wider than it', () => {
    expect(gridColumnCount(375, 2, 100, 0)).toBe(4)
    expect(gridColumnCount(375, 2, 200, 10)).toBe(2)
    expect(gridColumnCount(375, 3, 0, 10)).toBe(3)
    expect(gridColumnCount(0, 0, 0, 0)).toBe(1)
  })

  it('masonry placement alone: gaps only between children of a column', () => {
    expect(placeMasonry([10, 10, 10], 2, 5)).toEqual({
      placements: [
        { column: 0, top: 0 },
        { column: 1, top: 0 },
        { column: 0, top: 15 },
      ],
      height: 25,
    })
  })
})

describe('list-view, span, sticky-section and sticky-header', () => {
  it('sticky headers stick in the scrolling box at offset-top; push-pinned-header false lets the next one cover it', async () => {
    mounted = await mountPage({
      wxml: `<scroll-view scroll-y type="custom">
        <sticky-section id="first" push-pinned-header="{{false}}" padding="{{[0, 0, 10, 0]}}">
          <sticky-header id="h1" offset-top="20"><view>A</view></sticky-header>
          <list-view id="list" padding="{{[5, 5, 5, 5]}}"><view>a</view></list-view>
        </sticky-section>
        <sticky-section id="second"><sticky-header id="h2"><view>B</view></sticky-header></sticky-section>
      </scroll-view>`,
    })
    const { byId } = mounted
    expect(byId('h1').style.top).toBe('20px')
    expect(byId('h2').style.top).toBe('0px')
    expect(byId('first').hasAttribute('wx-no-push')).toBe(true)
    expect(byId('second').hasAttribute('wx-no-push')).toBe(false)
    expect(byId('list').style.padding).toBe('5px')
    expect(SKYLINE_CSS).toMatch(/sticky-header \{[^}]*position: sticky/)
    expect(SKYLINE_CSS).toMatch(/sticky-section\[wx-no-push\] \{ display: contents; \}/)
  })

  it('offset-top and padding stay when a style binding rewrites the header’s style', async () => {
    mounted = await mountPage({
      wxml: `<scroll-view scroll-y type="custom"><sticky-section>
        <sticky-header id="h" offset-top="44" padding="{{[1, 2, 3, 4]}}" style="{{look}}"><view>A</view></sticky-header>
      </sticky-section></scroll-view>`,
      page: { data: { look: 'color: red; padding: 9px' } },
    })
    const header = mounted.byId('h')
    expect(header.style.top).toBe('44px')
    expect(header.style.padding).toBe('1px 2px 3px 4px')
    mounted.page.setData({ look: 'color: blue' })
    await settle()
    expect(header.style.color).toBe('blue')
    expect(header.style.top).toBe('44px')
    expect(header.style.padding).toBe('1px 2px 3px 4px')
  })

  it('bindstickontopchange tells when the header reaches offset-top of the scrolled box', async () => {
    const seen: boolean[] = []
    mounted = await mountPage({
      wxml: `<view id="scroller" style="overflow-y: auto; height: 100px">
        <sticky-section><sticky-header id="h" offset-top="10" bindstickontopchange="changed"><view>A</view></sticky-header></sticky-section>
      </view>`,
      page: {
        changed(event: { detail: { isStickOnTop: boolean } }) {
          seen.push(event.detail.isStickOnTop)
        },
      },
    })
    const scroller = mounted.byId('scroller')
    const header = mounted.byId('h')
    scroller.getBoundingClientRect = () => ({ top: 50 }) as DOMRect
    let headerTop = 80
    header.getBoundingClientRect = () => ({ top: headerTop }) as DOMRect
    const scrollTo = (top: number, rectTop: number) => {
      headerTop = rectTop
      scroller.scrollTop = top
      scroller.dispatchEvent(new window.Event('scroll'))
    }
    scrollTo(20, 60)
    scrollTo(30, 60)
    scrollTo(0, 80)
    expect(seen).toEqual([true, false])
  })

  it('span is an inline container; snapshot draws its children and takeSnapshot fails honestly', async () => {
    mounted = await mountPage({
      wxml: `<view><span id="s"><text>a</text><image src="" /></span></view><snapshot id="shot"><view id="inner">x</view></snapshot>`,
    })
    expect(mounted.byId('s').tagName.toLowerCase()).toBe('span')
    expect(mounted.byId('s').querySelector('image')).not.toBeNull()
    expect(mounted.byId('shot').contains(mounted.byId('inner'))).toBe(true)
    const snapshot = queryNodeOf(mounted.node('shot')) as {
      takeSnapshot(options: object): void
    }
    const results: unknown[] = []
    snapshot.takeSnapshot({
      type: 'arraybuffer',
      fail: (result: unknown) => results.push(result),
      complete: (result: unknown) => results.push(result),
    })
    expect(results).toEqual([
      { errMsg: 'takeSnapshot:fail not supported in MP DevTools' },
      { errMsg: 'takeSnapshot:fail not supported in MP DevTools' },
    ])
    expect(doc.querySelector('style[data-wx-builtins]')?.textContent).toContain('sticky-header')
  })
})
