import { describe, expect, it } from 'vitest'
import { rewriteWxsSource, WXS_CONSTRUCTOR_HELPER } from './wxs-source'

/**
 * Runs rewritten WXS module source with `getRegExp` and a stand-in for the runtime's constructor
 * helper (the type name), and answers its `module.exports`.
 */
function run(source: string): unknown {
  const module = { exports: {} as unknown }
  const getRegExp = (pattern: string, flags?: string) => new RegExp(pattern, flags)
  const typeName = (value: unknown) => Object.prototype.toString.call(value).slice(8, -1)
  new Function('module', 'getRegExp', WXS_CONSTRUCTOR_HELPER, rewriteWxsSource(source))(
    module,
    getRegExp,
    typeName,
  )
  return module.exports
}

describe('rewriteWxsSource: string escapes as WXS reads them', () => {
  it("keeps the backslash of an escape JavaScript drops, so Vant's addUnit adds px to numbers", () => {
    const addUnit = run(String.raw`
      var REGEXP = getRegExp('^-?\d+(\.\d+)?$');
      module.exports = function (value) { return REGEXP.test('' + value) ? value + 'px' : value };
    `) as (value: unknown) => unknown
    expect(addUnit(40)).toBe('40px')
    expect(addUnit(1.5)).toBe('1.5px')
    expect(addUnit('2em')).toBe('2em')
    expect(addUnit('4x0')).toBe('4x0')
  })

  it("leaves JavaScript's own escapes alone, an escaped backslash included", () => {
    const value = run(
      String.raw`module.exports = ['a\nb', 'q\'s', "t\tu", '\x41\u0042', 'c\\d', '\{y\}']`,
    )
    expect(value).toEqual(['a\nb', "q's", 't\tu', 'AB', 'c\\d', '\\{y\\}'])
  })

  it('rewrites strings and constructor reads together, and leaves comments and regex literals', () => {
    const value = run(String.raw`
      // a comment with \d stays a comment
      module.exports = [('\d').constructor, /\d/.test('5'), '\d'.length]
    `)
    expect(value).toEqual(['String', true, 2])
  })

  it('returns source that does not parse as it is', () => {
    expect(rewriteWxsSource("var a = '\\d' +")).toBe("var a = '\\d' +")
  })
})
