// @vitest-environment happy-dom
import * as glassEasel from 'glass-easel'
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest'
import { createAnimation } from '../../../shared/runtime/animation'
import {
  animationFrames,
  installAnimationAttribute,
} from '../../../renderer/src/simulator/frame/animation-attribute'
import { mountPage, type MountedPage } from './harness'

const originalUpdateAttribute = glassEasel.Element.prototype.updateAttribute
beforeAll(() => installAnimationAttribute())
afterAll(() => {
  glassEasel.Element.prototype.updateAttribute = originalUpdateAttribute
})

let mounted: MountedPage | undefined
afterEach(() => {
  mounted?.release()
  vi.useRealTimers()
})

type Animation = Record<string, (...args: unknown[]) => Animation> & { export(): unknown }

/** Two steps: fade and move in 300 ms, then turn and grow in 200 ms after 100 ms. */
function twoSteps(): unknown {
  const animation = createAnimation({ timingFunction: 'ease' }) as Animation
  animation.opacity(0.5).translate(20, 10).width(100).step({ duration: 300 })
  animation.rotate(45).scale(2).backgroundColor('#ff0000').step({ duration: 200, delay: 100 })
  return animation.export()
}

describe('the animation attribute (wx.createAnimation’s export)', () => {
  it('turns each step into CSS with its transition', () => {
    expect(animationFrames(twoSteps())).toEqual([
      {
        style: {
          opacity: '0.5',
          width: '100px',
          transform: 'translate(20px, 10px)',
          'transform-origin': '50% 50% 0',
          transition: 'all 300ms ease 0ms',
        },
        lasts: 300,
      },
      {
        style: {
          'background-color': '#ff0000',
          transform: 'rotate(45deg) scale(2)',
          'transform-origin': '50% 50% 0',
          transition: 'all 200ms ease 100ms',
        },
        lasts: 300,
      },
    ])
    expect(animationFrames({ nope: 1 })).toEqual([])
  })

  it('plays on a view and on a built-in component, one step after the other', async () => {
    vi.useFakeTimers()
    mounted = await mountPage({
      wxml: '<view id="box" animation="{{a}}">x</view><button id="b" animation="{{a}}">b</button>',
      page: { data: { a: null } },
    })
    const box = mounted.byId('box')
    const button = mounted.byId('b')
    mounted.page.setData({ a: twoSteps() })
    await vi.advanceTimersByTimeAsync(0)
    for (const element of [box, button]) {
      expect(element.style.opacity).toBe('0.5')
      expect(element.style.transform).toBe('translate(20px, 10px)')
      expect(element.getAttribute('animation')).toBeNull()
    }
    await vi.advanceTimersByTimeAsync(300)
    for (const element of [box, button]) {
      expect(element.style.transform).toBe('rotate(45deg) scale(2)')
      expect(element.style.transition).toBe('all 200ms ease 100ms')
      // The first step's state stays where the second does not change it.
      expect(element.style.opacity).toBe('0.5')
    }
  })
})
