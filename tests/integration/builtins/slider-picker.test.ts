// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest'
import { sliderValueAt } from '../../../renderer/src/simulator/frame/builtins/slider'
import { doc, key, mountPage, tap, type MountedPage } from './harness'

let mounted: MountedPage | undefined
afterEach(() => mounted?.release())

type Detail = Record<string, unknown>

describe('slider', () => {
  it('a position on the track snaps to step and stays within min and max', () => {
    expect(sliderValueAt(0.5, 0, 100, 1)).toBe(50)
    expect(sliderValueAt(0.33, 0, 100, 10)).toBe(30)
    expect(sliderValueAt(1.5, 10, 20, 1)).toBe(20)
    expect(sliderValueAt(-1, 10, 20, 1)).toBe(10)
    expect(sliderValueAt(1, 0, 95, 10)).toBe(95)
  })

  it('renders a role=slider thumb with its range, value and show-value text', async () => {
    mounted = await mountPage({ wxml: '<slider id="s" min="10" max="60" value="35" show-value />' })
    const thumb = mounted.byId('s').querySelector('[role=slider]') as HTMLElement
    expect(thumb.getAttribute('aria-valuemin')).toBe('10')
    expect(thumb.getAttribute('aria-valuemax')).toBe('60')
    expect(thumb.getAttribute('aria-valuenow')).toBe('35')
    expect(thumb.style.left).toBe('50%')
    const shown = mounted.byId('s').querySelector('.wx-slider-value') as HTMLElement
    expect(shown.hidden).toBe(false)
    expect(shown.textContent).toBe('35')
  })

  it('dragging fires bindchanging while moving and bindchange on release', async () => {
    const seen: [string, unknown][] = []
    mounted = await mountPage({
      wxml: '<slider id="s" step="5" bindchanging="onChanging" bindchange="onChange" />',
      page: {
        onChanging: (e: { detail: Detail }) => void seen.push(['changing', e.detail.value]),
        onChange: (e: { detail: Detail }) => void seen.push(['change', e.detail.value]),
      },
    })
    const track = mounted.byId('s').querySelector('.wx-slider-track') as HTMLElement
    // happy-dom has no layout: the track is given the box a browser would lay out.
    track.getBoundingClientRect = () => ({ left: 100, width: 200, top: 0, height: 2 }) as DOMRect
    const mouse = (target: EventTarget, type: string, clientX: number) =>
      target.dispatchEvent(new MouseEvent(type, { bubbles: true, clientX }))
    mouse(track, 'mousedown', 150)
    mouse(doc, 'mousemove', 200)
    mouse(doc, 'mouseup', 260)
    expect(seen).toEqual([
      ['changing', 25],
      ['changing', 50],
      ['change', 80],
    ])
  })

  it('arrow keys step the value and fire bindchange', async () => {
    const values: unknown[] = []
    mounted = await mountPage({
      wxml: '<slider id="s" value="{{v}}" step="2" bindchange="onChange" />',
      page: {
        data: { v: 10 },
        onChange: (e: { detail: Detail }) => void values.push(e.detail.value),
      },
    })
    const thumb = mounted.byId('s').querySelector('[role=slider]') as HTMLElement
    key(thumb, 'ArrowRight')
    key(thumb, 'ArrowRight')
    key(thumb, 'ArrowLeft')
    expect(values).toEqual([12, 14, 12])
  })

  it('a disabled slider ignores keys and drags', async () => {
    const values: unknown[] = []
    mounted = await mountPage({
      wxml: '<slider id="s" disabled bindchange="onChange" bindchanging="onChange" />',
      page: { onChange: (e: { detail: Detail }) => void values.push(e.detail.value) },
    })
    const thumb = mounted.byId('s').querySelector('[role=slider]') as HTMLElement
    key(thumb, 'ArrowRight')
    const track = mounted.byId('s').querySelector('.wx-slider-track') as HTMLElement
    track.dispatchEvent(new MouseEvent('mousedown', { bubbles: true, clientX: 10 }))
    doc.dispatchEvent(new MouseEvent('mouseup', { bubbles: true, clientX: 10 }))
    expect(values).toEqual([])
    expect(thumb.getAttribute('aria-disabled')).toBe('true')
  })
})

describe('picker (selector)', () => {
  const wxml =
    '<picker id="p" range="{{cities}}" range-key="name" value="{{index}}" bindchange="onChange" bindcancel="onCancel"><view>{{cities[index].name}}</view></picker>'
  const cities = [{ name: 'Beijing' }, { name: 'Shanghai' }, { name: 'Shenzhen' }]

  function sheet() {
    return doc.querySelector('[role=dialog]') as HTMLElement | null
  }

  it('a tap opens a bottom sheet dialog listing range-key labels with the value selected', async () => {
    mounted = await mountPage({ wxml, page: { data: { cities, index: 1 } } })
    tap(mounted.byId('p').firstElementChild as HTMLElement)
    const dialog = sheet()
    expect(dialog).not.toBeNull()
    const options = [...(dialog as HTMLElement).querySelectorAll('[role=option]')]
    expect(options.map((o) => o.textContent)).toEqual(['Beijing', 'Shanghai', 'Shenzhen'])
    expect(options.map((o) => o.getAttribute('aria-selected'))).toEqual(['false', 'true', 'false'])
  })

  it('确定 fires bindchange with the chosen index and closes the sheet', async () => {
    const values: unknown[] = []
    mounted = await mountPage({
      wxml,
      page: {
        data: { cities, index: 0 },
        onChange(this: MountedPage['page'], e: { detail: Detail }) {
          values.push(e.detail.value)
          this.setData({ index: e.detail.value })
        },
      },
    })
    tap(mounted.byId('p'))
    ;(sheet()?.querySelectorAll('[role=option]')[2] as HTMLElement).click()
    ;(sheet()?.querySelector('.wx-picker-confirm') as HTMLElement).click()
    expect(values).toEqual([2])
    expect(sheet()).toBeNull()
    expect(mounted.byId('p').textContent).toBe('Shenzhen')
  })

  it('取消 fires bindcancel and no bindchange', async () => {
    const seen: string[] = []
    mounted = await mountPage({
      wxml,
      page: {
        data: { cities, index: 0 },
        onChange: () => seen.push('change'),
        onCancel: () => seen.push('cancel'),
      },
    })
    tap(mounted.byId('p'))
    ;(sheet()?.querySelector('.wx-picker-cancel') as HTMLElement).click()
    expect(seen).toEqual(['cancel'])
    expect(sheet()).toBeNull()
  })

  it('a disabled picker does not open', async () => {
    mounted = await mountPage({
      wxml: '<picker id="p" disabled range="{{[1, 2]}}"><view>pick</view></picker>',
    })
    tap(mounted.byId('p'))
    expect(sheet()).toBeNull()
  })
})
