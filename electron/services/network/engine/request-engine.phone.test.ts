import type { IncomingMessage, ServerResponse } from 'node:http'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest'
import type {
  DownloadOutcome,
  EngineSocket,
  NetworkEvent,
  PhoneWarningEvent,
  ToolConsoleMessage,
} from '../../../../shared/network'
import {
  createCertificateAuthority,
  createSelfSignedCertificate,
} from '../../../../tests/helpers/certificates'
import {
  startHttpServer,
  startHttpsServer,
  type TestServer,
} from '../../../../tests/helpers/servers'
import { startWsServer, type TestWsServer } from '../../../../tests/helpers/ws-servers'
import {
  APPID,
  call,
  recordedEngine,
  text,
  USER_AGENT,
  type RecordedEngine,
} from '../../../../tests/helpers/engine-kit'
import { createRequestEngine, type RequestEngineOptions } from './request-engine'

/**
 * "Would fail on a phone": with the checks off the engine lets every request through and still
 * judges it by WeChat's rules, reporting each broken rule as a `phone-warning` event and once per
 * origin and rule as a console warning in the tool's words.
 */

const ca = createCertificateAuthority()
const servers: Record<string, TestServer> = {}
let socketServer: TestWsServer
let oldTlsSocketServer: TestWsServer
let dir: string

/** `/redirect?to=URL` redirects there; everything else answers `ok <path>`. */
function handler(req: IncomingMessage, res: ServerResponse) {
  const url = new URL(req.url ?? '/', 'http://x')
  if (url.pathname === '/redirect') {
    res.writeHead(302, { location: url.searchParams.get('to') ?? '/' }).end()
    return
  }
  res.end(`ok ${url.pathname}`)
}

const OLD_TLS = { ciphers: 'DEFAULT@SECLEVEL=0', minVersion: 'TLSv1', maxVersion: 'TLSv1' } as const
const NAMES = ['api', 'other', 'tls10', 'self', 'wrong'] as const

beforeAll(async () => {
  const leaf = ca.issue({ hosts: ['api.example.test', 'other.example.test', 'localhost'] })
  const started = await Promise.all([
    startHttpsServer(handler, leaf),
    startHttpsServer(handler, leaf),
    startHttpsServer(handler, { ...ca.issue({ hosts: ['tls10.example.test'] }), ...OLD_TLS }),
    startHttpsServer(handler, createSelfSignedCertificate({ hosts: ['self.example.test'] })),
    startHttpsServer(handler, ca.issue({ hosts: ['elsewhere.example.test'] })),
    startHttpServer(handler),
  ])
  NAMES.forEach((name, i) => (servers[name] = started[i]))
  servers.plain = started[5]
  socketServer = await startWsServer(
    (socket) => socket.on('message', (data) => socket.send(data)),
    ca.issue({ hosts: ['ws.example.test', 'chat.example.test'] }),
  )
  oldTlsSocketServer = await startWsServer(
    (socket) => socket.on('message', (data) => socket.send(data)),
    { ...ca.issue({ hosts: ['tls10.example.test'] }), ...OLD_TLS },
  )
  dir = await mkdtemp(join(tmpdir(), 'mpdt-phone-'))
})
afterAll(async () => {
  await Promise.all(
    [...Object.values(servers), socketServer, oldTlsSocketServer].map((server) => server.close()),
  )
  await rm(dir, { recursive: true, force: true })
})

const LISTED = ['api', 'tls10', 'self', 'wrong'].map((name) => `https://${name}.example.test`)

let current: RecordedEngine | undefined
/** Checks off, lists naming all but `other`, every made-up name mapped to its loopback server. */
function engineOptions(): RequestEngineOptions {
  return {
    appid: APPID,
    userAgent: USER_AGENT,
    tempDir: tmpdir(),
    ownAddresses: ['192.168.1.20'],
    urlCheck: false,
    domains: {
      request: LISTED,
      uploadFile: LISTED,
      downloadFile: LISTED,
      socket: ['wss://ws.example.test', 'wss://tls10.example.test'],
    },
    extraCaPem: ca.cert,
    connectTo: [
      ...NAMES.map((name) => `${name}.example.test:443:127.0.0.1:${servers[name].port}`),
      `api.example.test:8443:127.0.0.1:${servers.api.port}`,
      `api.example.test:80:127.0.0.1:${servers.plain.port}`,
      `localhost:443:127.0.0.1:${servers.api.port}`,
      `ws.example.test:7001:127.0.0.1:${socketServer.port}`,
      `chat.example.test:7001:127.0.0.1:${socketServer.port}`,
      `tls10.example.test:7001:127.0.0.1:${oldTlsSocketServer.port}`,
    ],
  }
}

function engineWith(options: Partial<RequestEngineOptions> = {}): RecordedEngine {
  current = recordedEngine({ ...engineOptions(), ...options })
  return current
}
afterEach(async () => {
  await current?.engine.close()
  current = undefined
})

const warningsOf = (events: NetworkEvent[]) =>
  events.filter((event): event is PhoneWarningEvent => event.type === 'phone-warning')
const phoneLines = (messages: ToolConsoleMessage[]) =>
  messages.filter((m) => m.level === 'warn' && String(m.args[0]).startsWith('真机上会失败'))

const NOT_IN_LIST = 'request:fail url not in domain list'

describe('checks off: each rule a phone applies is reported, the request still succeeds', () => {
  test.each([
    ['an unlisted origin', 'https://other.example.test/a', 'domain-list', NOT_IN_LIST],
    ['http', 'http://api.example.test/a', 'not-https', NOT_IN_LIST],
    ['localhost', 'https://localhost/a', 'ip-or-localhost', NOT_IN_LIST],
    ['a listed domain on another port', 'https://api.example.test:8443/a', 'port', NOT_IN_LIST],
    [
      'a TLS 1.0 server',
      'https://tls10.example.test/a',
      'tls-version',
      'request:fail 小程序要求的 TLS 版本必须大于等于 1.2',
    ],
    [
      'a self-signed certificate',
      'https://self.example.test/a',
      'certificate',
      'request:fail 对应的服务器证书无效。',
    ],
    [
      'a certificate for another host',
      'https://wrong.example.test/a',
      'certificate',
      'request:fail 对应的服务器证书无效。',
    ],
  ])('%s: %s warns %s', async (_what, url, rule, errMsg) => {
    const { engine, events, console: messages } = engineWith()
    const { outcome } = await call(engine, { url })
    expect(text(outcome)).toBe('ok /a')
    const warnings = warningsOf(events)
    expect(warnings).toHaveLength(1)
    expect(warnings[0]).toMatchObject({ rule, errMsg, url, id: events[0].id })
    expect(phoneLines(messages)).toHaveLength(1)
  })

  test('an IP address warns ip-or-localhost, naming the origin', async () => {
    const { engine, events, console: messages } = engineWith()
    const url = `http://127.0.0.1:${servers.plain.port}/a`
    expect(text((await call(engine, { url })).outcome)).toBe('ok /a')
    expect(warningsOf(events)).toMatchObject([{ rule: 'ip-or-localhost', errMsg: NOT_IN_LIST }])
    expect(String(phoneLines(messages)[0].args[0])).toContain(
      `http://127.0.0.1:${servers.plain.port} 是 IP 地址或 localhost`,
    )
  })

  test('the console line names the origin, the phone’s errMsg and where to add the domain', async () => {
    const { engine, console: messages } = engineWith()
    await call(engine, { url: 'https://other.example.test/a' })
    expect(phoneLines(messages)).toEqual([
      {
        level: 'warn',
        args: [
          '真机上会失败：https://other.example.test 不在 request 合法域名列表中，真机返回 “request:fail url not in domain list”。请在小程序管理后台「开发管理 → 开发设置 → 服务器域名」中添加该域名。',
        ],
      },
    ])
  })

  test('the TLS line names the version the server offered and the fix', async () => {
    const { engine, console: messages } = engineWith()
    await call(engine, { url: 'https://tls10.example.test/a' })
    expect(String(phoneLines(messages)[0].args[0])).toBe(
      '真机上会失败：https://tls10.example.test 对应的服务器 TLS 为 TLS 1.0 ，小程序要求的 TLS 版本必须大于等于 1.2，真机返回 “request:fail 小程序要求的 TLS 版本必须大于等于 1.2”。请将服务器升级到 TLS 1.2 或更高版本。',
    )
  })

  test('a redirect to an unlisted origin warns on that hop and the request ends there', async () => {
    const { engine, events } = engineWith()
    const to = 'https://other.example.test/b'
    const { outcome } = await call(engine, {
      url: `https://api.example.test/redirect?to=${encodeURIComponent(to)}`,
    })
    expect(text(outcome)).toBe('ok /b')
    expect(warningsOf(events)).toMatchObject([
      { rule: 'redirect-domain-list', errMsg: NOT_IN_LIST, url: to },
    ])
  })

  test('a request on a kept-alive connection to a bad-certificate server warns again', async () => {
    const { engine, events, console: messages } = engineWith()
    await call(engine, { url: 'https://self.example.test/a' })
    await call(engine, { url: 'https://self.example.test/a' })
    expect(warningsOf(events).map((w) => w.rule)).toEqual(['certificate', 'certificate'])
    expect(phoneLines(messages)).toHaveLength(1)
  })

  test('a download to an unlisted origin is warned in downloadFile’s words', async () => {
    const { engine, events } = engineWith()
    const real = join(dir, 'tmp_download')
    const outcome = await new Promise<DownloadOutcome>((onDone) =>
      engine.downloadFile(
        { api: 'downloadFile', url: 'https://other.example.test/file', header: {} },
        { open: () => ({ ok: true, real, path: 'wxfile://tmp_download', temporary: true }) },
        { onDone },
      ),
    )
    expect(outcome.ok).toBe(true)
    expect(warningsOf(events)).toMatchObject([
      { rule: 'domain-list', errMsg: 'downloadFile:fail url not in domain list' },
    ])
  })

  test('a socket to an unlisted wss origin opens and is warned', async () => {
    const { engine, events, console: messages } = engineWith()
    await openAndClose(engine, 'wss://chat.example.test:7001/')
    expect(warningsOf(events)).toMatchObject([
      {
        rule: 'domain-list',
        errMsg: 'connectSocket:fail url not in domain list',
        url: 'wss://chat.example.test:7001/',
      },
    ])
    expect(String(phoneLines(messages)[0].args[0])).toContain(
      'wss://chat.example.test:7001 不在 socket 合法域名列表中',
    )
  })

  test('a socket to a TLS 1.0-only server opens and is warned', async () => {
    const { engine, events } = engineWith()
    await openAndClose(engine, 'wss://tls10.example.test:7001/')
    expect(warningsOf(events)).toMatchObject([
      {
        rule: 'tls-version',
        errMsg: 'connectSocket:fail 小程序要求的 TLS 版本必须大于等于 1.2',
      },
    ])
  })

  test('a socket to a server whose certificate is not trusted opens and is warned', async () => {
    const { engine, events } = engineWith({ extraCaPem: undefined })
    await openAndClose(engine, 'wss://ws.example.test:7001/')
    expect(warningsOf(events)).toMatchObject([
      { rule: 'certificate', errMsg: 'connectSocket:fail 对应的服务器证书无效。' },
    ])
  })
})

/** Opens a socket, closes it once open; rejects when it fails. */
function openAndClose(engine: RecordedEngine['engine'], url: string): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    let socket: EngineSocket | undefined
    const started = engine.connectSocket(
      { api: 'connectSocket', url, header: {} },
      {
        onOpen: () => socket?.close(),
        onMessage: () => undefined,
        onError: (errMsg) => reject(new Error(errMsg)),
        onClose: (code) => (code === 1000 ? resolve() : reject(new Error(`closed ${code}`))),
      },
    )
    if (started.ok) socket = started.socket
    else reject(new Error(started.errMsg))
  })
}

describe('no warning where a phone would pass', () => {
  test('a listed https origin with a good certificate', async () => {
    const { engine, events, console: messages } = engineWith()
    await call(engine, { url: 'https://api.example.test/a' })
    await call(engine, { url: 'https://api.example.test/redirect?to=%2Fb' })
    expect(warningsOf(events)).toEqual([])
    expect(phoneLines(messages)).toEqual([])
  })

  test('with the checks on nothing is warned: the engine blocks as before', async () => {
    const { engine, events, console: messages } = engineWith({ urlCheck: true })
    const { outcome } = await call(engine, { url: 'https://other.example.test/a' })
    const tls = await call(engine, { url: 'https://self.example.test/a' })
    expect(outcome).toMatchObject({ ok: false, errMsg: NOT_IN_LIST })
    expect(tls.outcome).toMatchObject({ ok: false, errMsg: 'request:fail 对应的服务器证书无效。' })
    expect(warningsOf(events)).toEqual([])
    expect(phoneLines(messages)).toEqual([])
  })
})

describe('the console line', () => {
  test('is printed once per origin and rule, however many requests break it', async () => {
    const { engine, events, console: messages } = engineWith()
    for (let i = 0; i < 3; i++) await call(engine, { url: `https://other.example.test/${i}` })
    await call(engine, { url: 'http://api.example.test/a' })
    expect(warningsOf(events)).toHaveLength(4)
    const lines = phoneLines(messages).map((m) => String(m.args[0]))
    expect(lines).toHaveLength(2)
    expect(lines[0]).toContain('https://other.example.test 不在 request 合法域名列表中')
    expect(lines[1]).toContain('http://api.example.test 不是 https 地址')
  })

  test('is printed with nobody listening to events (as in mpdt run without --har)', async () => {
    const engine = createRequestEngine(engineOptions())
    const messages: ToolConsoleMessage[] = []
    engine.onConsole((message) => messages.push(message))
    try {
      const { outcome } = await call(engine, { url: 'https://other.example.test/a' })
      expect(text(outcome)).toBe('ok /a')
      expect(phoneLines(messages)).toHaveLength(1)
    } finally {
      await engine.close()
    }
  })

  test('is printed again after the project’s domain list changes', async () => {
    const { engine, console: messages } = engineWith()
    await call(engine, { url: 'https://other.example.test/a' })
    engine.update({
      domains: {
        request: ['https://api.example.test'],
        uploadFile: [],
        downloadFile: [],
        socket: [],
      },
    })
    await call(engine, { url: 'https://other.example.test/a' })
    expect(phoneLines(messages)).toHaveLength(2)
  })
})

describe('touristappid (no lists on any phone)', () => {
  test('gets no domain-list warnings', async () => {
    const { engine, events, console: messages } = engineWith({ appid: 'touristappid' })
    await call(engine, { url: 'https://other.example.test/a' })
    await call(engine, { url: 'https://api.example.test:8443/a' })
    expect(warningsOf(events)).toEqual([])
    expect(phoneLines(messages)).toEqual([])
  })

  test('still gets the protocol and certificate warnings', async () => {
    const { engine, events } = engineWith({ appid: 'touristappid' })
    await call(engine, { url: 'http://api.example.test/a' })
    await call(engine, { url: 'https://self.example.test/a' })
    expect(warningsOf(events).map((w) => w.rule)).toEqual(['not-https', 'certificate'])
  })
})
