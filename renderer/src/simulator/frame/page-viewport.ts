/**
 * The page's viewport as WeChat gives it: a page lives in a web view between the navigation bar
 * and the tab bar, so `vh` is a hundredth of the window height (not of the phone) and
 * `env(safe-area-inset-*)` is what of the screen's unsafe edges that window covers. In the frame
 * every page shares one document, whose viewport is the whole phone; so the page's stylesheets and
 * inline styles are rewritten to read the page's own values from custom properties set on its
 * `.mp-page` (which frame.css also makes the containing block of its `position: fixed` elements).
 * Why this mechanism and not another is in the frame README.
 */
import type { SystemInfo } from '../../../../shared/runtime'

export interface SafeAreaInsets {
  top: number
  right: number
  bottom: number
  left: number
}

export interface ViewportMetrics {
  /** CSS px: the page's window, as `windowWidth` reports it. */
  width: number
  /** CSS px: the page's window, as `windowHeight` reports it. */
  height: number
  insets: SafeAreaInsets
}

/** `safeArea` of `wx.getSystemInfoSync()`, in screen CSS px. */
interface SafeArea {
  left: number
  right: number
  top: number
  bottom: number
}

/** The viewport of a page whose system info (window and safe area) is `info`. */
export function pageViewport(info: SystemInfo): ViewportMetrics {
  const top =
    typeof info.screenTop === 'number' ? info.screenTop : info.screenHeight - info.windowHeight
  const bottom = top + info.windowHeight
  const safe = (info.safeArea as SafeArea | undefined) ?? {
    left: 0,
    right: info.screenWidth,
    top: info.statusBarHeight,
    bottom: info.screenHeight,
  }
  return {
    width: info.windowWidth,
    height: info.windowHeight,
    insets: {
      top: Math.max(0, safe.top - top),
      right: Math.max(0, info.screenWidth - safe.right),
      bottom: Math.max(0, bottom - safe.bottom),
      left: Math.max(0, safe.left),
    },
  }
}

/** Sets the custom properties the rewritten styles read, on the page's viewport element. */
export function applyPageViewport(element: HTMLElement, viewport: ViewportMetrics): void {
  element.style.setProperty('--mp-vw', `${viewport.width / 100}px`)
  element.style.setProperty('--mp-vh', `${viewport.height / 100}px`)
  for (const side of ['top', 'right', 'bottom', 'left'] as const) {
    element.style.setProperty(`--mp-safe-area-inset-${side}`, `${viewport.insets[side]}px`)
  }
}

/**
 * A number with a viewport unit (`vh`, `vw` and their `d`/`s`/`l` variants, `vmin`, `vmax`),
 * standing alone as a CSS token: not part of a selector, an identifier or a file name. `vw` too:
 * the frame is zoomed to the workbench's zoom (`frame-zoom.ts`), and a viewport unit follows the
 * frame's width, not the device's.
 */
const VIEWPORT_LENGTH = /(?<![\w.#-])([+-]?(?:\d+\.?\d*|\.\d+))([dsl]?v[hw]|vmin|vmax)(?![\w.-])/g
/** `env(safe-area-inset-*` and iOS 11's older spelling `constant(safe-area-inset-*`. */
const SAFE_AREA_INSET = /\b(?:env|constant)\(\s*safe-area-inset-(top|right|bottom|left)\b/g

function viewportLength(number: string, unit: string): string {
  const height = 'var(--mp-vh, 1vh)'
  const width = 'var(--mp-vw, 1vw)'
  if (unit === 'vmin') return `calc(${number} * min(${width}, ${height}))`
  if (unit === 'vmax') return `calc(${number} * max(${width}, ${height}))`
  return `calc(${number} * ${unit.endsWith('w') ? width : height})`
}

/** `css` with viewport heights and safe-area insets read from the page's viewport. */
export function pageViewportStyles(css: string): string {
  if (!/v[hw]|vmin|vmax|safe-area-inset/.test(css)) return css
  return css
    .replace(VIEWPORT_LENGTH, (_, number: string, unit: string) => viewportLength(number, unit))
    .replace(SAFE_AREA_INSET, (_, side: string) => `var(--mp-safe-area-inset-${side}`)
}
