import { flushPromises, mount } from '@vue/test-utils'
import { describe, expect, it } from 'vitest'
import { fail } from '../../../../shared/result'
import { useAppStore } from '../../stores/app'
import { useProjectStore } from '../../stores/project'
import {
  fakeMainProcess,
  sampleProject,
  workbenchPlugins,
} from '../../../../tests/helpers/fake-main-process'
import DetailsPanel from '../DetailsPanel.vue'

const URL_CHECK_LABEL = '不校验合法域名、web-view（业务域名）、TLS 版本以及 HTTPS 证书'

async function mountDetails(main = fakeMainProcess(), locale: 'en' | 'zh-CN' = 'en') {
  const { plugins } = workbenchPlugins(main, locale)
  await useProjectStore().start()
  const wrapper = mount(DetailsPanel, { global: { plugins }, attachTo: document.body })
  await flushPromises()
  return wrapper
}

describe('DetailsPanel', () => {
  it('shows the basic facts of the project', async () => {
    const text = (await mountDetails()).text()
    expect(text).toContain('shop')
    expect(text).toContain('/home/dev/shop')
    expect(text).toContain('miniprogram/')
    expect(text).toContain('3.4.0')
  })

  it('shows the appid in an editable field', async () => {
    const wrapper = await mountDetails()
    const input = wrapper.get<HTMLInputElement>('#appid-input')
    expect(input.element.value).toBe('wx1234567890abcdef')
    expect(wrapper.get('label[for="appid-input"]').text()).toBe('AppID')
  })

  it('lists every page with its package and its files, missing required ones marked', async () => {
    const rows = (await mountDetails()).findAll('table[aria-labelledby="pages-heading"] tbody tr')
    expect(rows.map((row) => row.find('td').text())).toEqual([
      expect.stringContaining('pages/index/index'),
      'pages/cart/cart',
      'packageA/pages/detail/detail',
    ])
    expect(rows[0].text()).toContain('Entry page')
    expect(rows[1].text()).toContain('Main package')
    expect(rows[1].text()).toContain('.wxml missing')
    expect(rows[1].text()).toContain('no .json')
    expect(rows[1].text()).not.toContain('.json missing')
    expect(rows[2].text()).toContain('packageA')
    expect(rows[2].text()).not.toContain('missing')
  })

  it('names a TypeScript page’s script .ts', async () => {
    const project = sampleProject()
    project.pages = [{ ...project.pages[0], script: 'ts' }]
    const row = (await mountDetails(fakeMainProcess(project))).get(
      'table[aria-labelledby="pages-heading"] tbody tr',
    )
    expect(row.findAll('.file').map((file) => file.text())).toEqual([
      '.ts',
      '.wxml',
      '.wxss',
      '.json',
    ])
  })

  it('shows window config, tab bar and network timeouts', async () => {
    const wrapper = await mountDetails()
    const window = wrapper.get('table[aria-labelledby="window-heading"]').text()
    expect(window).toContain('navigationBarTitleText')
    expect(window).toContain('Shop')
    const tabBar = wrapper.get('table[aria-labelledby="tabbar-heading"]').text()
    expect(tabBar).toContain('Cart')
    expect(tabBar).toContain('pages/cart/cart')
    const timeouts = wrapper.findAll('table[aria-labelledby="timeout-heading"] tbody tr')
    expect(timeouts[0].text()).toBe('request10000 ms')
    expect(timeouts[1].text()).toBe('connectSocket60000 ms (default)')
  })

  it('shows the four domain lists', async () => {
    const wrapper = await mountDetails()
    const origins = (kind: string) =>
      wrapper.findAll(`[aria-labelledby="domains-${kind}"] li`).map((li) => li.text())
    expect(origins('request')).toEqual(['https://api.example.com', 'https://api.example.com:8443'])
    expect(origins('socket')).toEqual(['wss://live.example.com'])
    expect(wrapper.find('[aria-labelledby="domains-uploadFile"]').exists()).toBe(false)
  })

  it('labels the urlCheck checkbox with WeChat’s exact text in Chinese', async () => {
    const wrapper = await mountDetails(fakeMainProcess(), 'zh-CN')
    const box = wrapper.get<HTMLInputElement>('input[type="checkbox"]')
    expect(wrapper.get(`label[for="${box.attributes('id')}"]`).text()).toBe(URL_CHECK_LABEL)
  })

  it('leaves the checkbox unticked while urlCheck is on', async () => {
    const wrapper = await mountDetails()
    expect(wrapper.get<HTMLInputElement>('#url-check').element.checked).toBe(false)
  })

  it('ticks the checkbox when urlCheck is off', async () => {
    const project = sampleProject()
    project.settings.urlCheck = false
    const wrapper = await mountDetails(fakeMainProcess(project))
    expect(wrapper.get<HTMLInputElement>('#url-check').element.checked).toBe(true)
  })

  it('ticking the checkbox calls updateSettings({ urlCheck: false })', async () => {
    const main = fakeMainProcess()
    const wrapper = await mountDetails(main)
    await wrapper.get('#url-check').setValue(true)
    await flushPromises()
    expect(main.calls.filter((c) => c.method === 'project.updateSettings')).toEqual([
      { method: 'project.updateSettings', params: { urlCheck: false } },
    ])
    expect(useProjectStore().current?.settings.urlCheck).toBe(false)
  })

  it('unticks the checkbox again when the write fails, and says why', async () => {
    const main = fakeMainProcess(sampleProject(), {
      'project.updateSettings': async () => fail({ code: 'WRITE_FAILED', message: 'EACCES' }),
    })
    const wrapper = await mountDetails(main)
    const box = wrapper.get<HTMLInputElement>('#url-check')
    await box.setValue(true)
    await flushPromises()
    expect(box.element.checked).toBe(false)
    expect(useAppStore().failure).toEqual({ code: 'WRITE_FAILED', message: 'EACCES' })
  })

  it('saving an edited appid calls updateSettings({ appid })', async () => {
    const main = fakeMainProcess()
    const wrapper = await mountDetails(main)
    await wrapper.get('#appid-input').setValue('wxfeedfacefeedface')
    await wrapper.get('form.appid').trigger('submit')
    await flushPromises()
    expect(main.calls.filter((c) => c.method === 'project.updateSettings')).toEqual([
      { method: 'project.updateSettings', params: { appid: 'wxfeedfacefeedface' } },
    ])
  })

  it('follows project.changed from the main process', async () => {
    const main = fakeMainProcess()
    const wrapper = await mountDetails(main)
    const project = sampleProject()
    project.pages = [{ ...project.pages[0], route: 'pages/new/new' }]
    main.emit('project.changed', project)
    await flushPromises()
    expect(wrapper.get('table[aria-labelledby="pages-heading"] tbody').text()).toContain(
      'pages/new/new',
    )
  })
})

describe('DetailsPanel: authorizations', () => {
  const KEY = 'mpdt.simulator.authorization:wx1234567890abcdef'

  it('lists the answers kept for the appid, and a change or a clear is kept and counted', async () => {
    window.localStorage.setItem(
      KEY,
      JSON.stringify({ 'scope.userLocation': true, 'scope.userInfo': false }),
    )
    const wrapper = await mountDetails()
    const { useSimulatorStore } = await import('../../simulator/simulator-store')
    const simulator = useSimulatorStore()
    const section = wrapper.get('section[aria-labelledby="authorization-heading"]')
    const location = section.get<HTMLInputElement>('input[id="auth-scope.userLocation"]')
    const userInfo = section.get<HTMLInputElement>('input[id="auth-scope.userInfo"]')
    expect([location.element.checked, userInfo.element.checked]).toEqual([true, false])
    expect(section.text()).toContain('获取你的位置信息')
    await location.setValue(false)
    expect(JSON.parse(window.localStorage.getItem(KEY) ?? '')).toEqual({
      'scope.userLocation': false,
      'scope.userInfo': false,
    })
    expect(simulator.authorizationEdits).toBe(1)
    await section.get('button').trigger('click')
    expect(window.localStorage.getItem(KEY)).toBeNull()
    expect(section.text()).toContain('Nothing asked yet')
    expect(section.get('button').attributes('disabled')).toBeDefined()
    window.localStorage.clear()
  })
})
