import { flushPromises, mount } from '@vue/test-utils'
import { describe, expect, it } from 'vitest'
import { fail, ok } from '../../../../shared/result'
import { useProjectStore } from '../../stores/project'
import {
  fakeMainProcess,
  sampleProject,
  workbenchPlugins,
} from '../../../../tests/helpers/fake-main-process'
import DomainListsView from './DomainListsView.vue'
import MachineNetworkSettings from './MachineNetworkSettings.vue'

describe('domain list editor', () => {
  async function mountEditor(answer: 'ok' | 'invalid') {
    const main = fakeMainProcess(sampleProject(), {
      'project.setDomains': async ({ domains }) =>
        answer === 'ok'
          ? ok({ ...sampleProject(), domains })
          : fail({
              code: 'INVALID_DOMAINS',
              message: 'wildcards are not supported: https://*.a.test',
            }),
    })
    const { plugins } = workbenchPlugins(main)
    await useProjectStore().start()
    const wrapper = mount(DomainListsView, {
      props: { domains: { request: [], socket: [], uploadFile: [], downloadFile: [] } },
      global: { plugins },
    })
    await wrapper
      .findAll('button')
      .find((button) => button.text() === 'Edit')!
      .trigger('click')
    return { main, wrapper }
  }

  it('saves one origin per line to the request list', async () => {
    const { main, wrapper } = await mountEditor('ok')
    await wrapper.get('#domains-edit-request').setValue('https://a.test\n\n https://b.test ')
    await wrapper.get('form').trigger('submit')
    await flushPromises()
    expect(main.calls.find((call) => call.method === 'project.setDomains')?.params).toEqual({
      domains: {
        request: ['https://a.test', 'https://b.test'],
        socket: [],
        uploadFile: [],
        downloadFile: [],
      },
    })
    expect(wrapper.find('form').exists()).toBe(false)
  })

  it('shows why the main process refused the lists and stays in the editor', async () => {
    const { wrapper } = await mountEditor('invalid')
    await wrapper.get('#domains-edit-request').setValue('https://*.a.test')
    await wrapper.get('form').trigger('submit')
    await flushPromises()
    expect(wrapper.get('[role="alert"]').text()).toBe(
      'wildcards are not supported: https://*.a.test',
    )
    expect(wrapper.find('form').exists()).toBe(true)
  })
})

describe('machine network settings', () => {
  it('loads the machine’s mappings and saves the edited lines', async () => {
    const main = fakeMainProcess(sampleProject(), {
      'settings.machineNetwork': async () =>
        ok({ connectTo: ['a.test:443:127.0.0.1:8443'], extraCa: '' }),
      'settings.setMachineNetwork': async (settings) => ok(settings),
    })
    const { plugins } = workbenchPlugins(main)
    const wrapper = mount(MachineNetworkSettings, { global: { plugins } })
    await flushPromises()
    const mapping = wrapper.get('#machine-connect-to')
    expect((mapping.element as HTMLTextAreaElement).value).toBe('a.test:443:127.0.0.1:8443')
    await mapping.setValue('b.test:80:127.0.0.1:8080')
    await wrapper.get('#machine-extra-ca').setValue('/etc/ca.pem')
    await wrapper.get('form').trigger('submit')
    await flushPromises()
    expect(main.calls.find((call) => call.method === 'settings.setMachineNetwork')?.params).toEqual(
      {
        connectTo: ['b.test:80:127.0.0.1:8080'],
        extraCa: '/etc/ca.pem',
      },
    )
    expect(wrapper.get('[role="status"]').text()).toBe('Saved')
  })

  it('is not shown where the main process keeps no machine settings', async () => {
    const { plugins } = workbenchPlugins(fakeMainProcess())
    const wrapper = mount(MachineNetworkSettings, { global: { plugins } })
    await flushPromises()
    expect(wrapper.find('form').exists()).toBe(false)
  })
})
