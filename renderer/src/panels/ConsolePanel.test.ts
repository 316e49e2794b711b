import { flushPromises, mount, type VueWrapper } from '@vue/test-utils'
import { afterEach, describe, expect, it } from 'vitest'
import { ok } from '../../../shared/result'
import { useSimulatorStore } from '../simulator/simulator-store'
import { useConsoleStore } from '../stores/console'
import {
  fakeMainProcess,
  workbenchPlugins,
  type FakeMainProcess,
} from '../../../tests/helpers/fake-main-process'
import ConsolePanel from './ConsolePanel.vue'

let wrapper: VueWrapper | undefined
let main: FakeMainProcess

afterEach(() => {
  wrapper?.unmount()
  wrapper = undefined
})

async function mountPanel() {
  main = fakeMainProcess(undefined, {
    'network.securityDetails': async () =>
      ok([
        {
          origin: 'https://api.example.com',
          remoteAddress: '127.0.0.1:8443',
          httpVersion: '1.1',
          statusCode: 200,
          secureTls: true,
          secureCertificate: true,
          tls: {
            protocol: 'TLSv1.3',
            cipher: 'TLS_AES_256_GCM_SHA384',
            subject: 'CN=api.example.com',
            issuer: 'CN=Test CA',
            validFrom: 'Jan 1 2026',
            validTo: 'Jan 1 2027',
            remoteAddress: '127.0.0.1',
            authorized: true,
          },
        },
      ]),
  })
  const { plugins } = workbenchPlugins(main)
  useConsoleStore().start()
  wrapper = mount(ConsolePanel, { global: { plugins }, attachTo: document.body })
  await flushPromises()
  return wrapper
}

function lines(): string[] {
  return wrapper!.findAll('.line').map((line) => line.text())
}

describe('ConsolePanel', () => {
  it('prints the tool’s messages with their group, folding it on a click', async () => {
    await mountPanel()
    main.emit('network.console', { level: 'group', args: ['request 合法域名校验出错'] })
    main.emit('network.console', { level: 'error', args: ['https://a.test 不在以下列表中'] })
    main.emit('network.console', { level: 'groupEnd', args: [] })
    await flushPromises()
    expect(lines()).toEqual([
      'request 合法域名校验出错MP DevTools',
      'https://a.test 不在以下列表中MP DevTools',
    ])
    await wrapper!.get('button.group').trigger('click')
    expect(wrapper!.get('button.group').attributes('aria-expanded')).toBe('false')
    expect(lines()).toHaveLength(1)
  })

  it('shows console.table as a real table', async () => {
    await mountPanel()
    useConsoleStore().add({
      source: 'miniprogram',
      level: 'table',
      args: [[{ name: 'apple', qty: 2 }]],
      time: 0,
    })
    await flushPromises()
    const table = wrapper!.get('[role="log"] table')
    expect(table.findAll('thead th').map((th) => th.text())).toEqual(['(index)', 'name', 'qty'])
    expect(table.findAll('tbody td').map((td) => td.text())).toEqual(['apple', '2'])
  })

  it('expands an object argument and names the source file and line', async () => {
    await mountPanel()
    useConsoleStore().add({
      source: 'miniprogram',
      level: 'log',
      args: ['user', { name: 'Li', tags: ['a'] }],
      stack: 'at onLoad (https://x/pages/index/index.js:7:3)',
      time: 0,
    })
    await flushPromises()
    expect(wrapper!.get('.place').text()).toBe('index.js:7')
    const toggle = wrapper!.get('.line button.toggle')
    expect(toggle.attributes('aria-expanded')).toBe('false')
    await toggle.trigger('click')
    expect(wrapper!.get('.line').text()).toContain('name: "Li"')
  })

  it('filters by level and by text', async () => {
    await mountPanel()
    const store = useConsoleStore()
    store.add({ source: 'miniprogram', level: 'log', args: ['plain'], time: 0 })
    store.add({ source: 'miniprogram', level: 'error', args: ['broken thing'], time: 0 })
    await flushPromises()
    await wrapper!.get('select').setValue('error')
    expect(lines().map((line) => line.trim())).toEqual(['broken thing'])
    await wrapper!.get('select').setValue('all')
    await wrapper!.get('input[type="search"]').setValue('PLAIN')
    expect(lines().map((line) => line.trim())).toEqual(['plain'])
  })

  it('runs showRequestInfo() from the command line and prints a table per origin', async () => {
    await mountPanel()
    const command = wrapper!.get('textarea')
    await command.setValue('showRequestInfo()')
    await command.trigger('keydown', { key: 'Enter' })
    await flushPromises()
    const table = wrapper!.get('[role="log"] table')
    expect(table.findAll('tbody td').map((td) => td.text())).toEqual([
      'https://api.example.com',
      'TLSv1.3',
      'TLS_AES_256_GCM_SHA384',
      'CN=api.example.com',
      'CN=Test CA',
      'Jan 1 2026',
      'Jan 1 2027',
      '127.0.0.1:8443',
    ])
    expect((command.element as HTMLTextAreaElement).value).toBe('')
  })

  it('clears every line', async () => {
    await mountPanel()
    useConsoleStore().add({ source: 'miniprogram', level: 'log', args: ['x'], time: 0 })
    await flushPromises()
    await wrapper!.get('[role="toolbar"] button').trigger('click')
    expect(lines()).toEqual([])
  })

  it('says that a command needs a running mini-program when no simulator runs', async () => {
    await mountPanel()
    const command = wrapper!.get('textarea')
    await command.setValue('getApp()')
    await command.trigger('keydown', { key: 'Enter' })
    await flushPromises()
    expect(lines().map((line) => line.trim())).toEqual([
      '›getApp()',
      expect.stringContaining('No mini-program is running'),
    ])
  })

  it("runs a command in the simulator's logic context and prints its value or its error", async () => {
    await mountPanel()
    const asked: string[] = []
    useSimulatorStore().evaluator = async (code) => {
      asked.push(code)
      if (code === 'boom()') {
        return { ok: false, error: { message: 'ReferenceError: boom is not defined', stack: '' } }
      }
      if (code === 'relaunch()') {
        const errMsg = 'reLaunch:fail page "nope" is not found'
        return {
          ok: false,
          inPromise: true,
          value: { errMsg },
          error: { message: JSON.stringify({ errMsg }), stack: '' },
        }
      }
      return { ok: true, value: 42 }
    }
    const command = wrapper!.get('textarea')
    for (const text of ['getApp().answer', 'boom()', 'relaunch()']) {
      await command.setValue(text)
      await command.trigger('keydown', { key: 'Enter' })
      await flushPromises()
    }
    expect(asked).toEqual(['getApp().answer', 'boom()', 'relaunch()'])
    expect(lines().map((line) => line.trim())).toEqual([
      '›getApp().answer',
      '‹42',
      '›boom()',
      '‹Uncaught ReferenceError: boom is not defined',
      '›relaunch()',
      // Two arguments (the words and the folded object), spaced by the line's gap.
      '‹Uncaught (in promise){errMsg: "reLaunch:fail page \\"nope\\" is not found"}',
    ])
  })

  it('shows the newest lines once the console is full, the oldest gone', async () => {
    await mountPanel()
    const store = useConsoleStore()
    // The cap itself (CONSOLE_LIMIT) is the store's (stores/console.test.ts): a small one here, so
    // the panel renders a full console without thousands of lines.
    store.limit = 3
    for (let i = 0; i < 5; i++) {
      store.add({ source: 'miniprogram', level: 'log', args: [`line ${i}`], time: 0 })
    }
    await flushPromises()
    expect(lines().map((line) => line.trim())).toEqual(['line 2', 'line 3', 'line 4'])
  })
})
