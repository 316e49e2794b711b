// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest'
import { touchFields } from '../../../renderer/src/simulator/frame/tap-events'
import { doc, mountPage, tap, type MountedPage } from './harness'

let mounted: MountedPage | undefined
afterEach(() => {
  mounted?.release()
  vi.useRealTimers()
})

describe('view, text and block', () => {
  it('view and text render as their own tags, styled by the base CSS', async () => {
    mounted = await mountPage({ wxml: '<view id="v"><text id="t" selectable>hi</text></view>' })
    expect(mounted.byId('v').tagName).toBe('VIEW')
    expect(mounted.byId('t').tagName).toBe('TEXT')
    const css = doc.querySelector('style[data-wx-builtins]')?.textContent ?? ''
    expect(css).toContain('view, cover-view, form, navigator, picker, scroll-view, swiper')
    expect(css).toContain('[hidden] { display: none !important; }')
  })

  it('text decode shows entities of bound text decoded, and again after setData', async () => {
    mounted = await mountPage({
      wxml: '<text id="d" decode>{{s}}</text><text id="p">{{s}}</text>',
      page: { data: { s: 'a&nbsp;b&lt;c&gt;&amp;&apos;' } },
    })
    await Promise.resolve()
    expect(mounted.byId('d').textContent).toBe("a\u00a0b<c>&'")
    expect(mounted.byId('p').textContent).toBe('a&nbsp;b&lt;c&gt;&amp;&apos;')
    mounted.page.setData({ s: '&lt;&emsp;' })
    await Promise.resolve()
    expect(mounted.byId('d').textContent).toBe('<\u2003')
  })

  it('text space makes every space the named one', async () => {
    mounted = await mountPage({
      wxml: '<text id="n" space="nbsp">a  b</text><text id="e" space="{{kind}}">c d</text><text id="x">e  f</text>',
      page: { data: { kind: 'emsp' } },
    })
    await Promise.resolve()
    expect(mounted.byId('n').textContent).toBe('a\u00a0\u00a0b')
    expect(mounted.byId('e').textContent).toBe('c\u2003d')
    expect(mounted.byId('x').textContent).toBe('e  f')
  })

  it('the base CSS comes before the project styles so they override it', async () => {
    mounted = await mountPage({ wxml: '<view />', files: { 'app.wxss': 'button { color: red; }' } })
    expect(doc.head.firstElementChild?.hasAttribute('data-wx-builtins')).toBe(true)
  })

  it('block groups wx:if and wx:for children without an element of its own', async () => {
    mounted = await mountPage({
      wxml: '<view id="v"><block wx:if="{{show}}"><text>a</text><text>b</text></block><block wx:for="{{[1, 2]}}"><text>{{item}}</text></block></view>',
      page: { data: { show: true } },
    })
    const view = mounted.byId('v')
    expect([...view.children].map((c) => c.tagName)).toEqual(['TEXT', 'TEXT', 'TEXT', 'TEXT'])
    expect(view.textContent).toBe('ab12')
    expect(view.querySelector('block')).toBeNull()
    mounted.page.setData({ show: false })
    expect(view.textContent).toBe('12')
  })
})

describe('hidden', () => {
  it('hides built-in components as it hides views, and follows setData', async () => {
    mounted = await mountPage({
      wxml: '<button id="b" hidden="{{h}}">b</button><switch id="s" hidden="{{h}}" /><progress hidden="{{h}}" percent="5" />',
      page: { data: { h: true } },
    })
    const progress = () => mounted!.host.querySelector('wx-progress') as HTMLElement
    expect(mounted.byId('b').hidden).toBe(true)
    expect(mounted.byId('s').hidden).toBe(true)
    expect(progress().hidden).toBe(true)
    mounted.page.setData({ h: false })
    expect(mounted.byId('b').hidden).toBe(false)
    expect(mounted.byId('s').hidden).toBe(false)
    expect(progress().hidden).toBe(false)
  })
})

describe('event objects', () => {
  it('a tap on a view carries target and currentTarget ids and datasets, mark and touches', async () => {
    const events: Record<string, unknown>[] = []
    mounted = await mountPage({
      wxml: '<view id="outer" data-level="1" mark:from="outer" bindtap="onTap"><view id="inner" data-level="2" mark:item="{{7}}">x</view></view>',
      page: { onTap: (e: Record<string, unknown>) => void events.push(e) },
    })
    tap(mounted.byId('inner'), 3, 4)
    const e = events[0] as {
      type: string
      target: { id: string; dataset: unknown }
      currentTarget: { id: string; dataset: unknown }
      mark: unknown
      touches: unknown[]
      changedTouches: unknown[]
    }
    expect(e.type).toBe('tap')
    expect(e.target.id).toBe('inner')
    expect(e.target.dataset).toEqual({ level: '2' })
    expect(e.currentTarget.id).toBe('outer')
    expect(e.currentTarget.dataset).toEqual({ level: '1' })
    expect(e.mark).toEqual({ from: 'outer', item: 7 })
    expect(e.changedTouches).toEqual([
      { identifier: 1, pageX: 3, pageY: 4, clientX: 3, clientY: 4, force: 1 },
    ])
  })

  it('a mouse counts as one finger, lifted on mouseup', () => {
    // The fields a browser's MouseEvent has, on a page scrolled by 100px.
    const down = { type: 'mousedown', clientX: 8, clientY: 9, pageX: 8, pageY: 109 }
    expect(touchFields(down).touches).toEqual([
      { identifier: 0, pageX: 8, pageY: 109, clientX: 8, clientY: 9, force: 1 },
    ])
    const up = { ...down, type: 'mouseup' }
    expect(touchFields(up).touches).toEqual([])
    expect(touchFields(up).changedTouches).toHaveLength(1)
  })

  it('component events carry WeChat detail with the component as target', async () => {
    const events: Record<string, unknown>[] = []
    mounted = await mountPage({
      wxml: '<switch id="sw" data-k="v" bindchange="onChange" />',
      page: { onChange: (e: Record<string, unknown>) => void events.push(e) },
    })
    tap(mounted.byId('sw'))
    const e = events[0] as {
      type: string
      detail: unknown
      target: { id: string; dataset: unknown }
    }
    expect(e.type).toBe('change')
    expect(e.detail).toEqual({ value: true })
    expect(e.target.id).toBe('sw')
    expect(e.target.dataset).toEqual({ k: 'v' })
  })
})

describe('hover-class', () => {
  function press(element: Element) {
    element.dispatchEvent(new MouseEvent('mousedown', { bubbles: true, clientX: 1, clientY: 1 }))
  }
  function release(element: Element) {
    element.dispatchEvent(new MouseEvent('mouseup', { bubbles: true, clientX: 1, clientY: 1 }))
  }

  it('a view gets its hover class after hover-start-time and keeps it hover-stay-time', async () => {
    vi.useFakeTimers()
    mounted = await mountPage({
      wxml: '<view id="v" class="row" hover-class="pressed" hover-start-time="20" hover-stay-time="100">x</view>',
    })
    const view = mounted.byId('v')
    press(view)
    expect(view.classList.contains('pressed')).toBe(false)
    vi.advanceTimersByTime(20)
    expect(view.classList.contains('pressed')).toBe(true)
    release(view)
    vi.advanceTimersByTime(99)
    expect(view.classList.contains('pressed')).toBe(true)
    vi.advanceTimersByTime(1)
    expect(view.className).toBe('row')
  })

  it("a hover class may name several classes, as Vant's buttons do", async () => {
    vi.useFakeTimers()
    mounted = await mountPage({
      wxml: '<view id="v" hover-class="pressed  active" hover-start-time="0" hover-stay-time="0">x</view>',
    })
    const view = mounted.byId('v')
    press(view)
    vi.advanceTimersByTime(1)
    expect([...view.classList]).toEqual(['pressed', 'active'])
    release(view)
    vi.advanceTimersByTime(1)
    expect(view.className).toBe('')
  })

  it('a press that moves away (a scroll) loses its hover class at once', async () => {
    vi.useFakeTimers()
    mounted = await mountPage({
      wxml: '<view id="v" hover-class="pressed" hover-start-time="0">x</view>',
    })
    const view = mounted.byId('v')
    press(view)
    vi.advanceTimersByTime(1)
    expect(view.classList.contains('pressed')).toBe(true)
    view.dispatchEvent(new MouseEvent('mousemove', { bubbles: true, clientX: 1, clientY: 40 }))
    expect(view.classList.contains('pressed')).toBe(false)
  })

  it('a button gets button-hover by default, a disabled one none', async () => {
    vi.useFakeTimers()
    mounted = await mountPage({
      wxml: '<button id="a">a</button><button id="b" disabled>b</button>',
    })
    press(mounted.byId('a'))
    press(mounted.byId('b'))
    vi.advanceTimersByTime(30)
    expect(mounted.byId('a').classList.contains('button-hover')).toBe(false)
    expect(mounted.byId('b').classList.contains('button-hover')).toBe(false)
    release(mounted.byId('b'))
    press(mounted.byId('a'))
    vi.advanceTimersByTime(30)
    expect(mounted.byId('a').classList.contains('button-hover')).toBe(true)
  })

  it('hover-stop-propagation keeps the hover off the ancestors', async () => {
    vi.useFakeTimers()
    mounted = await mountPage({
      wxml: '<view id="o" hover-class="po"><view id="i" hover-class="pi" hover-stop-propagation>x</view></view><view id="o2" hover-class="po"><view id="i2" hover-class="pi">y</view></view>',
    })
    press(mounted.byId('i'))
    vi.advanceTimersByTime(60)
    expect(mounted.byId('i').classList.contains('pi')).toBe(true)
    expect(mounted.byId('o').classList.contains('po')).toBe(false)
    release(mounted.byId('i'))
    press(mounted.byId('i2'))
    vi.advanceTimersByTime(60)
    expect(mounted.byId('o2').classList.contains('po')).toBe(true)
  })
})
