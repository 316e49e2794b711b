// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest'
import { mountPage, tap, type MountedPage } from './harness'

let mounted: MountedPage | undefined
afterEach(() => mounted?.release())

describe('button', () => {
  it('renders a real button with its type, size and plain state for the CSS', async () => {
    mounted = await mountPage({
      wxml: '<button id="b" type="primary" size="mini" plain>Pay</button>',
    })
    const button = mounted.byId('b')
    expect(button.tagName).toBe('BUTTON')
    expect(button.getAttribute('type')).toBe('button')
    expect(button.getAttribute('wx-type')).toBe('primary')
    expect(button.getAttribute('size')).toBe('mini')
    expect(button.hasAttribute('plain')).toBe(true)
    expect(button.textContent).toBe('Pay')
  })

  it('a tap reaches bindtap with WeChat event fields', async () => {
    const events: Record<string, unknown>[] = []
    mounted = await mountPage({
      wxml: '<button id="b" data-kind="pay" bindtap="onTap">Pay</button>',
      page: {
        onTap(e: Record<string, unknown>) {
          events.push(e)
        },
      },
    })
    tap(mounted.byId('b'), 12, 34)
    expect(events).toHaveLength(1)
    const e = events[0] as {
      type: string
      timeStamp: number
      target: { id: string; dataset: Record<string, string> }
      currentTarget: { id: string; dataset: Record<string, string> }
      detail: { x: number; y: number }
      touches: unknown[]
      changedTouches: { clientX: number; clientY: number }[]
      mark: unknown
    }
    expect(e.type).toBe('tap')
    expect(typeof e.timeStamp).toBe('number')
    expect(e.target.id).toBe('b')
    expect(e.currentTarget.dataset).toEqual({ kind: 'pay' })
    expect(e.detail).toEqual({ x: 12, y: 34 })
    expect(e.changedTouches[0]).toMatchObject({ clientX: 12, clientY: 34 })
    expect(e.touches).toEqual([])
    expect(e.mark).toEqual({})
  })

  it('a disabled button swallows the tap, for itself and its ancestors', async () => {
    const taps: string[] = []
    mounted = await mountPage({
      wxml: '<view bindtap="onOuter"><button id="b" disabled bindtap="onTap">No</button></view>',
      page: {
        onTap: () => taps.push('button'),
        onOuter: () => taps.push('outer'),
      },
    })
    tap(mounted.byId('b'))
    expect(taps).toEqual([])
    expect(mounted.byId('b').getAttribute('aria-disabled')).toBe('true')
  })

  it('app.json style v2 selects the current WeChat look, which project styles still override', async () => {
    mounted = await mountPage({ wxml: '<button id="b">v2</button>', style: 'v2' })
    const root = mounted.host.ownerDocument.documentElement
    expect(root.getAttribute('wx-style')).toBe('v2')
    const css = mounted.host.ownerDocument.querySelector('style[data-wx-builtins]')?.textContent
    // :where() keeps the v2 rules as weak as `button {}` in a project's WXSS.
    expect(css).toContain(':where(:root[wx-style=v2]) button {\n  width: 184px;')
    mounted.release()
    mounted = undefined
    expect(root.hasAttribute('wx-style')).toBe(false)
  })

  it('loading shows a spinner before the text and marks the button busy', async () => {
    mounted = await mountPage({
      wxml: '<button id="b" loading="{{busy}}">Save</button>',
      page: { data: { busy: true } },
    })
    const button = mounted.byId('b')
    expect(button.firstElementChild?.className).toBe('wx-loading')
    expect(button.getAttribute('aria-busy')).toBe('true')
    mounted.page.setData({ busy: false })
    expect(button.querySelector('.wx-loading')).toBeNull()
    expect(button.textContent).toBe('Save')
  })
})
