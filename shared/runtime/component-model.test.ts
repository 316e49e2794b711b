/**
 * The component model real component libraries use, on the real glass-easel and its adapter in
 * Node (no DOM): built-in behaviors, relations, wildcard observers, definitionFilter, export and
 * the select*Component family.
 */
import { afterEach, expect, it } from 'vitest'
import type * as glassEasel from 'glass-easel'
import { createRuntime, type Runtime } from './runtime'
import { TestingPort } from '../../tests/helpers/runtime-port'
import { compileTemplates } from '../../tests/helpers/runtime-templates'
import type { ComponentModelWx } from './component-model'
import { FORM_FIELD, hasBuiltinBehavior, initialFormFieldValue } from './builtin-behaviors'

const running: Runtime[] = []
afterEach(() => {
  for (const runtime of running.splice(0)) runtime.dispose()
})

type Instance = Record<string, (...args: unknown[]) => unknown> & {
  data: Record<string, unknown>
  _$: glassEasel.GeneralComponent
}

/** Launches a one-page app whose page uses the components in `components` (path → js/wxml). */
function launch(
  pageWxml: string,
  components: Record<string, { js: string; wxml: string; json?: Record<string, unknown> }>,
  pageJs = 'Page({})',
) {
  const port = new TestingPort()
  const usingComponents = Object.fromEntries(
    Object.keys(components).map((path) => [path.split('/').pop(), `/${path}`]),
  )
  const files: Record<string, string> = {
    'app.js': 'App({})',
    'pages/index/index.js': pageJs,
    'pages/index/index.json': JSON.stringify({ usingComponents }),
  }
  const sources: Record<string, string> = { 'pages/index/index': pageWxml }
  for (const [path, component] of Object.entries(components)) {
    files[`${path}.js`] = component.js
    files[`${path}.json`] = JSON.stringify({ component: true, usingComponents, ...component.json })
    sources[path] = component.wxml
  }
  const runtime = createRuntime({
    port,
    appid: 'wx-component-model',
    files,
    appJson: { pages: ['pages/index/index'] },
    templates: compileTemplates(sources),
  })
  running.push(runtime)
  expect(runtime.launch().ok).toBe(true)
  const page = runtime.getCurrentPages()[0] as unknown as Instance
  return { port, page, runtime }
}
const launchWith = launch

it('wx:// behaviors given by name: form-field adds name and value, component-export answers selectComponent', () => {
  const { port, page } = launch(
    '<field id="f" name="nick" value="{{v}}" />',
    {
      'components/field/field': {
        js: `Component({
        behaviors: ['wx://form-field', 'wx://form-field-group', 'wx://form-field-button', 'wx://component-export'],
        export() { return { kind: 'field', name: this.data.name } },
      })`,
        wxml: '<view>{{name}}={{value}}</view>',
      },
    },
    `Page({ data: { v: 'Ann' } })`,
  )
  expect(port.errors).toEqual([])
  const field = page.selectComponent('#f') as Record<string, unknown>
  expect(field).toEqual({ kind: 'field', name: 'nick' })
  const node = page._$.getShadowRoot()!.getElementById('f') as glassEasel.GeneralComponent
  expect(node.data).toMatchObject({ name: 'nick', value: 'Ann' })
  expect(hasBuiltinBehavior(node, FORM_FIELD)).toBe(true)
  expect(hasBuiltinBehavior(node, 'wx://form-field-group')).toBe(true)
  expect(initialFormFieldValue(node)).toBe(null)
})

it('a behavior of a behavior reaches the component; an unknown wx:// name is empty with a warning', () => {
  const { port, page } = launch('<field id="f" name="n" value="1" />', {
    'components/field/field': {
      js: `const asField = Behavior({ behaviors: ['wx://form-field'] })
        Component({ behaviors: [asField, 'wx://proxy-scroll-view'] })`,
      wxml: '<view />',
    },
  })
  expect(port.errors).toEqual([])
  const node = page._$.getShadowRoot()!.getElementById('f') as glassEasel.GeneralComponent
  expect(hasBuiltinBehavior(node, FORM_FIELD)).toBe(true)
  expect(port.lines('baselib')).toContain(
    'warn: wx://proxy-scroll-view is not simulated: it adds nothing here',
  )
})

it('relations link parents and children both ways; getRelationNodes follows the tree', () => {
  const { port, page } = launch(
    '<group id="g"><cell class="cell" wx:for="{{items}}" wx:key="*this" title="{{item}}" /></group>',
    {
      'components/group/group': {
        js: `Component({
          relations: { '../cell/cell': { type: 'child', linked(c) { console.log('group linked', c.data.title) }, unlinked(c) { console.log('group unlinked', c.data.title) } } },
          methods: { titles() { return this.getRelationNodes('../cell/cell').map((c) => c.data.title) } },
        })`,
        wxml: '<slot />',
      },
      'components/cell/cell': {
        js: `Component({
          properties: { title: String },
          relations: { '../group/group': { type: 'parent', linked(g) { this.setData({ inGroup: g.is }) } } },
        })`,
        wxml: '<view>{{title}}</view>',
      },
    },
    `Page({ data: { items: ['a', 'b'] } })`,
  )
  expect(port.errors).toEqual([])
  const group = page.selectComponent('#g') as Instance
  expect(group.titles()).toEqual(['a', 'b'])
  page.setData({ items: ['b', 'c'] })
  expect(group.titles()).toEqual(['b', 'c'])
  expect(port.lines()).toEqual([
    'log: group linked a',
    'log: group linked b',
    'log: group unlinked a',
    'log: group linked c',
  ])
  const cells = page.selectAllComponents('.cell') as Instance[]
  expect(cells.map((cell) => cell.data.inGroup)).toEqual([
    'components/group/group',
    'components/group/group',
  ])
})

it('ancestor/descendant relations reach through other components, as Vant and TDesign use them', () => {
  const { port, page } = launch('<collapse id="c"><wrap><item name="x" /></wrap></collapse>', {
    'components/collapse/collapse': {
      js: `Component({ relations: { '../item/item': { type: 'descendant' } },
        methods: { names() { return this.getRelationNodes('../item/item').map((i) => i.data.name) } } })`,
      wxml: '<slot />',
    },
    'components/wrap/wrap': { js: 'Component({})', wxml: '<view><slot /></view>' },
    'components/item/item': {
      js: `Component({ properties: { name: String }, relations: { '../collapse/collapse': { type: 'ancestor' } } })`,
      wxml: '<view />',
    },
  })
  expect(port.errors).toEqual([])
  expect((page.selectComponent('#c') as Instance).names()).toEqual(['x'])
})

it('observers with wildcards see deep and whole-data changes', () => {
  const { port, page } = launch('<watch id="w" />', {
    'components/watch/watch': {
      js: `Component({
        data: { a: { b: { c: 1 } }, d: 0 },
        observers: {
          'a.**'(a) { console.log('a.**', JSON.stringify(a)) },
          '**'() { console.log('**') },
          'a.b.c, d'(c, d) { console.log('c,d', c, d) },
        },
      })`,
      wxml: '<view />',
    },
  })
  const watch = page.selectComponent('#w') as Instance
  watch.setData({ 'a.b.c': 2 })
  watch.setData({ d: 5 })
  expect(port.errors).toEqual([])
  expect(port.lines()).toEqual([
    'log: a.** {"b":{"c":2}}',
    'log: **',
    'log: c,d 2 0',
    'log: **',
    'log: c,d 2 5',
  ])
})

it('definitionFilter lets a behavior rewrite the definitions that use it', () => {
  const { port, page } = launch('<comp id="c" />', {
    'components/comp/comp': {
      js: `const computed = Behavior({
          definitionFilter(def) { def.data = def.data || {}; def.data.doubled = def.data.n * 2 },
        })
        Component({ behaviors: [computed], data: { n: 21 } })`,
      wxml: '<view>{{doubled}}</view>',
    },
  })
  expect(port.errors).toEqual([])
  expect((page.selectComponent('#c') as Instance).data.doubled).toBe(42)
})

it('selectComponent, selectAllComponents and selectOwnerComponent walk the component tree', () => {
  const { port, page } = launch('<outer id="o" />', {
    'components/outer/outer': {
      js: 'Component({ methods: { who() { return "outer" } } })',
      wxml: '<inner class="i" id="first" /><inner class="i" />',
    },
    'components/inner/inner': { js: 'Component({})', wxml: '<view />' },
  })
  expect(port.errors).toEqual([])
  const outer = page.selectComponent('#o') as Instance
  expect(outer.who()).toBe('outer')
  const inners = outer.selectAllComponents('.i') as Instance[]
  expect(inners).toHaveLength(2)
  expect((inners[0].selectOwnerComponent() as Instance).who()).toBe('outer')
  expect(page.selectComponent('#o >>> #first')).toBe(inners[0])
  expect(page.selectComponent('#missing')).toBe(null)
})

const tick = () => new Promise((resolve) => setTimeout(resolve, 0))

it('createSelectorQuery headless answers what it can, says what it cannot, and always calls back', async () => {
  const { port, page, runtime } = launchWith(
    '<view id="a" data-kind="box" class="x" /><view class="x" /><card id="c" title="t" />',
    {
      'components/card/card': {
        js: `Component({ properties: { title: String }, methods: {
        query(cb) { this.createSelectorQuery().select('#inner').fields({ id: true, dataset: true }).exec(cb) } } })`,
        wxml: '<view id="inner" data-deep="1" />',
      },
    },
  )
  const wx = runtime.wx as unknown as ComponentModelWx
  const seen: [string, unknown][] = []
  const query = wx.createSelectorQuery()
  query.select('#a').boundingClientRect((r) => seen.push(['rect', r]))
  query
    .selectAll('.x')
    .fields({ id: true, dataset: true, mark: true }, (r) => seen.push(['all', r]))
  query.select('#c').fields({ properties: ['title'], node: true, context: true })
  query.select('#missing').boundingClientRect()
  query.selectViewport().scrollOffset()
  const card = page.selectComponent('#c') as Instance
  query.in(card).select('#inner').fields({ dataset: true })
  let results: unknown[] | undefined
  query.exec((r) => (results = r))
  expect(results).toBeUndefined()
  await tick()
  expect(port.errors).toEqual([])
  expect(seen).toEqual([
    [
      'rect',
      {
        id: 'a',
        dataset: { kind: 'box' },
        left: 0,
        top: 0,
        right: 0,
        bottom: 0,
        width: 0,
        height: 0,
      },
    ],
    [
      'all',
      [
        { id: 'a', dataset: { kind: 'box' }, mark: {} },
        { id: '', dataset: {}, mark: {} },
      ],
    ],
  ])
  expect(results).toEqual([
    seen[0][1],
    seen[1][1],
    { title: 't', node: null, context: null },
    null,
    { id: '', dataset: {}, scrollLeft: 0, scrollTop: 0, scrollWidth: 0, scrollHeight: 0 },
    { dataset: { deep: '1' } },
  ])
  expect(port.lines('baselib')).toEqual([
    'warn: mpdt run has no layout: SelectorQuery answers rect, size and scrollOffset with 0',
  ])
  const inner: unknown[] = []
  card.query((r: unknown[]) => inner.push(...r))
  await tick()
  expect(inner).toEqual([{ id: 'inner', dataset: { deep: '1' } }])
})

it('headless, animate calls back at once and createIntersectionObserver says it reports nothing', async () => {
  const { port, page, runtime } = launchWith('<view id="box" />', {})
  const done: string[] = []
  page.animate('#box', [{ opacity: 0 }, { opacity: 1 }], 100, () => done.push('animated'))
  const wx = runtime.wx as Record<
    string,
    (...args: unknown[]) => Record<string, (...a: unknown[]) => unknown>
  >
  const observer = wx.createIntersectionObserver(page, { thresholds: [0.5] })
  observer.relativeToViewport({ bottom: 10 })
  observer.observe('#box', () => done.push('intersected'))
  observer.disconnect()
  await tick()
  expect(done).toEqual(['animated'])
  expect(port.errors).toEqual([])
  expect(port.lines('baselib')).toEqual([
    'warn: animate: nothing to animate for "#box" (no node, or no layout in mpdt run)',
    'warn: mpdt run has no layout: IntersectionObserver reports nothing',
  ])
})

it('Component() called from a shared module registers the component whose .js is running (Vant)', () => {
  const port = new TestingPort()
  const runtime = createRuntime({
    port,
    appid: 'wx-shared-factory',
    files: {
      'app.js': 'App({})',
      'pages/index/index.js': 'Page({})',
      'pages/index/index.json': JSON.stringify({
        usingComponents: { 'my-a': '/lib/a/index', 'my-b': '/lib/b/index' },
      }),
      'lib/common/component.js': `exports.define = (name) => Component({ methods: { name() { return name } } })`,
      'lib/a/index.js': `require('../common/component').define('a')`,
      'lib/a/index.json': '{ "component": true }',
      'lib/b/index.js': `require('../common/component').define('b')`,
      'lib/b/index.json': '{ "component": true }',
    },
    appJson: { pages: ['pages/index/index'] },
    templates: compileTemplates({
      'pages/index/index': '<my-a id="a" /><my-b id="b" />',
      'lib/a/index': '<view />',
      'lib/b/index': '<view />',
    }),
  })
  running.push(runtime)
  expect(runtime.launch().ok).toBe(true)
  expect(port.errors).toEqual([])
  const page = runtime.getCurrentPages()[0] as unknown as Instance
  expect((page.selectComponent('#a') as Instance).name()).toBe('a')
  expect((page.selectComponent('#b') as Instance).name()).toBe('b')
})

it('a property named like a node field (Vant button: dataset) works', () => {
  const { port, page } = launch('<btn id="b" dataset="{{ {x: 1} }}" />', {
    'components/btn/btn': {
      js: 'Component({ properties: { dataset: Object, name: String } })',
      wxml: '<view>{{dataset.x}}</view>',
    },
  })
  expect(port.errors).toEqual([])
  expect((page.selectComponent('#b') as Instance).data.dataset).toEqual({ x: 1 })
})

it("a definition's addGlobalClass or styleIsolation 'apply-shared' reaches glass-easel unless the .json chose", () => {
  const component = (js: string, json?: Record<string, unknown>) => ({ js, wxml: '<view />', json })
  const { port, page } = launch('<a id="a" /><b id="b" /><c id="c" /><d id="d" />', {
    'components/a/a': component('Component({ options: { addGlobalClass: true } })'),
    'components/b/b': component("Component({ options: { styleIsolation: 'apply-shared' } })"),
    'components/c/c': component('Component({})'),
    'components/d/d': component('Component({ options: { addGlobalClass: true } })', {
      styleIsolation: 'isolated',
    }),
  })
  expect(port.errors).toEqual([])
  const extraScope = (id: string) =>
    (
      page._$.getShadowRoot()!.getElementById(id) as glassEasel.GeneralComponent
    ).getComponentOptions().extraStyleScope
  expect(extraScope('a')).toEqual(expect.any(Number))
  expect(extraScope('b')).toBe(extraScope('a'))
  expect(extraScope('c')).toBeNull()
  expect(extraScope('d')).toBeNull()
})

it("this.renderer is 'webview' from created on, so a template choosing by it renders (weui's mp-slideview)", () => {
  const { port, page } = launch(
    '<slide id="s" />',
    {
      'components/slide/slide': {
        js: `Component({
          data: { renderer: 'unset' },
          created() { this.setData({ renderer: this.renderer }) },
        })`,
        wxml: `<view wx:if="{{renderer === 'webview'}}" id="webview">rows</view>`,
      },
    },
    'Page({ onLoad() { this.setData({ pageRenderer: this.renderer }) } })',
  )
  expect(port.errors).toEqual([])
  expect(page.data.pageRenderer).toBe('webview')
  const slide = page.selectComponent('#s') as Instance
  expect(slide.data.renderer).toBe('webview')
  expect(slide._$.getShadowRoot()!.getElementById('webview')).toBeTruthy()
})

it('every component on the page gets ready (top-level and in lifetimes), what is inside it first, before onReady', () => {
  const record = `getCurrentPages()[0].record`
  const { port, page } = launch(
    '<outer id="o"><inner name="slotted" /></outer>',
    {
      'components/outer/outer': {
        js: `Component({ ready() { ${record}('outer') } })`,
        wxml: '<inner name="shadow" /><slot />',
      },
      'components/inner/inner': {
        js: `Component({
          properties: { name: String },
          lifetimes: { ready() { ${record}(this.data.name) } },
        })`,
        wxml: '<view>{{name}}</view>',
      },
    },
    `Page({ order: [], record(name) { this.order.push(name) }, onReady() { this.record('page') } })`,
  )
  expect(port.errors).toEqual([])
  expect((page as unknown as { order: string[] }).order).toEqual([
    'shadow',
    'slotted',
    'outer',
    'page',
  ])
})
