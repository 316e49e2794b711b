import { flushPromises, mount } from '@vue/test-utils'
import { describe, expect, it } from 'vitest'
import type { ProjectProblem } from '../../../shared/project'
import { useProjectStore } from '../stores/project'
import {
  fakeMainProcess,
  sampleProject,
  workbenchPlugins,
} from '../../../tests/helpers/fake-main-process'
import PanelsArea from './PanelsArea.vue'

const problem: ProjectProblem = {
  code: 'JSON_SYNTAX',
  severity: 'error',
  message: 'Unexpected end',
  file: 'app.json',
  line: 9,
  column: 1,
}

async function mountPanels(problems: ProjectProblem[] = []) {
  const { plugins } = workbenchPlugins(fakeMainProcess(sampleProject({ problems })))
  await useProjectStore().start()
  const wrapper = mount(PanelsArea, { global: { plugins }, attachTo: document.body })
  await flushPromises()
  return wrapper
}

describe('PanelsArea', () => {
  it('offers Details, Network, Console, Mock and Problems as tabs, Details selected', async () => {
    const tabs = (await mountPanels()).findAll('[role="tablist"] [role="tab"]')
    expect(tabs.map((tab) => [tab.text(), tab.attributes('aria-selected')])).toEqual([
      ['Details', 'true'],
      ['Network', 'false'],
      ['Console', 'false'],
      ['Mock', 'false'],
      ['Problems', 'false'],
    ])
  })

  it('every tab controls a tab panel, only the selected one shown', async () => {
    const wrapper = await mountPanels()
    for (const tab of wrapper.findAll('[role="tab"]')) {
      const panel = wrapper.get(`#${tab.attributes('aria-controls')}`)
      expect(panel.attributes('role')).toBe('tabpanel')
      expect(panel.attributes('hidden') === undefined).toBe(
        tab.attributes('aria-selected') === 'true',
      )
    }
  })

  it('the tab panel is labelled by the selected tab', async () => {
    const wrapper = await mountPanels()
    expect(wrapper.get('[role="tabpanel"]:not([hidden])').attributes('aria-labelledby')).toBe(
      'tab-details',
    )
    expect(wrapper.get('[role="tabpanel"]:not([hidden])').text()).toContain('Basic info')
  })

  it('clicking Problems selects it and shows the problems', async () => {
    const wrapper = await mountPanels([problem])
    await wrapper.get('#tab-problems').trigger('click')
    expect(wrapper.get('#tab-problems').attributes('aria-selected')).toBe('true')
    expect(wrapper.get('[role="tabpanel"]:not([hidden])').text()).toContain('app.json:9:1')
  })

  it('counts the problems on the Problems tab', async () => {
    const wrapper = await mountPanels([problem, { ...problem, line: 12 }])
    expect(wrapper.get('#tab-problems').text()).toBe('Problems 2')
  })

  it('the right arrow key moves to the next tab', async () => {
    const wrapper = await mountPanels()
    await wrapper.get('#tab-details').trigger('keydown', { key: 'ArrowRight' })
    expect(wrapper.get('#tab-network').attributes('aria-selected')).toBe('true')
  })
})
