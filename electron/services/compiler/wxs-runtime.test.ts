import { describe, expect, it } from 'vitest'
import { TEMPLATE_HANDLERS_KEY } from '../../../shared/runtime/template-handlers'
import { findWxsRequires, WXS_RUNTIME_SCRIPT } from './wxs-runtime'

describe('the handler calls of compiled templates', () => {
  type Wrapper = (caller: unknown, event: unknown, listener: unknown) => unknown
  /** `Q.C` as the generated code gets it, for a node of a component space holding `handlers`. */
  const listenerWrapper = (handlers: Record<string, unknown>) => {
    const Q: { C?: Wrapper } = {}
    new Function('Q', 'D', WXS_RUNTIME_SCRIPT)(Q, undefined)
    const space = { [TEMPLATE_HANDLERS_KEY]: handlers }
    return (event: unknown, listener: unknown) =>
      Q.C!({ getOwnerSpace: () => space }, event, listener)
  }

  it('go to the component space’s __mpTemplateHandlers: a method to `method`', () => {
    expect(TEMPLATE_HANDLERS_KEY).toBe('__mpTemplateHandlers')
    const method = () => 'raw'
    const call = listenerWrapper({ method: (...args: unknown[]) => ['method', ...args] })
    expect(call('event', method)).toEqual(['method', expect.anything(), 'event', method])
  })
})

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
