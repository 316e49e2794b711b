// @vitest-environment happy-dom
import * as glassEasel from 'glass-easel'
import { MiniProgramEnv } from 'glass-easel-miniprogram-adapter'
import { it, expect } from 'vitest'
import { compileProject } from '../../../electron/services/compiler'

const engine: glassEasel.templateEngine.TemplateEngine = {
  create(behavior) {
    const build = (behavior as any)._$template
    return {
      createInstance(comp, createShadowRoot) {
        const shadowRoot = createShadowRoot(comp)
        let view: any
        return {
          shadowRoot,
          initValues(data) {
            view = build(shadowRoot, comp)
            view.update(data)
          },
          updateValues(data) {
            view.update(data)
          },
        }
      },
    }
  },
}

it('proto', async () => {
  const files: Record<string, string> = {
    'app.json': JSON.stringify({ pages: ['pages/index/index'] }),
    'pages/index/index.json': '{}',
    'pages/index/index.wxml': `<view id="v" class="a" data-x="1" bindtap="onTap"><input id="in" class="c" style="color:red" hover-class="hh" model:value="{{v}}" bindinput="onInput"/><text>{{v}}</text><progress id="p" class="pc" style="width:10px" percent="30"/><btn id="b" bindtap="onTap" disabled="{{true}}"><view>inside</view></btn></view>`,
  }
  const compiled = await compileProject({
    readFile: async (p) => files[p] ?? null,
    rpx: { deviceWidth: 375 },
  })
  expect(compiled.errors).toEqual([])
  const env = new MiniProgramEnv()
  const codeSpace = env.createCodeSpace('', true)
  const space = codeSpace.getComponentSpace()
  const inputDef = space.defineComponent({
    is: 'wx-builtin/input',
    options: { templateEngine: engine },
    properties: { value: String, hoverClass: String },
    template: (root: glassEasel.ShadowRoot, comp: any) => {
      const dom = comp.$$ as HTMLInputElement
      dom.addEventListener('input', () => {
        comp.triggerEvent(
          'input',
          { value: dom.value },
          {
            handleListenerReturn: (ret: unknown) => {
              if (typeof ret === 'string') dom.value = ret
              return undefined
            },
          },
        )
        comp.setData({ value: dom.value })
      })
      return {
        update(data: any) {
          dom.value = data.value
          dom.setAttribute('data-hc', data.hoverClass)
        },
      }
    },
  } as any)
  space.setGlobalUsingComponent('input', inputDef as any)
  const btnDef = space.defineComponent({
    is: 'wx-builtin/btn',
    options: { templateEngine: engine },
    properties: { disabled: Boolean },
    template: (root: glassEasel.ShadowRoot, comp: any) => {
      const slot = root.createVirtualNode('slot')
      glassEasel.Element.setSlotName(slot, '')
      root.appendChild(slot)
      comp.addListener(
        'tap',
        (e: any) => {
          if (comp.data.disabled) return false
        },
        { capture: true },
      )
      return { update() {} }
    },
  } as any)
  space.setGlobalUsingComponent('btn', btnDef as any)
  const progDef = space.defineComponent({
    is: 'wx-builtin/progress',
    options: { templateEngine: engine, virtualHost: true },
    properties: { percent: Number, class: String, style: String },
    template: (root: glassEasel.ShadowRoot, comp: any) => {
      const n = root.createNativeNode('wx-progress')
      root.appendChild(n)
      console.log('owner', comp.ownerShadowRoot?.getHostNode().is, comp.$$)
      return {
        update(data: any) {
          ;(n.$$ as any).setAttribute(
            'data-p',
            String(data.percent) + '|' + data.class + '|' + data.style,
          )
        },
      }
    },
  } as any)
  space.setGlobalUsingComponent('progress', progDef as any)
  codeSpace.addComponentStaticConfig('pages/index/index', {})
  const groupList = new Function(`return ${compiled.groupListCode}`)()
  codeSpace.addCompiledTemplate('pages/index/index', {
    groupList,
    content: groupList['pages/index/index'],
  })
  const log: any[] = []
  codeSpace.componentEnv('pages/index/index', ({ Page }) =>
    Page({
      data: { v: 'a' },
      onInput(e: any) {
        log.push(['input', e.detail, e.target.id, e.currentTarget.id])
        return e.detail.value.toUpperCase()
      },
      onTap(e: any) {
        log.push(['tap', e.target.id, e.currentTarget.id, e.currentTarget.dataset, e.detail])
      },
    } as any),
  )
  const backend = new glassEasel.CurrentWindowBackendContext()
  backend.onEvent((t, type, detail, options) =>
    glassEasel.Event.triggerEvent(t, type, detail, options),
  )
  const associated = env.associateBackend(backend)
  const root = associated.createRoot('page', codeSpace, 'pages/index/index')
  const host = document.createElement('div')
  const ph = document.createElement('div')
  host.appendChild(ph)
  document.body.appendChild(host)
  root.attach(host as any, ph as any)
  console.log(host.innerHTML)
  const input = host.querySelector('input') as HTMLInputElement
  input.value = 'abc'
  input.dispatchEvent(new Event('input', { bubbles: true }))
  console.log(host.innerHTML, input.value, JSON.stringify(log), JSON.stringify(root.get().data))
  const inside = host.querySelector('btn view') as HTMLElement
  for (const type of ['mousedown', 'mouseup'])
    inside.dispatchEvent(new MouseEvent(type, { bubbles: true, clientX: 5, clientY: 5 }))
  console.log(JSON.stringify(log))
})
