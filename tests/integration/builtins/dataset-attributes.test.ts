// @vitest-environment happy-dom
import * as glassEasel from 'glass-easel'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import {
  datasetAttributeName,
  installDatasetAttributes,
} from '../../../renderer/src/simulator/frame/dataset-attributes'
import { doc, mountPage, type MountedPage } from './harness'

const originalSetDataset = glassEasel.Element.prototype.setDataset
beforeAll(() => installDatasetAttributes())
afterAll(() => {
  glassEasel.Element.prototype.setDataset = originalSetDataset
})

let mounted: MountedPage | undefined
afterEach(() => mounted?.release())

describe('data-* attributes reach the DOM, as in WeChat', () => {
  it('names them as WXML wrote them', () => {
    expect(datasetAttributeName('weuiTheme')).toBe('data-weui-theme')
    expect(datasetAttributeName('id')).toBe('data-id')
  })

  it('a style sheet attribute selector matches a data-* attribute, and follows setData', async () => {
    mounted = await mountPage({
      wxml: '<view id="root" data-weui-theme="{{theme}}" data-count="{{n}}" data-item="{{item}}">x</view>',
      page: { data: { theme: 'dark', n: 3, item: { a: 1 } } },
    })
    await Promise.resolve()
    const root = mounted.byId('root')
    expect(root.getAttribute('data-weui-theme')).toBe('dark')
    expect(root.getAttribute('data-count')).toBe('3')
    expect(root.hasAttribute('data-item')).toBe(false)
    expect(doc.querySelector('[data-weui-theme=dark]')).toBe(root)
    mounted.page.setData({ theme: 'light' })
    await Promise.resolve()
    expect(root.getAttribute('data-weui-theme')).toBe('light')
    expect(doc.querySelector('[data-weui-theme=dark]')).toBeNull()
    expect(mounted.node('root').dataset).toMatchObject({ weuiTheme: 'light', count: 3 })
  })
})
