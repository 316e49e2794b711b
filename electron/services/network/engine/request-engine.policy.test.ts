import type { IncomingMessage, ServerResponse } from 'node:http'
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest'
import type { DomainLists } from '../../../../shared/project'
import { createCertificateAuthority } from '../../../../tests/helpers/certificates'
import {
  startHttpServer,
  startHttpsServer,
  type TestServer,
} from '../../../../tests/helpers/servers'
import {
  call,
  recordedEngine,
  text,
  type RecordedEngine,
} from '../../../../tests/helpers/engine-kit'

const ca = createCertificateAuthority()
let api: TestServer
let other: TestServer
let plain: TestServer

/** Echoes the request; `/redirect?status=302&to=URL` redirects, `/loop` redirects to itself. */
function echo(req: IncomingMessage, res: ServerResponse) {
  const url = new URL(req.url ?? '/', 'http://x')
  if (url.pathname === '/redirect') {
    res.writeHead(Number(url.searchParams.get('status') ?? 302), {
      location: url.searchParams.get('to') ?? '/',
    })
    res.end('moved')
    return
  }
  if (url.pathname === '/loop') {
    res.writeHead(302, { location: '/loop' }).end()
    return
  }
  let body = ''
  req.on('data', (chunk) => (body += chunk))
  req.on('end', () => {
    res.setHeader('content-type', 'application/json')
    res.end(JSON.stringify({ host: req.headers.host, method: req.method, path: req.url, body }))
  })
}

beforeAll(async () => {
  const tls = ca.issue({ hosts: ['api.example.test', 'other.example.test'] })
  ;[api, other, plain] = await Promise.all([
    startHttpsServer(echo, tls),
    startHttpsServer(echo, tls),
    startHttpServer(echo),
  ])
})
afterAll(() => Promise.all([api, other, plain].map((s) => s.close())))

const LIST = ['https://api.example.test']
const domains = (request: string[]): DomainLists => ({
  request,
  socket: [],
  uploadFile: [],
  downloadFile: [],
})

let current: RecordedEngine | undefined
function engineWith(options: Parameters<typeof recordedEngine>[0] = {}) {
  current = recordedEngine({
    domains: domains(LIST),
    extraCaPem: ca.cert,
    connectTo: [
      `api.example.test:443:127.0.0.1:${api.port}`,
      `other.example.test:443:127.0.0.1:${other.port}`,
      `api.example.test:80:127.0.0.1:${plain.port}`,
      `localhost:443:127.0.0.1:${api.port}`,
    ],
    ...options,
  })
  return current
}
afterEach(async () => {
  await current?.engine.close()
  current = undefined
})

const DOMAIN_ERROR = (origin: string) =>
  ` ${origin} 不在以下 request 合法域名列表中，请参考文档：https://developers.weixin.qq.com/miniprogram/dev/framework/ability/network.html`

describe('urlCheck on', () => {
  test('a listed origin is requested through host mapping', async () => {
    const { engine } = engineWith()
    const { outcome } = await call(engine, { url: 'https://api.example.test/v1?a=1' })
    expect(JSON.parse(text(outcome))).toMatchObject({ host: 'api.example.test', path: '/v1?a=1' })
  })

  test('an unlisted origin fails with errno 600002 and never connects', async () => {
    const { engine } = engineWith()
    const before = other.connectionCount
    const { outcome } = await call(engine, { url: 'https://other.example.test/' })
    expect(outcome).toEqual({
      ok: false,
      errMsg: 'request:fail url not in domain list',
      errno: 600002,
    })
    expect(other.connectionCount).toBe(before)
  })

  test('an unlisted origin prints WeChat’s 合法域名校验出错 block with the list', async () => {
    const { engine, console: messages } = engineWith()
    await call(engine, { url: 'https://other.example.test/path?q=1' })
    expect(messages).toHaveLength(5)
    expect(messages[0].level).toBe('group')
    expect(String(messages[0].args[0])).toMatch(
      /^\w{3} \w{3} \d\d \d{4} .+ request 合法域名校验出错$/,
    )
    expect(messages.slice(1)).toEqual([
      {
        level: 'info',
        args: [
          '如若已在管理后台更新域名配置，请刷新项目配置后重新编译项目，操作路径：“详情-域名信息”',
        ],
      },
      { level: 'error', args: [DOMAIN_ERROR('https://other.example.test')] },
      { level: 'table', args: [[['https://api.example.test']]] },
      { level: 'groupEnd', args: [] },
    ])
  })

  test('a refusal is reported as a blocked event naming the rule', async () => {
    const { engine, events } = engineWith()
    await call(engine, { url: 'https://other.example.test/' })
    expect(events.map((e) => e.type)).toEqual(['queued', 'blocked'])
    expect(events[1]).toMatchObject({ rule: 'domain-list', url: 'https://other.example.test/' })
  })

  test('http is refused for a listed host', async () => {
    const { engine, events } = engineWith()
    const before = plain.connectionCount
    const { outcome } = await call(engine, { url: 'http://api.example.test/' })
    expect(outcome).toMatchObject({ ok: false, errMsg: 'request:fail url not in domain list' })
    expect(events[1]).toMatchObject({ type: 'blocked', rule: 'not-https' })
    expect(plain.connectionCount).toBe(before)
  })

  test('an explicit :443 is refused when the listed origin has no port', async () => {
    const { engine, events, console: messages } = engineWith()
    const { outcome } = await call(engine, { url: 'https://api.example.test:443/' })
    expect(outcome).toMatchObject({ ok: false, errno: 600002 })
    expect(events[1]).toMatchObject({ type: 'blocked', rule: 'port' })
    expect(messages[2].args[0]).toBe(DOMAIN_ERROR('https://api.example.test:443'))
  })

  test('localhost is refused with “Cannot send network request to localhost.”', async () => {
    const { engine, console: messages } = engineWith({ domains: domains(['https://localhost']) })
    const before = api.connectionCount
    const { outcome } = await call(engine, { url: 'https://localhost/' })
    expect(outcome).toMatchObject({ ok: false, errMsg: 'request:fail url not in domain list' })
    expect(messages).toEqual([
      { level: 'error', args: ['Cannot send network request to localhost.'] },
    ])
    expect(api.connectionCount).toBe(before)
  })

  // LAN addresses are reached through host mapping to loopback: tests never connect elsewhere.
  test('a LAN IP of another machine is requested without a list entry', async () => {
    const { engine } = engineWith({ connectTo: [`192.168.1.30:8080:127.0.0.1:${plain.port}`] })
    const { outcome } = await call(engine, { url: 'http://192.168.1.30:8080/lan' })
    expect(JSON.parse(text(outcome))).toMatchObject({ path: '/lan' })
  })

  test('the machine’s own LAN IP is refused as localhost', async () => {
    const { engine, console: messages } = engineWith({
      connectTo: [`192.168.1.20:8080:127.0.0.1:${plain.port}`],
    })
    const before = plain.connectionCount
    const { outcome } = await call(engine, { url: 'http://192.168.1.20:8080/own' })
    expect(outcome).toMatchObject({ ok: false, errno: 600002 })
    expect(messages[0].args[0]).toBe('Cannot send network request to localhost.')
    expect(plain.connectionCount).toBe(before)
  })

  test('a public IP is refused with the domain-list block', async () => {
    const { engine, events, console: messages } = engineWith()
    const { outcome } = await call(engine, { url: 'https://101.36.73.140/' })
    expect(outcome).toMatchObject({ ok: false, errno: 600002 })
    expect(events[1]).toMatchObject({ type: 'blocked', rule: 'ip-or-localhost' })
    expect(messages[2].args[0]).toBe(DOMAIN_ERROR('https://101.36.73.140'))
  })

  test('a redirect to a listed origin is followed', async () => {
    const { engine, events } = engineWith({
      domains: domains([...LIST, 'https://other.example.test']),
    })
    const to = 'https://other.example.test/final'
    const { outcome } = await call(engine, {
      url: `https://api.example.test/redirect?to=${encodeURIComponent(to)}`,
    })
    expect(JSON.parse(text(outcome))).toMatchObject({ host: 'other.example.test', path: '/final' })
    expect(events.find((e) => e.type === 'redirect')).toMatchObject({ to, statusCode: 302 })
  })

  test('a redirect to an unlisted origin is refused before connecting to it', async () => {
    const { engine, events, console: messages } = engineWith()
    const before = other.connectionCount
    const to = 'https://other.example.test/final'
    const { outcome } = await call(engine, {
      url: `https://api.example.test/redirect?to=${encodeURIComponent(to)}`,
    })
    expect(outcome).toEqual({
      ok: false,
      errMsg: 'request:fail url not in domain list',
      errno: 600002,
    })
    expect(events.at(-1)).toMatchObject({ type: 'blocked', rule: 'redirect-domain-list', url: to })
    expect(messages[2].args[0]).toBe(DOMAIN_ERROR('https://other.example.test'))
    expect(other.connectionCount).toBe(before)
  })

  test('redirect: manual returns the 3xx itself with its Location', async () => {
    const { engine } = engineWith()
    const { outcome } = await call(engine, {
      url: 'https://api.example.test/redirect?to=https%3A%2F%2Fother.example.test%2F',
      redirect: 'manual',
    })
    expect(outcome).toMatchObject({ ok: true, statusCode: 302 })
    expect(outcome.ok && outcome.header.location).toBe('https://other.example.test/')
  })

  test('a 303 after POST is followed with a GET without the body', async () => {
    const { engine } = engineWith()
    const { outcome } = await call(engine, {
      url: 'https://api.example.test/redirect?status=303&to=%2Fafter',
      method: 'POST',
      header: { 'content-type': 'application/json' },
      body: '{"a":1}',
    })
    expect(JSON.parse(text(outcome))).toMatchObject({ method: 'GET', path: '/after', body: '' })
  })

  test('more than 10 redirects fail', async () => {
    const { engine, events } = engineWith()
    const { outcome } = await call(engine, { url: 'https://api.example.test/loop' })
    expect(outcome).toMatchObject({ ok: false, errMsg: 'request:fail net::ERR_TOO_MANY_REDIRECTS' })
    expect(events.filter((e) => e.type === 'redirect')).toHaveLength(11)
  })
})

describe('urlCheck off', () => {
  test('unlisted origins and http are requested', async () => {
    const { engine } = engineWith({ urlCheck: false })
    const https = await call(engine, { url: 'https://other.example.test/x' })
    const http = await call(engine, { url: 'http://api.example.test/y' })
    expect(JSON.parse(text(https.outcome))).toMatchObject({ path: '/x' })
    expect(JSON.parse(text(http.outcome))).toMatchObject({ path: '/y' })
  })

  test('the “checks off” warning is printed once per engine', async () => {
    const { engine, console: messages } = engineWith({ urlCheck: false })
    await call(engine, { url: 'https://api.example.test/1' })
    await call(engine, { url: 'https://api.example.test/2' })
    expect(messages).toHaveLength(3)
    expect(String(messages[0].args[0])).toMatch(
      / 配置中关闭合法域名、web-view（业务域名）、TLS 版本以及 HTTPS 证书检查$/,
    )
    expect(messages.slice(1)).toEqual([
      {
        level: 'warn',
        args: ['工具未校验合法域名、web-view（业务域名）、TLS 版本以及 HTTPS 证书。'],
      },
      { level: 'groupEnd', args: [] },
    ])
  })

  test('touristappid skips the checks and prints the 无 AppID 关联 block instead', async () => {
    const { engine, console: messages } = engineWith({ appid: 'touristappid' })
    const { outcome } = await call(engine, { url: 'https://other.example.test/' })
    expect(outcome.ok).toBe(true)
    expect(messages).toEqual([
      { level: 'group', args: ['无 AppID 关联'] },
      {
        level: 'warn',
        args: [
          '工具未检查合法域名，更多请参考文档：https://developers.weixin.qq.com/miniprogram/dev/framework/ability/network.html',
        ],
      },
      { level: 'groupEnd', args: [] },
    ])
  })

  test('a domain list refreshed at run time applies to the next request', async () => {
    const { engine } = engineWith({ urlCheck: true })
    expect((await call(engine, { url: 'https://other.example.test/' })).outcome.ok).toBe(false)
    engine.update({ domains: domains([...LIST, 'https://other.example.test']) })
    expect((await call(engine, { url: 'https://other.example.test/' })).outcome.ok).toBe(true)
  })

  test('switching urlCheck at run time applies to the next request', async () => {
    const { engine } = engineWith()
    expect((await call(engine, { url: 'https://other.example.test/' })).outcome.ok).toBe(false)
    engine.update({ urlCheck: false })
    expect((await call(engine, { url: 'https://other.example.test/' })).outcome.ok).toBe(true)
    engine.update({ urlCheck: true })
    expect((await call(engine, { url: 'https://other.example.test/' })).outcome.ok).toBe(false)
  })
})

describe('the policy judges the URL the connection uses', () => {
  test('a percent-encoded host is judged and reached as the same host', async () => {
    const { engine } = engineWith()
    const { outcome } = await call(engine, { url: 'https://api%2Eexample.test/p' })
    expect(JSON.parse(text(outcome))).toMatchObject({ host: 'api.example.test', path: '/p' })
  })

  for (const host of ['2130706433', '0x7f.1', '[::ffff:7f00:1]']) {
    test(`https://${host} listed in the project is refused as this machine, never connected`, async () => {
      const before = api.connectionCount
      const origin = `https://${host}:${api.port}`
      const { engine, console } = engineWith({ domains: domains([origin]) })
      const { outcome } = await call(engine, { url: `${origin}/x` })
      expect(outcome).toMatchObject({ ok: false, errMsg: 'request:fail url not in domain list' })
      expect(console.map((message) => String(message.args[0])).join('\n')).toContain('localhost')
      expect(api.connectionCount).toBe(before)
    })
  }

  test('with the checks off, a redirect hop is judged by its parsed origin too', async () => {
    const { engine, events } = engineWith({ urlCheck: false })
    await call(engine, { url: `https://api.example.test/redirect?to=https://0x7f.1:${api.port}/` })
    const warning = events.find((event) => event.type === 'phone-warning')
    expect(warning?.type === 'phone-warning' && warning.url).toBe(`https://127.0.0.1:${api.port}/`)
  })
})
