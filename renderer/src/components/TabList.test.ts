import { mount } from '@vue/test-utils'
import { describe, expect, it } from 'vitest'
import { defineComponent, h, ref } from 'vue'
import TabList from './TabList.vue'

const TABS = ['one', 'two', 'three'] as const

// A parent that owns the selection, as PanelsArea and NetworkDetails do.
const Host = defineComponent(() => {
  const active = ref<(typeof TABS)[number]>('one')
  return () =>
    h(
      TabList<(typeof TABS)[number]>,
      {
        tabs: TABS,
        active: active.value,
        label: 'Sample',
        tabIdPrefix: 't-',
        panelIdPrefix: 'p-',
        onSelect: (tab: (typeof TABS)[number]) => (active.value = tab),
      },
      { default: ({ tab }: { tab: string }) => tab.toUpperCase() },
    )
})

describe('TabList', () => {
  it('is an ARIA tab list whose selected tab alone is in the tab order', () => {
    const wrapper = mount(Host)
    expect(wrapper.get('[role="tablist"]').attributes('aria-label')).toBe('Sample')
    const tabs = wrapper.findAll('[role="tab"]')
    expect(tabs.map((tab) => tab.text())).toEqual(['ONE', 'TWO', 'THREE'])
    expect(tabs.map((tab) => tab.attributes('tabindex'))).toEqual(['0', '-1', '-1'])
    expect(tabs[1].attributes('aria-controls')).toBe('p-two')
  })

  it('moves the selection and the focus with the arrow keys, wrapping at the ends', async () => {
    const wrapper = mount(Host, { attachTo: document.body })
    await wrapper.get('#t-one').trigger('keydown', { key: 'ArrowLeft' })
    await new Promise((resolve) => setTimeout(resolve, 0))
    expect(wrapper.get('#t-three').attributes('aria-selected')).toBe('true')
    expect(document.activeElement?.id).toBe('t-three')
    await wrapper.get('#t-three').trigger('keydown', { key: 'ArrowRight' })
    await new Promise((resolve) => setTimeout(resolve, 0))
    expect(wrapper.get('#t-one').attributes('aria-selected')).toBe('true')
    await wrapper.get('#t-two').trigger('click')
    expect(wrapper.get('#t-two').attributes('aria-selected')).toBe('true')
    wrapper.unmount()
  })
})
