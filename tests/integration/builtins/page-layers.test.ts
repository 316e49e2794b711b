// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest'
import { closeOpenPageContainer } from '../../../renderer/src/simulator/frame/builtins'
import { mediaMatches } from '../../../renderer/src/simulator/frame/builtins/match-media'
import { doc, mountPage, nextTask, type MountedPage } from './harness'

let mounted: MountedPage | undefined
afterEach(() => mounted?.release())

const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

describe('root-portal', () => {
  it('draws its content at the page root, out of a transformed ancestor, or in place when disabled', async () => {
    mounted = await mountPage({
      viewport: true,
      wxml: `<view id="moved" style="transform: translateX(10px)">
        <root-portal enable="{{on}}"><view id="bar" style="position: fixed; bottom: 0">bar</view></root-portal>
      </view>`,
      page: { data: { on: true } },
    })
    await nextTask()
    const viewport = doc.querySelector('.mp-page') as HTMLElement
    const bar = mounted.byId('bar')
    expect(bar.parentElement?.parentElement).toBe(viewport)
    expect(mounted.byId('moved').contains(bar)).toBe(false)
    mounted.page.setData({ on: false })
    expect(mounted.byId('moved').contains(bar)).toBe(true)
  })
})

describe('match-media', () => {
  it('matches widths, heights and orientation of the window', () => {
    const phone = { width: 375, height: 667 }
    expect(mediaMatches({ minWidth: 300, maxWidth: 400 }, phone)).toBe(true)
    expect(mediaMatches({ minWidth: 400 }, phone)).toBe(false)
    expect(mediaMatches({ width: 375, height: 667 }, phone)).toBe(true)
    expect(mediaMatches({ maxHeight: 600 }, phone)).toBe(false)
    expect(mediaMatches({ orientation: 'portrait' }, phone)).toBe(true)
    expect(mediaMatches({ orientation: 'landscape' }, phone)).toBe(false)
    expect(
      mediaMatches({ orientation: 'landscape', minWidth: '' }, { width: 800, height: 400 }),
    ).toBe(true)
  })

  it('shows or hides its content as the window changes', async () => {
    mounted = await mountPage({
      wxml: '<match-media id="wide" min-width="600"><view>wide</view></match-media>',
    })
    await nextTask()
    const wide = mounted.byId('wide')
    Object.defineProperty(window, 'innerWidth', { value: 375, configurable: true })
    window.dispatchEvent(new Event('resize'))
    expect(wide.hasAttribute('wx-unmatched')).toBe(true)
    Object.defineProperty(window, 'innerWidth', { value: 800, configurable: true })
    window.dispatchEvent(new Event('resize'))
    expect(wide.hasAttribute('wx-unmatched')).toBe(false)
  })
})

describe('page-container', () => {
  it('opens and closes with the enter and leave events; back closes it first', async () => {
    const events: string[] = []
    const on = (name: string) => () => void events.push(name)
    mounted = await mountPage({
      viewport: true,
      wxml: `<page-container id="pc" show="{{show}}" duration="20" position="bottom" round
        bindbeforeenter="beforeenter" bindenter="enter" bindafterenter="afterenter"
        bindbeforeleave="beforeleave" bindleave="leave" bindafterleave="afterleave"
        bindclickoverlay="clickoverlay"><view id="inside">sheet</view></page-container>`,
      page: {
        data: { show: false },
        ...Object.fromEntries(
          [
            'beforeenter',
            'enter',
            'afterenter',
            'beforeleave',
            'leave',
            'afterleave',
            'clickoverlay',
          ].map((name) => [name, on(name)]),
        ),
      },
    })
    await nextTask()
    const root = doc.querySelector('.wx-page-container-root') as HTMLElement
    expect(root.parentElement).toBe(doc.querySelector('.mp-page'))
    expect(root.hidden).toBe(true)
    expect(closeOpenPageContainer()).toBe(false)
    mounted.page.setData({ show: true })
    expect(root.hidden).toBe(false)
    expect(root.hasAttribute('wx-shown')).toBe(true)
    expect(root.getAttribute('position')).toBe('bottom')
    expect(root.contains(mounted.byId('inside'))).toBe(true)
    await wait(40)
    expect(events).toEqual(['beforeenter', 'enter', 'afterenter'])
    ;(root.querySelector('.wx-page-container__overlay') as HTMLElement).click()
    expect(events.at(-1)).toBe('clickoverlay')
    expect(closeOpenPageContainer()).toBe(true)
    await wait(40)
    expect(events.slice(4)).toEqual(['beforeleave', 'leave', 'afterleave'])
    expect(root.hidden).toBe(true)
    expect(closeOpenPageContainer()).toBe(false)
  })
})
