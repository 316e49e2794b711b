import { flushPromises, mount } from '@vue/test-utils'
import { describe, expect, it } from 'vitest'
import type { ContractService } from '../../../shared/rpc'
import { fail, ok } from '../../../shared/result'
import { useAppStore } from '../stores/app'
import { useProjectStore } from '../stores/project'
import {
  fakeMainProcess,
  sampleProject,
  workbenchPlugins,
} from '../../../tests/helpers/fake-main-process'
import ProjectOpenView from './ProjectOpenView.vue'

async function mountOpenView(service: Partial<ContractService> = {}) {
  const main = fakeMainProcess(null, service)
  const { plugins } = workbenchPlugins(main)
  await useProjectStore().start()
  const wrapper = mount(ProjectOpenView, { global: { plugins } })
  await flushPromises()
  return { wrapper, main }
}

describe('ProjectOpenView', () => {
  it('lists the recent projects', async () => {
    const { wrapper } = await mountOpenView({
      'project.recent': async () => ok([{ dir: '/work/shop', name: 'shop', openedAt: 1 }]),
    })
    expect(wrapper.get('ul.recent').text()).toBe('shop/work/shop')
  })

  it('opening a recent project calls project.open with its folder', async () => {
    const { wrapper, main } = await mountOpenView({
      'project.recent': async () => ok([{ dir: '/work/shop', name: 'shop', openedAt: 1 }]),
    })
    await wrapper.get('ul.recent button').trigger('click')
    await flushPromises()
    expect(main.calls.find((c) => c.method === 'project.open')?.params).toEqual({
      dir: '/work/shop',
    })
    expect(useProjectStore().current?.name).toBe('shop')
  })

  it('opens the typed path with the Open button', async () => {
    const { wrapper, main } = await mountOpenView()
    await wrapper.get('#project-path').setValue('  /srv/app  ')
    await wrapper.get('form').trigger('submit')
    await flushPromises()
    expect(main.calls.find((c) => c.method === 'project.open')?.params).toEqual({ dir: '/srv/app' })
  })

  it('shows why a project could not be opened, with its location', async () => {
    const { wrapper } = await mountOpenView({
      'project.open': async () =>
        fail({
          code: 'JSON_SYNTAX',
          message: 'Unexpected token',
          file: 'project.config.json',
          line: 2,
          column: 5,
        }),
    })
    await wrapper.get('#project-path').setValue('/srv/app')
    await wrapper.get('form').trigger('submit')
    await flushPromises()
    expect(wrapper.get('[role="alert"]').text()).toContain(
      'project.config.json:2:5: Unexpected token',
    )
  })

  it('Choose folder opens the folder the dialog returns', async () => {
    const { wrapper, main } = await mountOpenView({
      'project.chooseFolder': async () => ok('/picked/app'),
      'project.open': async ({ dir }) => ok(sampleProject({ dir })),
    })
    const choose = wrapper.findAll('button').find((b) => b.text() === 'Choose folder')
    await choose?.trigger('click')
    await flushPromises()
    expect(main.calls.find((c) => c.method === 'project.open')?.params).toEqual({
      dir: '/picked/app',
    })
  })

  it('has no Choose folder button in browser mode', async () => {
    const { wrapper } = await mountOpenView()
    await useAppStore().loadInfo()
    await flushPromises()
    expect(wrapper.findAll('button').some((b) => b.text() === 'Choose folder')).toBe(false)
  })

  it('hides Choose folder and says why when it is unsupported', async () => {
    const { wrapper } = await mountOpenView({
      'project.chooseFolder': async () =>
        fail({ code: 'UNSUPPORTED', message: 'No native dialog in browser mode' }),
    })
    const choose = wrapper.findAll('button').find((b) => b.text() === 'Choose folder')
    await choose?.trigger('click')
    await flushPromises()
    expect(wrapper.findAll('button').some((b) => b.text() === 'Choose folder')).toBe(false)
    expect(wrapper.text()).toContain('Choosing a folder needs the desktop app')
  })
})
