import { afterEach, describe, expect, it } from 'vitest'
import type { FrameHost } from './frame-host'
import { ACTIVE_FRAME_CLASS, createFrameStage, SPARE_FRAME_CLASS } from './frame-stage'

// happy-dom loads no frame pages: what the frames run is tested end to end
// (tests/e2e/simulator-recompile.test.ts); here, which iframe is which and what is hosted.
const SRC = 'about:blank'

interface Hosted {
  iframe: HTMLIFrameElement
  ready: boolean
  /** The iframe's src and whether it was in the document when it was hosted. */
  srcAtHost: string | null
  connectedAtHost: boolean
  disposed: boolean
}

function setup() {
  const box = document.createElement('div')
  document.body.append(box)
  const hosted: Hosted[] = []
  const removed: Node[] = []
  const observer = new MutationObserver((records) => {
    for (const record of records) removed.push(...Array.from(record.removedNodes))
  })
  observer.observe(box, { childList: true })
  const stage = createFrameStage({
    box,
    window,
    src: SRC,
    title: 'Simulator',
    deviceWidth: 375,
    host(iframe, ready) {
      const entry: Hosted = {
        iframe,
        ready,
        srcAtHost: iframe.getAttribute('src'),
        connectedAtHost: iframe.isConnected,
        disposed: false,
      }
      hosted.push(entry)
      return { dispose: () => (entry.disposed = true) } as unknown as FrameHost
    },
  })
  stage.resize({ width: 187, height: 333 })
  const frames = () => Array.from(box.querySelectorAll('iframe'))
  const flush = async () => {
    await new Promise((resolve) => setTimeout(resolve, 0))
    observer.takeRecords().forEach((record) => removed.push(...Array.from(record.removedNodes)))
  }
  return { box, stage, hosted, removed, frames, flush }
}

afterEach(() => {
  document.body.innerHTML = ''
})

describe('frame stage', () => {
  it('hosts a new frame, sandboxed to scripts only, before its document is asked for', () => {
    const t = setup()
    t.stage.launch()
    const [frame] = t.frames()
    expect(t.frames()).toHaveLength(1)
    expect(frame.getAttribute('sandbox')).toBe('allow-scripts')
    expect(frame.className).toBe(ACTIVE_FRAME_CLASS)
    expect(frame.title).toBe('Simulator')
    // automation's screenshot scales the zoomed phone back to the device's width by it
    expect(frame.dataset.deviceWidth).toBe('375')
    expect(frame.getAttribute('src')).toBe(SRC)
    expect(t.hosted).toMatchObject([
      { iframe: frame, ready: false, srcAtHost: null, connectedAtHost: true },
    ])
    expect(frame.style.width).toBe('187px')
    expect(frame.style.height).toBe('333px')
  })

  it('loads a spare hidden and unhosted behind the running frame, then shows it in place', async () => {
    const t = setup()
    t.stage.launch()
    t.stage.prepareSpare()
    t.stage.prepareSpare()
    const [first, spare] = t.frames()
    expect(t.frames()).toHaveLength(2)
    expect(spare.getAttribute('sandbox')).toBe('allow-scripts')
    expect(spare.className).toBe(SPARE_FRAME_CLASS)
    expect(spare.getAttribute('aria-hidden')).toBe('true')
    expect(spare.hasAttribute('inert')).toBe(true)
    expect(spare.style.visibility).toBe('hidden')
    expect(spare.style.position).toBe('absolute')
    expect(spare.getAttribute('src')).toBe(SRC)
    expect(t.hosted.map((entry) => entry.iframe)).toEqual([first])
    expect(t.box.querySelectorAll(`iframe.${ACTIVE_FRAME_CLASS}`)).toHaveLength(1)

    t.stage.resize({ width: 375, height: 667 })
    expect(spare.style.width).toBe('375px')
    await t.flush()
    t.stage.launch()
    await t.flush()
    // The spare runs the new launch; the old frame (and its document) is gone, its host disposed.
    expect(t.frames()).toEqual([spare])
    expect(t.hosted.map((entry) => [entry.iframe, entry.disposed])).toEqual([
      [first, true],
      [spare, false],
    ])
    expect(spare.className).toBe(ACTIVE_FRAME_CLASS)
    expect(spare.title).toBe('Simulator')
    for (const name of ['aria-hidden', 'inert', 'tabindex']) {
      expect(spare.hasAttribute(name)).toBe(false)
    }
    expect(spare.style.visibility).toBe('')
    expect(spare.style.position).toBe('')
    expect(spare.style.width).toBe('375px')
    // Never moved (a moved iframe loads its document again), never asked to load again.
    expect(t.removed).toEqual([first])
    expect(spare.getAttribute('src')).toBe(SRC)
  })

  it('makes a new frame when the compile comes before a spare, and one spare per launch', () => {
    const t = setup()
    t.stage.launch()
    t.stage.launch()
    expect(t.frames()).toHaveLength(1)
    expect(t.hosted).toHaveLength(2)
    expect(t.hosted[0].disposed).toBe(true)
    t.stage.prepareSpare()
    t.stage.launch()
    t.stage.launch()
    expect(t.frames()).toHaveLength(1)
    expect(t.hosted.map((entry) => entry.srcAtHost)).toEqual([null, null, SRC, null])
  })

  it('removes both frames and disposes the running host when disposed', () => {
    const t = setup()
    t.stage.launch()
    t.stage.prepareSpare()
    t.stage.dispose()
    expect(t.frames()).toEqual([])
    expect(t.hosted[0].disposed).toBe(true)
    expect(t.stage.running()).toBeUndefined()
    t.stage.launch()
    t.stage.prepareSpare()
    expect(t.frames()).toEqual([])
  })
})
