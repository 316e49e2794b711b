// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest'
import { navigationBarCalls } from '../../../renderer/src/simulator/frame/builtins/page-meta'
import { doc, mountPage, nextTask, type MountedPage } from './harness'

let mounted: MountedPage | undefined
afterEach(() => mounted?.release())

describe('page-meta', () => {
  it('sets the page style, font sizes, background and scroll position; bindscroll reports', async () => {
    const scrolls: unknown[] = []
    mounted = await mountPage({
      viewport: true,
      wxml: `<page-meta page-style="{{pageStyle}}" root-font-size="20px" page-font-size="32rpx"
        background-color="#eeeeee" background-text-style="light" scroll-top="{{top}}" bindscroll="onScroll" />
        <view style="height: 3000px">long</view>`,
      page: {
        data: { pageStyle: 'overflow: hidden', top: '' },
        onScroll: (e: { detail: unknown }) => void scrolls.push(e.detail),
      },
    })
    await nextTask()
    const viewport = doc.querySelector('.mp-page') as HTMLElement
    const body = doc.querySelector('.mp-page-body') as HTMLElement
    const page = mounted.host.querySelector('page') as HTMLElement
    expect(page.style.overflow).toBe('hidden')
    expect(page.style.fontSize).toBe('16px')
    expect(doc.documentElement.style.fontSize).toBe('20px')
    expect(viewport.style.backgroundColor).toBe('#eeeeee')
    expect(viewport.getAttribute('wx-background-text-style')).toBe('light')
    mounted.page.setData({ pageStyle: 'color: red', top: '200rpx' })
    expect(page.style.color).toBe('red')
    expect(page.style.overflow).toBe('')
    expect(body.scrollTop).toBe(100)
    body.scrollTop = 150
    body.dispatchEvent(new Event('scroll'))
    expect(scrolls).toEqual([{ scrollTop: 150 }])
  })

  it('navigation-bar sets the title, colours and loading as the wx APIs do', async () => {
    mounted = await mountPage({
      wxml: `<page-meta><navigation-bar title="{{title}}" front-color="#ffffff" background-color="#ff0000"
        color-animation-duration="300" color-animation-timing-func="easeIn" loading="{{loading}}" /></page-meta>`,
      page: { data: { title: 'Orders', loading: false } },
    })
    await nextTask()
    expect(mounted.navigationBar).toEqual([
      {
        title: 'Orders',
        loading: false,
        frontColor: '#ffffff',
        backgroundColor: '#ff0000',
        animation: { duration: 300, timingFunc: 'easeIn' },
      },
    ])
    mounted.page.setData({ title: 'Paid', loading: true })
    expect(mounted.navigationBar[1]).toEqual({ title: 'Paid', loading: true })
    expect(navigationBarCalls(mounted.navigationBar[0]!)).toEqual([
      ['setNavigationBarTitle', { title: 'Orders' }],
      [
        'setNavigationBarColor',
        {
          frontColor: '#ffffff',
          backgroundColor: '#ff0000',
          animation: { duration: 300, timingFunc: 'easeIn' },
        },
      ],
      ['hideNavigationBarLoading', {}],
    ])
  })
})
