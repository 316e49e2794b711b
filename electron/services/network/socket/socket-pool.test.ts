import { createServer, type Server } from 'node:net'
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest'
import type { EngineSocket, EngineSocketRequest, SocketData } from '../../../../shared/network'
import { createCertificateAuthority } from '../../../../tests/helpers/certificates'
import { startHttpsServer } from '../../../../tests/helpers/servers'
import { startWsServer, type TestWsServer } from '../../../../tests/helpers/ws-servers'
import { recordedEngine, type RecordedEngine } from '../../../../tests/helpers/engine-kit'
import type { RequestEngineOptions } from '../engine/request-engine'

const ca = createCertificateAuthority()
const untrusted = createCertificateAuthority('Nobody trusts this')
let echo: TestWsServer
let plain: TestWsServer
let strange: TestWsServer
let silent: Server
const silentSockets = new Set<import('node:net').Socket>()

/** Echoes every message; `bye` makes it close with 4001 "bye", `drop` cuts the connection. */
function onEcho(socket: import('ws').WebSocket) {
  socket.on('message', (data, isBinary) => {
    const text = data.toString()
    if (!isBinary && text === 'bye') socket.close(4001, 'bye')
    else if (!isBinary && text === 'drop') socket.terminate()
    else if (!isBinary && text === 'close-quietly') socket.close(1000)
    else socket.send(data, { binary: isBinary })
  })
}

beforeAll(async () => {
  ;[echo, plain, strange] = await Promise.all([
    startWsServer(onEcho, ca.issue({ hosts: ['ws.example.test', 'other.example.test'] })),
    startWsServer(onEcho),
    startWsServer(onEcho, untrusted.issue({ hosts: ['ws.example.test'] })),
  ])
  // Accepts TCP and never answers the upgrade.
  silent = createServer((socket) => {
    silentSockets.add(socket)
    socket.resume()
    socket.once('close', () => silentSockets.delete(socket))
  })
  await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve))
})
afterAll(async () => {
  await Promise.all([echo, plain, strange].map((s) => s.close()))
  for (const socket of silentSockets) socket.destroy()
  await new Promise((resolve) => silent.close(resolve))
})

let current: RecordedEngine | undefined
function engineWith(options: Partial<RequestEngineOptions> = {}): RecordedEngine {
  current = recordedEngine({
    domains: { request: [], socket: ['wss://ws.example.test'], uploadFile: [], downloadFile: [] },
    extraCaPem: ca.cert,
    connectTo: [`ws.example.test:7001:127.0.0.1:${echo.port}`],
    ...options,
  })
  return current
}
afterEach(async () => {
  await current?.engine.close()
  current = undefined
})

interface SocketCall {
  socket?: EngineSocket
  errMsg?: string
  opened: Promise<Record<string, string>>
  closed: Promise<{ code: number; reason: string }>
  messages: SocketData[]
  errors: string[]
  /** Resolves once `n` messages have arrived. */
  received(n: number): Promise<SocketData[]>
}

function connect(
  recorded: RecordedEngine,
  url: string,
  extra: Partial<EngineSocketRequest> = {},
): SocketCall {
  const messages: SocketData[] = []
  const errors: string[] = []
  const waiters: (() => void)[] = []
  let opened!: (header: Record<string, string>) => void
  let closed!: (result: { code: number; reason: string }) => void
  const call: SocketCall = {
    opened: new Promise((resolve) => (opened = resolve)),
    closed: new Promise((resolve) => (closed = resolve)),
    messages,
    errors,
    received: (n) =>
      new Promise((resolve) => {
        const check = () => (messages.length >= n ? resolve(messages) : waiters.push(check))
        check()
      }),
  }
  const started = recorded.engine.connectSocket(
    { api: 'connectSocket', url, header: { 'x-app': '1', Referer: 'https://evil.test' }, ...extra },
    {
      onOpen: ({ header }) => opened(header),
      onMessage: (data) => {
        messages.push(data)
        for (const waiter of waiters.splice(0)) waiter()
      },
      onError: (errMsg) => errors.push(errMsg),
      onClose: (code, reason) => closed({ code, reason }),
    },
  )
  if (started.ok) call.socket = started.socket
  else call.errMsg = started.errMsg
  return call
}

const URL_7001 = 'wss://ws.example.test:7001/chat'

describe('connectSocket', () => {
  test('opens a listed wss domain on any port, with Referer and User-Agent forced', async () => {
    const recorded = engineWith()
    const call = connect(recorded, URL_7001)
    await call.opened
    const upgrade = echo.upgrades.at(-1)!
    expect(upgrade.headers.referer).toBe(
      'https://servicewechat.com/wx0123456789abcdef/devtools/page-frame.html',
    )
    expect(upgrade.headers['user-agent']).toMatch(/MicroMessenger/)
    expect(upgrade.headers['x-app']).toBe('1')
    call.socket!.close()
    await call.closed
  })

  test('sends and receives text and binary frames', async () => {
    const recorded = engineWith()
    const call = connect(recorded, URL_7001)
    await call.opened
    expect(call.socket!.send('hello')).toBeUndefined()
    expect(call.socket!.send(new Uint8Array([1, 2, 255]))).toBeUndefined()
    const [first, second] = await call.received(2)
    expect(first).toBe('hello')
    expect(second).toBeInstanceOf(Uint8Array)
    expect([...(second as Uint8Array)]).toEqual([1, 2, 255])
    call.socket!.close()
    await call.closed
  })

  test('refuses to send before the socket is open', () => {
    const recorded = engineWith()
    const call = connect(recorded, URL_7001)
    expect(call.socket!.send('early')).toBe('SocketTask.readyState is not OPEN')
  })

  test('reports the code and reason the server closed with', async () => {
    const recorded = engineWith()
    const call = connect(recorded, URL_7001)
    await call.opened
    call.socket!.send('bye')
    expect(await call.closed).toEqual({ code: 4001, reason: 'bye' })
  })

  test('fills an empty close reason as DevTools does', async () => {
    const recorded = engineWith()
    const call = connect(recorded, URL_7001)
    await call.opened
    call.socket!.send('close-quietly')
    expect(await call.closed).toEqual({ code: 1000, reason: 'normal closure' })
  })

  test('a dropped connection closes with 1006 abnormal closure', async () => {
    const recorded = engineWith()
    const call = connect(recorded, URL_7001)
    await call.opened
    call.socket!.send('drop')
    expect(await call.closed).toEqual({ code: 1006, reason: 'abnormal closure' })
  })

  test('closes with the code and reason the mini-program gives', async () => {
    const recorded = engineWith()
    const call = connect(recorded, URL_7001)
    await call.opened
    const serverClosed = new Promise<[number, string]>((resolve) =>
      [...echo.wss.clients]
        .at(-1)!
        .once('close', (code, reason) => resolve([code, reason.toString()])),
    )
    call.socket!.close(4000, 'done')
    expect(await serverClosed).toEqual([4000, 'done'])
    expect(await call.closed).toEqual({ code: 4000, reason: 'done' })
  })

  test('refuses ws:// with checks on', () => {
    const recorded = engineWith()
    const call = connect(recorded, `ws://ws.example.test:${plain.port}/`)
    expect(call.errMsg).toBe('connectSocket:fail url not in domain list')
    expect(recorded.events.at(-1)).toMatchObject({ type: 'blocked', rule: 'not-https' })
  })

  test('refuses a domain missing from the socket list, printing the socket block', () => {
    const recorded = engineWith()
    const call = connect(recorded, 'wss://other.example.test/')
    expect(call.errMsg).toBe('connectSocket:fail url not in domain list')
    expect(String(recorded.console[0].args[0])).toMatch(/ socket 合法域名校验出错$/)
    expect(String(recorded.console[2].args[0])).toContain(
      ' wss://other.example.test 不在以下 socket 合法域名列表中',
    )
  })

  test('opens anything with urlCheck off, ws:// to 127.0.0.1 included', async () => {
    const recorded = engineWith({ urlCheck: false })
    const call = connect(recorded, `ws://127.0.0.1:${plain.port}/`)
    await call.opened
    call.socket!.close()
    await call.closed
  })

  test('fails the sixth socket while five are open, and allows one again after a close', async () => {
    const recorded = engineWith()
    const five = Array.from({ length: 5 }, () => connect(recorded, URL_7001))
    await Promise.all(five.map((call) => call.opened))
    const sixth = connect(recorded, URL_7001)
    expect(sixth.errMsg).toBe('connectSocket:fail fail reach max websocket connect count 5')
    five[0].socket!.close()
    await five[0].closed
    const again = connect(recorded, URL_7001)
    await again.opened
    for (const call of [...five.slice(1), again]) call.socket!.close()
    await Promise.all([...five.slice(1), again].map((call) => call.closed))
  })

  test('times out connecting after app.json networkTimeout.connectSocket', async () => {
    const address = silent.address() as { port: number }
    const recorded = engineWith({
      networkTimeout: { connectSocket: 100 },
      connectTo: [`ws.example.test:443:127.0.0.1:${address.port}`],
    })
    const call = connect(recorded, 'wss://ws.example.test/')
    const closed = await call.closed
    expect(call.errors).toEqual(['Timed out connecting to server.'])
    expect(closed.code).toBe(1006)
    for (let i = 0; i < 100 && silentSockets.size > 0; i++) {
      await new Promise((resolve) => setTimeout(resolve, 10))
    }
    expect(silentSockets.size, 'the abandoned connection is closed').toBe(0)
  })

  test('refuses a certificate nobody trusts with checks on, accepts it with checks off', async () => {
    const mapping = [`ws.example.test:443:127.0.0.1:${strange.port}`]
    const checked = engineWith({ connectTo: mapping })
    const refused = connect(checked, 'wss://ws.example.test/')
    await refused.closed
    expect(refused.errors).toEqual(['对应的服务器证书无效。'])
    await checked.engine.close()
    const unchecked = engineWith({ connectTo: mapping, urlCheck: false })
    const accepted = connect(unchecked, 'wss://ws.example.test/')
    await accepted.opened
    accepted.socket!.close()
    await accepted.closed
  })

  test('a server that refuses the upgrade gives onError then onClose 1006', async () => {
    const refusing = await startHttpsServer(
      (_req, res) => res.writeHead(404).end(),
      ca.issue({ hosts: ['ws.example.test'] }),
    )
    try {
      const recorded = engineWith({ connectTo: [`ws.example.test:443:127.0.0.1:${refusing.port}`] })
      const call = connect(recorded, 'wss://ws.example.test/')
      expect((await call.closed).code).toBe(1006)
      expect(call.errors).toEqual(['Unexpected server response: 404'])
    } finally {
      await refusing.close()
    }
  })

  test('fails at once while the network is simulated offline', () => {
    const recorded = engineWith({ networkCondition: 'offline' })
    const call = connect(recorded, URL_7001)
    expect(call.errMsg).toBe('connectSocket:fail network is down')
    expect(recorded.events.at(-1)).toMatchObject({ type: 'blocked', rule: 'offline' })
  })

  test('closing the engine closes its open sockets', async () => {
    const recorded = engineWith()
    const call = connect(recorded, URL_7001)
    await call.opened
    await recorded.engine.close()
    expect((await call.closed).code).toBe(1006)
  })

  test('lists every frame for the Network panel, both ways, with a preview', async () => {
    const recorded = engineWith()
    const call = connect(recorded, URL_7001)
    await call.opened
    call.socket!.send('hi')
    call.socket!.send(new Uint8Array([0xde, 0xad]))
    await call.received(2)
    call.socket!.close()
    await call.closed
    const frames = recorded.events.filter((e) => e.type === 'socket-frame')
    expect(frames.map((f) => [f.direction, f.opcode, f.size, f.preview])).toEqual([
      ['send', 'text', 2, 'hi'],
      ['send', 'binary', 2, 'de ad'],
      ['receive', 'text', 2, 'hi'],
      ['receive', 'binary', 2, 'de ad'],
    ])
    expect(recorded.events.at(-1)).toMatchObject({ type: 'socket-closed', code: 1000 })
  })
})
