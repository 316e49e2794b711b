import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { connect } from 'node:tls'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import WebSocket from 'ws'
import { BYE_MESSAGE, GOODBYE_REASON, WELCOME_MESSAGE } from './chat-socket'
import { DEMO_API_HOST, DEMO_OTHER_HOST } from './demo-hosts'
import { startDemoServer, type DemoServer } from './demo-server'

let dataDir: string
let demo: DemoServer

beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'mpdt-demo-chat-'))
  demo = await startDemoServer({ dataDir })
})

afterAll(async () => {
  await demo.close()
  await rm(dataDir, { recursive: true, force: true })
})

interface ChatClient {
  socket: WebSocket
  /** Resolves with the next message: text as a string, binary as a Buffer. */
  next(): Promise<string | Buffer>
  closed: Promise<{ code: number; reason: string }>
}

/** A client for `path` on `host`, connected to the loopback server as the host mapping does. */
function openChat(options: { path?: string; host?: string; ca?: string } = {}): ChatClient {
  const host = options.host ?? DEMO_API_HOST
  const socket = new WebSocket(`wss://${host}${options.path ?? '/chat'}`, {
    createConnection: () =>
      connect({
        host: '127.0.0.1',
        port: demo.port,
        servername: host,
        ca: options.ca,
        ALPNProtocols: ['http/1.1'],
      }),
  })
  const queue: (string | Buffer)[] = []
  const waiters: ((message: string | Buffer) => void)[] = []
  socket.on('message', (data: Buffer, isBinary) => {
    const message = isBinary ? data : data.toString()
    const waiter = waiters.shift()
    if (waiter) waiter(message)
    else queue.push(message)
  })
  const closed = new Promise<{ code: number; reason: string }>((resolve) =>
    socket.on('close', (code, reason) => resolve({ code, reason: reason.toString() })),
  )
  socket.on('error', () => {})
  return {
    socket,
    next: () =>
      queue.length > 0
        ? Promise.resolve(queue.shift()!)
        : new Promise((resolve) => waiters.push(resolve)),
    closed,
  }
}

function opened(socket: WebSocket): Promise<void> {
  return new Promise((resolve, reject) => {
    socket.once('open', () => resolve())
    socket.once('error', reject)
  })
}

describe('the WebSocket echo chat', () => {
  test('greets a new client', async () => {
    const chat = openChat({ ca: demo.caPem })
    expect(await chat.next()).toBe(WELCOME_MESSAGE)
    chat.socket.close()
    await chat.closed
  })

  test('echoes text as text', async () => {
    const chat = openChat({ ca: demo.caPem })
    await chat.next()
    chat.socket.send('你好')
    expect(await chat.next()).toBe('你好')
    chat.socket.close()
    await chat.closed
  })

  test('echoes binary as binary', async () => {
    const chat = openChat({ ca: demo.caPem })
    await chat.next()
    chat.socket.send(Buffer.from([1, 2, 3, 250]))
    expect(await chat.next()).toEqual(Buffer.from([1, 2, 3, 250]))
    chat.socket.close()
    await chat.closed
  })

  test('"bye" ends the chat with a normal closure', async () => {
    const chat = openChat({ ca: demo.caPem })
    await chat.next()
    chat.socket.send(BYE_MESSAGE)
    expect(await chat.closed).toEqual({ code: 1000, reason: GOODBYE_REASON })
  })

  test('a client without the demo CA refuses the certificate', async () => {
    const chat = openChat()
    await expect(opened(chat.socket)).rejects.toThrow(/self-signed|unable to verify|certificate/i)
  })

  test('only the API host serves the chat', async () => {
    const chat = openChat({ ca: demo.caPem, host: DEMO_OTHER_HOST })
    await expect(opened(chat.socket)).rejects.toThrow(/404/)
  })

  test('close() ends open chats', async () => {
    const server = await startDemoServer({ dataDir })
    const chat = new WebSocket(`wss://${DEMO_API_HOST}/chat`, {
      createConnection: () =>
        connect({
          host: '127.0.0.1',
          port: server.port,
          servername: DEMO_API_HOST,
          ca: server.caPem,
        }),
    })
    const closed = new Promise<number>((resolve) => chat.on('close', (code) => resolve(code)))
    chat.on('error', () => {})
    await opened(chat)
    await server.close()
    expect(await closed).toBe(1006)
  })
})
