import { flushPromises, mount, type VueWrapper } from '@vue/test-utils'
import { afterEach, describe, expect, it } from 'vitest'
import type { NetworkEvent } from '../../../shared/network'
import { ok } from '../../../shared/result'
import { useNetworkStore } from './network-store'
import {
  fakeMainProcess,
  workbenchPlugins,
  type FakeMainProcess,
} from '../../../tests/helpers/fake-main-process'
import NetworkPanel from './NetworkPanel.vue'

let wrapper: VueWrapper | undefined
let main: FakeMainProcess

afterEach(() => {
  wrapper?.unmount()
  wrapper = undefined
})

const BODY = JSON.stringify({ message: 'hi', list: [1, 2] })

async function mountPanel(locale: 'en' | 'zh-CN' = 'en') {
  main = fakeMainProcess(undefined, {
    'network.exportHar': async () => ok({ har: '{"log":{"version":"1.2"}}' }),
    'network.replay': async () => ok(null),
    'network.body': async ({ part }) =>
      ok({
        base64: btoa(part === 'request' ? 'a=1&b=two' : BODY),
        size: BODY.length,
        truncated: false,
      }),
  })
  const { plugins } = workbenchPlugins(main, locale)
  useNetworkStore().start()
  wrapper = mount(NetworkPanel, { global: { plugins }, attachTo: document.body })
  await flushPromises()
  return wrapper
}

/** Sends events as the main process would and applies them as the next frame would. */
async function send(...events: NetworkEvent[]) {
  for (const event of events) main.emit('network.event', event)
  await flushPromises()
  useNetworkStore().flush()
  await flushPromises()
}

function queued(id: string, path: string, method = 'GET'): NetworkEvent {
  return {
    type: 'queued',
    id,
    api: 'request',
    url: `https://api.example.com${path}`,
    method,
    requestHeaders: {
      referer: 'https://servicewechat.com/wx1/devtools/page-frame.html',
      'content-type': 'application/x-www-form-urlencoded',
    },
    requestBodySize: 9,
    page: 'pages/index/index',
    time: 1000,
  }
}

function done(id: string, status: number, size: number): NetworkEvent[] {
  return [
    {
      type: 'headers',
      id,
      statusCode: status,
      statusText: 'OK',
      responseHeaders: { 'content-type': 'application/json', 'set-cookie': 'sid=1; Path=/' },
      time: 1010,
    },
    {
      type: 'finished',
      id,
      encodedSize: size,
      decodedSize: size,
      timings: { queue: 1, dns: 2, connect: 3, tls: 4, firstByte: 5, download: 6, total: 21 },
      body: { kind: 'memory', size },
      time: 1021,
    },
  ]
}

function rows(): string[][] {
  return wrapper!.findAll('tbody tr.row').map((row) => row.findAll('td').map((cell) => cell.text()))
}

describe('NetworkPanel', () => {
  it('is a grid with the column headers people know', async () => {
    await mountPanel('zh-CN')
    const grid = wrapper!.get('[role="grid"]')
    expect(grid.attributes('aria-label')).toBe('网络请求')
    expect(grid.findAll('th').map((th) => th.text())).toEqual([
      '名称',
      '状态',
      '方法',
      '类型',
      '页面',
      '大小',
      '时间',
      '瀑布',
    ])
  })

  it('lists a request as pending, then updates the same row in place', async () => {
    await mountPanel()
    await send(queued('1', '/items'))
    expect(rows()).toEqual([
      ['items', '(pending)', 'GET', 'request', 'pages/index/index', '0 B', '(pending)', ''],
    ])
    await send(...done('1', 200, 1234))
    expect(rows()).toEqual([
      ['items', '200', 'GET', 'request', 'pages/index/index', '1.2 kB', '21 ms', ''],
    ])
  })

  it('says a blocked request was blocked, with the reason in words', async () => {
    await mountPanel('zh-CN')
    await send(queued('1', '/items'), {
      type: 'blocked',
      id: '1',
      rule: 'domain-list',
      url: 'https://api.example.com/items',
      errMsg: 'request:fail url not in domain list',
      time: 1001,
    })
    expect(rows()[0][1]).toBe('已阻止 (url not in domain list)')
    expect(wrapper!.get('tr.row').classes()).toContain('blocked')
  })

  it('filters by text and by blocked/failed only', async () => {
    await mountPanel()
    await send(queued('1', '/alpha'), ...done('1', 200, 1), queued('2', '/beta'), {
      type: 'failed',
      id: '2',
      errMsg: 'request:fail timeout',
      time: 2000,
    })
    await wrapper!.get('input[type="search"]').setValue('alp')
    expect(rows().map((row) => row[0])).toEqual(['alpha'])
    await wrapper!.get('input[type="search"]').setValue('')
    const problemsOnly = wrapper!
      .findAll('label.check')
      .find((label) => label.text() === 'Blocked/failed only')!
    await problemsOnly.get('input').setValue(true)
    expect(rows().map((row) => [row[0], row[1]])).toEqual([['beta', 'failed (timeout)']])
  })

  it('sorts by a column header, then the other way, then back to arrival order', async () => {
    await mountPanel()
    await send(queued('1', '/b'), ...done('1', 200, 5), queued('2', '/a'), ...done('2', 404, 9))
    const header = () => wrapper!.findAll('th').find((th) => th.text() === 'Name')!
    await header().get('button').trigger('click')
    expect(rows().map((row) => row[0])).toEqual(['a', 'b'])
    expect(header().attributes('aria-sort')).toBe('ascending')
    await header().get('button').trigger('click')
    expect(rows().map((row) => row[0])).toEqual(['b', 'a'])
    await header().get('button').trigger('click')
    expect(rows().map((row) => row[0])).toEqual(['b', 'a'])
    expect(header().attributes('aria-sort')).toBe('none')
  })

  it('renders only the rows in view of a long log', async () => {
    await mountPanel()
    const events: NetworkEvent[] = []
    for (let i = 0; i < 5000; i++) events.push(queued(String(i), `/r${i}`))
    await send(...events)
    expect(wrapper!.get('[role="grid"]').attributes('aria-rowcount')).toBe('5001')
    expect(wrapper!.findAll('tbody tr.row').length).toBeLessThan(100)
  })

  it('shows the forced Referer in Headers and the form payload on demand', async () => {
    await mountPanel()
    await send(queued('1', '/items?q=1', 'POST'), ...done('1', 200, BODY.length))
    await wrapper!.get('tr.row').trigger('click')
    await flushPromises()
    const details = wrapper!.get('section.details')
    expect(details.text()).toContain('https://servicewechat.com/wx1/devtools/page-frame.html')
    await details
      .findAll('[role="tab"]')
      .find((tab) => tab.text() === 'Payload')!
      .trigger('click')
    await flushPromises()
    const pairs = details.findAll('dl.pairs dt').map((dt) => dt.text())
    expect(pairs).toEqual(['q', 'a', 'b'])
    expect(main.calls.filter((call) => call.method === 'network.body')).toEqual([
      { method: 'network.body', params: { id: '1', part: 'request' } },
    ])
  })

  it('previews a JSON response as an expandable tree and lists its cookies', async () => {
    await mountPanel()
    await send(queued('1', '/items'), ...done('1', 200, BODY.length))
    await wrapper!.get('tr.row').trigger('click')
    const tab = (name: string) =>
      wrapper!.findAll('[role="tab"]').find((item) => item.text() === name)!
    await tab('Preview').trigger('click')
    await flushPromises()
    expect(wrapper!.get('[role="tabpanel"]').text()).toContain('message: "hi"')
    await tab('Timing').trigger('click')
    expect(wrapper!.get('[role="tabpanel"]').text()).toContain('SSL/TLS')
    await tab('Cookies').trigger('click')
    expect(
      wrapper!
        .get('[role="tabpanel"]')
        .findAll('td')
        .map((td) => td.text()),
    ).toEqual(['sid', '1'])
  })

  it('moves the selection with the arrow keys', async () => {
    await mountPanel()
    await send(queued('1', '/a'), queued('2', '/b'))
    const grid = wrapper!.get('[role="grid"]')
    await grid.trigger('keydown', { key: 'ArrowDown' })
    await grid.trigger('keydown', { key: 'ArrowDown' })
    expect(wrapper!.get('tr[aria-selected="true"] td').text()).toBe('b')
    await grid.trigger('keydown', { key: 'ArrowUp' })
    expect(wrapper!.get('tr[aria-selected="true"] td').text()).toBe('a')
  })

  it('shows an enableChunked response chunk by chunk, as it arrived', async () => {
    await mountPanel()
    await send(
      queued('1', '/stream'),
      { type: 'chunk', id: '1', size: 10, time: 1005 },
      { type: 'chunk', id: '1', size: BODY.length - 10, time: 1030 },
      ...done('1', 200, BODY.length),
    )
    await wrapper!.get('tr.row').trigger('click')
    await wrapper!
      .findAll('[role="tab"]')
      .find((tab) => tab.text() === 'Response')!
      .trigger('click')
    await flushPromises()
    const chunks = wrapper!.findAll('ol.chunks li')
    expect(chunks.map((chunk) => chunk.get('pre').text())).toEqual([
      BODY.slice(0, 10),
      BODY.slice(10),
    ])
    expect(chunks[1].text()).toContain('+25 ms')
  })

  it('starts a new log on a recompile unless Preserve log is ticked', async () => {
    await mountPanel()
    await send(queued('1', '/a'))
    main.emit('project.sourcesChanged', { files: ['pages/index/index.js'] })
    await flushPromises()
    expect(rows()).toEqual([])
    await send(queued('2', '/b'))
    const preserve = wrapper!
      .findAll('label.check')
      .find((label) => label.text() === 'Preserve log')!
    await preserve.get('input').setValue(true)
    main.emit('project.sourcesChanged', { files: ['pages/index/index.wxml'] })
    await flushPromises()
    expect(rows().map((row) => row[0])).toEqual(['b'])
  })

  it('keeps the log when only the project’s settings files were written', async () => {
    await mountPanel()
    await send(queued('1', '/a'))
    main.emit('project.sourcesChanged', { files: ['project.private.config.json'] })
    await flushPromises()
    expect(rows().map((row) => row[0])).toEqual(['a'])
  })

  it('replays the selected request through the main process', async () => {
    await mountPanel()
    await send(queued('7', '/again', 'POST'), ...done('7', 200, 2))
    await wrapper!.get('tr.row').trigger('click')
    await wrapper!
      .findAll('button')
      .find((button) => button.text() === 'Replay')!
      .trigger('click')
    await flushPromises()
    expect(main.calls.filter((call) => call.method === 'network.replay')).toEqual([
      { method: 'network.replay', params: { id: '7' } },
    ])
  })

  it('exports the filtered rows’ ids for HAR', async () => {
    await mountPanel()
    await send(queued('1', '/alpha'), queued('2', '/beta'))
    await wrapper!.get('input[type="search"]').setValue('beta')
    expect(await useNetworkStore().exportHar(true)).toEqual(ok('{"log":{"version":"1.2"}}'))
    expect(main.calls.filter((call) => call.method === 'network.exportHar')).toEqual([
      { method: 'network.exportHar', params: { ids: ['2'] } },
    ])
  })
})

describe('NetworkPanel: would fail on a phone', () => {
  const NOT_LISTED = 'request:fail url not in domain list'
  const phoneWarning = (id: string): NetworkEvent => ({
    type: 'phone-warning',
    id,
    rule: 'domain-list',
    errMsg: NOT_LISTED,
    url: `https://api.example.com/warned`,
    time: 1001,
  })

  async function warnedAndPlain(locale: 'en' | 'zh-CN') {
    await mountPanel(locale)
    await send(
      queued('1', '/warned'),
      phoneWarning('1'),
      ...done('1', 200, 10),
      queued('2', '/plain'),
      ...done('2', 200, 10),
    )
  }

  it('marks the status cell of a row a phone would refuse, the errMsg as its tooltip', async () => {
    await warnedAndPlain('en')
    const [warned, plain] = wrapper!.findAll('tbody tr.row')
    const mark = warned.get('td.col-status .phone-mark')
    expect(mark.attributes('title')).toBe(NOT_LISTED)
    expect(mark.attributes('aria-label')).toBe(`Would fail on a phone: ${NOT_LISTED}`)
    expect(warned.get('td.col-status').attributes('title')).toBe(`200\n${NOT_LISTED}`)
    expect(warned.get('td.col-status').text()).toBe('200')
    expect(plain.find('.phone-mark').exists()).toBe(false)
    expect(warned.classes()).not.toContain('blocked')
  })

  it('shows a 真机上会失败 block in Headers with the rule, the errMsg and the fix', async () => {
    await warnedAndPlain('zh-CN')
    await wrapper!.get('tr.row').trigger('click')
    const block = wrapper!.get('section[role="note"]')
    expect(block.attributes('aria-label')).toBe('真机上会失败')
    expect(block.get('h3').text()).toContain('真机上会失败')
    const pairs = block.findAll('dd').map((dd) => dd.text())
    expect(pairs).toEqual([
      '域名不在合法域名列表中',
      NOT_LISTED,
      '在「开发管理 → 开发设置 → 服务器域名」中添加该域名。',
    ])
  })

  it('says “Would fail on a phone” in English, and nothing for a request a phone would pass', async () => {
    await warnedAndPlain('en')
    await wrapper!.get('tr.row').trigger('click')
    expect(wrapper!.get('section[role="note"] h3').text()).toContain('Would fail on a phone')
    await wrapper!.findAll('tr.row')[1].trigger('click')
    expect(wrapper!.find('section[role="note"]').exists()).toBe(false)
  })

  it('filters to phone failures only', async () => {
    await warnedAndPlain('zh-CN')
    const phoneOnly = wrapper!
      .findAll('label.check')
      .find((label) => label.text() === '仅看真机会失败')!
    await phoneOnly.get('input').setValue(true)
    expect(rows().map((row) => row[0])).toEqual(['warned'])
    await phoneOnly.get('input').setValue(false)
    expect(rows().map((row) => row[0])).toEqual(['warned', 'plain'])
  })
})
