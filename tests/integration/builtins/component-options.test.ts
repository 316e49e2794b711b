// @vitest-environment happy-dom
/**
 * The component options component libraries rely on, through the project compiler (its class
 * prefixes and stylesheets) and the real glass-easel on happy-dom: `externalClasses`,
 * `styleIsolation` (and `addGlobalClass`), `virtualHost`, `pureDataPattern`.
 */
import { afterEach, expect, it } from 'vitest'
import { mountPage, type MountedPage } from './harness'

let mounted: MountedPage | undefined
afterEach(() => mounted?.release())

/** A page using `components/box/box` (its js and json given) under the tag `box`. */
function boxPage(wxml: string, box: { js: string; json?: Record<string, unknown>; wxml?: string }) {
  return mountPage({
    wxml,
    files: {
      'pages/index/index.json': JSON.stringify({ usingComponents: { box: '/components/box/box' } }),
      'pages/index/index.wxss': '.red { color: rgb(255, 0, 0); } .inner { font-weight: 700; }',
      'components/box/box.json': JSON.stringify({ component: true, ...box.json }),
      'components/box/box.js': box.js,
      'components/box/box.wxml':
        box.wxml ?? '<view id="inner" class="inner custom-class">{{label}}</view>',
      'components/box/box.wxss':
        '.inner { text-decoration: underline; } .outer { font-style: italic; }',
    },
  })
}

const styleOf = (element: Element) => getComputedStyle(element)
const inner = () => mounted!.host.querySelector('[class*="inner"]')!
const outer = () => mounted!.host.querySelector('.outer')!
const OUTER = '<view class="outer">page text</view>'

it('externalClasses: a class the page passes styles the inner node with the page’s rule', async () => {
  const js = "Component({ externalClasses: ['custom-class'], properties: { label: String } })"
  mounted = await boxPage(`<box custom-class="red" label="hi" />`, { js })
  expect(inner().textContent).toBe('hi')
  expect(styleOf(inner()).color).toBe('rgb(255, 0, 0)')
  // The component's own rule still applies to its node, the page's same-named one does not.
  expect(styleOf(inner()).textDecoration).toContain('underline')
  expect(styleOf(inner()).fontWeight).not.toBe('700')
  mounted.release()
  mounted = await boxPage(`<box label="plain" />`, { js })
  expect(styleOf(inner()).color).not.toBe('rgb(255, 0, 0)')
})

it.each([
  // [how it is set, page rules reach the component, component rules reach the page]
  ['isolated (the default)', {}, false, false],
  [
    "styleIsolation: 'apply-shared' in options",
    { options: "{ styleIsolation: 'apply-shared' }" },
    true,
    false,
  ],
  ['addGlobalClass: true', { options: '{ addGlobalClass: true }' }, true, false],
  [
    "styleIsolation: 'shared' in the component's .json",
    { json: { styleIsolation: 'shared' } },
    true,
    true,
  ],
] as const)('styleIsolation %s', async (_how, setting, pageReaches, componentReaches) => {
  const options = 'options' in setting ? `options: ${setting.options}, ` : ''
  mounted = await boxPage(`<box />${OUTER}`, {
    js: `Component({ ${options}properties: { label: { type: String, value: 'box' } } })`,
    json: 'json' in setting ? setting.json : {},
  })
  // The component's own rule always applies to its node.
  expect(styleOf(inner()).textDecoration).toContain('underline')
  expect(styleOf(inner()).fontWeight === '700').toBe(pageReaches)
  expect(styleOf(outer()).fontStyle === 'italic').toBe(componentReaches)
})

it('virtualHost: the component has no host node; its nodes sit in the page’s tree', async () => {
  mounted = await boxPage(`<view id="parent"><box label="v" /></view>`, {
    js: 'Component({ options: { virtualHost: true }, properties: { label: String } })',
  })
  expect(mounted.host.querySelector('box')).toBeNull()
  expect(inner().parentElement).toBe(mounted.byId('parent'))
  mounted.release()
  mounted = await boxPage(`<view id="parent"><box label="v" /></view>`, {
    js: 'Component({ properties: { label: String } })',
  })
  expect(inner().parentElement!.tagName.toLowerCase()).toBe('box')
})

it('pureDataPattern: matching fields are data but never rendered', async () => {
  mounted = await boxPage(`<box id="box" />`, {
    js: `Component({
      options: { pureDataPattern: /^_/ },
      data: { shown: 'a', _hidden: 'b' },
      lifetimes: { attached() { this.setData({ shown: 'c', _hidden: 'd' }); this.seen = this.data._hidden } },
    })`,
    wxml: '<view class="inner">{{shown}}|{{_hidden}}</view>',
  })
  expect(inner().textContent).toBe('c|')
  const box = mounted.node('box') as unknown as { getMethodCaller(): { seen: string } }
  expect(box.getMethodCaller().seen).toBe('d')
})

it('a class passed down as a property string is in the scope of the template that applies it; `^` names the parent’s', async () => {
  // WeUI's checkbox and cell: both apply-shared, the checkbox's tick rule needs a cell class.
  mounted = await mountPage({
    wxml: '<check id="plain" mark="mark" /><check id="parent" mark="^mark" />',
    files: {
      'pages/index/index.json': JSON.stringify({ usingComponents: { check: '/comp/check/check' } }),
      'comp/check/check.json': JSON.stringify({
        component: true,
        styleIsolation: 'apply-shared',
        usingComponents: { cell: '../cell/cell' },
      }),
      'comp/check/check.js': 'Component({ properties: { mark: String } })',
      'comp/check/check.wxml': '<cell ext-class="{{mark}}"><view class="tick">✓</view></cell>',
      'comp/check/check.wxss': '.mark .tick { color: rgb(0, 128, 0); }',
      'comp/cell/cell.json': JSON.stringify({ component: true, styleIsolation: 'apply-shared' }),
      'comp/cell/cell.js': 'Component({ properties: { extClass: String } })',
      'comp/cell/cell.wxml': '<view class="cell {{extClass}}"><slot /></view>',
    },
  })
  const tick = (id: string) => mounted!.byId(id).querySelector('[class*="tick"]')!
  expect(styleOf(tick('parent')).color).toBe('rgb(0, 128, 0)')
  expect(styleOf(tick('plain')).color).not.toBe('rgb(0, 128, 0)')
})
