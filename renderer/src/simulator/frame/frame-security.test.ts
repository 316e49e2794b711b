import { describe, expect, it } from 'vitest'
import { concealParent, startFrame } from './frame-boot'

describe('what mini-program code can reach from the frame', () => {
  it('the global object read through Function or indirect eval has parent as the frame itself', () => {
    // As inside the workbench's iframe: parent is another window.
    const workbench = { postMessage: () => undefined }
    Object.defineProperty(window, 'parent', { value: workbench, configurable: true })
    expect(Function('return this')().parent).toBe(workbench)
    concealParent(window)
    const globalObject = Function('return this')() as Window
    expect(globalObject.parent).toBe(window)
    expect((0, eval)('parent')).toBe(window)
  })

  it('a message the frame posts to itself is not taken as the host', () => {
    const posted: unknown[] = []
    const frame = startFrame(window, { postMessage: (message) => posted.push(message) })
    window.dispatchEvent(
      new MessageEvent('message', {
        data: {
          type: 'wx-host:boot',
          bundle: {},
          systemInfo: {},
          storage: {},
          networkType: 'wifi',
        },
        source: window,
      }),
    )
    expect(frame.simulator()).toBeUndefined()
    expect(posted).toEqual([{ type: 'wx-bridge:ready' }])
  })
})
