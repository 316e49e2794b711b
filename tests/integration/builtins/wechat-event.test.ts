// @vitest-environment happy-dom
/**
 * Page and component methods bound in WXML get WeChat's plain event object (not glass-easel's):
 * it stringifies, `target` is where the event started and `currentTarget` where it is handled,
 * and a custom component's `triggerEvent` detail reaches the handler as the same object.
 */
import { afterEach, expect, it } from 'vitest'
import { mountPage, tap, type MountedPage } from './harness'

let mounted: MountedPage | undefined
afterEach(() => mounted?.release())

const WECHAT_KEYS = ['type', 'timeStamp', 'target', 'currentTarget', 'mark', 'detail']
const TARGET_KEYS = ['id', 'dataset', 'offsetLeft', 'offsetTop']

it('a tap handler gets a plain event that JSON.stringify takes, with WeChat keys', async () => {
  const seen: { json: string; event: Record<string, unknown> }[] = []
  mounted = await mountPage({
    wxml: `<view id="outer" data-kind="list" mark:row="{{3}}" bindtap="onTap">
      <view id="inner" data-item-id="{{7}}" mark:cell="a">tap me</view>
    </view>`,
    page: {
      onTap(event: Record<string, unknown>) {
        seen.push({ json: JSON.stringify(event), event })
      },
    },
  })
  tap(mounted.byId('inner'), 12, 20)
  expect(seen).toHaveLength(1)
  const parsed = JSON.parse(seen[0].json) as Record<string, Record<string, unknown>>
  expect(Object.keys(parsed)).toEqual([...WECHAT_KEYS, 'touches', 'changedTouches'])
  expect(Object.keys(parsed.target)).toEqual(TARGET_KEYS)
  expect(parsed.type).toBe('tap')
  expect(parsed.target).toMatchObject({ id: 'inner', dataset: { itemId: 7 } })
  expect(parsed.currentTarget).toMatchObject({ id: 'outer', dataset: { kind: 'list' } })
  expect(parsed.mark).toEqual({ row: 3, cell: 'a' })
  expect(parsed.detail).toMatchObject({ x: 12, y: 20 })
  expect(parsed.changedTouches).toEqual([
    expect.objectContaining({ identifier: 1, clientX: 12, clientY: 20 }),
  ])
  // Own, plain properties: nothing on a prototype, no glass-easel internals.
  const { event } = seen[0]
  expect(Object.getPrototypeOf(event)).toBe(Object.prototype)
  expect(Object.getPrototypeOf(event.target)).toBe(Object.prototype)
  expect(typeof event.timeStamp).toBe('number')
})

it('bubbling: target stays the tapped node, currentTarget follows each handler; catch and mut-bind stop', async () => {
  const calls: { handler: string; target: string; current: string }[] = []
  const described: string[] = []
  const record =
    (handler: string) => (event: { target: { id: string }; currentTarget: { id: string } }) => {
      calls.push({ handler, target: event.target.id, current: event.currentTarget.id })
      described.push(JSON.stringify([event.target, event.currentTarget]))
    }
  mounted = await mountPage({
    wxml: `<view id="top" catchtap="onTop">
      <view id="middle" capture-bind:tap="onCapture" bindtap="onMiddle">
        <view id="leaf" bindtap="onLeaf">x</view>
      </view>
    </view>
    <view id="wrap" bindtap="onWrap"><view id="stop" catchtap="onStop">y</view></view>
    <view id="mouter" mut-bind:tap="onMutOuter" bindtap="onOuterBind">
      <view id="minner" mut-bind:tap="onMutInner">z</view>
    </view>`,
    page: {
      onTop: record('top'),
      onCapture: record('capture'),
      onMiddle: record('middle'),
      onLeaf: record('leaf'),
      onWrap: record('wrap'),
      onStop: record('stop'),
      onMutOuter: record('mut-outer'),
      onOuterBind: record('outer-bind'),
      onMutInner: record('mut-inner'),
    },
  })
  tap(mounted.byId('leaf'))
  tap(mounted.byId('stop'))
  tap(mounted.byId('minner'))
  expect(calls).toEqual([
    { handler: 'capture', target: 'leaf', current: 'middle' },
    { handler: 'leaf', target: 'leaf', current: 'leaf' },
    { handler: 'middle', target: 'leaf', current: 'middle' },
    { handler: 'top', target: 'leaf', current: 'top' },
    { handler: 'stop', target: 'stop', current: 'stop' },
    { handler: 'mut-inner', target: 'minner', current: 'minner' },
    { handler: 'outer-bind', target: 'minner', current: 'mouter' },
  ])
  const at = (id: string) => ({ id, dataset: {}, offsetLeft: 0, offsetTop: 0 })
  expect(JSON.parse(described[2])).toEqual([at('leaf'), at('middle')])
})

it("a custom component's triggerEvent reaches the page as a plain event with the same detail", async () => {
  const seen: { event: Record<string, unknown>; json: string }[] = []
  const sent: unknown[] = []
  mounted = await mountPage({
    wxml: '<counter id="counter" data-name="c1" bind:change="onChange" />',
    files: {
      'components/counter/counter.json': '{"component": true}',
      'components/counter/counter.wxml': '<view id="plus" bindtap="plus">+</view>',
      'components/counter/counter.js': `Component({
        methods: {
          plus(e) {
            const detail = { count: 1, from: e.currentTarget.id }
            globalThis.__sentDetail = detail
            this.triggerEvent('change', detail)
          },
        },
      })`,
      'pages/index/index.json': '{"usingComponents": {"counter": "/components/counter/counter"}}',
    },
    page: {
      onChange(event: Record<string, unknown>) {
        sent.push((globalThis as { __sentDetail?: unknown }).__sentDetail)
        seen.push({ event, json: JSON.stringify(event) })
      },
    },
  })
  const plus = mounted
    .node('counter')
    .asGeneralComponent()!
    .getShadowRoot()!
    .getElementById('plus')!
  tap(plus.$$ as unknown as Element)
  expect(seen).toHaveLength(1)
  expect(seen[0].event.detail).toBe(sent[0])
  const parsed = JSON.parse(seen[0].json) as Record<string, Record<string, unknown>>
  expect(Object.keys(parsed)).toEqual(WECHAT_KEYS)
  expect(parsed.type).toBe('change')
  expect(parsed.detail).toEqual({ count: 1, from: 'plus' })
  expect(parsed.target).toMatchObject({ id: 'counter', dataset: { name: 'c1' } })
  expect(parsed.currentTarget).toMatchObject({ id: 'counter', dataset: { name: 'c1' } })
})

it('reads offsetLeft/offsetTop from the layout only when something reads them, once', async () => {
  const events: { target: Record<string, unknown>; currentTarget: Record<string, unknown> }[] = []
  mounted = await mountPage({
    wxml: '<view id="box" data-n="{{1}}" bindtouchstart="onStart" bindtap="onTap">x</view>',
    page: {
      onStart: (event: (typeof events)[number]) => events.push(event),
      onTap: (event: (typeof events)[number]) => events.push(event),
    },
  })
  const box = mounted.byId('box')
  let layoutReads = 0
  for (const [side, value] of [
    ['offsetLeft', 12],
    ['offsetTop', 34],
  ] as const) {
    Object.defineProperty(box, side, {
      configurable: true,
      get: () => {
        layoutReads++
        return value
      },
    })
  }
  tap(box)
  expect(events).toHaveLength(2)
  expect(layoutReads).toBe(0)
  const [start, tapped] = events
  expect(Object.keys(start.target)).toEqual(TARGET_KEYS)
  expect(start.target.offsetLeft).toBe(12)
  expect(start.currentTarget.offsetLeft).toBe(12)
  expect(layoutReads).toBe(1)
  expect(JSON.parse(JSON.stringify(tapped))).toMatchObject({
    target: { id: 'box', dataset: { n: 1 }, offsetLeft: 12, offsetTop: 34 },
  })
  expect(layoutReads).toBe(3)
  start.target.offsetTop = 1
  expect(start.target.offsetTop).toBe(1)
  expect(layoutReads).toBe(3)
})

it("the chaining API's listener() gets the plain event too; a listeners: {} field is ignored, as WeChat's adapter does", async () => {
  const seen: unknown[] = []
  ;(globalThis as { __seen?: unknown[] }).__seen = seen
  mounted = await mountPage({
    wxml: '<chained id="chained" /><legacy id="legacy" />',
    files: {
      'components/chained/chained.json': '{"component": true}',
      'components/chained/chained.wxml': '<view id="hit" bindtap="onHit">x</view>',
      'components/chained/chained.js': `Component()
        .init(({ listener }) => ({ onHit: listener((e) => globalThis.__seen.push(['chained', JSON.stringify(e)])) }))
        .register()`,
      'components/legacy/legacy.json': '{"component": true}',
      'components/legacy/legacy.wxml': '<view id="hit">y</view>',
      'components/legacy/legacy.js': `Component({
        listeners: { 'this.tap': 'onTap', 'hit.tap': 'onTap' },
        methods: { onTap() { globalThis.__seen.push(['legacy']) } },
      })`,
      'pages/index/index.json':
        '{"usingComponents": {"chained": "/components/chained/chained", "legacy": "/components/legacy/legacy"}}',
    },
  })
  const hit = (id: string) =>
    mounted!.node(id).asGeneralComponent()!.getShadowRoot()!.getElementById('hit')!
      .$$ as unknown as Element
  tap(hit('chained'))
  tap(hit('legacy'))
  expect(seen).toHaveLength(1)
  const [name, json] = seen[0] as [string, string]
  expect(name).toBe('chained')
  expect(Object.keys(JSON.parse(json) as object)).toEqual([
    ...WECHAT_KEYS,
    'touches',
    'changedTouches',
  ])
})
