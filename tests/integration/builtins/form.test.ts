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

  const CUSTOM = {
    'pages/index/index.json': JSON.stringify({
      usingComponents: {
        rating: '/components/rating/rating',
        group: '/components/group/group',
        plain: '/components/plain/plain',
        'submit-bar': '/components/submit-bar/submit-bar',
        'lone-button': '/components/lone-button/lone-button',
      },
    }),
    'components/rating/rating.json': '{ "component": true }',
    'components/rating/rating.wxml': '<view id="stars" bindtap="more">{{value}}</view>',
    'components/rating/rating.js': `Component({
      behaviors: ['wx://form-field'],
      properties: { value: { type: Number, value: 3 } },
      methods: { more() { this.setData({ value: this.data.value + 1 }) } },
    })`,
    'components/group/group.json': '{ "component": true }',
    'components/group/group.wxml': '<input name="inGroup" value="g" />',
    'components/group/group.js': "Component({ behaviors: ['wx://form-field-group'] })",
    'components/plain/plain.json': '{ "component": true }',
    'components/plain/plain.wxml': '<input name="hidden" value="h" />',
    'components/plain/plain.js': 'Component({})',
    'components/submit-bar/submit-bar.json': '{ "component": true }',
    'components/submit-bar/submit-bar.wxml': '<button id="inner" form-type="submit">Go</button>',
    'components/submit-bar/submit-bar.js': "Component({ behaviors: ['wx://form-field-button'] })",
    'components/lone-button/lone-button.json': '{ "component": true }',
    'components/lone-button/lone-button.wxml': '<button id="lone" form-type="submit">Go</button>',
    'components/lone-button/lone-button.js': 'Component({})',
  }
  const CUSTOM_FORM = `<form bindsubmit="onSubmit" bindreset="onReset">
    <rating id="rating" name="stars" />
    <group />
    <plain />
    <submit-bar id="bar" />
    <lone-button id="lone-host" />
    <button id="reset" form-type="reset">Reset</button>
  </form>`

  /** The DOM element of `id` inside the custom component `hostId` of the page. */
  const inner = (page: MountedPage, hostId: string, id: string) =>
    (
      page.node(hostId) as never as {
        getShadowRoot(): { getElementById(id: string): { $$: HTMLElement } }
      }
    )
      .getShadowRoot()
      .getElementById(id).$$

  it("custom components join the form through WeChat's built-in behaviors", async () => {
    const submitted: Detail[] = []
    const resets: string[] = []
    mounted = await mountPage({
      wxml: CUSTOM_FORM,
      files: CUSTOM,
      page: {
        onSubmit: (e: { detail: Detail }) => void submitted.push(e.detail),
        onReset: () => void resets.push('reset'),
      },
    })
    const page = mounted
    tap(inner(page, 'rating', 'stars'))
    // A submit button inside a wx://form-field-button component submits the form around it.
    tap(inner(page, 'bar', 'inner'))
    // One in a component without the behavior does not (WeChat's rule).
    tap(inner(page, 'lone-host', 'lone'))
    // wx://form-field-group opens the component's own fields to the form; plain ones stay closed.
    expect(submitted).toEqual([{ value: { stars: 4, inGroup: 'g' } }])

    tap(page.byId('reset'))
    expect(resets).toEqual(['reset'])
    expect(inner(page, 'rating', 'stars').textContent).toBe('3')
    tap(inner(page, 'bar', 'inner'))
    expect(submitted[1]).toEqual({ value: { stars: 3, inGroup: 'g' } })
  })
})
