/**
 * The simulator's zoom, applied inside the frame: the workbench sizes the iframe to the scaled
 * phone (no transform or `zoom` on the iframe or its ancestors) and the frame sets `zoom` on its
 * root element to device width → frame width. Playwright and CDP then click where the element
 * shows, at every zoom (with a transform or `zoom` on the iframe they miss: they map a point into
 * the frame by its offset only).
 *
 * Inside a zoomed root, Chromium gives `getBoundingClientRect()`, `IntersectionObserver` rects and
 * events' `clientX`/`pageX` in the frame's (zoomed) pixels, while layout (`offsetWidth`,
 * `scrollTop`, CSS lengths) stays in the page's CSS pixels. What reaches the mini-program (rects,
 * touch points, tap `x`/`y`) and what a drag moves by goes through `toCssPx`, so the page sees
 * the same numbers at every zoom. Viewport units would follow the frame's width, so they are
 * rewritten like `vh` (`page-viewport.ts`).
 */

let zoom = 1

/** The frame's current zoom (1 when unzoomed, and in tests that never start the frame). */
export function frameZoom(): number {
  return zoom
}

/** A length in the frame's zoomed pixels (a rect, a client coordinate) in the page's CSS px. */
export function toCssPx(value: number): number {
  return value / zoom
}

/** A rect of zoomed pixels (from `getBoundingClientRect`) in the page's CSS pixels. */
export function toCssRect<T extends { left: number; top: number; width: number; height: number }>(
  rect: T,
): { left: number; top: number; width: number; height: number; right: number; bottom: number } {
  const left = toCssPx(rect.left)
  const top = toCssPx(rect.top)
  const width = toCssPx(rect.width)
  const height = toCssPx(rect.height)
  return { left, top, width, height, right: left + width, bottom: top + height }
}

/**
 * Zooms the frame so a device `deviceWidth` CSS px wide fills the window's width, now and
 * whenever the workbench resizes the iframe (another zoom level, 自适应 refitting).
 */
export function followFrameSize(win: Window, deviceWidth: number): () => void {
  const apply = () => {
    const width = win.innerWidth
    if (!(width > 0) || !(deviceWidth > 0)) return
    zoom = width / deviceWidth
    win.document.documentElement.style.zoom = zoom === 1 ? '' : String(zoom)
  }
  apply()
  win.addEventListener('resize', apply)
  return () => win.removeEventListener('resize', apply)
}
