// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest'
import { doc, mountPage, tap, type, type MountedPage } from './harness'

let mounted: MountedPage | undefined
afterEach(() => mounted?.release())

type Detail = Record<string, unknown>

const FORM = `<form id="f" bindsubmit="onSubmit" bindreset="onReset">
  <input id="name" name="name" value="Ann" />
  <textarea id="bio" name="bio" />
  <switch id="news" name="news" />
  <checkbox-group name="tags">
    <checkbox id="t-a" value="a" checked /><checkbox id="t-b" value="b" />
  </checkbox-group>
  <radio-group name="size">
    <radio id="s-m" value="m" checked /><radio id="s-l" value="l" />
  </radio-group>
  <slider id="age" name="age" value="30" />
  <picker id="city" name="city" range="{{['Beijing', 'Shanghai']}}"><view>city</view></picker>
  <input value="unnamed" />
  <view><button id="submit" form-type="submit">Submit</button></view>
  <button id="reset" form-type="reset">Reset</button>
</form>`

describe('form', () => {
  it('submit collects the value of every named field', async () => {
    const submitted: Detail[] = []
    mounted = await mountPage({
      wxml: FORM,
      page: { onSubmit: (e: { detail: Detail }) => void submitted.push(e.detail) },
    })
    type(mounted.byId('bio') as HTMLTextAreaElement, 'hello')
    tap(mounted.byId('news'))
    tap(mounted.byId('t-b'))
    tap(mounted.byId('s-l'))
    const thumb = mounted.byId('age').querySelector('[role=slider]') as HTMLElement
    thumb.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowRight', bubbles: true }))
    tap(mounted.byId('city'))
    ;(doc.querySelectorAll('[role=option]')[1] as HTMLElement).click()
    ;(doc.querySelector('.wx-picker-confirm') as HTMLElement).click()

    tap(mounted.byId('submit'))
    expect(submitted).toEqual([
      {
        value: {
          name: 'Ann',
          bio: 'hello',
          news: true,
          tags: ['a', 'b'],
          size: 'l',
          age: 31,
          city: 1,
        },
      },
    ])
  })

  it('reset puts every field back and fires bindreset', async () => {
    const seen: string[] = []
    const submitted: Detail[] = []
    mounted = await mountPage({
      wxml: FORM,
      page: {
        onReset: () => seen.push('reset'),
        onSubmit: (e: { detail: Detail }) => void submitted.push(e.detail),
      },
    })
    type(mounted.byId('name') as HTMLInputElement, 'Bob')
    tap(mounted.byId('news'))
    tap(mounted.byId('t-a'))
    tap(mounted.byId('s-l'))
    tap(mounted.byId('reset'))
    expect(seen).toEqual(['reset'])
    expect((mounted.byId('name') as HTMLInputElement).value).toBe('Ann')
    tap(mounted.byId('submit'))
    expect(submitted[0].value).toEqual({
      name: 'Ann',
      bio: '',
      news: false,
      tags: ['a'],
      size: 'm',
      age: 30,
      city: 0,
    })
  })

  it('the browser never submits the form itself', async () => {
    mounted = await mountPage({ wxml: FORM })
    const event = new Event('submit', { cancelable: true })
    mounted.byId('f').dispatchEvent(event)
    expect(event.defaultPrevented).toBe(true)
  })

  it('a disabled submit button does not submit', async () => {
    const submitted: Detail[] = []
    mounted = await mountPage({
      wxml: '<form bindsubmit="onSubmit"><input name="a" value="1" /><button id="b" form-type="submit" disabled>Go</button></form>',
      page: { onSubmit: (e: { detail: Detail }) => void submitted.push(e.detail) },
    })
    tap(mounted.byId('b'))
    expect(submitted).toEqual([])
  })
})
