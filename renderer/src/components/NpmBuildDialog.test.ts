/**
 * 工具 → 构建 npm against the fake main process: the dialog opens modally with the build's
 * progress as the main process reports it, then lists what was built, or says why nothing was;
 * it cannot be closed while the build runs.
 */
import { flushPromises, mount } from '@vue/test-utils'
import { describe, expect, it } from 'vitest'
import type { NpmBuildReport } from '../../../shared/npm-build'
import { fail, ok, type Result } from '../../../shared/result'
import { useSimulatorStore } from '../simulator/simulator-store'
import { useProjectStore } from '../stores/project'
import { fakeMainProcess, workbenchPlugins } from '../../../tests/helpers/fake-main-process'
import WorkbenchToolbar from './WorkbenchToolbar.vue'

const REPORT: NpmBuildReport = {
  targets: [
    {
      packageJson: 'package.json',
      miniprogramNpm: 'miniprogram_npm',
      packages: [
        { name: '@vant/weapp', kind: 'copied', files: 466, bytes: 458076 },
        { name: 'dayjs', kind: 'bundled', files: 1, bytes: 11377 },
      ],
    },
  ],
}

/** The toolbar with a main process whose `project.buildNpm` waits until `finish` is called. */
async function mountWithBuild() {
  let finish: (result: Result<NpmBuildReport>) => void = () => undefined
  const main = fakeMainProcess(undefined, {
    'project.buildNpm': () => new Promise((resolve) => (finish = resolve)),
  })
  const { plugins } = workbenchPlugins(main, 'zh-CN')
  await useProjectStore().start()
  const wrapper = mount(WorkbenchToolbar, { global: { plugins }, attachTo: document.body })
  await wrapper.get('button[aria-haspopup="menu"]').trigger('click')
  await wrapper.get('[role="menuitem"]').trigger('click')
  await flushPromises()
  return { main, wrapper, finish: (result: Result<NpmBuildReport>) => finish(result) }
}

describe('the 构建 npm dialog', () => {
  it('shows progress, then what was built, and relaunches the simulator', async () => {
    const { main, wrapper, finish } = await mountWithBuild()
    const simulator = useSimulatorStore()
    const before = simulator.generation
    const dialog = wrapper.get('dialog')
    expect(dialog.attributes('open')).toBeDefined()
    expect(wrapper.get(`#${dialog.attributes('aria-labelledby')}`).text()).toBe('构建 npm')
    expect(dialog.get('[role="status"]').text()).toContain('正在读取 package.json 与 node_modules…')
    main.emit('project.npmProgress', { name: '@vant/weapp', done: 0, total: 2 })
    await flushPromises()
    expect(dialog.get('[role="status"]').text()).toContain('正在构建 @vant/weapp（0/2）…')
    expect(dialog.get('progress').attributes()).toMatchObject({ value: '0', max: '2' })
    // While the build runs, neither the button nor Escape closes it.
    expect(dialog.get('button').attributes('disabled')).toBeDefined()
    await dialog.trigger('cancel')
    expect(wrapper.find('dialog').exists()).toBe(true)

    finish(ok(REPORT))
    await flushPromises()
    expect(main.calls.filter((call) => call.method === 'project.buildNpm')).toHaveLength(1)
    const status = wrapper.get('dialog [role="status"]')
    expect(status.get('p').text()).toBe('构建 npm 完成。')
    expect(status.get('h3').text()).toBe('package.json → miniprogram_npm')
    expect(status.findAll('li').map((item) => item.text())).toEqual([
      '@vant/weapp 小程序 npm 包，已复制（466 个文件）',
      'dayjs 已打包为 index.js（11377 字节）',
    ])
    expect(simulator.generation).toBe(before + 1)
    await wrapper.get('dialog button').trigger('click')
    expect(wrapper.find('dialog').exists()).toBe(false)
    wrapper.unmount()
  })

  it('says why nothing was built, and Escape closes it then', async () => {
    const { wrapper, finish } = await mountWithBuild()
    const simulator = useSimulatorStore()
    const before = simulator.generation
    finish(
      fail({
        code: 'NPM_NO_NODE_MODULES',
        message: '/home/dev/shop/node_modules not found: run npm install first',
      }),
    )
    await flushPromises()
    expect(wrapper.get('dialog [role="alert"]').text()).toBe(
      '构建 npm 失败： /home/dev/shop/node_modules not found: run npm install first',
    )
    expect(simulator.generation).toBe(before)
    await wrapper.get('dialog').trigger('cancel')
    expect(wrapper.find('dialog').exists()).toBe(false)
    wrapper.unmount()
  })
})
