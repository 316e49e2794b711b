import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import type { BlockRule, NetworkEvent, Timings } from '../../../shared/network'
import { createHarRecorder, type HarRecorder } from './har-recorder'
import type { HarEntry } from './har-types'

const CREATOR = { name: 'MP DevTools', version: '0.1.0' }
const T0 = Date.UTC(2026, 10, 21, 12, 0, 0)
const REFERER = 'https://servicewechat.com/wx1234567890abcdef/devtools/page-frame.html'
const TIMINGS: Timings = {
  queue: 2,
  dns: 1,
  connect: 3,
  tls: 4,
  firstByte: 10,
  download: 5,
  total: 25,
}

function queued(id: string, url: string, extra: Partial<NetworkEvent> = {}): NetworkEvent {
  return {
    type: 'queued',
    id,
    api: 'request',
    url,
    method: 'GET',
    requestHeaders: { 'content-type': 'application/json' },
    requestBodySize: 0,
    time: T0,
    ...extra,
  } as NetworkEvent
}

function completed(
  id: string,
  url: string,
  responseHeaders: Record<string, string>,
): NetworkEvent[] {
  return [
    queued(id, url),
    {
      type: 'started',
      id,
      url,
      requestHeaders: {
        'content-type': 'application/json',
        referer: REFERER,
        cookie: 'sid=1; theme=dark',
      },
      time: T0 + 2,
    },
    {
      type: 'headers',
      id,
      statusCode: 200,
      statusText: 'OK',
      responseHeaders,
      remoteAddress: '127.0.0.1',
      httpVersion: 'HTTP/1.1',
      time: T0 + 20,
    },
    {
      type: 'finished',
      id,
      encodedSize: 40,
      decodedSize: 100,
      timings: TIMINGS,
      body: { kind: 'memory', size: 100 },
      time: T0 + 25,
    },
  ]
}

async function record(
  events: NetworkEvent[],
  setup?: (recorder: HarRecorder) => void,
): Promise<HarEntry[]> {
  const recorder = createHarRecorder()
  for (const event of events) recorder.handle(event)
  setup?.(recorder)
  return (await recorder.toHar(CREATOR)).log.entries
}

describe('createHarRecorder', () => {
  it('writes a HAR 1.2 log with its creator', async () => {
    const recorder = createHarRecorder()
    const har = await recorder.toHar(CREATOR)
    expect(har.log.version).toBe('1.2')
    expect(har.log.creator).toEqual(CREATOR)
    expect(har.log.entries).toEqual([])
  })

  it('records a completed request with the headers that were sent, Referer included', async () => {
    const [entry] = await record(
      completed('1', 'https://api.example.test/a', { 'content-type': 'text/plain' }),
    )
    expect(entry.startedDateTime).toBe('2026-11-21T12:00:00.000Z')
    expect(entry.request.method).toBe('GET')
    expect(entry.request.url).toBe('https://api.example.test/a')
    expect(entry.request.headers).toContainEqual({ name: 'referer', value: REFERER })
    expect(entry.response.status).toBe(200)
    expect(entry.response.statusText).toBe('OK')
    expect(entry.response.httpVersion).toBe('HTTP/1.1')
    expect(entry.serverIPAddress).toBe('127.0.0.1')
    expect(entry.cache).toEqual({})
  })

  it('lists the rules a phone would refuse the request by, hop by hop', async () => {
    const events = completed('1', 'https://api.example.test/a', {})
    const warning = (rule: BlockRule, url: string): NetworkEvent => ({
      type: 'phone-warning',
      id: '1',
      rule,
      errMsg: 'request:fail url not in domain list',
      url,
      time: T0 + 1,
    })
    events.splice(1, 0, warning('domain-list', 'https://api.example.test/a'))
    events.splice(3, 0, warning('redirect-domain-list', 'https://other.example.test/b'))
    const [entry] = await record(events)
    expect(entry._phoneWarnings).toEqual([
      {
        rule: 'domain-list',
        errMsg: 'request:fail url not in domain list',
        url: 'https://api.example.test/a',
      },
      {
        rule: 'redirect-domain-list',
        errMsg: 'request:fail url not in domain list',
        url: 'https://other.example.test/b',
      },
    ])
    expect(entry._error).toBeUndefined()
  })

  it('names the API Mock rule that answered, in _mock and the comment', async () => {
    const events = completed('1', 'https://api.example.test/a', {})
    const headers = events.find((event) => event.type === 'headers')!
    Object.assign(headers, { mock: 'orders' })
    const [entry] = await record(events)
    expect(entry._mock).toBe('orders')
    expect(entry.comment).toBe('answered by the API Mock rule orders')
    const [real] = await record(completed('2', 'https://api.example.test/a', {}))
    expect(real).not.toHaveProperty('_mock')
  })

  it('has no phone warnings field when a phone would pass the request', async () => {
    const [entry] = await record(completed('1', 'https://api.example.test/a', {}))
    expect(entry).not.toHaveProperty('_phoneWarnings')
  })

  it('maps the engine timings onto HAR phases, TLS inside connect', async () => {
    const [entry] = await record(completed('1', 'https://api.example.test/a', {}))
    expect(entry.timings).toEqual({
      blocked: 2,
      dns: 1,
      connect: 7,
      ssl: 4,
      send: 0,
      wait: 10,
      receive: 5,
    })
    expect(entry.time).toBe(25)
  })

  it('lists the query string of the URL', async () => {
    const [entry] = await record(
      completed('1', 'https://api.example.test/s?q=%E4%B8%AD&page=2', {}),
    )
    expect(entry.request.queryString).toEqual([
      { name: 'q', value: '中' },
      { name: 'page', value: '2' },
    ])
  })

  it('parses request cookies from the Cookie header', async () => {
    const [entry] = await record(completed('1', 'https://api.example.test/a', {}))
    expect(entry.request.cookies).toEqual([
      { name: 'sid', value: '1' },
      { name: 'theme', value: 'dark' },
    ])
  })

  it('writes response cookies one per Set-Cookie, with their attributes', async () => {
    const [entry] = await record(
      completed('1', 'https://api.example.test/a', { 'set-cookie': 'x' }),
      (r) =>
        r.noteResponse('1', {
          cookies: [
            'sid=abc; Path=/; HttpOnly',
            'lang=zh; Expires=Wed, 21 Oct 2037 07:28:00 GMT; Secure',
          ],
        }),
    )
    expect(entry.response.cookies).toEqual([
      { name: 'sid', value: 'abc', path: '/', httpOnly: true },
      { name: 'lang', value: 'zh', expires: '2037-10-21T07:28:00.000Z', secure: true },
    ])
    expect(entry.response.headers.filter((h) => h.name === 'set-cookie')).toHaveLength(2)
  })

  it('splits a joined set-cookie header when the raw cookies were not given', async () => {
    const joined = 'a=1; Expires=Wed, 21 Oct 2037 07:28:00 GMT,b=2'
    const [entry] = await record(
      completed('1', 'https://api.example.test/a', { 'set-cookie': joined }),
    )
    expect(entry.response.cookies.map((c) => c.name)).toEqual(['a', 'b'])
  })

  it('writes a text response body as text with its sizes', async () => {
    const [entry] = await record(
      completed('1', 'https://api.example.test/a', { 'content-type': 'application/json' }),
      (r) => r.noteResponse('1', { body: new TextEncoder().encode('{"ok":true}') }),
    )
    expect(entry.response.content).toEqual({
      size: 100,
      compression: 60,
      mimeType: 'application/json',
      text: '{"ok":true}',
    })
    expect(entry.response.bodySize).toBe(40)
  })

  it('writes a binary response body as base64', async () => {
    const bytes = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0xff, 0x00])
    const [entry] = await record(
      completed('1', 'https://api.example.test/img', {
        'content-type': 'application/octet-stream',
      }),
      (r) => r.noteResponse('1', { body: bytes }),
    )
    expect(entry.response.content.encoding).toBe('base64')
    expect(entry.response.content.text).toBe(Buffer.from(bytes).toString('base64'))
  })

  it('treats an undeclared body that is not UTF-8 as binary', async () => {
    const [entry] = await record(completed('1', 'https://api.example.test/x', {}), (r) =>
      r.noteResponse('1', { body: new Uint8Array([0xc3, 0x28]) }),
    )
    expect(entry.response.content.encoding).toBe('base64')
  })

  it('writes a form-urlencoded body as postData with its params', async () => {
    const events = completed('1', 'https://api.example.test/form', {})
    events[1] = {
      type: 'started',
      id: '1',
      url: 'https://api.example.test/form',
      requestHeaders: { 'content-type': 'application/x-www-form-urlencoded' },
      time: T0,
    }
    const [entry] = await record(events, (r) => r.noteRequestBody('1', 'name=%E5%BC%A0&age=3'))
    expect(entry.request.postData).toEqual({
      mimeType: 'application/x-www-form-urlencoded',
      text: 'name=%E5%BC%A0&age=3',
      params: [
        { name: 'name', value: '张' },
        { name: 'age', value: '3' },
      ],
    })
  })

  it('writes a JSON body as postData text', async () => {
    const [entry] = await record(completed('1', 'https://api.example.test/a', {}), (r) =>
      r.noteRequestBody('1', '{"a":1}'),
    )
    expect(entry.request.postData).toEqual({ mimeType: 'application/json', text: '{"a":1}' })
  })

  it('writes a binary request body as base64 postData', async () => {
    const [entry] = await record(completed('1', 'https://api.example.test/a', {}), (r) =>
      r.noteRequestBody('1', new Uint8Array([0xff, 0xfe])),
    )
    expect(entry.request.postData).toEqual({
      mimeType: 'application/json',
      text: '//4=',
      _encoding: 'base64',
    })
  })

  it('leaves postData out when nothing was sent', async () => {
    const [entry] = await record(completed('1', 'https://api.example.test/a', {}), (r) =>
      r.noteRequestBody('1', ''),
    )
    expect(entry.request.postData).toBeUndefined()
  })

  it('takes the response body the finished event holds by reference', async () => {
    const events = completed('1', 'https://api.example.test/a', { 'content-type': 'text/plain' })
    const finished = events[3] as Extract<NetworkEvent, { type: 'finished' }>
    finished.body = { kind: 'memory', size: 5, data: new TextEncoder().encode('hello') }
    const [entry] = await record(events)
    expect(entry.response.content.text).toBe('hello')
  })

  it('reads a response body the engine kept in a file', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'mpdt-har-body-'))
    try {
      const path = join(dir, '1.body')
      await writeFile(path, 'from disk')
      const events = completed('1', 'https://api.example.test/a', { 'content-type': 'text/plain' })
      const finished = events[3] as Extract<NetworkEvent, { type: 'finished' }>
      finished.body = { kind: 'file', path, size: 9 }
      const [entry] = await record(events)
      expect(entry.response.content.text).toBe('from disk')
    } finally {
      await rm(dir, { recursive: true, force: true })
    }
  })

  it('records a blocked request with status 0, its reason and rule', async () => {
    const [entry] = await record([
      queued('9', 'https://evil.example.test/x'),
      {
        type: 'blocked',
        id: '9',
        rule: 'domain-list',
        url: 'https://evil.example.test/x',
        errMsg: 'request:fail url not in domain list',
        errno: 600002,
        time: T0 + 1,
      },
    ])
    expect(entry.response.status).toBe(0)
    expect(entry._error).toBe('request:fail url not in domain list')
    expect(entry._errno).toBe(600002)
    expect(entry._blocked).toBe('domain-list')
    expect(entry.comment).toBe('blocked (domain-list): request:fail url not in domain list')
    expect(entry.time).toBe(1)
    expect(entry.timings.blocked).toBe(-1)
  })

  it('records a failed request with its errMsg and the timings it had', async () => {
    const [entry] = await record([
      queued('3', 'https://api.example.test/slow'),
      {
        type: 'started',
        id: '3',
        url: 'https://api.example.test/slow',
        requestHeaders: {},
        time: T0,
      },
      { type: 'failed', id: '3', errMsg: 'request:fail timeout', timings: TIMINGS, time: T0 + 99 },
    ])
    expect(entry.response.status).toBe(0)
    expect(entry._error).toBe('request:fail timeout')
    expect(entry._blocked).toBeUndefined()
    expect(entry.comment).toBe('failed: request:fail timeout')
    expect(entry.timings.wait).toBe(10)
  })

  it('marks a request that never ended as pending', async () => {
    const [entry] = await record([queued('4', 'https://api.example.test/hang')])
    expect(entry._error).toBe('pending')
    expect(entry.comment).toBe('still pending when the run ended')
  })

  it('keeps the followed redirects and a manual redirect target', async () => {
    const events = completed('5', 'https://api.example.test/r', { location: '/final' })
    events.splice(2, 0, {
      type: 'redirect',
      id: '5',
      from: 'https://api.example.test/r',
      to: 'https://api.example.test/r2',
      statusCode: 302,
      time: T0 + 5,
    })
    const headersEvent = events[3] as Extract<NetworkEvent, { type: 'headers' }>
    headersEvent.statusCode = 302
    const [entry] = await record(events)
    expect(entry._redirects).toEqual([
      { from: 'https://api.example.test/r', to: 'https://api.example.test/r2', statusCode: 302 },
    ])
    expect(entry.response.redirectURL).toBe('/final')
  })

  it('keeps entries in the order the requests were queued', async () => {
    const entries = await record([
      ...completed('a', 'https://api.example.test/1', {}),
      ...completed('b', 'https://api.example.test/2', {}),
    ])
    expect(entries.map((e) => e.request.url)).toEqual([
      'https://api.example.test/1',
      'https://api.example.test/2',
    ])
  })

  it('ignores events of a request it never saw queued', async () => {
    expect(await record([{ type: 'chunk', id: 'zz', size: 1, time: T0 }])).toEqual([])
  })
})
