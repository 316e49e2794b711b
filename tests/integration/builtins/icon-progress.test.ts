// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest'
import { ICONS, iconSize } from '../../../renderer/src/simulator/frame/builtins/icon'
import { mountPage, type MountedPage } from './harness'

let mounted: MountedPage | undefined
afterEach(() => mounted?.release())

describe('icon', () => {
  it('draws every WeChat icon type as inline SVG named by its type', async () => {
    const types = [
      'success',
      'success_no_circle',
      'info',
      'warn',
      'waiting',
      'cancel',
      'download',
      'search',
      'clear',
    ]
    expect(Object.keys(ICONS).sort()).toEqual([...types].sort())
    mounted = await mountPage({
      wxml: '<icon wx:for="{{types}}" wx:key="*this" id="{{item}}" type="{{item}}" />',
      page: { data: { types } },
    })
    for (const type of types) {
      const icon = mounted.byId(type)
      expect(icon.getAttribute('role')).toBe('img')
      expect(icon.getAttribute('aria-label')).toBe(type)
      expect(icon.querySelector('svg path')).not.toBeNull()
    }
  })

  it('size sets the SVG size in px, color its colour', async () => {
    mounted = await mountPage({ wxml: '<icon id="i" type="success" size="40" color="#ff0000" />' })
    const svg = mounted.byId('i').querySelector('svg') as SVGElement
    expect(svg.getAttribute('width')).toBe('40px')
    expect(svg.querySelector('circle')?.getAttribute('fill')).toBe('#ff0000')
  })

  it('size accepts CSS lengths, rpx converted for the screen', () => {
    expect(iconSize('2em', 375)).toBe('2em')
    expect(iconSize('100rpx', 375)).toBe('50px')
    expect(iconSize(30, 375)).toBe('30px')
  })

  it('the default size is 23px and the default colour is the type colour', async () => {
    mounted = await mountPage({ wxml: '<icon id="i" type="warn" />' })
    const svg = mounted.byId('i').querySelector('svg') as SVGElement
    expect(svg.getAttribute('width')).toBe('23px')
    expect(svg.querySelector('circle')?.getAttribute('fill')).toBe('#F76260')
  })
})

describe('progress', () => {
  it('is a progressbar whose bar width follows percent', async () => {
    mounted = await mountPage({
      wxml: '<progress percent="{{p}}" show-info stroke-width="4" activeColor="#10AEFF" backgroundColor="#eeeeee" />',
      page: { data: { p: 30 } },
    })
    const bar = mounted.host.querySelector('[role=progressbar]') as HTMLElement
    expect(bar.tagName).toBe('WX-PROGRESS')
    expect(bar.getAttribute('aria-valuenow')).toBe('30')
    const inner = bar.querySelector('.wx-progress-inner-bar') as HTMLElement
    expect(inner.style.width).toBe('30%')
    expect(inner.style.backgroundColor).toBe('#10AEFF')
    const track = bar.querySelector('.wx-progress-bar') as HTMLElement
    expect(track.style.height).toBe('4px')
    expect(track.style.backgroundColor).toBe('#eeeeee')
    expect(bar.querySelector('.wx-progress-info')?.textContent).toBe('30%')
    mounted.page.setData({ p: 80 })
    expect(inner.style.width).toBe('80%')
  })

  it('stroke-width, border-radius and font-size take px numbers or lengths, rpx for the screen', async () => {
    mounted = await mountPage({
      wxml: '<progress percent="40" show-info stroke-width="8rpx" border-radius="{{r}}" font-size="14" />',
      page: { data: { r: '2px' } },
    })
    const bar = mounted.host.querySelector('[role=progressbar]') as HTMLElement
    const track = bar.querySelector('.wx-progress-bar') as HTMLElement
    expect(track.style.height).toBe('4px')
    expect(track.style.borderRadius).toBe('2px')
    expect((bar.querySelector('.wx-progress-info') as HTMLElement).style.fontSize).toBe('14px')
  })

  it("without attributes it is WeChat's thin green bar on #EBEBEB, percent text at 16px", async () => {
    mounted = await mountPage({ wxml: '<progress percent="20" show-info />' })
    const bar = mounted.host.querySelector('[role=progressbar]') as HTMLElement
    const track = bar.querySelector('.wx-progress-bar') as HTMLElement
    expect(track.style.height).toBe('6px')
    expect(track.style.backgroundColor).toBe('#EBEBEB')
    const inner = bar.querySelector('.wx-progress-inner-bar') as HTMLElement
    expect(inner.style.backgroundColor).toBe('#09BB07')
    const info = bar.querySelector('.wx-progress-info') as HTMLElement
    expect(info.style.fontSize).toBe('16px')
    expect(bar.lastElementChild).toBe(info)
  })

  it('its class reaches what it draws, and follows setData', async () => {
    mounted = await mountPage({
      wxml: '<progress class="{{cls}}" percent="5" />',
      page: { data: { cls: 'bar thin' } },
    })
    const bar = () => mounted!.host.querySelector('[role=progressbar]') as HTMLElement
    expect(bar().className).toBe('wx-progress bar thin')
    mounted.page.setData({ cls: 'wide' })
    expect(bar().className).toBe('wx-progress wide')
  })

  it('in an isolated component its class carries the component prefix', async () => {
    mounted = await mountPage({
      wxml: '<meter id="m" />',
      files: {
        'pages/index/index.json': JSON.stringify({
          usingComponents: { meter: '/components/meter/meter' },
        }),
        'components/meter/meter.json': JSON.stringify({ component: true }),
        'components/meter/meter.wxml': '<progress class="level" percent="9" />',
        'components/meter/meter.wxss': '.level { margin: 1px; }',
        'components/meter/meter.js': 'Component({})',
      },
    })
    const bar = mounted.host.querySelector('[role=progressbar]') as HTMLElement
    expect(bar.className).toMatch(/^wx-progress \S+--level$/)
    const css = [...mounted.host.ownerDocument.querySelectorAll('style')]
      .map((s) => s.textContent)
      .join('\n')
    expect(css).toContain(`.${bar.className.split(' ')[1]} {`)
  })

  it('show-info off hides the percentage; color overrides activeColor', async () => {
    mounted = await mountPage({ wxml: '<progress percent="50" color="#ff0000" />' })
    const bar = mounted.host.querySelector('[role=progressbar]') as HTMLElement
    expect((bar.querySelector('.wx-progress-info') as HTMLElement).hidden).toBe(true)
    expect((bar.querySelector('.wx-progress-inner-bar') as HTMLElement).style.backgroundColor).toBe(
      '#ff0000',
    )
  })
})
