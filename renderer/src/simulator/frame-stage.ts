/**
 * Where the phone's frames live: the running mini-program's iframe and a spare one loading behind
 * it. A sandboxed (opaque-origin) frame never hits the HTTP cache, so a new frame loads and parses
 * simulator.js again; the spare has done that before the next compile asks, and a compile only
 * shows it and boots it. The spare is a new document that has run nothing (it is told nothing
 * and nothing it says is taken but `wx-bridge:ready`), so it starts as clean as a frame made on
 * the spot; the old frame is removed, and its document with it: timers, workers, web-views.
 * Frames are never moved in the DOM (moving an iframe reloads it): the spare is made in place,
 * hidden, and only its styles change when it takes over.
 */
import { watchFrameReady, type FrameHost, type FrameReadiness } from './frame-host'

/** The class of the running mini-program's iframe (what tests and benches look for). */
export const ACTIVE_FRAME_CLASS = 'simulator-frame'
/** The class of the spare iframe while it waits. */
export const SPARE_FRAME_CLASS = 'simulator-spare'

export interface FrameStageOptions {
  /** The element the iframes go into (positioned, so the spare can sit under the active one). */
  box: HTMLElement
  /** The workbench's window (the frames' messages arrive at it). */
  window: Window
  /** The frame's document, `simulator.html`. */
  src: string
  /** The running frame's accessible name. */
  title: string
  /**
   * The device's CSS width, written on each iframe as `data-device-width` (automation's
   * screenshot scales the zoomed phone back to it).
   */
  deviceWidth: number
  /** Hosts a frame (frame-host.ts); `ready` when it already said `wx-bridge:ready`. */
  host(iframe: HTMLIFrameElement, ready: boolean): FrameHost
}

export interface FrameStage {
  /**
   * A new run: the spare frame (or, with none, a new one) is shown and hosted; the running one
   * is disposed and removed.
   */
  launch(): void
  /** Starts loading a spare frame behind the running one (once; `launch` uses it up). */
  prepareSpare(): void
  /** The iframes' size, CSS px. */
  resize(size: { width: number; height: number }): void
  /** The running frame's host, if any. */
  running(): FrameHost | undefined
  /** Disposes the hosts and removes the iframes. */
  dispose(): void
}

export function createFrameStage(options: FrameStageOptions): FrameStage {
  const { box } = options
  const doc = box.ownerDocument
  let size = { width: 0, height: 0 }
  let active: { iframe: HTMLIFrameElement; host: FrameHost } | undefined
  let spare: { iframe: HTMLIFrameElement; readiness: FrameReadiness } | undefined
  let disposed = false

  function sized(iframe: HTMLIFrameElement): void {
    iframe.style.width = `${size.width}px`
    iframe.style.height = `${size.height}px`
  }

  /** Scripts only, never same-origin: set before the frame is in the document. */
  function newFrame(): HTMLIFrameElement {
    const iframe = doc.createElement('iframe')
    iframe.setAttribute('sandbox', 'allow-scripts')
    iframe.dataset.deviceWidth = String(options.deviceWidth)
    sized(iframe)
    return iframe
  }

  function show(iframe: HTMLIFrameElement): void {
    iframe.className = ACTIVE_FRAME_CLASS
    iframe.title = options.title
    for (const name of ['aria-hidden', 'inert', 'tabindex']) iframe.removeAttribute(name)
    for (const name of ['position', 'left', 'top', 'visibility', 'pointer-events']) {
      iframe.style.removeProperty(name)
    }
  }

  function hide(iframe: HTMLIFrameElement): void {
    iframe.className = SPARE_FRAME_CLASS
    iframe.setAttribute('aria-hidden', 'true')
    iframe.setAttribute('inert', '')
    iframe.tabIndex = -1
    Object.assign(iframe.style, {
      position: 'absolute',
      left: '0',
      top: '0',
      visibility: 'hidden',
      pointerEvents: 'none',
    })
  }

  return {
    launch() {
      if (disposed) return
      const previous = active
      let iframe: HTMLIFrameElement
      let ready = false
      const taken = spare
      spare = undefined
      if (taken) {
        iframe = taken.iframe
        // In the same task as hosting it: no message of the frame's falls between the two.
        ready = taken.readiness.ready()
        taken.readiness.dispose()
        show(iframe)
      } else {
        iframe = newFrame()
        show(iframe)
        box.append(iframe)
      }
      active = { iframe, host: options.host(iframe, ready) }
      // Set after the host listens, so the frame's first message is never missed.
      if (!taken) iframe.src = options.src
      previous?.host.dispose()
      previous?.iframe.remove()
    },
    prepareSpare() {
      if (disposed || spare) return
      const iframe = newFrame()
      hide(iframe)
      spare = { iframe, readiness: watchFrameReady(iframe, options.window) }
      box.append(iframe)
      iframe.src = options.src
    },
    resize(next) {
      size = { ...next }
      if (active) sized(active.iframe)
      if (spare) sized(spare.iframe)
    },
    running: () => active?.host,
    dispose() {
      if (disposed) return
      disposed = true
      active?.host.dispose()
      active?.iframe.remove()
      spare?.readiness.dispose()
      spare?.iframe.remove()
      active = undefined
      spare = undefined
    },
  }
}
