import { describe, expect, it } from 'vitest'
import { evaluateScript } from './evaluate-script'

describe('evaluateScript', () => {
  it('returns the value of the compiled expression', () => {
    const wrapper = evaluateScript('(function (a) { return a * 2 })', 'utils/double.js') as (
      a: number,
    ) => number
    expect(wrapper(21)).toBe(42)
  })

  it('names the file in the stack of an error thrown by the code', () => {
    const wrapper = evaluateScript(
      '(function () {\n  throw new Error("boom")\n})',
      'pages/index/index.js',
    ) as () => void
    let stack = ''
    try {
      wrapper()
    } catch (error) {
      stack = (error as Error).stack ?? ''
    }
    expect(stack).toContain('pages/index/index.js:2:9')
  })

  it('creates values of this realm, so instanceof checks hold', () => {
    expect(evaluateScript('new ArrayBuffer(4)', 'a.js')).toBeInstanceOf(ArrayBuffer)
    expect(evaluateScript('new Error("x")', 'a.js')).toBeInstanceOf(Error)
  })

  it('reports a syntax error with the file name', () => {
    expect(() => evaluateScript('(function () {', 'broken.js')).toThrow(SyntaxError)
  })
})
