import { describe, expect, it } from 'vitest'
import { importHar } from './har-import'
import { NetworkLogModel } from './network-rows'

/** The panel's model after opening `har`, as the store opens a file. */
function opened(har: unknown): NetworkLogModel {
  const imported = importHar(JSON.stringify(har))
  if (!imported.ok) throw new Error(imported.message)
  const model = new NetworkLogModel()
  for (const request of imported.requests) {
    for (const event of request.events) model.apply(event)
    model.details.get(request.id)!.imported = request.imported
  }
  return model
}

const HAR = {
  log: {
    version: '1.2',
    creator: { name: 'MP DevTools', version: '0' },
    entries: [
      {
        startedDateTime: '2026-01-01T00:00:00.000Z',
        time: 12,
        request: {
          method: 'POST',
          url: 'https://a.test/items?x=1',
          headers: [{ name: 'content-type', value: 'application/json' }],
          postData: { mimeType: 'application/json', text: '{"a":1}' },
          bodySize: 7,
        },
        response: {
          status: 200,
          statusText: 'OK',
          httpVersion: 'HTTP/1.1',
          headers: [{ name: 'content-type', value: 'application/json' }],
          content: { size: 2, mimeType: 'application/json', text: '[]' },
          bodySize: 2,
        },
        timings: { blocked: 1, dns: 2, connect: 5, ssl: 3, send: 0, wait: 2, receive: 2 },
        _page: 'pages/index/index',
      },
      {
        startedDateTime: '2026-01-01T00:00:01.000Z',
        time: 0,
        request: { method: 'GET', url: 'https://b.test/', headers: [] },
        response: { status: 0, headers: [], content: { size: 0, mimeType: 'x-unknown' } },
        _error: 'request:fail url not in domain list',
        _blocked: 'domain-list',
      },
    ],
  },
}

describe('importHar', () => {
  it('turns entries into the events of rows with status, page and size', () => {
    expect(opened(HAR).rows).toEqual([
      expect.objectContaining({
        name: 'items?x=1',
        method: 'POST',
        status: 200,
        state: 'done',
        page: 'pages/index/index',
        size: 2,
        duration: 12,
        mimeType: 'application/json',
      }),
      expect.objectContaining({ state: 'blocked', reason: 'url not in domain list', status: 0 }),
    ])
  })

  it('keeps the bodies the file carries for the details tabs', () => {
    expect(opened(HAR).details.get('har-1')!.imported).toEqual({
      requestText: '{"a":1}',
      responseText: '[]',
    })
  })

  it('shows the TLS handshake apart from connect', () => {
    expect(opened(HAR).details.get('har-1')!.timings).toMatchObject({
      connect: 2,
      tls: 3,
    })
  })

  it('marks an entry with _phoneWarnings as one a phone would refuse', () => {
    const entry = {
      ...HAR.log.entries[0],
      _phoneWarnings: [
        {
          rule: 'certificate',
          errMsg: 'request:fail 对应的服务器证书无效。',
          url: 'https://a.test/items?x=1',
        },
      ],
    }
    const model = opened({ log: { ...HAR.log, entries: [entry] } })
    expect(model.rows[0].phoneWarning).toBe('request:fail 对应的服务器证书无效。')
    expect(model.details.get('har-1')!.phoneWarnings).toEqual(entry._phoneWarnings)
    expect(opened(HAR).rows[0].phoneWarning).toBe('')
  })

  it('follows _redirects to the final URL, as the live row does', () => {
    const entry = {
      ...HAR.log.entries[0],
      _redirects: [
        { from: 'https://a.test/items?x=1', to: 'https://a.test/moved', statusCode: 302 },
      ],
    }
    const model = opened({ log: { ...HAR.log, entries: [entry] } })
    expect(model.rows[0]).toMatchObject({ url: 'https://a.test/moved', name: 'moved' })
    expect(model.details.get('har-1')!.redirects).toEqual(entry._redirects)
  })

  it('shows a socket entry with its messages, text as text and binary as hex', () => {
    const socket = {
      startedDateTime: '2026-01-01T00:00:02.000Z',
      time: 30,
      request: { method: 'GET', url: 'wss://c.test/chat', headers: [] },
      response: { status: 101, statusText: 'Switching Protocols', headers: [], content: {} },
      _resourceType: 'websocket',
      _webSocketMessages: [
        { type: 'send', time: 1767225602.01, opcode: 1, data: 'hi' },
        { type: 'receive', time: 1767225602.02, opcode: 2, data: 'AQL/' },
      ],
    }
    const model = opened({ log: { ...HAR.log, entries: [socket] } })
    expect(model.rows[0]).toMatchObject({ type: 'socket', status: 101, size: 5 })
    expect(model.details.get('har-1')!.frames).toEqual([
      { direction: 'send', opcode: 'text', size: 2, preview: 'hi', time: 1767225602010 },
      { direction: 'receive', opcode: 'binary', size: 3, preview: '0102ff', time: 1767225602020 },
    ])
  })

  it('refuses text that is not a HAR', () => {
    expect(importHar('{"log":{}}')).toEqual({
      ok: false,
      message: 'No log.entries: not a HAR file',
    })
    expect(importHar('nope').ok).toBe(false)
  })
})
