// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest'
import { key, mountPage, tap, type MountedPage } from './harness'

let mounted: MountedPage | undefined
afterEach(() => mounted?.release())

type Detail = Record<string, unknown>

describe('switch', () => {
  it('exposes role switch with aria-checked, and a tap fires bindchange with the new value', async () => {
    const details: Detail[] = []
    mounted = await mountPage({
      wxml: '<switch id="s" checked bindchange="onChange" />',
      page: { onChange: (e: { detail: Detail }) => void details.push(e.detail) },
    })
    const sw = mounted.byId('s')
    expect(sw.getAttribute('role')).toBe('switch')
    expect(sw.getAttribute('aria-checked')).toBe('true')
    tap(sw)
    expect(details).toEqual([{ value: false }])
    expect(sw.getAttribute('aria-checked')).toBe('false')
  })

  it('type checkbox is a checkbox, toggled by Space', async () => {
    const details: Detail[] = []
    mounted = await mountPage({
      wxml: '<switch id="s" type="checkbox" bindchange="onChange" />',
      page: { onChange: (e: { detail: Detail }) => void details.push(e.detail) },
    })
    const sw = mounted.byId('s')
    expect(sw.getAttribute('role')).toBe('checkbox')
    key(sw, ' ')
    expect(details).toEqual([{ value: true }])
  })

  it('a disabled switch neither toggles nor fires', async () => {
    const details: Detail[] = []
    mounted = await mountPage({
      wxml: '<switch id="s" disabled bindchange="onChange" />',
      page: { onChange: (e: { detail: Detail }) => void details.push(e.detail) },
    })
    tap(mounted.byId('s'))
    key(mounted.byId('s'), 'Enter')
    expect(details).toEqual([])
    expect(mounted.byId('s').getAttribute('aria-checked')).toBe('false')
    expect(mounted.byId('s').getAttribute('aria-disabled')).toBe('true')
  })
})

describe('checkbox-group', () => {
  const wxml = `<checkbox-group bindchange="onChange">
    <label wx:for="{{items}}" wx:key="value"><checkbox id="c-{{item.value}}" value="{{item.value}}" checked="{{item.checked}}" disabled="{{item.disabled}}" />{{item.name}}</label>
  </checkbox-group>`
  const items = [
    { value: 'a', name: 'A', checked: true },
    { value: 'b', name: 'B' },
    { value: 'c', name: 'C', disabled: true },
  ]

  it('bindchange gets the values of every checked checkbox, in order', async () => {
    const values: unknown[] = []
    mounted = await mountPage({
      wxml,
      page: {
        data: { items },
        onChange: (e: { detail: Detail }) => void values.push(e.detail.value),
      },
    })
    expect(mounted.byId('c-a').getAttribute('role')).toBe('checkbox')
    tap(mounted.byId('c-b'))
    tap(mounted.byId('c-a'))
    expect(values).toEqual([['a', 'b'], ['b']])
    expect(mounted.byId('c-a').getAttribute('aria-checked')).toBe('false')
  })

  it('a disabled checkbox does not change', async () => {
    const values: unknown[] = []
    mounted = await mountPage({
      wxml,
      page: {
        data: { items },
        onChange: (e: { detail: Detail }) => void values.push(e.detail.value),
      },
    })
    tap(mounted.byId('c-c'))
    expect(values).toEqual([])
  })
})

describe('radio-group', () => {
  const wxml = `<radio-group id="g" bindchange="onChange">
    <radio id="r-x" value="x" checked />
    <radio id="r-y" value="y" />
    <radio id="r-z" value="z" disabled />
  </radio-group>`

  it('a tap checks one radio, unchecks the others and fires bindchange with its value', async () => {
    const values: unknown[] = []
    mounted = await mountPage({
      wxml,
      page: { onChange: (e: { detail: Detail }) => void values.push(e.detail.value) },
    })
    expect(mounted.byId('g').getAttribute('role')).toBe('radiogroup')
    tap(mounted.byId('r-y'))
    expect(values).toEqual(['y'])
    expect(mounted.byId('r-x').getAttribute('aria-checked')).toBe('false')
    expect(mounted.byId('r-y').getAttribute('aria-checked')).toBe('true')
    expect(mounted.byId('r-y').getAttribute('role')).toBe('radio')
  })

  it('tapping the checked radio or a disabled one fires nothing', async () => {
    const values: unknown[] = []
    mounted = await mountPage({
      wxml,
      page: { onChange: (e: { detail: Detail }) => void values.push(e.detail.value) },
    })
    tap(mounted.byId('r-x'))
    tap(mounted.byId('r-z'))
    expect(values).toEqual([])
  })
})

describe('label', () => {
  it('a tap on its text works the checkbox inside it', async () => {
    const values: unknown[] = []
    mounted = await mountPage({
      wxml: '<checkbox-group bindchange="onChange"><label><checkbox id="c" value="a" /><text id="t">A</text></label></checkbox-group>',
      page: { onChange: (e: { detail: Detail }) => void values.push(e.detail.value) },
    })
    tap(mounted.byId('t'))
    expect(values).toEqual([['a']])
    tap(mounted.byId('c'))
    expect(values).toEqual([['a'], []])
  })

  it('for names the control to work, before any control inside', async () => {
    const details: Detail[] = []
    mounted = await mountPage({
      wxml: '<switch id="s" bindchange="onChange" /><label for="s"><radio id="r" /><text id="t">on</text></label>',
      page: { onChange: (e: { detail: Detail }) => void details.push(e.detail) },
    })
    tap(mounted.byId('t'))
    expect(details).toEqual([{ value: true }])
    expect(mounted.byId('r').getAttribute('aria-checked')).toBe('false')
  })

  it('a label around a button taps the button; around an input focuses it', async () => {
    const taps: string[] = []
    mounted = await mountPage({
      wxml: '<label><text id="bt">b</text><button id="b" bindtap="onTap">go</button></label><label><text id="it">i</text><input id="i" /></label>',
      page: { onTap: () => taps.push('button') },
    })
    tap(mounted.byId('bt'))
    expect(taps).toEqual(['button'])
    tap(mounted.byId('it'))
    expect(mounted.host.ownerDocument.activeElement).toBe(mounted.byId('i'))
  })
})
