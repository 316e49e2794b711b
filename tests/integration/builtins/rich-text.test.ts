// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest'
import { parseHtml } from '../../../renderer/src/simulator/frame/builtins/rich-text'
import { mountPage, nextTask, type MountedPage } from './harness'

let mounted: MountedPage | undefined
afterEach(() => {
  mounted?.release()
  delete (globalThis as Record<string, unknown>).pwned
})

describe('rich-text', () => {
  it('renders an HTML string with its allowed tags and attributes', async () => {
    mounted = await mountPage({
      wxml: '<rich-text id="r" nodes="{{html}}" />',
      page: { data: { html: '<p class="lead" style="color: red">Hi <b>there</b></p>' } },
    })
    expect(mounted.byId('r').innerHTML).toBe(
      '<p class="lead" style="color: red">Hi <b>there</b></p>',
    )
  })

  it('strips <script> elements and their content', async () => {
    mounted = await mountPage({
      wxml: '<rich-text id="r" nodes="{{html}}" />',
      page: { data: { html: '<div>ok<script>globalThis.pwned = 1</script></div>' } },
    })
    await nextTask()
    expect(mounted.byId('r').innerHTML).toBe('<div>ok</div>')
    expect((globalThis as Record<string, unknown>).pwned).toBeUndefined()
  })

  it('strips event-handler attributes such as onerror, and javascript: sources', async () => {
    mounted = await mountPage({
      wxml: '<rich-text id="r" nodes="{{html}}" />',
      page: {
        data: {
          html: '<img src="x" onerror="globalThis.pwned = 1"><img src="javascript:alert(1)"><span onclick="x()">t</span>',
        },
      },
    })
    await nextTask()
    const html = mounted.byId('r').innerHTML
    expect(html).toBe('<img><img><span>t</span>')
    expect(html).not.toContain('onerror')
  })

  it('renders the node array form, decoding entities in text and dropping unknown tags', async () => {
    mounted = await mountPage({
      wxml: '<rich-text id="r" nodes="{{nodes}}" />',
      page: {
        data: {
          nodes: [
            {
              name: 'div',
              attrs: { class: 'box', onmouseover: 'x()' },
              children: [{ type: 'text', text: 'a&nbsp;&lt;b&gt;' }],
            },
            { name: 'iframe', attrs: { src: 'https://example.com' } },
            { name: 'script', children: [{ type: 'text', text: 'globalThis.pwned = 1' }] },
          ],
        },
      },
    })
    const rendered = mounted.byId('r')
    expect(rendered.children).toHaveLength(1)
    expect(rendered.firstElementChild?.outerHTML.startsWith('<div class="box">')).toBe(true)
    expect(rendered.textContent).toBe('a\u00a0<b>')
  })

  it('setData replaces the content', async () => {
    mounted = await mountPage({
      wxml: '<rich-text id="r" nodes="{{html}}" />',
      page: { data: { html: '<i>one</i>' } },
    })
    mounted.page.setData({ html: '<u>two</u>' })
    expect(mounted.byId('r').innerHTML).toBe('<u>two</u>')
  })
})

describe('rich-text HTML parsing', () => {
  it('parses nesting, quoted and bare attribute values and void elements', () => {
    expect(parseHtml(`<div id=a class='b c'><br><img src="https://x/y.png"/>t</div>`)).toEqual([
      {
        type: 'node',
        name: 'div',
        attrs: { id: 'a', class: 'b c' },
        children: [
          { type: 'node', name: 'br', attrs: {}, children: [] },
          { type: 'node', name: 'img', attrs: { src: 'https://x/y.png' }, children: [] },
          { type: 'text', text: 't' },
        ],
      },
    ])
  })

  it('skips comments, doctypes and the whole content of script and style', () => {
    expect(
      parseHtml(
        '<!DOCTYPE html><!-- <b>no</b> -->a<script>if (1 < 2) x("</div>")</script><style>p{}</style>b',
      ),
    ).toEqual([
      { type: 'text', text: 'a' },
      { type: 'text', text: 'b' },
    ])
  })

  it('keeps a lone < as text and closes elements left open', () => {
    expect(parseHtml('1 < 2 <b>bold')).toEqual([
      { type: 'text', text: '1 ' },
      { type: 'text', text: '<' },
      { type: 'text', text: ' 2 ' },
      { type: 'node', name: 'b', attrs: {}, children: [{ type: 'text', text: 'bold' }] },
    ])
  })

  it('a stray closing tag closes up to its element only', () => {
    expect(parseHtml('<p><b>x</p>y</i>')).toEqual([
      {
        type: 'node',
        name: 'p',
        attrs: {},
        children: [{ type: 'node', name: 'b', attrs: {}, children: [{ type: 'text', text: 'x' }] }],
      },
      { type: 'text', text: 'y' },
    ])
  })
})
