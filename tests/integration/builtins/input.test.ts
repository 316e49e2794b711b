// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest'
import * as glassEasel from 'glass-easel'
import { key, mountPage, nextTask, type, type MountedPage } from './harness'

let mounted: MountedPage | undefined
afterEach(() => mounted?.release())

type Detail = Record<string, unknown>

describe('input', () => {
  it('is a real input with its value, placeholder, maxlength and password type', async () => {
    mounted = await mountPage({
      wxml: '<input id="i" value="hi" placeholder="Name" maxlength="5" password />',
    })
    const input = mounted.byId('i') as HTMLInputElement
    expect(input.tagName).toBe('INPUT')
    expect(input.value).toBe('hi')
    expect(input.placeholder).toBe('Name')
    expect(input.getAttribute('maxlength')).toBe('5')
    expect(input.type).toBe('password')
  })

  it('bindinput gets value, cursor and keyCode', async () => {
    const details: Detail[] = []
    mounted = await mountPage({
      wxml: '<input id="i" bindinput="onInput" />',
      page: { onInput: (e: { detail: Detail }) => void details.push(e.detail) },
    })
    const input = mounted.byId('i') as HTMLInputElement
    key(input, 'c', 67)
    type(input, 'abc')
    expect(details).toEqual([{ value: 'abc', cursor: 3, keyCode: 67 }])
  })

  it("bindinput's returned string replaces the value", async () => {
    mounted = await mountPage({
      wxml: '<input id="i" bindinput="onInput" />',
      page: { onInput: (e: { detail: { value: string } }) => e.detail.value.toUpperCase() },
    })
    const input = mounted.byId('i') as HTMLInputElement
    type(input, 'abc')
    expect(input.value).toBe('ABC')
  })

  it('model:value writes the typed value back to the page data', async () => {
    mounted = await mountPage({
      wxml: '<input id="i" model:value="{{name}}" /><text id="t">{{name}}</text>',
      page: { data: { name: 'a' } },
    })
    type(mounted.byId('i') as HTMLInputElement, 'alice')
    expect(mounted.page.data.name).toBe('alice')
    expect(mounted.byId('t').textContent).toBe('alice')
  })

  it('setData of value updates the control', async () => {
    mounted = await mountPage({
      wxml: '<input id="i" value="{{v}}" />',
      page: { data: { v: 'x' } },
    })
    mounted.page.setData({ v: 'y' })
    expect((mounted.byId('i') as HTMLInputElement).value).toBe('y')
  })

  it('type number keeps digits only, and maxlength cuts the value', async () => {
    const values: unknown[] = []
    mounted = await mountPage({
      wxml: '<input id="i" type="number" maxlength="4" bindinput="onInput" />',
      page: { onInput: (e: { detail: Detail }) => void values.push(e.detail.value) },
    })
    const input = mounted.byId('i') as HTMLInputElement
    type(input, '1a2b3c4d5')
    expect(input.value).toBe('1234')
    expect(values).toEqual(['1234'])
  })

  it('bindconfirm fires on Enter with the value', async () => {
    const details: Detail[] = []
    mounted = await mountPage({
      wxml: '<input id="i" value="go" bindconfirm="onConfirm" />',
      page: { onConfirm: (e: { detail: Detail }) => void details.push(e.detail) },
    })
    key(mounted.byId('i'), 'Enter', 13)
    expect(details).toEqual([{ value: 'go' }])
  })

  it('bindfocus and bindblur carry the value', async () => {
    const seen: [string, Detail][] = []
    mounted = await mountPage({
      wxml: '<input id="i" value="v" bindfocus="onFocus" bindblur="onBlur" />',
      page: {
        onFocus: (e: { detail: Detail }) => void seen.push(['focus', e.detail]),
        onBlur: (e: { detail: Detail }) => void seen.push(['blur', e.detail]),
      },
    })
    const input = mounted.byId('i') as HTMLInputElement
    input.focus()
    input.blur()
    expect(seen).toEqual([
      ['focus', { value: 'v', height: 0 }],
      ['blur', { value: 'v', cursor: 1 }],
    ])
  })

  it('takes the keyboard settings without a warning; with no soft keyboard, focus reports height 0 and keyboardheightchange never fires', async () => {
    const warnings: string[] = []
    const listener = (message: string) => {
      warnings.push(message)
      return false
    }
    const seen: [string, Detail][] = []
    glassEasel.addGlobalWarningListener(listener)
    try {
      mounted = await mountPage({
        wxml: `<input id="i" adjust-position="{{false}}" hold-keyboard cursor-spacing="8px" confirm-hold
  bindfocus="onFocus" bindkeyboardheightchange="onHeight" />
<textarea id="t" adjust-position hold-keyboard cursor-spacing="{{20}}" bindkeyboardheightchange="onHeight" />`,
        page: {
          onFocus: (e: { detail: Detail }) => void seen.push(['focus', e.detail]),
          onHeight: (e: { detail: Detail }) => void seen.push(['keyboardheightchange', e.detail]),
        },
      })
    } finally {
      glassEasel.removeGlobalWarningListener(listener)
    }
    expect(warnings).toEqual([])
    ;(mounted.byId('i') as HTMLInputElement).focus()
    ;(mounted.byId('t') as HTMLTextAreaElement).focus()
    await nextTask()
    expect(seen).toEqual([['focus', { value: '', height: 0 }]])
  })

  it('focus puts the caret in the control', async () => {
    mounted = await mountPage({ wxml: '<input id="i" focus />' })
    await nextTask()
    expect(mounted.host.ownerDocument.activeElement).toBe(mounted.byId('i'))
  })

  it('a disabled input is disabled and fires no bindinput', async () => {
    const values: unknown[] = []
    mounted = await mountPage({
      wxml: '<input id="i" disabled value="keep" bindinput="onInput" />',
      page: { onInput: (e: { detail: Detail }) => void values.push(e.detail.value) },
    })
    const input = mounted.byId('i') as HTMLInputElement
    expect(input.disabled).toBe(true)
    type(input, 'changed')
    expect(values).toEqual([])
    expect(input.value).toBe('keep')
  })
})

describe('textarea', () => {
  it('is a real textarea whose bindinput gets the value and cursor', async () => {
    const details: Detail[] = []
    mounted = await mountPage({
      wxml: '<textarea id="t" placeholder="Say" bindinput="onInput" />',
      page: { onInput: (e: { detail: Detail }) => void details.push(e.detail) },
    })
    const textarea = mounted.byId('t') as HTMLTextAreaElement
    expect(textarea.tagName).toBe('TEXTAREA')
    expect(textarea.placeholder).toBe('Say')
    type(textarea, 'two\nlines')
    expect(details).toEqual([{ value: 'two\nlines', cursor: 9 }])
  })

  it('bindblur carries the value', async () => {
    const values: unknown[] = []
    mounted = await mountPage({
      wxml: '<textarea id="t" value="note" bindblur="onBlur" />',
      page: { onBlur: (e: { detail: Detail }) => void values.push(e.detail.value) },
    })
    const textarea = mounted.byId('t') as HTMLTextAreaElement
    textarea.focus()
    textarea.blur()
    expect(values).toEqual(['note'])
  })
})

describe('placeholder-style and auto-height', () => {
  it('placeholder-style styles the placeholder of that control only', async () => {
    mounted = await mountPage({
      wxml: '<input id="a" placeholder="a" placeholder-style="color: red" /><input id="b" placeholder="b" />',
    })
    const id = mounted.byId('a').getAttribute('wx-placeholder')
    expect(id).not.toBeNull()
    expect(mounted.byId('b').hasAttribute('wx-placeholder')).toBe(false)
    const css = mounted.host.ownerDocument.querySelector('style[data-wx-placeholders]')?.textContent
    expect(css).toBe(`[wx-placeholder="${id}"]::placeholder { color: red }`)
  })

  it('placeholder-style cannot close its rule', async () => {
    mounted = await mountPage({
      wxml: '<input id="a" placeholder-style="color: red} body { display: none" />',
    })
    const css = mounted.host.ownerDocument.querySelector('style[data-wx-placeholders]')?.textContent
    expect(css).not.toContain('}  body')
    expect(css?.match(/\{/g)).toHaveLength(1)
  })

  it('a textarea with auto-height takes the height of its content', async () => {
    mounted = await mountPage({ wxml: '<textarea id="t" auto-height />' })
    const textarea = mounted.byId('t') as HTMLTextAreaElement
    // happy-dom lays nothing out: the content height a browser would measure.
    Object.defineProperty(textarea, 'scrollHeight', { value: 72, configurable: true })
    type(textarea, 'a\nb\nc')
    expect(textarea.style.height).toBe('72px')
  })
})
