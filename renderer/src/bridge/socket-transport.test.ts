import { describe, expect, it } from 'vitest'
import type { WireMessage } from '../../../shared/rpc'
import { createReconnectingClient, createSocketClient, RECONNECT_DELAYS_MS } from '.'
import { createSocketTransport, rpcSocketUrl, type BrowserSocket } from './socket-transport'

/** A socket the test opens, closes and talks through by hand, like a browser's WebSocket. */
class HandSocket implements BrowserSocket {
  readyState = 0
  sent: string[] = []
  private listeners = new Map<string, ((event: { data: unknown }) => void)[]>()
  addEventListener(type: string, listener: (event: { data: unknown }) => void) {
    this.listeners.set(type, [...(this.listeners.get(type) ?? []), listener])
  }
  send(data: string) {
    if (this.readyState !== 1) throw new Error('InvalidStateError: still connecting')
    this.sent.push(data)
  }
  close() {
    this.fire('close')
  }
  fire(type: string, data?: unknown) {
    if (type === 'open') this.readyState = 1
    if (type === 'close') this.readyState = 3
    for (const listener of this.listeners.get(type) ?? []) listener({ data })
  }
  sentMessages(): WireMessage[] {
    return this.sent.map((frame) => JSON.parse(frame) as WireMessage)
  }
}

describe('socket transport', () => {
  it('queues calls made before the socket opens and sends them on open', () => {
    const socket = new HandSocket()
    const client = createSocketClient(createSocketTransport(socket))
    void client.call('project.current', {})
    expect(socket.sent).toEqual([])
    socket.fire('open')
    expect(socket.sentMessages()).toEqual([
      { type: 'call', id: 1, method: 'project.current', params: {} },
    ])
  })

  it('resolves a call with the result frame of the same id', async () => {
    const socket = new HandSocket()
    socket.fire('open')
    const client = createSocketClient(createSocketTransport(socket))
    const answer = client.call('project.recent', {})
    socket.fire(
      'message',
      JSON.stringify({ type: 'result', id: 1, result: { ok: true, value: [] } }),
    )
    expect(await answer).toEqual({ ok: true, value: [] })
  })

  it('delivers event frames to subscribers', () => {
    const socket = new HandSocket()
    socket.fire('open')
    const client = createSocketClient(createSocketTransport(socket))
    const seen: unknown[] = []
    client.on('project.changed', (info) => seen.push(info.name))
    socket.fire(
      'message',
      JSON.stringify({ type: 'event', event: 'project.changed', payload: { name: 'a' } }),
    )
    expect(seen).toEqual(['a'])
  })

  it('delivers every message of an array frame, in order', () => {
    const socket = new HandSocket()
    socket.fire('open')
    const client = createSocketClient(createSocketTransport(socket))
    const seen: unknown[] = []
    client.on('project.changed', (info) => seen.push(info.name))
    socket.fire(
      'message',
      JSON.stringify([
        { type: 'event', event: 'project.changed', payload: { name: 'a' } },
        { type: 'nonsense' },
        { type: 'event', event: 'project.changed', payload: { name: 'b' } },
      ]),
    )
    expect(seen).toEqual(['a', 'b'])
  })

  it('ignores frames that are not wire messages', () => {
    const socket = new HandSocket()
    socket.fire('open')
    const transport = createSocketTransport(socket)
    const seen: unknown[] = []
    transport.onMessage((m) => seen.push(m))
    socket.fire('message', 'not json')
    socket.fire('message', JSON.stringify({ type: 'other' }))
    expect(seen).toEqual([])
  })

  it('answers pending calls with TRANSPORT_CLOSED when the socket closes', async () => {
    const socket = new HandSocket()
    socket.fire('open')
    const client = createSocketClient(createSocketTransport(socket))
    const answer = client.call('project.reload', {})
    socket.fire('close')
    expect(await answer).toMatchObject({ ok: false, error: { code: 'TRANSPORT_CLOSED' } })
  })

  it('answers calls made after the close with TRANSPORT_CLOSED at once', async () => {
    const socket = new HandSocket()
    const client = createSocketClient(createSocketTransport(socket))
    socket.fire('close')
    expect(await client.call('project.reload', {})).toMatchObject({
      ok: false,
      error: { code: 'TRANSPORT_CLOSED' },
    })
  })

  it('tells disconnect listeners once, on close or on a failed connection', () => {
    const socket = new HandSocket()
    const client = createSocketClient(createSocketTransport(socket))
    let told = 0
    client.onDisconnect(() => told++)
    socket.fire('error')
    socket.fire('close')
    expect(told).toBe(1)
  })
})

describe('reconnecting client (browser mode)', () => {
  /** A client whose sockets and waits the test drives by hand. */
  function reconnecting() {
    const sockets: HandSocket[] = []
    const waits: { ms: number; then: () => void }[] = []
    const client = createReconnectingClient(
      () => {
        const socket = new HandSocket()
        sockets.push(socket)
        return createSocketTransport(socket)
      },
      (ms, then) => waits.push({ ms, then }),
    )
    const told: string[] = []
    client.onDisconnect(() => told.push('lost'))
    client.onReconnect(() => told.push('back'))
    /** Runs the pending wait: the next attempt opens a new socket. */
    const elapse = () => waits.shift()!.then()
    return { client, sockets, waits, told, elapse, last: () => sockets.at(-1)! }
  }

  it('opens a new socket after a close, waiting longer after each failed attempt, up to a bound', () => {
    const { sockets, waits, told, elapse, last } = reconnecting()
    last().fire('open')
    last().fire('close')
    expect(told).toEqual(['lost'])
    for (let attempt = 0; attempt < RECONNECT_DELAYS_MS.length + 2; attempt++) {
      elapse()
      last().fire('error')
      last().fire('close')
    }
    expect(sockets).toHaveLength(RECONNECT_DELAYS_MS.length + 3)
    // The delays before each attempt: doubling, then the last one again.
    expect(waits).toHaveLength(1)
    const bound = RECONNECT_DELAYS_MS.at(-1)!
    expect(waits[0].ms).toBe(bound)
    expect([...RECONNECT_DELAYS_MS]).toEqual([...RECONNECT_DELAYS_MS].sort((a, b) => a - b))
    expect(told).toEqual(['lost'])
    elapse()
    last().fire('open')
    expect(told).toEqual(['lost', 'back'])
    // Connected again: the next loss starts from the first delay.
    last().fire('close')
    expect(waits.map((wait) => wait.ms)).toEqual([RECONNECT_DELAYS_MS[0]])
    expect(told).toEqual(['lost', 'back', 'lost'])
  })

  it('answers calls while disconnected with TRANSPORT_CLOSED and calls on the new socket after', async () => {
    const { client, elapse, last } = reconnecting()
    last().fire('open')
    const lost = client.call('project.reload', {})
    last().fire('close')
    expect(await lost).toMatchObject({ ok: false, error: { code: 'TRANSPORT_CLOSED' } })
    expect(await client.call('project.reload', {})).toMatchObject({
      ok: false,
      error: { code: 'TRANSPORT_CLOSED' },
    })
    elapse()
    last().fire('open')
    const answered = client.call('project.current', {})
    const [sent] = last().sentMessages()
    expect(sent).toMatchObject({ type: 'call', method: 'project.current' })
    const id = (sent as { id: number }).id
    last().fire(
      'message',
      JSON.stringify({ type: 'result', id, result: { ok: true, value: null } }),
    )
    expect(await answered).toEqual({ ok: true, value: null })
  })

  it('keeps event listeners across sockets', () => {
    const { client, elapse, last } = reconnecting()
    const heard: unknown[] = []
    client.on('project.changed', (info) => heard.push(info))
    last().fire('open')
    const event = (name: string) =>
      JSON.stringify({ type: 'event', event: 'project.changed', payload: { name } })
    last().fire('message', event('before'))
    last().fire('close')
    elapse()
    last().fire('open')
    last().fire('message', event('after'))
    expect(heard).toEqual([{ name: 'before' }, { name: 'after' }])
  })
})

describe('rpcSocketUrl', () => {
  it('keeps the page’s host and passes its token on', () => {
    const url = rpcSocketUrl(
      { protocol: 'http:', host: '127.0.0.1:4100', search: '?token=a+b/c' },
      '/rpc',
    )
    expect(url).toBe('ws://127.0.0.1:4100/rpc?token=a%20b%2Fc')
  })

  it('uses wss for a page served over https', () => {
    const url = rpcSocketUrl({ protocol: 'https:', host: 'localhost:9', search: '' }, '/rpc')
    expect(url).toBe('wss://localhost:9/rpc')
  })
})
