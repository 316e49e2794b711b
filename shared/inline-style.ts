/**
 * `rpx` → `px`, shared by the WXSS compiler (Node) and the simulator's iframe, which bundles this
 * one file to convert inline `style="…"` values after `{{}}` expressions were evaluated. It must
 * stay environment-free: no Node or DOM imports.
 */

/** The design width WeChat defines rpx against: 750rpx is always the full screen width. */
export const RPX_DESIGN_WIDTH = 750

/** Options that decide how many CSS pixels one rpx is. */
export interface RpxOptions {
  /** The simulated device's CSS width in px (375 for iPhone SE). */
  deviceWidth: number
  /**
   * What a non-zero value that rounds down to 0 px becomes, so hairlines stay visible. WeChat uses
   * 0.5 on iOS devices with a pixel ratio above 1 and 1 elsewhere. @default 1
   */
  hairline?: number
}

/**
 * WeChat's own conversion: scale to the device width, round down (with a tiny epsilon against
 * float error), and never let a non-zero value vanish.
 */
export function rpxToPx(value: number, options: RpxOptions): number {
  if (value === 0) return 0
  const px = Math.floor((value * options.deviceWidth) / RPX_DESIGN_WIDTH + 0.0001)
  return px === 0 ? (options.hairline ?? 1) : px
}

/** A cheap pre-check: text without the letters r-p-x (any case) has nothing to convert. */
export function mayHaveRpx(css: string): boolean {
  return css.toLowerCase().includes('rpx')
}

const isDigit = (c: string) => c >= '0' && c <= '9'
const isNameChar = (c: string) =>
  (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || isDigit(c) || c === '-' || c === '_'

/**
 * Replaces every `<number>rpx` dimension in a CSS value or declaration list with px. Strings and
 * `url(…)` are copied untouched, and `1rpx` only matches as a whole token (not in `a1rpx`).
 */
export function transformRpx(css: string, options: RpxOptions): string {
  if (!mayHaveRpx(css)) return css
  let out = ''
  let i = 0
  while (i < css.length) {
    const c = css[i]
    if (c === '"' || c === "'") {
      const end = skipString(css, i)
      out += css.slice(i, end)
      i = end
      continue
    }
    if ((c === 'u' || c === 'U') && css.slice(i, i + 4).toLowerCase() === 'url(') {
      const prev = css[i - 1]
      if (prev === undefined || !isNameChar(prev)) {
        const end = skipUrl(css, i + 4)
        out += css.slice(i, end)
        i = end
        continue
      }
    }
    const numberEnd = scanNumber(css, i)
    if (numberEnd > i) {
      const prev = css[i - 1]
      const startsToken = prev === undefined || !isNameChar(prev) || css[i] === '-'
      const unitEnd = numberEnd + 3
      if (
        startsToken &&
        css.slice(numberEnd, unitEnd).toLowerCase() === 'rpx' &&
        (unitEnd >= css.length || !isNameChar(css[unitEnd]))
      ) {
        out += `${rpxToPx(Number(css.slice(i, numberEnd)), options)}px`
        i = unitEnd
        continue
      }
      if (startsToken) {
        // Copy the whole number so a later digit is never read as the start of a new token.
        out += css.slice(i, numberEnd)
        i = numberEnd
        continue
      }
    }
    if (isNameChar(c)) {
      let end = i + 1
      while (end < css.length && isNameChar(css[end])) end++
      out += css.slice(i, end)
      i = end
      continue
    }
    out += c
    i++
  }
  return out
}

/** End index (exclusive) of a CSS number starting at `start`, or `start` when there is none. */
function scanNumber(css: string, start: number): number {
  let i = start
  if (css[i] === '+' || css[i] === '-') i++
  const digitsStart = i
  while (i < css.length && isDigit(css[i])) i++
  if (css[i] === '.' && isDigit(css[i + 1] ?? '')) {
    i++
    while (i < css.length && isDigit(css[i])) i++
  }
  if (i === digitsStart) return start
  const e = css[i]
  if (
    (e === 'e' || e === 'E') &&
    !css
      .slice(i, i + 3)
      .toLowerCase()
      .startsWith('em')
  ) {
    let j = i + 1
    if (css[j] === '+' || css[j] === '-') j++
    if (isDigit(css[j] ?? '')) {
      while (j < css.length && isDigit(css[j])) j++
      i = j
    }
  }
  return i
}

function skipString(css: string, start: number): number {
  const quote = css[start]
  let i = start + 1
  while (i < css.length && css[i] !== quote) i += css[i] === '\\' ? 2 : 1
  return Math.min(i + 1, css.length)
}

function skipUrl(css: string, start: number): number {
  let i = start
  while (i < css.length && css[i] !== ')') {
    if (css[i] === '"' || css[i] === "'") i = skipString(css, i)
    else i += css[i] === '\\' ? 2 : 1
  }
  return Math.min(i + 1, css.length)
}
