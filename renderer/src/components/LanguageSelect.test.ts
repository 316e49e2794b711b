import { flushPromises, mount } from '@vue/test-utils'
import { afterEach, describe, expect, it } from 'vitest'
import { LOCALE_STORAGE_KEY } from '../i18n'
import { useProjectStore } from '../stores/project'
import { fakeMainProcess, workbenchPlugins } from '../../../tests/helpers/fake-main-process'
import WorkbenchToolbar from './WorkbenchToolbar.vue'

async function mountToolbar(locale: 'en' | 'zh-CN') {
  const { plugins } = workbenchPlugins(fakeMainProcess(), locale)
  await useProjectStore().start()
  const wrapper = mount(WorkbenchToolbar, { global: { plugins } })
  await flushPromises()
  return wrapper
}

describe('language switch', () => {
  afterEach(() => localStorage.clear())

  it('switching to Chinese changes the UI text', async () => {
    const wrapper = await mountToolbar('en')
    expect(wrapper.text()).toContain('Compile')
    await wrapper.get('label.language select').setValue('zh-CN')
    expect(wrapper.text()).toContain('编译')
    expect(wrapper.text()).toContain('打开项目')
    expect(wrapper.text()).not.toContain('Compile')
    expect(wrapper.text()).toContain('普通编译')
  })

  it('switching to English changes the UI text', async () => {
    const wrapper = await mountToolbar('zh-CN')
    await wrapper.get('label.language select').setValue('en')
    expect(wrapper.text()).toContain('Open project')
  })

  it('remembers the choice in localStorage', async () => {
    const wrapper = await mountToolbar('en')
    await wrapper.get('label.language select').setValue('zh-CN')
    expect(localStorage.getItem(LOCALE_STORAGE_KEY)).toBe('zh-CN')
  })

  it('the selector has an accessible name', async () => {
    const wrapper = await mountToolbar('en')
    expect(wrapper.get('label.language').text()).toContain('Language')
    expect(wrapper.find('label.language select').exists()).toBe(true)
  })
})
