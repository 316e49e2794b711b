/**
 * The toolbar's compile-mode menu and the 自定义编译条件 dialog against the fake main process:
 * what is written (project.updateSettings), when the simulator launches anew, and what a person
 * is told when a field is wrong.
 */
import { flushPromises, mount, type VueWrapper } from '@vue/test-utils'
import { describe, expect, it } from 'vitest'
import type { CompileMode } from '../../../shared/compile-mode'
import { useSimulatorStore } from '../simulator/simulator-store'
import { useProjectStore } from '../stores/project'
import {
  fakeMainProcess,
  sampleProject,
  workbenchPlugins,
} from '../../../tests/helpers/fake-main-process'
import WorkbenchToolbar from './WorkbenchToolbar.vue'

const DETAIL: CompileMode = {
  name: 'detail 7',
  pathName: 'pages/cart/cart',
  query: 'id=7',
  scene: 1047,
}

async function mountToolbar(modes: CompileMode[] = [], selected = -1) {
  const project = sampleProject()
  project.settings = { ...project.settings, compileModes: modes, compileMode: selected }
  const main = fakeMainProcess(project)
  const { plugins } = workbenchPlugins(main, 'zh-CN')
  await useProjectStore().start()
  const wrapper = mount(WorkbenchToolbar, { global: { plugins }, attachTo: document.body })
  return { main, wrapper, simulator: useSimulatorStore() }
}

function settingsCalls(main: ReturnType<typeof fakeMainProcess>) {
  return main.calls.filter((call) => call.method === 'project.updateSettings').map((c) => c.params)
}

async function choose(wrapper: VueWrapper, value: string) {
  const menu = wrapper.get<HTMLSelectElement>('select[aria-label="编译模式"]')
  menu.element.value = value
  await menu.trigger('change')
  await flushPromises()
}

describe('the compile-mode menu', () => {
  it('lists 普通编译, the project’s modes and the add action', async () => {
    const { wrapper } = await mountToolbar([DETAIL])
    const options = wrapper.findAll('select[aria-label="编译模式"] option').map((o) => o.text())
    expect(options).toEqual(['普通编译', 'detail 7', '──────────', '添加编译模式…'])
    wrapper.unmount()
  })

  it('selecting a mode saves the choice and launches the simulator anew', async () => {
    const { main, wrapper, simulator } = await mountToolbar([DETAIL])
    const before = simulator.generation
    await choose(wrapper, '0')
    expect(settingsCalls(main)).toEqual([{ compileMode: 0 }])
    expect(simulator.generation).toBe(before + 1)
    expect(simulator.launch()).toEqual({
      page: undefined,
      modeEntry: 'pages/cart/cart?id=7',
      scene: 1047,
    })
    wrapper.unmount()
  })

  it('编译 launches the selected mode’s page, not the page on screen', async () => {
    const { wrapper, simulator } = await mountToolbar([DETAIL], 0)
    simulator.stack = [{ route: 'pages/index/index', query: { q: '1' } }]
    await wrapper.get('button.primary').trigger('click')
    await flushPromises()
    expect(simulator.launch()).toEqual({
      page: undefined,
      modeEntry: 'pages/cart/cart?id=7',
      scene: 1047,
    })
    wrapper.unmount()
  })
})

describe('the 自定义编译条件 dialog', () => {
  it('adds a mode from the page on screen, selects it and launches it', async () => {
    const { main, wrapper, simulator } = await mountToolbar()
    simulator.stack = [{ route: 'pages/cart/cart', query: { id: '9' } }]
    await choose(wrapper, 'add')
    const dialog = wrapper.get('dialog')
    expect(dialog.attributes('open')).toBeDefined()
    const inputs = dialog.findAll('input')
    expect(inputs.map((input) => (input.element as HTMLInputElement).value)).toEqual([
      'pages/cart/cart',
      'pages/cart/cart',
      'id=9',
    ])
    await inputs[0].setValue(' 购物车 ')
    await dialog.get('select').setValue('1011')
    const before = simulator.generation
    await dialog.get('form').trigger('submit')
    await flushPromises()
    expect(settingsCalls(main)).toEqual([
      {
        compileModes: [{ name: '购物车', pathName: 'pages/cart/cart', query: 'id=9', scene: 1011 }],
        compileMode: 0,
      },
    ])
    expect(simulator.generation).toBe(before + 1)
    expect(wrapper.find('dialog').exists()).toBe(false)
    wrapper.unmount()
  })

  it('says what is wrong, marks the field and saves nothing', async () => {
    const { main, wrapper } = await mountToolbar()
    await choose(wrapper, 'add')
    const inputs = wrapper.get('dialog').findAll('input')
    await inputs[0].setValue('   ')
    await wrapper.get('dialog form').trigger('submit')
    await flushPromises()
    expect(wrapper.get('[role="alert"]').text()).toBe('请填写模式名称。')
    expect(inputs[0].attributes('aria-invalid')).toBe('true')
    await inputs[0].setValue('x')
    await inputs[2].setValue('?a=1 b')
    await wrapper.get('dialog form').trigger('submit')
    await flushPromises()
    expect(wrapper.get('[role="alert"]').text()).toBe(
      '启动参数写作 a=1&b=2（不含“?”、“#”和空格）。',
    )
    expect(settingsCalls(main)).toEqual([])
    wrapper.unmount()
  })

  it('warns, without refusing, that a page app.json lacks will call onPageNotFound', async () => {
    const { wrapper } = await mountToolbar()
    await choose(wrapper, 'add')
    await wrapper.get('dialog').findAll('input')[1].setValue('/pages/old/old')
    expect(wrapper.get('dialog .note').text()).toBe(
      'pages/old/old 不在 app.json 中：启动时会和真机一样调用 onPageNotFound。',
    )
    wrapper.unmount()
  })

  it('edits the selected mode keeping the fields it does not know, or deletes it', async () => {
    const kept = { ...DETAIL, other: { launchMode: 'singlePage' } }
    const { main, wrapper } = await mountToolbar([kept, { ...DETAIL, name: 'second' }], 0)
    await choose(wrapper, 'edit')
    await wrapper.get('dialog').findAll('input')[0].setValue('renamed')
    await wrapper.get('dialog form').trigger('submit')
    await flushPromises()
    expect(settingsCalls(main)[0]).toEqual({
      compileModes: [
        { ...kept, name: 'renamed' },
        { ...DETAIL, name: 'second' },
      ],
      compileMode: 0,
    })
    await choose(wrapper, 'edit')
    const remove = wrapper
      .get('dialog')
      .findAll('button')
      .find((b) => b.text() === '删除该模式')!
    await remove.trigger('click')
    await flushPromises()
    expect(settingsCalls(main)[1]).toEqual({
      compileModes: [{ ...DETAIL, name: 'second' }],
      compileMode: -1,
    })
    wrapper.unmount()
  })
})
