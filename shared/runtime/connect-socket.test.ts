import { afterEach, describe, expect, it } from 'vitest'
import type {
  EngineSocketRequest,
  SocketCallbacks,
  SocketConnectResult,
  SocketData,
} from '../network'
import { createLaterInvoker } from './async-api'
import { PendingWork } from './pending-work'
import { createTaskCore } from './task-core'
import { TestingPort } from '../../tests/helpers/runtime-port'
import { createTimers, type TimerControl } from './timers'
import { createSocketApi } from './connect-socket'

/** A port whose sockets the test opens, feeds and closes. */
class SocketPort extends TestingPort {
  sockets: {
    request: EngineSocketRequest
    callbacks: SocketCallbacks
    sent: SocketData[]
    open: boolean
    closedWith?: [number, string]
  }[] = []
  refuse: { errMsg: string; errno?: number } | undefined

  override connectSocket(
    request: EngineSocketRequest,
    callbacks: SocketCallbacks,
  ): SocketConnectResult {
    if (this.refuse) return { ok: false, ...this.refuse }
    const entry = {
      request,
      callbacks,
      sent: [] as SocketData[],
      open: false,
    } as SocketPort['sockets'][0]
    this.sockets.push(entry)
    return {
      ok: true,
      socket: {
        id: String(this.sockets.length),
        send: (data) => {
          if (!entry.open) return 'SocketTask.readyState is not OPEN'
          entry.sent.push(data)
          return undefined
        },
        close: (code = 1000, reason = '') => {
          entry.closedWith = [code, reason]
          return undefined
        },
      },
    }
  }

  openSocket(index = 0): void {
    this.sockets[index].open = true
    this.sockets[index].callbacks.onOpen({ header: { upgrade: 'websocket' } })
  }
}

const controls: TimerControl[] = []
afterEach(() => {
  for (const control of controls.splice(0)) control.clearAll()
})

function setup() {
  const port = new SocketPort()
  const pending = new PendingWork()
  const sink = (error: unknown) => {
    throw error
  }
  const control = createTimers(pending, sink)
  controls.push(control)
  const { wx } = createSocketApi({
    port,
    tasks: createTaskCore(port),
    pending,
    sink,
    defer: control.defer,
    invokeLater: createLaterInvoker(sink, pending),
    currentPage: () => 'pages/index/index',
  })
  const events: string[] = []
  const record = (name: string) => (value: unknown) =>
    events.push(
      `${name} ${JSON.stringify(value, (_k, v: unknown) => (v instanceof ArrayBuffer ? [...new Uint8Array(v)] : v))}`,
    )
  const tick = () => new Promise((resolve) => setTimeout(resolve, 5))
  type Task = {
    readyState: number
    send(o: unknown): unknown
    close(o: unknown): unknown
    onOpen(l: unknown): void
    onMessage(l: unknown): void
    onError(l: unknown): void
    onClose(l: unknown): void
  }
  const connect = (options: Record<string, unknown>) =>
    (wx.connectSocket as (o: unknown) => Task)(options)
  return { port, pending, wx, events, record, tick, connect }
}

const URL = 'wss://ws.example.test/chat'

describe('wx.connectSocket', () => {
  it('returns its SocketTask and calls success after the call returned', async () => {
    const { connect, events, record, tick } = setup()
    const task = connect({ url: URL, success: record('success') })
    expect(task.readyState).toBe(0)
    expect(events).toEqual([])
    await tick()
    expect(events).toEqual(['success {"errMsg":"connectSocket:ok"}'])
  })

  it('fails a url that is not ws(s) with the base library words', async () => {
    const { connect, events, record, tick } = setup()
    connect({ url: 'https://x', fail: record('fail') })
    await tick()
    expect(events).toEqual([
      'fail {"errMsg":"connectSocket:fail invalid url \\"https://x\\"","errno":600009}',
    ])
  })

  it('fails a missing url as a parameter error', async () => {
    const { connect, events, record, tick } = setup()
    connect({ fail: record('fail') })
    await tick()
    expect(events).toEqual([
      'fail {"errMsg":"connectSocket:fail parameter error: parameter.url should be String instead of Undefined;","errno":1001}',
    ])
  })

  it('passes the engine refusal to fail and to onError', async () => {
    const { connect, port, events, record, tick } = setup()
    port.refuse = { errMsg: 'connectSocket:fail url not in domain list', errno: 600002 }
    const task = connect({ url: URL, fail: record('fail') })
    task.onError(record('error'))
    await tick()
    expect(events).toEqual([
      'fail {"errMsg":"connectSocket:fail url not in domain list","errno":600002}',
      'error {"errMsg":"url not in domain list"}',
    ])
  })

  it('refuses to send before open in WeChat words', async () => {
    const { connect, events, record, tick } = setup()
    const task = connect({ url: URL })
    task.send({ data: 'x', fail: record('fail') })
    await tick()
    expect(events).toEqual([
      'fail {"errMsg":"SocketTask.send:fail SocketTask.readyState is not OPEN"}',
    ])
  })

  it('opens, sends, receives text and ArrayBuffer, and closes with code and reason', async () => {
    const { connect, port, events, record, tick, pending } = setup()
    const task = connect({ url: URL })
    task.onOpen(record('open'))
    task.onMessage(record('message'))
    task.onClose(record('close'))
    await tick()
    port.openSocket()
    await tick()
    expect(task.readyState).toBe(1)
    task.send({ data: 'hi', success: record('sent') })
    task.send({ data: new Uint8Array([1, 2]).buffer })
    port.sockets[0].callbacks.onMessage('back')
    port.sockets[0].callbacks.onMessage(new Uint8Array([3]))
    await tick()
    task.close({ code: 4000, reason: 'bye' })
    await tick()
    expect(port.sockets[0].closedWith).toEqual([4000, 'bye'])
    expect(task.readyState).toBe(2)
    port.sockets[0].callbacks.onClose(4000, 'bye')
    await tick()
    expect(task.readyState).toBe(3)
    expect(port.sockets[0].sent).toEqual(['hi', new Uint8Array([1, 2])])
    expect(events).toEqual([
      'open {"header":{"upgrade":"websocket"}}',
      'sent {"errMsg":"SocketTask.send:ok"}',
      'message {"data":"back"}',
      'message {"data":[3]}',
      'close {"code":4000,"reason":"bye"}',
    ])
    expect(pending.size).toBe(0)
  })

  it('counts an open socket as pending until it closes', async () => {
    const { connect, port, pending, tick } = setup()
    connect({ url: URL })
    port.openSocket()
    await tick()
    expect(pending.size).toBe(1)
    port.sockets[0].callbacks.onClose(1000, 'normal closure')
    await tick()
    expect(pending.size).toBe(0)
  })
})

describe('the legacy global socket API', () => {
  it('says WebSocket is not connected without an open socket', async () => {
    const { wx, events, record, tick } = setup()
    ;(wx.sendSocketMessage as (o: unknown) => void)({ data: 'x', fail: record('send') })
    ;(wx.closeSocket as (o: unknown) => void)({ fail: record('close') })
    await tick()
    expect(events).toEqual([
      'send {"errMsg":"sendSocketMessage:fail WebSocket is not connected"}',
      'close {"errMsg":"closeSocket:fail WebSocket is not connected"}',
    ])
  })

  it('follows the latest socket: open, message, send and close', async () => {
    const { wx, connect, port, events, record, tick } = setup()
    ;(wx.onSocketOpen as (l: unknown) => void)(record('open'))
    ;(wx.onSocketMessage as (l: unknown) => void)(record('message'))
    ;(wx.onSocketClose as (l: unknown) => void)(record('close'))
    connect({ url: URL })
    port.openSocket()
    port.sockets[0].callbacks.onMessage('m')
    await tick()
    ;(wx.sendSocketMessage as (o: unknown) => void)({ data: 'up', success: record('sent') })
    ;(wx.closeSocket as (o: unknown) => void)({ code: 1000 })
    await tick()
    port.sockets[0].callbacks.onClose(1000, 'normal closure')
    await tick()
    expect(port.sockets[0].sent).toEqual(['up'])
    expect(port.sockets[0].closedWith).toEqual([1000, ''])
    expect(events).toEqual([
      'open {"header":{"upgrade":"websocket"}}',
      'message {"data":"m"}',
      'sent {"errMsg":"sendSocketMessage:ok"}',
      'close {"code":1000,"reason":"normal closure"}',
    ])
  })
})
