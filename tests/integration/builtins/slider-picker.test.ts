// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest'
import { pickerModel } from '../../../renderer/src/simulator/frame/builtins/picker-columns'
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

  it('is a focusable button that Enter opens and Escape cancels', async () => {
    const seen: string[] = []
    mounted = await mountPage({
      wxml,
      page: { data: { cities, index: 0 }, onCancel: () => seen.push('cancel') },
    })
    const picker = mounted.byId('p')
    expect(picker.getAttribute('role')).toBe('button')
    expect(picker.tabIndex).toBe(0)
    key(picker, 'Enter')
    expect(sheet()).not.toBeNull()
    key(sheet() as HTMLElement, 'Escape')
    expect(sheet()).toBeNull()
    expect(seen).toEqual(['cancel'])
  })

  it('a disabled picker does not open', async () => {
    mounted = await mountPage({
      wxml: '<picker id="p" disabled range="{{[1, 2]}}"><view>pick</view></picker>',
    })
    tap(mounted.byId('p'))
    expect(sheet()).toBeNull()
  })
})

describe('picker modes', () => {
  const props = { mode: '', range: [], rangeKey: '', start: '', end: '', fields: 'day' }
  const today = new Date(2024, 5, 15)

  it('time: hours and minutes, value HH:mm within start and end', () => {
    const model = pickerModel({ ...props, mode: 'time', start: '09:30', end: '18:00' }, today)!
    expect(model.columns([0, 0])[0]).toEqual([
      '09',
      '10',
      '11',
      '12',
      '13',
      '14',
      '15',
      '16',
      '17',
      '18',
    ])
    expect(model.indexesOf('12:05')).toEqual([3, 5])
    expect(model.valueOf([3, 5])).toBe('12:05')
    expect(model.valueOf([0, 0])).toBe('09:30')
    expect(model.valueOf([9, 59])).toBe('18:00')
  })

  it('date: days follow the chosen month, value YYYY-MM-DD, today when unset', () => {
    const model = pickerModel(
      { ...props, mode: 'date', start: '2020-01-01', end: '2030-12-31' },
      today,
    )!
    expect(model.indexesOf('')).toEqual([4, 5, 14])
    expect(model.columns([4, 1, 0])[2]).toHaveLength(29)
    expect(model.columns([5, 1, 0])[2]).toHaveLength(28)
    expect(model.valueOf([4, 1, 30])).toBe('2024-02-29')
    expect(model.indexesOf('2019-05-05')).toEqual([0, 0, 0])
  })

  it('date with fields month has two columns and a YYYY-MM value', () => {
    const model = pickerModel({ ...props, mode: 'date', fields: 'month' }, today)!
    expect(model.columns([0, 0])).toHaveLength(2)
    expect(model.valueOf(model.indexesOf('2021-03'))).toBe('2021-03')
  })

  it('multiSelector: one column per range array, value the indexes', () => {
    const model = pickerModel({
      ...props,
      mode: 'multiSelector',
      range: [
        ['a', 'b'],
        ['x', 'y', 'z'],
      ],
    })!
    expect(model.columns([0, 0])).toEqual([
      ['a', 'b'],
      ['x', 'y', 'z'],
    ])
    expect(model.indexesOf([1, 9])).toEqual([1, 2])
    expect(model.valueOf([1, 2])).toEqual([1, 2])
  })

  it('a date picker in the page fires bindchange with the date', async () => {
    const values: unknown[] = []
    mounted = await mountPage({
      wxml: '<picker id="p" mode="date" value="2024-02-10" start="2024-01-01" end="2024-12-31" bindchange="onChange"><view>date</view></picker>',
      page: { onChange: (e: { detail: Detail }) => void values.push(e.detail.value) },
    })
    tap(mounted.byId('p'))
    const columns = [...doc.querySelectorAll('[role=dialog] [role=listbox]')]
    expect(columns).toHaveLength(3)
    ;(columns[2].querySelectorAll('[role=option]')[27] as HTMLElement).click()
    ;(doc.querySelector('.wx-picker-confirm') as HTMLElement).click()
    expect(values).toEqual(['2024-02-28'])
  })

  it('a multiSelector reports each column change and the indexes on confirm', async () => {
    const seen: unknown[] = []
    mounted = await mountPage({
      wxml: '<picker id="p" mode="multiSelector" range="{{range}}" value="{{[0, 0]}}" bindcolumnchange="onColumn" bindchange="onChange"><view>m</view></picker>',
      page: {
        data: {
          range: [
            ['a', 'b'],
            ['x', 'y'],
          ],
        },
        onColumn: (e: { detail: Detail }) => void seen.push(e.detail),
        onChange: (e: { detail: Detail }) => void seen.push(e.detail.value),
      },
    })
    tap(mounted.byId('p'))
    const columns = [...doc.querySelectorAll('[role=dialog] [role=listbox]')]
    ;(columns[1].querySelectorAll('[role=option]')[1] as HTMLElement).click()
    ;(doc.querySelector('.wx-picker-confirm') as HTMLElement).click()
    expect(seen).toEqual([{ column: 1, value: 1 }, [0, 1]])
  })
})
