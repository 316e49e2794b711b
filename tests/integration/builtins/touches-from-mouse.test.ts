// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest'
import { touchesFromMouse } from '../../../renderer/src/simulator/frame/tap-events'
import { doc, mountPage, type MountedPage } from './harness'

let mounted: MountedPage | undefined
afterEach(() => mounted?.release())

touchesFromMouse(doc)

describe('touch events from the mouse', () => {
  it('a click runs bindtouchstart and catchtouchend with one touch at the mouse; a touch-made click does not', async () => {
    const seen: { type: string; touches: number; changed: { clientX: number }[]; name: string }[] =
      []
    const record = function (event: {
      type: string
      touches: unknown[]
      changedTouches: { clientX: number }[]
      target: { dataset: { name?: string } }
    }) {
      seen.push({
        type: event.type,
        touches: event.touches.length,
        changed: event.changedTouches.map(({ clientX }) => ({ clientX })),
        name: event.target.dataset.name ?? '',
      })
    }
    mounted = await mountPage({
      wxml: '<view id="bar" bindtouchstart="seen" catchtouchend="seen"><view id="bold" data-name="bold">B</view></view>',
      page: { seen: record },
    })
    const bold = mounted.byId('bold')
    bold.dispatchEvent(
      new window.MouseEvent('mousedown', { bubbles: true, clientX: 7, clientY: 8 }),
    )
    bold.dispatchEvent(new window.MouseEvent('mouseup', { bubbles: true, clientX: 7, clientY: 8 }))
    expect(seen).toEqual([
      { type: 'touchstart', touches: 1, changed: [{ clientX: 7 }], name: 'bold' },
      { type: 'touchend', touches: 0, changed: [{ clientX: 7 }], name: 'bold' },
    ])
    for (const type of ['mousedown', 'mouseup']) {
      const ev = new window.MouseEvent(type, { bubbles: true, clientX: 7, clientY: 8 })
      Object.defineProperty(ev, 'sourceCapabilities', { value: { firesTouchEvents: true } })
      bold.dispatchEvent(ev)
    }
    expect(seen).toHaveLength(2)
  })
})
