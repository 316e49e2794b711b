/**
 * The 自适应 (fit) zoom: the largest scale at which the whole device, status bar to tab bar, is
 * visible in the simulator pane.
 */

export interface Size {
  width: number
  height: number
}

/** Below this the phone is too small to read: the pane scrolls instead. */
export const FIT_MIN_SCALE = 0.25

/** The device's own CSS size; a bigger phone is an explicit choice (125 % to 200 %). */
export const FIT_MAX_SCALE = 1

/**
 * The scale for a device in a pane of `pane` CSS px, of which `chrome` (the pane's padding, both
 * sides together) is not room for the phone.
 */
export function fitScale(pane: Size, device: Size, chrome: Size): number {
  const scale = Math.min(
    (pane.width - chrome.width) / device.width,
    (pane.height - chrome.height) / device.height,
  )
  // Floored to a thousandth, so the scaled phone never ends a fraction of a pixel past the room
  // (which would give the pane scroll bars, and take that room away).
  const floored = Math.floor(scale * 1000) / 1000
  return Math.min(FIT_MAX_SCALE, Math.max(FIT_MIN_SCALE, floored))
}
