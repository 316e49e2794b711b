import { describe, expect, it } from 'vitest'
import { rpxToPx, transformRpx } from './inline-style'

const SE = { deviceWidth: 375 }

describe('rpxToPx', () => {
  it('scales by device width / 750', () => {
    expect(rpxToPx(750, SE)).toBe(375)
    expect(rpxToPx(100, { deviceWidth: 414 })).toBe(55)
  })

  it('rounds down like WeChat', () => {
    expect(rpxToPx(33, SE)).toBe(16)
  })

  it('keeps a hairline visible: 1px by default, or the given hairline', () => {
    expect(rpxToPx(1, SE)).toBe(1)
    expect(rpxToPx(1, { deviceWidth: 375, hairline: 0.5 })).toBe(0.5)
  })

  it('leaves 0 at 0', () => {
    expect(rpxToPx(0, SE)).toBe(0)
  })
})

describe('transformRpx', () => {
  it('converts every rpx dimension in a declaration list', () => {
    expect(transformRpx('width: 300rpx; margin: 10rpx -20rpx 0 .5rpx', SE)).toBe(
      'width: 150px; margin: 5px -10px 0 1px',
    )
  })

  it('converts rpx inside functions such as calc()', () => {
    expect(transformRpx('width: calc(100% - 40rpx)', SE)).toBe('width: calc(100% - 20px)')
  })

  it('accepts an upper-case unit and decimals', () => {
    expect(transformRpx('height: 100.5RPX', SE)).toBe('height: 50px')
  })

  it('leaves strings and url() alone', () => {
    const css = `content: "10rpx"; background: url(img/10rpx.png); font-family: '2rpx'`
    expect(transformRpx(css, SE)).toBe(css)
  })

  it('does not touch identifiers that merely contain rpx', () => {
    const css = 'animation: a1rpx 2s; grid-area: x-10rpx'
    expect(transformRpx(css, SE)).toBe(css)
  })

  it('does not read other units as rpx', () => {
    expect(transformRpx('width: 10px; height: 2em; line-height: 1e1rpx', SE)).toBe(
      'width: 10px; height: 2em; line-height: 5px',
    )
  })
})
