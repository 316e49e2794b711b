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

  it('show-info off hides the percentage; color overrides activeColor', async () => {
    mounted = await mountPage({ wxml: '<progress percent="50" color="#ff0000" />' })
    const bar = mounted.host.querySelector('[role=progressbar]') as HTMLElement
    expect((bar.querySelector('.wx-progress-info') as HTMLElement).hidden).toBe(true)
    expect((bar.querySelector('.wx-progress-inner-bar') as HTMLElement).style.backgroundColor).toBe(
      '#ff0000',
    )
  })
})
