// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest'
import { key, mountPage, tap, type MountedPage } from './harness'

let mounted: MountedPage | undefined
afterEach(() => mounted?.release())

describe('navigator', () => {
  it('a tap navigates to url with navigateTo by default', async () => {
    mounted = await mountPage({
      wxml: '<navigator id="n" url="/pages/detail/detail?id=3"><view id="label">Detail</view></navigator>',
    })
    tap(mounted.byId('label'))
    expect(mounted.navigations).toEqual([
      { api: 'navigateTo', options: { url: '/pages/detail/detail?id=3' } },
    ])
  })

  it('each open-type uses its navigation API', async () => {
    mounted = await mountPage({
      wxml: `<navigator id="r" url="a" open-type="redirect">r</navigator>
        <navigator id="s" url="/pages/tab/tab" open-type="switchTab">s</navigator>
        <navigator id="l" url="/pages/home/home" open-type="reLaunch">l</navigator>
        <navigator id="b" open-type="navigateBack" delta="2">b</navigator>`,
    })
    for (const id of ['r', 's', 'l', 'b']) tap(mounted.byId(id))
    expect(mounted.navigations).toEqual([
      { api: 'redirectTo', options: { url: 'a' } },
      { api: 'switchTab', options: { url: '/pages/tab/tab' } },
      { api: 'reLaunch', options: { url: '/pages/home/home' } },
      { api: 'navigateBack', options: { delta: 2 } },
    ])
  })

  it('is a focusable link that Enter follows', async () => {
    mounted = await mountPage({ wxml: '<navigator id="n" url="/pages/a/a">A</navigator>' })
    const link = mounted.byId('n')
    expect(link.getAttribute('role')).toBe('link')
    expect(link.tabIndex).toBe(0)
    key(link, 'Enter')
    expect(mounted.navigations).toEqual([{ api: 'navigateTo', options: { url: '/pages/a/a' } }])
  })
})
