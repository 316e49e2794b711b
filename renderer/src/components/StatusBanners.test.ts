import { flushPromises, mount } from '@vue/test-utils'
import { describe, expect, it } from 'vitest'
import type { ProjectProblem } from '../../../shared/project'
import { useAppStore } from '../stores/app'
import { usePanelsStore } from '../stores/panels'
import { useProjectStore } from '../stores/project'
import {
  fakeMainProcess,
  sampleProject,
  workbenchPlugins,
} from '../../../tests/helpers/fake-main-process'
import StatusBanners from './StatusBanners.vue'

const syntaxError: ProjectProblem = {
  code: 'JSON_SYNTAX',
  severity: 'error',
  message: 'Expected comma',
  file: 'app.json',
  line: 4,
  column: 3,
}

async function mountBanners(problems: ProjectProblem[] = []) {
  const { plugins } = workbenchPlugins(fakeMainProcess(sampleProject({ problems })))
  await useProjectStore().start()
  const wrapper = mount(StatusBanners, { global: { plugins } })
  await flushPromises()
  return wrapper
}

describe('StatusBanners', () => {
  it('shows nothing while all is well', async () => {
    expect((await mountBanners()).findAll('[role="alert"]')).toHaveLength(0)
  })

  it('says clearly when the connection is lost', async () => {
    const wrapper = await mountBanners()
    useAppStore().markDisconnected()
    await flushPromises()
    expect(wrapper.get('[role="alert"]').text()).toContain('Disconnected from MP DevTools')
  })

  it('shows a failed call with its message until dismissed', async () => {
    const wrapper = await mountBanners()
    useAppStore().report({ code: 'WRITE_FAILED', message: 'EACCES: permission denied' })
    await flushPromises()
    expect(wrapper.get('[role="alert"]').text()).toContain('Failed: EACCES: permission denied')
    await wrapper.get('[role="alert"] button').trigger('click')
    expect(wrapper.findAll('[role="alert"]')).toHaveLength(0)
  })

  it('shows the first project error with its location', async () => {
    const wrapper = await mountBanners([syntaxError])
    const banner = wrapper.get('[data-testid="project-error-banner"]')
    expect(banner.text()).toContain('The project has 1 error')
    expect(banner.text()).toContain('app.json:4:3 Expected comma')
  })

  it('its button opens the Problems tab', async () => {
    const wrapper = await mountBanners([syntaxError])
    await wrapper.get('[data-testid="project-error-banner"] button').trigger('click')
    expect(usePanelsStore().active).toBe('problems')
  })

  it('ignores warnings', async () => {
    const wrapper = await mountBanners([{ ...syntaxError, severity: 'warning' }])
    expect(wrapper.find('[data-testid="project-error-banner"]').exists()).toBe(false)
  })
})
