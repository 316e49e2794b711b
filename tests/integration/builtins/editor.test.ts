// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest'
import { editorContextOf, type EditorContext } from '../../../renderer/src/simulator/frame/builtins'
import type * as glassEasel from 'glass-easel'
import { mountPage, nextTask, type MountedPage } from './harness'

let mounted: MountedPage | undefined
afterEach(() => {
  mounted?.release()
  delete (globalThis as Record<string, unknown>).pwned
})

interface Seen {
  type: string
  detail: Record<string, unknown>
}

async function mountEditor(attributes = ''): Promise<{
  context: EditorContext
  area: HTMLElement
  events: Seen[]
}> {
  const events: Seen[] = []
  const record = function (this: unknown, event: Seen) {
    events.push({ type: event.type, detail: event.detail })
  }
  mounted = await mountPage({
    wxml: `<editor id="e" ${attributes} bindready="seen" bindinput="seen" bindfocus="seen" bindblur="seen" bindstatuschange="seen" />`,
    page: { seen: record },
  })
  await nextTask()
  const context = editorContextOf(mounted.node('e') as glassEasel.GeneralComponent)
  if (!context) throw new Error('no EditorContext')
  return { context, area: mounted.byId('e').querySelector('.ql-editor') as HTMLElement, events }
}

/** Calls a context method and waits for its `success` answer. */
function call(
  context: EditorContext,
  method: keyof EditorContext,
  options: Record<string, unknown> = {},
) {
  return new Promise<Record<string, unknown>>((resolve, reject) => {
    ;(context[method] as (options: unknown) => void)({ ...options, success: resolve, fail: reject })
  })
}

describe('editor', () => {
  it('is a contenteditable .ql-editor with its placeholder, and fires ready once attached', async () => {
    const { area, events } = await mountEditor('placeholder="开始输入..."')
    expect(area.getAttribute('contenteditable')).toBe('true')
    expect(area.getAttribute('data-placeholder')).toBe('开始输入...')
    expect(area.classList.contains('ql-blank')).toBe(true)
    expect(events.map((event) => event.type)).toEqual(['ready'])
  })

  it('read-only makes the area not editable, and follows setData', async () => {
    mounted = await mountPage({
      wxml: '<editor id="e" read-only="{{ro}}" />',
      page: { data: { ro: true } },
    })
    const area = mounted.byId('e').querySelector('.ql-editor') as HTMLElement
    expect(area.getAttribute('contenteditable')).toBe('false')
    mounted.page.setData({ ro: false })
    expect(area.getAttribute('contenteditable')).toBe('true')
  })

  it('setContents html keeps formats, getContents answers html, text and delta', async () => {
    const { context, area } = await mountEditor()
    await call(context, 'setContents', {
      html: '<h2>Title</h2><p>a <strong>bold</strong> <span style="color: #ff0000">red</span></p><ol><li>one</li><li>two</li></ol>',
    })
    expect(area.classList.contains('ql-blank')).toBe(false)
    const res = await call(context, 'getContents')
    expect(res.errMsg).toBe('getContents:ok')
    expect(res.text).toBe('Title\na bold red\none\ntwo\n')
    expect(res.html).toBe(
      '<h2>Title</h2><p>a <strong>bold</strong> <span style="color: #ff0000;">red</span></p><ol><li>one</li><li>two</li></ol>',
    )
    expect((res.delta as { ops: unknown[] }).ops).toEqual([
      { insert: 'Title' },
      { insert: '\n', attributes: { header: 2 } },
      { insert: 'a ' },
      { insert: 'bold', attributes: { bold: true } },
      { insert: ' ' },
      { insert: 'red', attributes: { color: '#ff0000' } },
      { insert: '\none' },
      { insert: '\n', attributes: { list: 'ordered' } },
      { insert: 'two' },
      { insert: '\n', attributes: { list: 'ordered' } },
    ])
  })

  it('setContents sanitizes untrusted HTML: no scripts, handlers, javascript: URLs or unknown tags', async () => {
    const { context, area } = await mountEditor()
    await call(context, 'setContents', {
      html:
        '<p onclick="globalThis.pwned=1">ok<script>globalThis.pwned=2</script></p>' +
        '<img src="x.png" onerror="globalThis.pwned=3"><img src="javascript:globalThis.pwned=4">' +
        '<a href="javascript:globalThis.pwned=5">link</a><iframe src="https://evil.test"></iframe>' +
        '<p style="background: url(https://evil.test/x)">s</p><svg onload="globalThis.pwned=6"></svg>',
    })
    await nextTask()
    const html = area.innerHTML
    expect(html).not.toMatch(/onclick|onerror|onload|script|javascript|iframe|svg|url\(|href/i)
    expect(area.textContent).toBe('oklinks')
    expect(area.querySelectorAll('img')).toHaveLength(1)
    expect(area.querySelector('img')?.getAttribute('wx-src')).toBe('x.png')
    expect((globalThis as Record<string, unknown>).pwned).toBeUndefined()
    const res = await call(context, 'getContents')
    expect(res.html).not.toMatch(/onerror|javascript|script/i)
  })

  it('setContents with a delta draws it; unknown formats and inserts are dropped', async () => {
    const { context, area } = await mountEditor()
    await call(context, 'setContents', {
      delta: {
        ops: [
          { insert: 'Hi ', attributes: { italic: true, onclick: 'x()' } },
          { insert: { image: 'https://img.test/a.png' }, attributes: { width: '50%' } },
          { insert: { video: 'javascript:1' } },
          { insert: '\n', attributes: { align: 'center' } },
        ],
      },
    })
    expect(area.innerHTML).toBe(
      '<p style="text-align: center;"><em>Hi </em><img wx-src="https://img.test/a.png" src="https://img.test/a.png" width="50%"></p>',
    )
  })

  it('format on a selection sets and toggles inline and line formats, with statuschange', async () => {
    const { context, area, events } = await mountEditor()
    await call(context, 'setContents', { html: '<p>hello world</p>' })
    area.focus()
    const text = area.querySelector('p')?.firstChild as Text
    const range = document.createRange()
    range.setStart(text, 0)
    range.setEnd(text, 5)
    document.getSelection()?.removeAllRanges()
    document.getSelection()?.addRange(range)
    context.format('bold')
    expect(area.innerHTML).toBe('<p><strong>hello</strong> world</p>')
    expect(events.filter((e) => e.type === 'statuschange').pop()?.detail).toEqual({ bold: true })
    context.format('header', 'H2')
    expect(area.innerHTML).toBe('<h2><strong>hello</strong> world</h2>')
    expect(events.filter((e) => e.type === 'statuschange').pop()?.detail).toEqual({
      bold: true,
      header: 2,
    })
    context.format('bold')
    context.format('header', 2)
    expect(area.innerHTML).toBe('<p>hello world</p>')
    context.format('color', '#00ff00')
    context.format('list', 'bullet')
    context.format('align', 'right')
    context.format('indent', '+1')
    expect(area.innerHTML).toBe(
      '<ul><li style="text-align: right;" class="ql-indent-1"><span style="color: #00ff00;">hello</span> world</li></ul>',
    )
    const selected = await call(context, 'getSelectionText')
    expect(selected.text).toBe('hello')
    await call(context, 'removeFormat')
    expect(area.innerHTML).toBe('<p>hello world</p>')
  })

  it("format('list', 'check') makes an unticked check list; a tap on its box ticks it and fires input and statuschange", async () => {
    const { context, area, events } = await mountEditor()
    await call(context, 'setContents', { html: '<p>eggs</p><p>milk</p>' })
    context.format('list', 'check')
    expect(area.innerHTML).toBe('<p>eggs</p><ul data-checked="false"><li>milk</li></ul>')
    expect(events.filter((e) => e.type === 'statuschange').pop()?.detail).toEqual({
      list: 'unchecked',
    })
    const before = events.length
    area.querySelector('li')?.dispatchEvent(new MouseEvent('mousedown', { bubbles: true }))
    expect(area.innerHTML).toBe('<p>eggs</p><ul data-checked="true"><li>milk</li></ul>')
    const fired = events.slice(before)
    expect(fired.map((e) => e.type)).toEqual(['input', 'statuschange'])
    expect(fired[0].detail.delta).toEqual({
      ops: [{ insert: 'eggs\nmilk' }, { insert: '\n', attributes: { list: 'checked' } }],
    })
    expect(fired[1].detail).toEqual({ list: 'checked' })
    area.querySelector('li')?.dispatchEvent(new MouseEvent('mousedown', { bubbles: true }))
    expect(area.innerHTML).toBe('<p>eggs</p><ul data-checked="false"><li>milk</li></ul>')
    // Ticks survive a round trip through html, and 'check' again takes the list away.
    await call(context, 'setContents', {
      html: '<ul data-checked="true"><li>a</li></ul><ul data-checked="false"><li>b</li></ul>',
    })
    expect((await call(context, 'getContents')).html).toBe(
      '<ul data-checked="true"><li>a</li></ul><ul data-checked="false"><li>b</li></ul>',
    )
    context.format('list', 'check')
    expect(area.innerHTML).toBe('<ul data-checked="true"><li>a</li></ul><p>b</p>')
  })

  it('a tap on a check-list line of a read-only editor ticks nothing', async () => {
    const { context, area, events } = await mountEditor('read-only')
    await call(context, 'setContents', { html: '<ul data-checked="false"><li>a</li></ul>' })
    const before = events.length
    area.querySelector('li')?.dispatchEvent(new MouseEvent('mousedown', { bubbles: true }))
    expect(area.innerHTML).toBe('<ul data-checked="false"><li>a</li></ul>')
    expect(events.slice(before)).toEqual([])
  })

  it('insertText, insertDivider and insertImage go in at the caret; undo and redo step through them', async () => {
    const { context, area, events } = await mountEditor()
    await call(context, 'insertText', { text: 'abc' })
    expect(area.innerHTML).toBe('<p>abc</p>')
    expect(events.filter((e) => e.type === 'input').pop()?.detail.text).toBe('abc\n')
    await call(context, 'insertDivider')
    await call(context, 'insertImage', {
      src: 'wxfile://tmp_1.png',
      width: '80%',
      data: { id: 'abcd', role: 'god' },
      extClass: 'pic',
    })
    const res = await call(context, 'getContents')
    expect(res.html).toBe(
      '<p>abc</p><hr><p><img src="wxfile://tmp_1.png" width="80%" class="pic" data-custom="id=abcd&amp;role=god" data-local="wxfile://tmp_1.png"></p><p><br></p>',
    )
    await call(context, 'undo')
    expect(area.querySelector('img')).toBeNull()
    expect(area.querySelector('hr')).not.toBeNull()
    await call(context, 'undo')
    expect(area.innerHTML).toBe('<p>abc</p>')
    await call(context, 'redo')
    expect(area.querySelector('hr')).not.toBeNull()
    await call(context, 'clear')
    expect(area.classList.contains('ql-blank')).toBe(true)
  })

  it('insertImage of a temp file shows it from the file, at once when the reader answers at once', async () => {
    mounted = await mountPage({
      wxml: '<editor id="e" />',
      readLocalFile: (path, done) =>
        done(path === 'wxfile://tmp_2.png' ? new Uint8Array([1, 2]) : undefined),
    })
    const context = editorContextOf(
      mounted.node('e') as glassEasel.GeneralComponent,
    ) as EditorContext
    await call(context, 'insertImage', { src: 'wxfile://tmp_2.png' })
    const img = mounted.byId('e').querySelector('img') as HTMLImageElement
    expect(img.getAttribute('src')).toMatch(/^blob:/)
    expect(img.getAttribute('data-local')).toBe('wxfile://tmp_2.png')
  })

  it('insertImage refuses a javascript: src with fail', async () => {
    const { context, area } = await mountEditor()
    const failure = await new Promise<Record<string, unknown>>((resolve) =>
      context.insertImage({ src: 'javascript:globalThis.pwned=1', fail: resolve }),
    )
    expect(failure.errMsg).toBe('insertImage:fail src is invalid')
    expect(area.querySelector('img')).toBeNull()
  })

  it('typing is read back: bindinput with html, text and delta; focus and blur with the contents', async () => {
    const { area, events } = await mountEditor()
    area.focus()
    area.innerHTML = '<p>typed <b>here</b></p>'
    area.dispatchEvent(new window.InputEvent('input', { bubbles: true, inputType: 'insertText' }))
    area.blur()
    const inputs = events.filter((e) => e.type === 'input')
    expect(inputs).toHaveLength(1)
    const input = inputs[0].detail
    expect(input?.text).toBe('typed here\n')
    expect(input?.html).toBe('<p>typed <strong>here</strong></p>')
    expect(events.find((e) => e.type === 'focus')?.detail.text).toBe('\n')
    expect(events.find((e) => e.type === 'blur')?.detail.text).toBe('typed here\n')
  })

  it('show-img-toolbar and show-img-size show on a tapped picture; its delete removes it', async () => {
    const { context, area } = await mountEditor('show-img-toolbar show-img-size')
    await call(context, 'setContents', { html: '<p>x<img src="https://img.test/a.png"></p>' })
    const img = area.querySelector('img') as HTMLImageElement
    img.dispatchEvent(new window.MouseEvent('click', { bubbles: true }))
    const tools = mounted?.byId('e').querySelector('.wx-editor-img-tools') as HTMLElement
    expect(tools.hidden).toBe(false)
    expect(tools.querySelector('.wx-editor-img-size')).not.toBeNull()
    const remove = tools.querySelector('[data-action=delete]') as HTMLElement
    remove.dispatchEvent(new window.MouseEvent('click', { bubbles: true }))
    expect(area.innerHTML).toBe('<p>x</p>')
    expect(tools.hidden).toBe(true)
  })
})
