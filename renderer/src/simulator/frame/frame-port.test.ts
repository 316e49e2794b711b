import { describe, expect, it } from 'vitest'
import type { EngineOutcome } from '../../../../shared/network'
import type { SystemInfo } from '../../../../shared/runtime'
import type { FrameMessage } from '../../../../shared/simulator-protocol'
import { FramePort } from './frame-port'

function createPort() {
  const posted: FrameMessage[] = []
  const port = new FramePort({
    post: (message) => posted.push(message),
    appid: 'wx1',
    storage: { k: { type: 'String', data: 'v' } },
    networkType: 'wifi',
    systemInfo: () => ({ model: 'test' }) as unknown as SystemInfo,
  })
  return { port, posted }
}

const REQUEST = { api: 'request', url: 'https://a.test/', method: 'GET', header: {} } as const

describe('FramePort', () => {
  it('posts each request with its own task id and delivers its events in order', () => {
    const { port, posted } = createPort()
    const seen: string[] = []
    const task = port.startTask(REQUEST, (event) =>
      seen.push(
        event.kind === 'headers'
          ? `headers ${event.head.statusCode}`
          : event.kind === 'chunk'
            ? `chunk ${event.data.length}`
            : event.kind === 'done'
              ? `done ${event.outcome.ok}`
              : event.kind,
      ),
    )
    const second = port.startTask(REQUEST, () => undefined)
    expect(posted).toEqual([
      { type: 'wx-bridge:call', callId: task.id, method: 'request', params: REQUEST },
      { type: 'wx-bridge:call', callId: second.id, method: 'request', params: REQUEST },
    ])
    expect(second.id).not.toBe(task.id)
    const head = { statusCode: 200, header: {}, cookies: [] }
    port.deliverTask(task.id, { kind: 'headers', head })
    port.deliverTask(task.id, { kind: 'chunk', data: new Uint8Array(3) })
    const outcome: EngineOutcome = { ok: true, body: new Uint8Array(3), ...head }
    port.deliverTask(task.id, { kind: 'done', outcome })
    port.deliverTask(task.id, { kind: 'done', outcome })
    expect(seen).toEqual(['headers 200', 'chunk 3', 'done true'])
  })

  it('posts an abort only while the task is open', () => {
    const { port, posted } = createPort()
    const task = port.startTask(REQUEST, () => undefined)
    task.operate({ name: 'abort' })
    expect(posted.at(-1)).toEqual({
      type: 'wx-bridge:task',
      taskId: task.id,
      operation: { name: 'abort' },
    })
    port.deliverTask(task.id, {
      kind: 'done',
      outcome: { ok: false, errMsg: 'request:fail abort' },
    })
    const count = posted.length
    task.operate({ name: 'abort' })
    expect(posted).toHaveLength(count)
  })

  it('posts console calls with arguments made clone-safe', () => {
    const { port, posted } = createPort()
    port.console('warn', ['x', () => 1], 'baselib')
    expect(posted).toEqual([
      {
        type: 'wx-bridge:console',
        level: 'warn',
        args: ['x', '[Function (anonymous)]'],
        source: 'baselib',
      },
    ])
  })

  it('serves the boot storage for its appid only and posts each change', () => {
    const { port, posted } = createPort()
    expect(port.loadStorage('wx1')).toEqual({ k: { type: 'String', data: 'v' } })
    expect(port.loadStorage('other')).toEqual({})
    port.saveStorage('wx1', { kind: 'remove', key: 'k' })
    expect(posted).toEqual([
      { type: 'wx-bridge:storage', appid: 'wx1', change: { kind: 'remove', key: 'k' } },
    ])
  })

  it('answers the network type it was last told', () => {
    const { port } = createPort()
    expect(port.networkType()).toBe('wifi')
    port.setNetworkType('none')
    expect(port.networkType()).toBe('none')
  })

  it('posts uncaught errors', () => {
    const { port, posted } = createPort()
    port.reportError({ message: 'boom', stack: 'Error: boom\n    at pages/a/a.js:1:1' })
    expect(posted).toEqual([
      {
        type: 'wx-bridge:error',
        error: { message: 'boom', stack: 'Error: boom\n    at pages/a/a.js:1:1' },
      },
    ])
  })
})
