import { describe, expect, it } from 'vitest'
import { findWxsRequires } from './wxs-runtime'

describe('findWxsRequires', () => {
  it('finds require() calls with either quote', () => {
    expect(findWxsRequires(`var a = require('./a.wxs');\nvar b = require( "../b.wxs" )`)).toEqual([
      './a.wxs',
      '../b.wxs',
    ])
  })

  it('ignores require in comments and strings', () => {
    const source = `// require('./c1.wxs')\n/* require("./c2.wxs") */\nvar s = "require('./s.wxs')"`
    expect(findWxsRequires(source)).toEqual([])
  })

  it('is not thrown off by a regular expression holding a quote', () => {
    const source = `var re = /"/g; var x = require('./after.wxs')`
    expect(findWxsRequires(source)).toEqual(['./after.wxs'])
  })

  it('treats / after a value as division', () => {
    const source = `var half = total / 2; var y = require('./y.wxs') / 1`
    expect(findWxsRequires(source)).toEqual(['./y.wxs'])
  })

  it('ignores methods named require and non-literal arguments', () => {
    expect(findWxsRequires(`obj.require('./no.wxs'); require(name)`)).toEqual([])
  })
})
