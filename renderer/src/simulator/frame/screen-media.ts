/**
 * `@media` width, height and orientation features judged against the simulated screen. The frame
 * zooms its root to show the device at the chosen zoom (`frame-zoom.ts`), so the browser would
 * judge `(max-width: 400px)` against the zoomed frame: at 50 % a 375 px iPhone SE would be
 * 187 px wide. Each such feature in a sheet's `@media` preludes becomes one that always or never
 * matches, decided by the screen's CSS size (what the browser judges at 100 %), so `and`, `not`
 * and lists keep their meaning. Features in other units are left to the browser.
 */
import { ALWAYS, NEVER, rewriteMediaPreludes } from '../../../../shared/theme'
import { mediaMatches, type MediaWindow } from './builtins/match-media'

const NUMBER = '(-?[\\d.]+)px'
/** `(min-width: 320px)`, `(height: 600px)`. */
const CLASSIC = new RegExp(`\\(\\s*(min-|max-)?(width|height)\\s*:\\s*${NUMBER}\\s*\\)`, 'gi')
const ORIENTATION = /\(\s*orientation\s*:\s*(portrait|landscape)\s*\)/gi
/** Level 4 ranges: `(width >= 320px)`, `(320px < width)`, `(320px <= width <= 600px)`. */
const RANGE = new RegExp(
  `\\(\\s*(?:${NUMBER}\\s*(<=?|>=?|=)\\s*)?(width|height)(?:\\s*(<=?|>=?|=)\\s*${NUMBER})?\\s*\\)`,
  'gi',
)

function compare(left: number, operator: string, right: number): boolean {
  if (operator === '<') return left < right
  if (operator === '<=') return left <= right
  if (operator === '>') return left > right
  if (operator === '>=') return left >= right
  return left === right
}

const feature = (matches: boolean) => (matches ? ALWAYS : NEVER)

/** `css` with its screen-size media features decided for a `screen`-sized device. */
export function sheetForScreen(css: string, screen: MediaWindow): string {
  if (!/@media/i.test(css)) return css
  return rewriteMediaPreludes(css, (prelude) =>
    prelude
      .replace(CLASSIC, (_feature, prefix: string | undefined, axis: string, value: string) => {
        const size = axis.toLowerCase() === 'width' ? 'Width' : 'Height'
        const name = prefix ? `${prefix.slice(0, 3).toLowerCase()}${size}` : size.toLowerCase()
        return feature(mediaMatches({ [name]: Number(value) }, screen))
      })
      .replace(ORIENTATION, (_feature, orientation: string) =>
        feature(mediaMatches({ orientation: orientation.toLowerCase() }, screen)),
      )
      .replace(
        RANGE,
        (
          whole: string,
          low: string | undefined,
          lowOperator: string | undefined,
          axis: string,
          highOperator: string | undefined,
          high: string | undefined,
        ) => {
          if (low === undefined && high === undefined) return whole
          const size = axis.toLowerCase() === 'width' ? screen.width : screen.height
          const fromLow = low === undefined || compare(Number(low), lowOperator ?? '=', size)
          const toHigh = high === undefined || compare(size, highOperator ?? '=', Number(high))
          return feature(fromLow && toHigh)
        },
      ),
  )
}
