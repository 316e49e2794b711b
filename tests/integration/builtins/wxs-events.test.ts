// @vitest-environment happy-dom
/**
 * WeChat's WXS event API through the project compiler's templates and the real glass-easel:
 * handlers bound with `bindtouchmove="{{m.handler}}"` get `(event, ownerInstance)` and
 * `event.instance`; `change:prop` observers get `(newValue, oldValue, ownerInstance, instance)`.
 */
import { afterEach, expect, it } from 'vitest'
import { mountPage, type MountedPage } from './harness'

let mounted: MountedPage | undefined
afterEach(() => mounted?.release())

const SWIPE_WXS = `
var onMove = function (event, owner) {
  var state = owner.getState()
  state.moves = (state.moves || 0) + 1
  owner.selectComponent('#track').setStyle({ transform: 'translateX(' + state.moves * 10 + 'px)' })
  event.instance.addClass('moving')
  owner.callMethod('record', { moves: state.moves, key: event.instance.getDataset().key, has: event.instance.hasClass('moving') })
  return false
}
var onEnd = function (event, owner) {
  event.instance.removeClass('moving')
  owner.triggerEvent('settled', { moves: owner.getState().moves })
  owner.requestAnimationFrame(function () { owner.callMethod('record', { frame: true }) })
}
var onOpened = function (value, old, owner, instance) {
  owner.callMethod('record', { opened: value, was: old === undefined ? 'none' : old, instance: typeof instance.setStyle })
}
module.exports = { onMove: onMove, onEnd: onEnd, onOpened: onOpened }
`

it('WXS handlers get ownerInstance and event.instance, observers get both instances', async () => {
  const records: Record<string, unknown>[] = []
  mounted = await mountPage({
    wxml: `<wxs module="swipe" src="/pages/index/swipe.wxs" />
      <view id="cell" data-key="cell" bindtouchmove="{{swipe.onMove}}" bindtouchend="{{swipe.onEnd}}"
        opened="{{opened}}" change:opened="{{swipe.onOpened}}" bind:settled="onSettled">
        <view id="track">content</view>
      </view>`,
    files: { 'pages/index/swipe.wxs': SWIPE_WXS },
    page: {
      data: { opened: false },
      record(this: unknown, entry: Record<string, unknown>) {
        records.push(entry)
      },
    },
  })
  const cell = mounted.byId('cell')
  const touch = (type: string) =>
    cell.dispatchEvent(
      new TouchEvent(type, {
        bubbles: true,
        touches: [{ identifier: 1, target: cell, clientX: 5, clientY: 5 } as never],
      }),
    )
  touch('touchmove')
  touch('touchmove')
  expect(mounted.byId('track').getAttribute('style')).toContain('translateX(20px)')
  expect(cell.classList.contains('moving')).toBe(true)
  touch('touchend')
  expect(cell.classList.contains('moving')).toBe(false)
  mounted.page.setData({ opened: true })
  await new Promise((resolve) => setTimeout(resolve, 40))
  expect(records).toEqual([
    { opened: false, was: 'none', instance: 'function' },
    { moves: 1, key: 'cell', has: true },
    { moves: 2, key: 'cell', has: true },
    { opened: true, was: false, instance: 'function' },
    { frame: true },
  ])
})
