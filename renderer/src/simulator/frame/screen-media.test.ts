import { describe, expect, it } from 'vitest'
import { sheetForScreen } from './screen-media'

const SE = { width: 375, height: 667 }
const ALWAYS = '(min-width: 0px)'
const NEVER = '(max-width: -1px)'

describe('sheetForScreen', () => {
  it('decides min-, max- and exact width and height for the screen, not the zoomed frame', () => {
    expect(sheetForScreen('@media (max-width: 400px) { a { b: c } }', SE)).toBe(
      `@media ${ALWAYS} { a { b: c } }`,
    )
    expect(sheetForScreen('@media (min-width: 400px) { a {} }', SE)).toBe(
      `@media ${NEVER} { a {} }`,
    )
    expect(sheetForScreen('@media (width: 375px) and (min-height: 700px) {}', SE)).toBe(
      `@media ${ALWAYS} and ${NEVER} {}`,
    )
  })

  it('decides range syntax and orientation, and keeps not, lists and other media', () => {
    expect(sheetForScreen('@media (200px <= width <= 600px) {}', SE)).toBe(`@media ${ALWAYS} {}`)
    expect(sheetForScreen('@media (width > 375px), (orientation: portrait) {}', SE)).toBe(
      `@media ${NEVER}, ${ALWAYS} {}`,
    )
    expect(sheetForScreen('@media not screen and (max-height: 600px) {}', SE)).toBe(
      `@media not screen and ${NEVER} {}`,
    )
    expect(sheetForScreen('@media (max-width: 40em) {} .x { width: 10px }', SE)).toBe(
      '@media (max-width: 40em) {} .x { width: 10px }',
    )
  })
})
