import { describe, expect, it } from 'vitest'
import type { NetworkApi, NetworkEvent } from '../../../shared/network'
import {
  failureReason,
  NetworkLogModel,
  NO_FILTER,
  requestName,
  visibleRows,
  type NetworkRow,
} from './network-rows'

const TIMINGS = { queue: 1, dns: 2, connect: 3, tls: 4, firstByte: 5, download: 6, total: 30 }

function queued(id: string, url: string, api: NetworkApi = 'request'): NetworkEvent {
  return {
    type: 'queued',
    id,
    api,
    url,
    method: 'GET',
    requestHeaders: { referer: 'https://servicewechat.com/wx1/devtools/page-frame.html' },
    requestBodySize: 0,
    page: 'pages/index/index',
    time: 1000,
  }
}

function finish(model: NetworkLogModel, id: string, status: number, size = 10) {
  model.apply({
    type: 'headers',
    id,
    statusCode: status,
    statusText: '',
    responseHeaders: { 'content-type': 'application/json; charset=utf-8' },
    time: 1010,
  })
  model.apply({
    type: 'finished',
    id,
    encodedSize: size,
    decodedSize: size,
    timings: TIMINGS,
    body: { kind: 'memory', size },
    time: 1030,
  })
}

describe('requestName', () => {
  it('is the last path segment with the query', () => {
    expect(requestName('https://a.test/api/items?page=2')).toBe('items?page=2')
  })

  it('is the host for the root path', () => {
    expect(requestName('https://a.test/')).toBe('a.test')
  })
})

describe('failureReason', () => {
  it('keeps the words after the API’s fail prefix', () => {
    expect(failureReason('request:fail url not in domain list')).toBe('url not in domain list')
    expect(failureReason('uploadFile:fail timeout')).toBe('timeout')
  })
})

describe('NetworkLogModel', () => {
  it('adds a pending row on queued and updates the same row in place', () => {
    const model = new NetworkLogModel()
    const row = model.apply(queued('1', 'https://a.test/x'))!
    expect(row).toMatchObject({ state: 'pending', status: 0, duration: -1, type: 'request' })
    finish(model, '1', 200, 42)
    expect(model.rows).toHaveLength(1)
    expect(model.rows[0]).toBe(row)
    expect(row).toMatchObject({
      state: 'done',
      status: 200,
      size: 42,
      duration: 30,
      mimeType: 'application/json',
    })
  })

  it('marks a blocked row with its reason and rule', () => {
    const model = new NetworkLogModel()
    model.apply(queued('1', 'https://a.test/x'))
    model.apply({
      type: 'blocked',
      id: '1',
      rule: 'domain-list',
      url: 'https://a.test/x',
      errMsg: 'request:fail url not in domain list',
      errno: 600002,
      time: 1002,
    })
    expect(model.rows[0]).toMatchObject({ state: 'blocked', reason: 'url not in domain list' })
    expect(model.details.get('1')?.blockRule).toBe('domain-list')
  })

  it('keeps each chunk’s size and time for the Response tab', () => {
    const model = new NetworkLogModel()
    model.apply(queued('1', 'https://a.test/stream'))
    model.apply({ type: 'chunk', id: '1', size: 3, time: 1005 })
    model.apply({ type: 'chunk', id: '1', size: 4, time: 1009 })
    expect(model.details.get('1')?.chunks).toEqual([
      { size: 3, time: 1005 },
      { size: 4, time: 1009 },
    ])
  })

  it('types uploads as upload', () => {
    const model = new NetworkLogModel()
    expect(model.apply(queued('1', 'https://a.test/u', 'uploadFile'))?.type).toBe('upload')
  })

  it('types wx.cloud calls as cloud, named by their function, failed with WeChat’s words', () => {
    const model = new NetworkLogModel()
    expect(model.apply(queued('1', 'cloud://prod-1/callFunction/add', 'cloud'))).toMatchObject({
      type: 'cloud',
      name: 'add',
    })
    const errMsg = 'cloud.callFunction:fail Error: errCode: -601034'
    expect(model.apply({ type: 'failed', id: '1', errMsg, time: 1001 })).toMatchObject({
      type: 'cloud',
      state: 'failed',
      reason: errMsg,
    })
  })

  it('ignores events of requests it never saw queued', () => {
    const model = new NetworkLogModel()
    expect(model.apply({ type: 'chunk', id: '9', size: 1, time: 1 })).toBeUndefined()
  })
})

describe('visibleRows', () => {
  function log(): NetworkRow[] {
    const model = new NetworkLogModel()
    model.apply(queued('1', 'https://a.test/alpha'))
    finish(model, '1', 200, 30)
    model.apply(queued('2', 'https://a.test/beta'))
    finish(model, '2', 404, 10)
    model.apply(queued('3', 'https://b.test/gamma', 'uploadFile'))
    model.apply({
      type: 'failed',
      id: '3',
      errMsg: 'uploadFile:fail timeout',
      time: 2000,
    })
    return model.rows
  }

  const names = (rows: NetworkRow[]) => rows.map((row) => row.name)

  it('returns the log itself when nothing filters or sorts', () => {
    const rows = log()
    expect(visibleRows(rows, NO_FILTER, { key: 'seq', descending: false })).toBe(rows)
  })

  it('filters by URL text, case-insensitively', () => {
    const shown = visibleRows(
      log(),
      { ...NO_FILTER, text: 'B.TEST' },
      { key: 'seq', descending: false },
    )
    expect(names(shown)).toEqual(['gamma'])
  })

  it('filters by type, by status class and to problems only', () => {
    const plain = { key: 'seq', descending: false } as const
    expect(names(visibleRows(log(), { ...NO_FILTER, type: 'upload' }, plain))).toEqual(['gamma'])
    expect(names(visibleRows(log(), { ...NO_FILTER, status: '4xx' }, plain))).toEqual(['beta'])
    expect(names(visibleRows(log(), { ...NO_FILTER, problemsOnly: true }, plain))).toEqual([
      'gamma',
    ])
  })

  it('sorts by a column both ways', () => {
    expect(names(visibleRows(log(), NO_FILTER, { key: 'size', descending: false }))).toEqual([
      'gamma',
      'beta',
      'alpha',
    ])
    expect(names(visibleRows(log(), NO_FILTER, { key: 'name', descending: true }))).toEqual([
      'gamma',
      'beta',
      'alpha',
    ])
  })

  it('sorts failed rows below every status code', () => {
    expect(names(visibleRows(log(), NO_FILTER, { key: 'status', descending: false }))).toEqual([
      'gamma',
      'alpha',
      'beta',
    ])
  })
})

describe('API Mock', () => {
  it('marks the row of a response a Mock rule gave, and not the others', () => {
    const model = new NetworkLogModel()
    const headers = (id: string, mock?: string): NetworkEvent => ({
      type: 'headers',
      id,
      statusCode: 200,
      statusText: 'OK',
      responseHeaders: { 'content-type': 'application/json' },
      ...(mock && { mock }),
      time: 1001,
    })
    model.apply(queued('1', 'https://a.test/orders'))
    model.apply(headers('1', 'orders'))
    model.apply(queued('2', 'https://a.test/users'))
    model.apply(headers('2'))
    expect(model.byId.get('1')!.mock).toBe('orders')
    expect(model.byId.get('2')!.mock).toBe('')
  })
})

describe('phone warnings (checks off)', () => {
  const warning = (id: string, errMsg: string, url = 'https://a.test/x'): NetworkEvent => ({
    type: 'phone-warning',
    id,
    rule: errMsg.includes('TLS') ? 'tls-version' : 'domain-list',
    errMsg,
    url,
    time: 1001,
  })

  it('puts what a phone would answer on the row, each errMsg once', () => {
    const model = new NetworkLogModel()
    model.apply(queued('1', 'https://a.test/x'))
    model.apply(warning('1', 'request:fail url not in domain list'))
    model.apply(warning('1', 'request:fail 小程序要求的 TLS 版本必须大于等于 1.2'))
    model.apply(warning('1', 'request:fail url not in domain list', 'https://b.test/y'))
    expect(model.byId.get('1')!.phoneWarning).toBe(
      'request:fail url not in domain list\nrequest:fail 小程序要求的 TLS 版本必须大于等于 1.2',
    )
    expect(model.details.get('1')!.phoneWarnings).toHaveLength(3)
  })

  it('keeps a warned row done: the request itself went through', () => {
    const model = new NetworkLogModel()
    model.apply(queued('1', 'https://a.test/x'))
    model.apply(warning('1', 'request:fail url not in domain list'))
    finish(model, '1', 200)
    expect(model.byId.get('1')).toMatchObject({ state: 'done', status: 200, reason: '' })
  })

  it('the phone-failures filter keeps only warned rows', () => {
    const model = new NetworkLogModel()
    model.apply(queued('1', 'https://a.test/alpha'))
    model.apply(queued('2', 'https://a.test/beta'))
    model.apply(warning('2', 'request:fail url not in domain list'))
    const shown = visibleRows(
      model.rows,
      { ...NO_FILTER, phoneOnly: true },
      { key: 'seq', descending: false },
    )
    expect(shown.map((row) => row.name)).toEqual(['beta'])
  })
})
