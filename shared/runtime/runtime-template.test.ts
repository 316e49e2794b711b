import { afterEach, expect, it } from 'vitest'
import * as glassEasel from 'glass-easel'
import { createRuntime, type Runtime } from './runtime'
import { TestingPort } from '../../tests/helpers/runtime-port'
import { compileTemplates } from '../../tests/helpers/runtime-templates'

const running: Runtime[] = []
afterEach(() => {
  for (const runtime of running.splice(0)) runtime.dispose()
})

const compile = compileTemplates

it('renders plugged-in compiled templates: used components are created, attached and updated', () => {
  const port = new TestingPort()
  const runtime = createRuntime({
    port,
    appid: 'wx-template',
    files: {
      'app.js': 'App({})',
      'pages/index/index.js': `Page({ data: { msg: 'hi' }, onLoad() { this.setData({ msg: 'changed' }) } })`,
      'pages/index/index.json': '{ "usingComponents": { "card": "/components/card/card" } }',
      'components/card/card.js': `Component({
        properties: { title: String },
        lifetimes: { attached() { console.log('card attached', this.data.title) } },
        observers: { title(t) { console.log('title', t) } },
      })`,
      'components/card/card.json': '{ "component": true }',
    },
    appJson: { pages: ['pages/index/index'] },
    templates: compile({
      'pages/index/index': '<view>{{msg}}</view><card title="{{msg}}" />',
      'components/card/card': '<text>{{title}}</text>',
    }),
  })
  running.push(runtime)
  expect(runtime.launch().ok).toBe(true)
  expect(port.errors).toEqual([])
  expect(port.lines()).toEqual(['log: title hi', 'log: card attached hi', 'log: title changed'])
})

it('a handler named by data may be a function put on `this` at run time, as uni-app does', () => {
  const port = new TestingPort()
  const runtime = createRuntime({
    port,
    appid: 'wx-template',
    files: {
      'app.js': 'App({})',
      // uni-app's Vue runtime puts each template listener on the page as `e<n>` and binds its name.
      'pages/index/index.js': `Page({
        data: { handler: 'e0_1' },
        onLoad() { this.e0_1 = () => console.log('added') },
        declared() { console.log('declared') },
        onReady() { globalThis.runtimeTemplatePage = this._$ },
      })`,
    },
    appJson: { pages: ['pages/index/index'] },
    templates: compile({
      'pages/index/index':
        '<view id="v" bind:tap="{{handler}}" /><view id="w" bind:tap="declared" />',
    }),
  })
  running.push(runtime)
  expect(runtime.launch().ok).toBe(true)
  const scope = globalThis as { runtimeTemplatePage?: glassEasel.GeneralComponent }
  const root = scope.runtimeTemplatePage!.getShadowRoot()!
  delete scope.runtimeTemplatePage
  for (const id of ['v', 'w'])
    glassEasel.Event.triggerEvent(root.getElementById(id)!, 'tap', {}, { bubbles: true })
  expect(port.errors).toEqual([])
  expect(port.lines()).toEqual(['log: added', 'log: declared'])
})
