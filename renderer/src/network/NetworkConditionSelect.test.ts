import { flushPromises, mount } from '@vue/test-utils'
import { describe, expect, it } from 'vitest'
import { fail, ok } from '../../../shared/result'
import { useNetworkStore } from './network-store'
import { fakeMainProcess, workbenchPlugins } from '../../../tests/helpers/fake-main-process'
import NetworkConditionSelect from './NetworkConditionSelect.vue'

describe('NetworkConditionSelect', () => {
  it('sends the chosen condition to the engine and reports it to the frame as a network type', async () => {
    const main = fakeMainProcess(undefined, { 'network.setCondition': async () => ok(null) })
    const { plugins } = workbenchPlugins(main)
    const wrapper = mount(NetworkConditionSelect, { global: { plugins } })
    await wrapper.get('select').setValue('offline')
    await flushPromises()
    expect(main.calls).toEqual([
      { method: 'network.setCondition', params: { condition: 'offline' } },
    ])
    expect(useNetworkStore().networkType).toBe('none')
  })

  it('shows the condition in force when the engine refused the change', async () => {
    const main = fakeMainProcess(undefined, {
      'network.setCondition': async () =>
        fail({ code: 'NO_PROJECT', message: 'No project is open' }),
    })
    const { plugins } = workbenchPlugins(main)
    const wrapper = mount(NetworkConditionSelect, { global: { plugins } })
    await wrapper.get('select').setValue('3g')
    await flushPromises()
    expect((wrapper.get('select').element as HTMLSelectElement).value).toBe('online')
    expect(useNetworkStore().networkType).toBe('wifi')
  })
})
