import { describe, expect, it } from 'vitest'
import { importHar } from './har-import'

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
  it('turns entries into rows with status, page and size', () => {
    const imported = importHar(JSON.stringify(HAR))
    expect(imported.ok && imported.requests.map((request) => request.row)).toEqual([
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
    const imported = importHar(JSON.stringify(HAR))
    expect(imported.ok && imported.requests[0].details.imported).toEqual({
      requestText: '{"a":1}',
      responseText: '[]',
    })
  })

  it('shows the TLS handshake apart from connect', () => {
    const imported = importHar(JSON.stringify(HAR))
    expect(imported.ok && imported.requests[0].details.timings).toMatchObject({
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
    const imported = importHar(JSON.stringify({ log: { ...HAR.log, entries: [entry] } }))
    expect(imported.ok && imported.requests[0].row.phoneWarning).toBe(
      'request:fail 对应的服务器证书无效。',
    )
    expect(imported.ok && imported.requests[0].details.phoneWarnings).toEqual(entry._phoneWarnings)
    const plain = importHar(JSON.stringify(HAR))
    expect(plain.ok && plain.requests[0].row.phoneWarning).toBe('')
  })

  it('refuses text that is not a HAR', () => {
    expect(importHar('{"log":{}}')).toEqual({
      ok: false,
      message: 'No log.entries: not a HAR file',
    })
    expect(importHar('nope').ok).toBe(false)
  })
})
