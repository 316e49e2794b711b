import { describe, expect, it } from 'vitest'
import { originalPosition, rewriteEventAttributes } from './wxml-event-attributes'

const rewrite = (wxml: string) => rewriteEventAttributes(wxml).code

describe('rewriteEventAttributes', () => {
  it('adds the colon to every event prefix', () => {
    expect(
      rewrite(
        '<view bindtap="a" catchtouchstart="b" capture-bindtap="c" capture-catchtap="d" mut-bindtap="e"/>',
      ),
    ).toBe(
      '<view bind:tap="a" catch:touchstart="b" capture-bind:tap="c" capture-catch:tap="d" mut-bind:tap="e"/>',
    )
  })

  it('rewrites custom component events too', () => {
    expect(rewrite('<card bindpicked="onPicked"></card>')).toBe(
      '<card bind:picked="onPicked"></card>',
    )
  })

  it('leaves the colon form and other attributes as they are', () => {
    const wxml = '<view bind:tap="a" data-bindtap="x" binding="{{b}}" class="bindtap"/>'
    expect(rewrite(wxml)).toBe(wxml.replace('binding=', 'bind:ing='))
  })

  it('never touches attribute values', () => {
    const wxml = `<view title="bindtap=x" data-a='catchtap' hidden="{{ 'bindtap' }}"/>`
    expect(rewrite(wxml)).toBe(wxml)
  })

  it('never touches text, comments, or expressions in text', () => {
    const wxml = '<!-- <view bindtap="x"> -->bindtap="y" {{ a < b ? "<view bindtap" : "" }}'
    expect(rewrite(wxml)).toBe(wxml)
  })

  it('never touches WXS code', () => {
    const wxml =
      '<wxs module="m">var s = "<view bindtap=\'x\'>"; module.exports = s</wxs><view bindtap="y"/>'
    expect(rewrite(wxml)).toBe(wxml.replace('<view bindtap="y"', '<view bind:tap="y"'))
  })

  it('handles values with > inside {{}} and unquoted values', () => {
    expect(rewrite('<view hidden="{{a > b}}" bindtap=go catchtap="x">')).toBe(
      '<view hidden="{{a > b}}" bind:tap=go catch:tap="x">',
    )
  })

  it('rewrites across line breaks inside a tag', () => {
    expect(rewrite('<view\n  class="a"\n  bindtap="b"\n>')).toBe(
      '<view\n  class="a"\n  bind:tap="b"\n>',
    )
  })
})

describe('originalPosition', () => {
  it('maps a column after a rewritten attribute back to the source', () => {
    const source = '<view>\n  <text bindtap="go" catchlongpress="x">{{ a + }}</text>\n</view>'
    const result = rewriteEventAttributes(source)
    const generatedColumn = result.code.split('\n')[1].indexOf('}}')
    expect(originalPosition(result, source, 1, generatedColumn)).toEqual({
      line: 1,
      column: source.split('\n')[1].indexOf('}}'),
    })
  })

  it('leaves positions on other lines unchanged', () => {
    const source = '<view bindtap="x">\n{{ a + }}'
    expect(originalPosition(rewriteEventAttributes(source), source, 1, 7)).toEqual({
      line: 1,
      column: 7,
    })
  })
})
