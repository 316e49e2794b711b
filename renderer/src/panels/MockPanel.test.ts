/**
 * The Mock panel against the fake main process: what it writes through project.setMock, what it
 * says when a rule cannot be saved, and the Network panel's “Mock this response”.
 */
import { flushPromises, mount, type VueWrapper } from '@vue/test-utils'
import { describe, expect, it } from 'vitest'
import { newMockRule, type MockRule, type MockSettings } from '../../../shared/mock'
import { fail } from '../../../shared/result'
import { useMockStore } from '../stores/mock'
import { usePanelsStore } from '../stores/panels'
import { useProjectStore } from '../stores/project'
import {
  fakeMainProcess,
  sampleProject,
  workbenchPlugins,
} from '../../../tests/helpers/fake-main-process'
import MockPanel from './MockPanel.vue'

const ORDERS: MockRule = {
  ...newMockRule('https://api.example.com/orders'),
  name: 'orders',
  body: '{"list":[]}',
}

async function mountPanel(mock: MockSettings = { enabled: false, rules: [] }, refuse = false) {
  const main = fakeMainProcess(
    sampleProject({ mock }),
    refuse
      ? {
          'project.setMock': async () =>
            fail({ code: 'WRITE_FAILED', message: 'Cannot write project.mock.json: read-only' }),
        }
      : {},
  )
  const { plugins } = workbenchPlugins(main, 'zh-CN')
  await useProjectStore().start()
  const wrapper = mount(MockPanel, { global: { plugins } })
  await flushPromises()
  const saved = () =>
    main.calls
      .filter((call) => call.method === 'project.setMock')
      .map((call) => (call.params as { mock: MockSettings }).mock)
  return { main, wrapper, saved }
}

/** Presses 添加规则 and answers the editor's form. */
async function addRule(wrapper: VueWrapper) {
  await wrapper
    .findAll('button')
    .find((b) => b.text() === '添加规则')!
    .trigger('click')
  return wrapper.get('form')
}

describe('the Mock panel', () => {
  it('lists the rules in a table with their method, match, URL, status and delay', async () => {
    const { wrapper } = await mountPanel({ enabled: true, rules: [{ ...ORDERS, delay: 300 }] })
    const cells = wrapper.findAll('tbody td').map((cell) => cell.text())
    expect(cells.slice(1, 7)).toEqual([
      'orders',
      '任意',
      '前缀匹配',
      'https://api.example.com/orders',
      '200',
      '300 ms',
    ])
  })

  it('adds a rule: first in the list, Mock switched on with the first rule', async () => {
    const { wrapper, saved } = await mountPanel()
    const form = await addRule(wrapper)
    await form.get('input[type="text"]').setValue('down')
    await form.findAll('input[type="text"]')[1].setValue('https://api.example.com/orders')
    await form.findAll('select')[0].setValue('GET')
    await form.findAll('input[type="number"]')[0].setValue(503)
    await form.findAll('textarea')[0].setValue('Retry-After: 30')
    await form.findAll('textarea')[1].setValue('{"error":"maintenance"}')
    await form.trigger('submit')
    await flushPromises()
    expect(saved()).toEqual([
      {
        enabled: true,
        rules: [
          {
            ...newMockRule('https://api.example.com/orders'),
            name: 'down',
            method: 'GET',
            statusCode: 503,
            header: { 'Retry-After': '30' },
            body: '{"error":"maintenance"}',
          },
        ],
      },
    ])
    expect(wrapper.find('form').exists()).toBe(false)
    expect(wrapper.findAll('tbody tr')).toHaveLength(1)
  })

  it('says what is wrong with a rule, marks the field and saves nothing', async () => {
    const { wrapper, saved } = await mountPanel()
    const form = await addRule(wrapper)
    await form.findAll('input[type="text"]')[1].setValue('api.example.com/orders')
    await form.trigger('submit')
    await flushPromises()
    expect(wrapper.get('[role="alert"]').text()).toBe(
      'URL 应以 https:// 或 http:// 开头（或选择“正则表达式”）。',
    )
    const url = form.findAll('input[type="text"]')[1]
    expect(url.attributes('aria-invalid')).toBe('true')
    expect(url.attributes('aria-describedby')).toBe(wrapper.get('[role="alert"]').attributes('id'))
    await url.setValue('https://api.example.com/orders')
    await form.findAll('textarea')[1].setValue('{not json')
    await form.trigger('submit')
    await flushPromises()
    expect(wrapper.get('[role="alert"]').text()).toMatch(/^响应体不是有效的 JSON：/)
    // The mark moves with the problem: the body is marked and named, the URL no longer.
    expect(form.findAll('textarea')[1].attributes('aria-invalid')).toBe('true')
    expect(form.findAll('textarea')[1].attributes('aria-describedby')).toBeTruthy()
    expect(url.attributes('aria-invalid')).toBe('false')
    expect(url.attributes('aria-describedby')).toBeUndefined()
    expect(saved()).toEqual([])
  })

  it('switches Mock, and one rule, off and on', async () => {
    const { wrapper, saved } = await mountPanel({ enabled: true, rules: [ORDERS] })
    await wrapper.get('[role="toolbar"] input[type="checkbox"]').setValue(false)
    await flushPromises()
    await wrapper.get('tbody input[type="checkbox"]').setValue(false)
    await flushPromises()
    expect(saved()).toEqual([
      { enabled: false, rules: [ORDERS] },
      { enabled: false, rules: [{ ...ORDERS, enabled: false }] },
    ])
    expect(wrapper.text()).toContain('Mock 未启用')
  })

  it('edits and deletes a rule', async () => {
    const second = { ...ORDERS, name: 'second' }
    const { wrapper, saved } = await mountPanel({ enabled: true, rules: [ORDERS, second] })
    await wrapper
      .findAll('tbody button')
      .find((b) => b.text() === '编辑')!
      .trigger('click')
    await wrapper.get('form input[type="text"]').setValue('renamed')
    await wrapper.get('form').trigger('submit')
    await flushPromises()
    await wrapper.findAll('tbody tr')[1].findAll('button')[1].trigger('click')
    await flushPromises()
    expect(saved()).toEqual([
      { enabled: true, rules: [{ ...ORDERS, name: 'renamed' }, second] },
      { enabled: true, rules: [{ ...ORDERS, name: 'renamed' }] },
    ])
  })

  it('shows the main process’s refusal and keeps the editor open', async () => {
    const { wrapper } = await mountPanel(undefined, true)
    const form = await addRule(wrapper)
    await form.findAll('input[type="text"]')[1].setValue('https://a.test/')
    await form.trigger('submit')
    await flushPromises()
    expect(wrapper.get('[role="alert"]').text()).toBe('Cannot write project.mock.json: read-only')
    expect(wrapper.find('form').exists()).toBe(true)
  })
})

describe('Mock this response', () => {
  it('opens the Mock panel on a new exact rule filled with the recorded response', async () => {
    await mountPanel()
    const mock = useMockStore()
    mock.mockResponse({
      url: 'https://api.example.com/orders?page=2',
      method: 'get',
      statusCode: 404,
      contentType: 'application/json; charset=utf-8',
      body: '{"error":"gone"}',
    })
    expect(usePanelsStore().active).toBe('mock')
    expect(mock.editing?.draft).toMatchObject({
      method: 'GET',
      match: 'exact',
      url: 'https://api.example.com/orders?page=2',
      statusCode: 404,
      headerText: 'content-type: application/json; charset=utf-8',
      body: '{\n  "error": "gone"\n}',
      bodyType: 'json',
    })
  })

  it('keeps a body that is not JSON as text', async () => {
    await mountPanel()
    const mock = useMockStore()
    mock.mockResponse({
      url: 'https://a.test/x',
      method: 'GET',
      statusCode: 200,
      contentType: 'application/json',
      body: '{"cut": "off',
    })
    expect(mock.editing?.draft).toMatchObject({ bodyType: 'text', body: '{"cut": "off' })
  })
})
