// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest'
import type { GeneralComponent } from 'glass-easel'
import {
  edgesWithin,
  scrolledBoxOf,
} from '../../../renderer/src/simulator/frame/builtins/scroll-view'
import { componentOf } from '../../../shared/runtime/layout-host'
import { SelectorQuery } from '../../../shared/runtime/selector-query'
import { nextIndex } from '../../../renderer/src/simulator/frame/builtins/swiper'
import { doc, mountPage, nextTask, type MountedPage } from './harness'

let mounted: MountedPage | undefined
afterEach(() => {
  mounted?.release()
  vi.useRealTimers()
})

type Detail = Record<string, unknown>

/** The inner box that scrolls, with the sizes a browser would lay out (happy-dom has none). */
function scroller(host: HTMLElement, size: { height: number; content: number }) {
  const box = host.querySelector('.wx-scroll-view') as HTMLElement
  Object.defineProperty(box, 'clientHeight', { value: size.height, configurable: true })
  Object.defineProperty(box, 'scrollHeight', { value: size.content, configurable: true })
  return box
}

function scrollTo(box: HTMLElement, top: number) {
  box.scrollTop = top
  box.dispatchEvent(new Event('scroll'))
}

describe('scroll-view', () => {
  it('the ends within the thresholds are found on each axis', () => {
    const at = (scrollTop: number) => ({
      scrollTop,
      scrollLeft: 0,
      scrollHeight: 1000,
      scrollWidth: 100,
      clientHeight: 200,
      clientWidth: 100,
    })
    expect([...edgesWithin(at(0), { x: false, y: true }, 50, 50)]).toEqual(['top'])
    expect([...edgesWithin(at(400), { x: false, y: true }, 50, 50)]).toEqual([])
    expect([...edgesWithin(at(760), { x: false, y: true }, 50, 50)]).toEqual(['bottom'])
    expect([...edgesWithin(at(760), { x: false, y: true }, 50, 30)]).toEqual([])
  })

  it('scroll-y scrolls its inner box vertically only', async () => {
    mounted = await mountPage({ wxml: '<scroll-view id="s" scroll-y><view>a</view></scroll-view>' })
    const box = mounted.byId('s').querySelector('.wx-scroll-view') as HTMLElement
    expect(box.style.overflowY).toBe('auto')
    expect(box.style.overflowX).toBe('hidden')
    expect(box.textContent).toBe('a')
  })

  it('enable-flex passes the host flex layout to the scrolled content', async () => {
    mounted = await mountPage({
      wxml: '<scroll-view id="s" scroll-x enable-flex style="display: flex"><view /></scroll-view>',
    })
    expect(mounted.byId('s').hasAttribute('enable-flex')).toBe(true)
    const css = doc.querySelector('style[data-wx-builtins]')?.textContent ?? ''
    expect(css).toContain('scroll-view[enable-flex] > .wx-scroll-view {\n  display: inherit;')
  })

  it('the refresher: pulled past its threshold it refreshes, and closes when triggered is reset', async () => {
    const events: string[] = []
    const record = (name: string) => (e: { detail: Detail }) =>
      void events.push(`${name} ${JSON.stringify(e.detail)}`)
    mounted = await mountPage({
      wxml: `<scroll-view id="s" scroll-y refresher-enabled refresher-threshold="80"
        refresher-triggered="{{triggered}}" bindrefresherpulling="onPulling"
        bindrefresherrefresh="onRefresh" bindrefresherrestore="onRestore" bindrefresherabort="onAbort">
        <view>a</view></scroll-view>`,
      page: {
        data: { triggered: false },
        onPulling: record('pulling'),
        onRefresh: record('refresh'),
        onRestore: record('restore'),
        onAbort: record('abort'),
      },
    })
    const box = mounted.byId('s').querySelector('.wx-scroll-view') as HTMLElement
    const refresher = box.querySelector('.wx-scroll-view-refresher') as HTMLElement
    expect(box.textContent).toBe('a')
    const mouse = (target: EventTarget, type: string, clientY: number) =>
      target.dispatchEvent(new MouseEvent(type, { bubbles: true, clientX: 5, clientY }))
    // Let go short of the threshold: it aborts and closes.
    mouse(box, 'mousedown', 10)
    mouse(doc, 'mousemove', 40)
    mouse(doc, 'mouseup', 40)
    expect(events).toEqual(['pulling {"dy":30}', 'abort {"dy":30}'])
    expect(refresher.style.height).toBe('0px')
    events.length = 0
    mouse(box, 'mousedown', 10)
    mouse(doc, 'mousemove', 110)
    mouse(doc, 'mouseup', 110)
    expect(events).toEqual(['pulling {"dy":100}', 'refresh {"dy":100}'])
    expect(refresher.style.height).toBe('80px')
    expect(mounted.node('s')).toHaveProperty('data.refresherTriggered', true)
    events.length = 0
    mounted.page.setData({ triggered: true })
    mounted.page.setData({ triggered: false })
    expect(events).toEqual(['restore {}'])
    expect(refresher.style.height).toBe('0px')
  })

  it('a slot="refresher" is drawn inside the refresher area above the content', async () => {
    mounted = await mountPage({
      wxml: `<scroll-view id="s" scroll-y refresher-enabled refresher-default-style="none">
        <view slot="refresher" id="custom">pulling…</view><view id="item">a</view></scroll-view>`,
    })
    const box = mounted.byId('s').querySelector('.wx-scroll-view') as HTMLElement
    const refresher = box.firstElementChild as HTMLElement
    expect(refresher.className).toBe('wx-scroll-view-refresher')
    expect(refresher.contains(mounted.byId('custom'))).toBe(true)
    expect(refresher.contains(mounted.byId('item'))).toBe(false)
    expect(box.contains(mounted.byId('item'))).toBe(true)
  })

  it('pulling the refresher with the mouse selects no text', async () => {
    mounted = await mountPage({
      wxml: '<scroll-view id="s" scroll-y refresher-enabled><view id="item">a</view></scroll-view>',
    })
    const box = mounted.byId('s').querySelector('.wx-scroll-view') as HTMLElement
    const item = mounted.byId('item')
    const selectStart = () => {
      const event = new Event('selectstart', { bubbles: true, cancelable: true })
      item.dispatchEvent(event)
      return event.defaultPrevented
    }
    item.dispatchEvent(new MouseEvent('mousedown', { bubbles: true, clientY: 10 }))
    expect(selectStart()).toBe(true)
    doc.dispatchEvent(new MouseEvent('mouseup', { bubbles: true, clientY: 10 }))
    expect(selectStart()).toBe(false)
    expect(box.textContent).toBe('a')
  })

  it('bindscroll gets the position and the delta', async () => {
    const details: Detail[] = []
    mounted = await mountPage({
      wxml: '<scroll-view id="s" scroll-y style="height: 200px" bindscroll="onScroll"><view style="height: 1000px" /></scroll-view>',
      page: { onScroll: (e: { detail: Detail }) => void details.push(e.detail) },
    })
    const box = scroller(mounted.byId('s'), { height: 200, content: 1000 })
    scrollTo(box, 120)
    expect(details[0]).toMatchObject({ scrollTop: 120, scrollHeight: 1000, deltaY: -120 })
  })

  it("SelectorQuery's scrollOffset answers the scrolled inner box, not the host", async () => {
    mounted = await mountPage({
      wxml: '<scroll-view id="s" scroll-y style="height: 200px"><view style="height: 1000px" /></scroll-view>',
    })
    const box = scroller(mounted.byId('s'), { height: 200, content: 1000 })
    Object.defineProperty(box, 'scrollWidth', { value: 375, configurable: true })
    box.scrollTop = 300
    const page = componentOf(mounted.page) as GeneralComponent
    const query = new SelectorQuery(
      {
        currentPage: () => page,
        viewportOf: () => undefined,
        defer: (fn) => void setTimeout(fn, 0),
        warnOnce: (message) => {
          throw new Error(message)
        },
        nodeOf: () => null,
        contextOf: () => null,
        scrolledBoxOf,
      },
      page,
    )
    const results = await new Promise<unknown[]>((resolve) => {
      query.select('#s').scrollOffset()
      query.select('#s').fields({ scrollOffset: true })
      query.exec(resolve)
    })
    const offset = { scrollTop: 300, scrollLeft: 0, scrollHeight: 1000, scrollWidth: 375 }
    expect(results).toEqual([{ id: 's', dataset: {}, ...offset }, offset])
  })

  it('bindscrolltolower fires once on entering lower-threshold, again after leaving it', async () => {
    const seen: Detail[] = []
    mounted = await mountPage({
      wxml: '<scroll-view id="s" scroll-y lower-threshold="100" bindscrolltolower="onLower" bindscrolltoupper="onUpper"><view /></scroll-view>',
      page: {
        onLower: (e: { detail: Detail }) => void seen.push(e.detail),
        onUpper: (e: { detail: Detail }) => void seen.push(e.detail),
      },
    })
    const box = scroller(mounted.byId('s'), { height: 200, content: 1000 })
    scrollTo(box, 650)
    scrollTo(box, 710)
    scrollTo(box, 750)
    scrollTo(box, 300)
    scrollTo(box, 720)
    scrollTo(box, 10)
    expect(seen).toEqual([{ direction: 'bottom' }, { direction: 'bottom' }, { direction: 'top' }])
  })

  it('scroll-top moves the box when it changes', async () => {
    mounted = await mountPage({
      wxml: '<scroll-view id="s" scroll-y scroll-top="{{top}}"><view /></scroll-view>',
      page: { data: { top: 0 } },
    })
    const box = scroller(mounted.byId('s'), { height: 200, content: 1000 })
    mounted.page.setData({ top: 300 })
    await nextTask()
    expect(box.scrollTop).toBe(300)
  })

  it('scroll-into-view scrolls to the element with that id', async () => {
    mounted = await mountPage({
      wxml: '<scroll-view id="s" scroll-y scroll-into-view="{{target}}"><view id="a" /><view id="b" /></scroll-view>',
      page: { data: { target: '' } },
    })
    const box = scroller(mounted.byId('s'), { height: 200, content: 1000 })
    box.getBoundingClientRect = () => ({ top: 100, left: 0 }) as DOMRect
    mounted.byId('b').getBoundingClientRect = () => ({ top: 600, left: 0 }) as DOMRect
    mounted.page.setData({ target: 'b' })
    await nextTask()
    expect(box.scrollTop).toBe(500)
  })
})

describe('swiper', () => {
  const wxml = `<swiper id="s" indicator-dots current="{{current}}" autoplay="{{autoplay}}" interval="1000" circular="{{circular}}" bindchange="onChange">
    <swiper-item wx:for="{{items}}" wx:key="*this" item-id="{{item}}"><view>{{item}}</view></swiper-item>
  </swiper>`

  it('moving by one wraps around only when circular', () => {
    expect(nextIndex(2, 1, 3, false)).toBe(2)
    expect(nextIndex(2, 1, 3, true)).toBe(0)
    expect(nextIndex(0, -1, 3, true)).toBe(2)
    expect(nextIndex(0, -1, 3, false)).toBe(0)
  })

  it('shows the current item and one indicator dot per item', async () => {
    mounted = await mountPage({
      wxml,
      page: { data: { items: ['a', 'b', 'c'], current: 1, autoplay: false, circular: false } },
    })
    const track = mounted.byId('s').querySelector('.wx-swiper-track') as HTMLElement
    expect(track.style.transform).toBe('translateX(calc(-100% + 0px))')
    const dots = [...mounted.byId('s').querySelectorAll('.wx-swiper-dot')]
    expect(dots).toHaveLength(3)
    expect(dots.map((d) => d.classList.contains('wx-swiper-dot-active'))).toEqual([
      false,
      true,
      false,
    ])
    mounted.page.setData({ items: ['a', 'b', 'c', 'd'] })
    expect(mounted.byId('s').querySelectorAll('.wx-swiper-dot')).toHaveLength(4)
  })

  it('autoplay advances every interval with source autoplay, back to the first at the end', async () => {
    vi.useFakeTimers()
    const details: Detail[] = []
    mounted = await mountPage({
      wxml,
      page: {
        data: { items: ['a', 'b'], current: 0, autoplay: true, circular: false },
        onChange: (e: { detail: Detail }) => void details.push(e.detail),
      },
    })
    vi.advanceTimersByTime(2000)
    expect(details).toEqual([
      { current: 1, currentItemId: 'b', source: 'autoplay' },
      { current: 0, currentItemId: 'a', source: 'autoplay' },
    ])
  })

  it('autoplay stops when the swiper leaves the page', async () => {
    vi.useFakeTimers()
    const details: Detail[] = []
    mounted = await mountPage({
      wxml,
      page: {
        data: { items: ['a', 'b'], current: 0, autoplay: true, circular: false },
        onChange: (e: { detail: Detail }) => void details.push(e.detail),
      },
    })
    mounted.release()
    mounted = undefined
    vi.advanceTimersByTime(5000)
    expect(details).toEqual([])
  })

  it('a drag past a fifth of the width changes the item with source touch', async () => {
    const details: Detail[] = []
    mounted = await mountPage({
      wxml,
      page: {
        data: { items: ['a', 'b', 'c'], current: 0, autoplay: false, circular: false },
        onChange: (e: { detail: Detail }) => void details.push(e.detail),
      },
    })
    const swiper = mounted.byId('s')
    swiper.getBoundingClientRect = () => ({ width: 300, height: 150, left: 0, top: 0 }) as DOMRect
    swiper.dispatchEvent(new MouseEvent('mousedown', { bubbles: true, clientX: 250 }))
    doc.dispatchEvent(new MouseEvent('mousemove', { bubbles: true, clientX: 150 }))
    doc.dispatchEvent(new MouseEvent('mouseup', { bubbles: true, clientX: 150 }))
    swiper.dispatchEvent(new MouseEvent('mousedown', { bubbles: true, clientX: 250 }))
    doc.dispatchEvent(new MouseEvent('mousemove', { bubbles: true, clientX: 230 }))
    doc.dispatchEvent(new MouseEvent('mouseup', { bubbles: true, clientX: 230 }))
    expect(details).toEqual([{ current: 1, currentItemId: 'b', source: 'touch' }])
  })

  it('setting current moves to that item and reports it with an empty source', async () => {
    const details: Detail[] = []
    mounted = await mountPage({
      wxml,
      page: {
        data: { items: ['a', 'b', 'c'], current: 0, autoplay: false, circular: false },
        onChange: (e: { detail: Detail }) => void details.push(e.detail),
      },
    })
    mounted.page.setData({ current: 2 })
    const track = mounted.byId('s').querySelector('.wx-swiper-track') as HTMLElement
    expect(track.style.transform).toBe('translateX(calc(-200% + 0px))')
    expect(details).toEqual([{ current: 2, currentItemId: 'c', source: '' }])
  })
})

describe('swiper with several items shown', () => {
  it('display-multiple-items sizes items to a share and moves by one share', async () => {
    const details: Detail[] = []
    mounted = await mountPage({
      wxml: `<swiper id="s" display-multiple-items="2" previous-margin="20rpx" next-margin="30px" indicator-dots current="{{current}}" bindchange="onChange">
        <swiper-item wx:for="{{['a', 'b', 'c']}}" wx:key="*this">{{item}}</swiper-item>
      </swiper>`,
      page: {
        data: { current: 0 },
        onChange: (e: { detail: Detail }) => void details.push(e.detail),
      },
    })
    const track = mounted.byId('s').querySelector('.wx-swiper-track') as HTMLElement
    expect(track.style.getPropertyValue('--wx-swiper-item-size')).toBe('50%')
    expect(track.style.margin).toBe('0px 30px 0px 10px')
    expect(mounted.byId('s').querySelectorAll('.wx-swiper-dot')).toHaveLength(2)
    mounted.page.setData({ current: 1 })
    expect(track.style.transform).toBe('translateX(calc(-50% + 0px))')
  })

  it('vertical swipers stack items in a column', async () => {
    mounted = await mountPage({
      wxml: '<swiper id="s" vertical><swiper-item>a</swiper-item><swiper-item>b</swiper-item></swiper>',
    })
    const track = mounted.byId('s').querySelector('.wx-swiper-track') as HTMLElement
    expect(track.classList.contains('wx-swiper-track-vertical')).toBe(true)
    expect(track.style.transform).toBe('translateY(calc(0% + 0px))')
  })
})

describe('swiper item ids and animation end', () => {
  const wxml = `<swiper id="s" current-item-id="{{itemId}}" duration="300" bindchange="onChange" bindanimationfinish="onFinish">
    <swiper-item wx:for="{{['a', 'b', 'c']}}" wx:key="*this" item-id="{{item}}">{{item}}</swiper-item>
  </swiper>`

  it('current-item-id shows the item with that item-id', async () => {
    const seen: unknown[] = []
    mounted = await mountPage({
      wxml,
      page: { data: { itemId: '' }, onChange: (e: { detail: Detail }) => void seen.push(e.detail) },
    })
    mounted.page.setData({ itemId: 'c' })
    const track = mounted.byId('s').querySelector('.wx-swiper-track') as HTMLElement
    expect(track.style.transform).toBe('translateX(calc(-200% + 0px))')
    expect(seen).toEqual([{ current: 2, currentItemId: 'c', source: '' }])
  })

  it('bindanimationfinish follows bindchange once the move has taken duration', async () => {
    vi.useFakeTimers()
    const seen: [string, unknown][] = []
    mounted = await mountPage({
      wxml,
      page: {
        data: { itemId: '' },
        onChange: (e: { detail: Detail }) => void seen.push(['change', e.detail.current]),
        onFinish: (e: { detail: Detail }) => void seen.push(['finish', e.detail.current]),
      },
    })
    mounted.page.setData({ itemId: 'b' })
    vi.advanceTimersByTime(299)
    expect(seen).toEqual([['change', 1]])
    vi.advanceTimersByTime(1)
    expect(seen).toEqual([
      ['change', 1],
      ['finish', 1],
    ])
  })
})
