import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { WebSocketServer } from 'ws'
import type { TaskEvent } from '../../../shared/runtime/wx-task'
import type { RequestEngine } from '../network'
import { recordedEngine } from '../../../tests/helpers/engine-kit'
import { startHttpServer, type TestServer } from '../../../tests/helpers/servers'
import { createTaskRegistry, type TaskRegistry } from './task-registry'

let server: TestServer
let sockets: WebSocketServer
let engine: RequestEngine
let registry: TaskRegistry

beforeEach(async () => {
  server = await startHttpServer((_req, res) => res.end('ok'))
  sockets = new WebSocketServer({ server: server.server })
  sockets.on('connection', (socket) => socket.on('message', (data) => socket.send(`echo:${data}`)))
  engine = recordedEngine({ urlCheck: false }).engine
  registry = createTaskRegistry()
})

afterEach(async () => {
  registry.closeAll()
  await engine.close()
  sockets.close()
  await server.close()
})

/** Collects one task's events; `until` waits (bounded) for an event of that kind. */
function listen() {
  const events: TaskEvent[] = []
  const until = async (kind: TaskEvent['kind']) => {
    for (let i = 0; i < 200; i++) {
      const found = events.find((event) => event.kind === kind)
      if (found) return found
      await new Promise((resolve) => setTimeout(resolve, 10))
    }
    throw new Error(`no ${kind}: ${JSON.stringify(events)}`)
  }
  return { events, listener: (event: TaskEvent) => events.push(event), until }
}

const socketUrl = () => server.origin.replace(/^http/, 'ws')

describe('the task registry', () => {
  it('runs a request and forgets it after done, so its id can start another', async () => {
    const first = listen()
    const req = { api: 'request', url: `${server.origin}/a`, method: 'GET', header: {} }
    expect(registry.start('t1', req, { engine }, first.listener)).toMatchObject({ ok: true })
    expect(registry.start('t1', req, { engine }, () => undefined)).toMatchObject({
      ok: false,
      error: { code: 'INVALID_PARAMS', message: 'taskId t1 is in use' },
    })
    expect(await first.until('done')).toMatchObject({ outcome: { ok: true, statusCode: 200 } })
    expect(first.events.map((event) => event.kind)).toEqual(['headers', 'done'])
    const second = listen()
    expect(registry.start('t1', req, { engine }, second.listener).ok).toBe(true)
    await second.until('done')
  })

  it('refuses bad input and a missing project before starting anything', () => {
    const heard = listen()
    const bad = { api: 'request', url: 7, method: 'GET', header: {} }
    expect(registry.start('t2', bad, { engine }, heard.listener)).toMatchObject({
      ok: false,
      error: { code: 'INVALID_PARAMS' },
    })
    expect(registry.start('t2', { api: 'login' }, { engine }, heard.listener)).toMatchObject({
      ok: false,
      error: { message: 'req.api must name a task API' },
    })
    const req = { api: 'request', url: `${server.origin}/a`, method: 'GET', header: {} }
    expect(registry.start('t2', req, undefined, heard.listener)).toMatchObject({
      ok: false,
      error: { code: 'NO_PROJECT' },
    })
    expect(heard.events).toEqual([])
  })

  it('ends an upload or download as refused, not supported, without a file space', () => {
    const heard = listen()
    const req = { api: 'downloadFile', url: `${server.origin}/f`, header: {} }
    expect(registry.start('d1', req, { engine }, heard.listener).ok).toBe(true)
    expect(heard.events).toEqual([{ kind: 'refused', errMsg: 'downloadFile:fail not supported' }])
  })

  it('sends on and closes a socket by its id, and answers not open for unknown ids', async () => {
    const heard = listen()
    const req = { api: 'connectSocket', url: socketUrl(), header: {} }
    expect(registry.start('s1', req, { engine }, heard.listener).ok).toBe(true)
    expect(heard.events[0]).toEqual({ kind: 'socket-accepted' })
    await heard.until('socket-open')
    expect(registry.operate('s1', { name: 'send', data: 'hi' })).toBeNull()
    expect(await heard.until('socket-message')).toEqual({
      kind: 'socket-message',
      data: 'echo:hi',
    })
    expect(registry.operate('s1', { name: 'close', code: 4000, reason: 'bye' })).toBeNull()
    expect(await heard.until('socket-close')).toMatchObject({ code: 4000, reason: 'bye' })
    expect(registry.operate('s1', { name: 'send', data: 'late' })).toBe(
      'SocketTask.readyState is not OPEN',
    )
    expect(registry.operate('nope', { name: 'abort' })).toBeNull()
  })

  it('closes open sockets as going away when every task is stopped', async () => {
    const heard = listen()
    const req = { api: 'connectSocket', url: socketUrl(), header: {} }
    registry.start('s2', req, { engine }, heard.listener)
    await heard.until('socket-open')
    registry.closeAll()
    expect(await heard.until('socket-close')).toMatchObject({ code: 1001 })
  })
})
