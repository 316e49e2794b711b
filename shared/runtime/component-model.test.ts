/**
 * The component model real component libraries use, on the real glass-easel and its adapter in
 * Node (no DOM): built-in behaviors, relations, wildcard observers, definitionFilter, export and
 * the select*Component family.
 */
import { afterEach, expect, it } from 'vitest'
import type * as glassEasel from 'glass-easel'
import { createRuntime, type Runtime } from './runtime'
import { TestingPort } from './testing-port'
import { compileTemplates } from './testing-templates'
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
  return { port, page }
}

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
