import { afterEach, describe, expect, it } from 'vitest'
import type { ResponseHead } from '../network'
import { PendingWork } from './pending-work'
import { createTaskCore } from './task-core'
import { createRequestApi, type RequestTask } from './request'
import { TestingPort } from '../../tests/helpers/runtime-port'
import { createTimers, type TimerControl } from './timers'

const controls: TimerControl[] = []
afterEach(() => {
  for (const control of controls.splice(0)) control.clearAll()
})

function setup() {
  const port = new TestingPort()
  const pending = new PendingWork()
  const errors: unknown[] = []
  const sink = (error: unknown) => errors.push(error)
  const control = createTimers(pending, sink)
  controls.push(control)
  const tasks = createTaskCore(port)
  const api = createRequestApi({
    port,
    tasks,
    pending,
    sink,
    defer: control.defer,
    currentPage: () => 'pages/index/index',
  })
  const events: string[] = []
  const record =
    (name: string) =>
    (value: unknown): void => {
      events.push(`${name} ${JSON.stringify(value)}`)
    }
  const idle = () =>
    new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('never idle')), 3000)
      const off = pending.onIdle(() => {
        clearTimeout(timer)
        off()
        resolve()
      })
      pending.scheduleIdleCheck()
    })
  return { port, pending, errors, api, tasks, events, record, idle }
}

const URL = 'https://api.example.test/chat'
const head = { statusCode: 200, header: { 'content-type': 'text/plain' }, cookies: ['s=1'] }

describe('RequestTask', () => {
  it('is returned by wx.request, with no Promise style', () => {
    const { api } = setup()
    const task = api.request({ url: URL })
    expect(Object.keys(task).sort()).toEqual([
      'abort',
      'offChunkReceived',
      'offHeadersReceived',
      'onChunkReceived',
      'onHeadersReceived',
    ])
    expect('then' in task).toBe(false)
  })

  it('delivers headers, each chunk as an ArrayBuffer, then success, then complete', async () => {
    const { port, api, events, record, idle } = setup()
    const task = api.request({
      url: URL,
      enableChunked: true,
      responseType: 'arraybuffer',
      success: (r: { statusCode: number; data: ArrayBuffer }) =>
        events.push(`success ${r.statusCode} ${r.data.byteLength}`),
      complete: () => events.push('complete'),
    })
    task.onHeadersReceived(record('headers'))
    task.onChunkReceived((r: { data: unknown }) =>
      events.push(
        `chunk ${r.data instanceof ArrayBuffer} ${new TextDecoder().decode(r.data as ArrayBuffer)}`,
      ),
    )
    const stepped = port.requests[0]
    expect(stepped.request.enableChunked).toBe(true)
    stepped.headers(head)
    stepped.chunk('data: 1\n\n')
    stepped.chunk('data: 2\n\n')
    stepped.finish({ ok: true, ...head, body: new Uint8Array(0) })
    await idle()
    expect(events).toEqual([
      'headers {"header":{"content-type":"text/plain"},"statusCode":200,"cookies":["s=1"]}',
      'chunk true data: 1\n\n',
      'chunk true data: 2\n\n',
      'success 200 0',
      'complete',
    ])
  })

  it('calls success for a 500', async () => {
    const { port, api, events, record, idle } = setup()
    api.request({ url: URL, success: record('success'), fail: record('fail') })
    port.requests[0].respond(500, 'oops')
    await idle()
    expect(events).toEqual([
      'success {"data":"oops","statusCode":500,"header":{},"cookies":[],"errMsg":"request:ok"}',
    ])
  })

  it('passes an engine failure to fail and complete with its errno', async () => {
    const { port, api, events, record, idle } = setup()
    api.request({
      url: URL,
      success: record('success'),
      fail: record('fail'),
      complete: record('complete'),
    })
    port.requests[0].finish({
      ok: false,
      errMsg: 'request:fail url not in domain list',
      errno: 600002,
    })
    await idle()
    expect(events).toEqual([
      'fail {"errMsg":"request:fail url not in domain list","errno":600002}',
      'complete {"errMsg":"request:fail url not in domain list","errno":600002}',
    ])
  })

  it('leaves errno out when the engine gives none', async () => {
    const { port, api, events, record, idle } = setup()
    api.request({ url: URL, fail: record('fail') })
    port.requests[0].finish({ ok: false, errMsg: 'request:fail timeout' })
    await idle()
    expect(events).toEqual(['fail {"errMsg":"request:fail timeout"}'])
  })

  it('fails a parameter error after wx.request returned, without reaching the engine', async () => {
    const { port, api, events, record, idle } = setup()
    api.request({ url: 1, fail: record('fail'), complete: record('complete') })
    events.push('returned')
    await idle()
    expect(port.requests).toHaveLength(0)
    expect(events).toEqual([
      'returned',
      'fail {"errMsg":"request:fail parameter error: parameter.url should be String instead of Number;","errno":1001}',
      'complete {"errMsg":"request:fail parameter error: parameter.url should be String instead of Number;","errno":1001}',
    ])
  })

  it('warns through the console when the header is not an object', () => {
    const { port, api } = setup()
    api.request({ url: URL, header: 'x' })
    expect(port.logs).toEqual([
      { level: 'warn', args: ['wx.request: header must be an object'], source: 'baselib' },
    ])
  })

  it('holds steps an engine reports synchronously until wx.request returned, in order', async () => {
    const { port, api, events, record, idle } = setup()
    port.onRequest = (stepped) => stepped.respond(201, '{"a":1}')
    const task: RequestTask = api.request({ url: URL, success: record('success') })
    task.onHeadersReceived(() => events.push('headers'))
    events.push('returned')
    await idle()
    expect(events).toEqual([
      'returned',
      'headers',
      'success {"data":{"a":1},"statusCode":201,"header":{},"cookies":[],"errMsg":"request:ok"}',
    ])
  })

  it('aborts a request in flight: fail with request:fail abort, complete once', async () => {
    const { port, api, events, record, idle } = setup()
    const task = api.request({
      url: URL,
      success: record('success'),
      fail: record('fail'),
      complete: record('complete'),
    })
    task.abort()
    task.abort()
    await idle()
    expect(port.requests[0].aborted).toBe(true)
    expect(events).toEqual([
      'fail {"errMsg":"request:fail abort"}',
      'complete {"errMsg":"request:fail abort"}',
    ])
  })

  it('ignores abort after completion', async () => {
    const { port, api, events, record, idle } = setup()
    const task = api.request({
      url: URL,
      success: () => events.push('success'),
      complete: record('complete'),
    })
    port.requests[0].respond(200, '')
    await idle()
    task.abort()
    await idle()
    expect(port.requests[0].aborted).toBe(false)
    expect(events).toEqual([
      'success',
      'complete {"data":"","statusCode":200,"header":{},"cookies":[],"errMsg":"request:ok"}',
    ])
  })

  it('calls success and complete once even if the engine reports done twice', async () => {
    const { port, api, events, idle } = setup()
    api.request({
      url: URL,
      success: () => events.push('success'),
      complete: () => events.push('complete'),
    })
    port.requests[0].respond(200, '')
    port.requests[0].finish({ ok: false, errMsg: 'request:fail late' })
    await idle()
    expect(events).toEqual(['success', 'complete'])
  })

  it('drops chunks that arrive after completion', async () => {
    const { port, api, events, idle } = setup()
    const task = api.request({ url: URL, enableChunked: true })
    task.onChunkReceived(() => events.push('chunk'))
    port.requests[0].finish({ ok: false, errMsg: 'request:fail abort' })
    port.requests[0].chunk('late')
    await idle()
    expect(events).toEqual([])
  })

  it('removes one listener with off*(listener) and all with off*()', async () => {
    const { port, api, events, idle } = setup()
    const task = api.request({ url: URL, enableChunked: true })
    const headerA = () => events.push('headerA')
    const headerB = () => events.push('headerB')
    const chunkA = () => events.push('chunkA')
    task.onHeadersReceived(headerA)
    task.onHeadersReceived(headerB)
    task.onChunkReceived(chunkA)
    task.onChunkReceived(() => events.push('chunkB'))
    task.offHeadersReceived(headerA)
    task.offChunkReceived()
    port.requests[0].headers(head)
    port.requests[0].chunk('x')
    port.requests[0].finish({ ok: true, ...head, body: new Uint8Array(0) })
    await idle()
    expect(events).toEqual(['headerB'])
  })

  it('reports a throwing success callback and still runs complete', async () => {
    const { port, api, events, errors, idle } = setup()
    api.request({
      url: URL,
      success: () => {
        throw new Error('success broke')
      },
      complete: () => events.push('complete'),
    })
    port.requests[0].respond(200, '')
    await idle()
    expect(events).toEqual(['complete'])
    expect(errors.map((error) => (error as Error).message)).toEqual(['success broke'])
  })

  it('reports a throwing headers listener and keeps delivering', async () => {
    const { port, api, events, errors, idle } = setup()
    const task = api.request({ url: URL, success: () => events.push('success') })
    task.onHeadersReceived(() => {
      throw new Error('listener broke')
    })
    task.onHeadersReceived(() => events.push('second listener'))
    port.requests[0].respond(200, '')
    await idle()
    expect(events).toEqual(['second listener', 'success'])
    expect(errors).toHaveLength(1)
  })

  it('fails with the message when the port itself throws', async () => {
    const { port, api, events, record, idle } = setup()
    port.request = () => {
      throw new Error('engine unavailable')
    }
    api.request({ url: URL, fail: record('fail') })
    await idle()
    expect(events).toEqual(['fail {"errMsg":"request:fail engine unavailable"}'])
  })

  it('counts a request as pending until its callbacks ran', async () => {
    const { port, api, pending, idle } = setup()
    api.request({ url: URL })
    expect(pending.size).toBe(1)
    port.requests[0].respond(200, '')
    await idle()
    expect(pending.size).toBe(0)
  })

  it('sends the serialized request with the calling page', () => {
    const { port, api } = setup()
    api.request({ url: URL, method: 'post', data: { q: 1 }, header: { 'X-Trace': 7 } })
    expect(port.requests[0].request).toEqual({
      api: 'request',
      url: URL,
      method: 'POST',
      header: { 'X-Trace': '7', 'content-type': 'application/json' },
      body: '{"q":1}',
      page: 'pages/index/index',
    })
  })

  it('aborts every open request when the task core stops them all', async () => {
    const { port, api, tasks, events, idle } = setup()
    api.request({ url: URL, fail: () => events.push('a') })
    api.request({ url: URL, fail: () => events.push('b') })
    tasks.stopAll()
    await idle()
    expect(port.requests.map((request) => request.aborted)).toEqual([true, true])
    expect(events).toEqual(['a', 'b'])
  })
})

/** A head whose header map throws when read: a fault in shaping what listeners get. */
const brokenHead = (): ResponseHead =>
  Object.defineProperty({ statusCode: 200, cookies: [] }, 'header', {
    get: () => {
      throw new Error('broken header map')
    },
    enumerable: true,
  }) as unknown as ResponseHead

/** Bytes whose buffer cannot be read: a fault in turning a body into an ArrayBuffer. */
const brokenBytes = (): Uint8Array =>
  Object.defineProperty(new Uint8Array(4), 'buffer', {
    get: () => {
      throw new Error('broken body')
    },
  })

describe('no request without an end: a fault of ours at each completion step', () => {
  type Setup = ReturnType<typeof setup>
  const steps: [string, (context: Setup) => void, string][] = [
    [
      'shaping headersReceived',
      ({ port }) => port.requests[0].headers(brokenHead()),
      'broken header map',
    ],
    [
      'turning a chunk into an ArrayBuffer',
      ({ port }) => port.requests[0].chunk(brokenBytes()),
      'broken body',
    ],
    [
      'decoding the body as text',
      ({ port }) => port.requests[0].finish({ ok: true, ...head, body: {} as Uint8Array }),
      'must be an instance of',
    ],
    [
      'shaping the success result',
      ({ port }) =>
        port.requests[0].finish(
          Object.assign(brokenHead(), { ok: true, body: new Uint8Array(1) }) as never,
        ),
      'broken header map',
    ],
  ]
  for (const [name, inject, message] of steps) {
    it(`${name}: fail then complete once, the engine's side aborted, reported as ours, idle`, async () => {
      const context = setup()
      const { port, api, events, record, idle, errors } = context
      const task = api.request({
        url: URL,
        enableChunked: true,
        success: record('success'),
        fail: (result: { errMsg: string }) => events.push(`fail ${result.errMsg}`),
        complete: () => events.push('complete'),
      })
      task.onHeadersReceived(record('headers'))
      task.onChunkReceived(record('chunk'))
      await new Promise((resolve) => setTimeout(resolve, 0))
      inject(context)
      await idle()
      expect(events).toHaveLength(2)
      expect(events[0]).toMatch(/^fail request:fail internal error: /)
      expect(events[0]).toContain(message)
      expect(events[1]).toBe('complete')
      expect(port.requests[0].done).toBe(true)
      const reported = port.logs.filter((log) => log.level === 'error')
      expect(String(reported[0]?.args[0])).toMatch(/^MP DevTools internal error in wx\.request: /)
      expect(errors).toEqual([])
    })
  }

  it('a fault in a step the engine reported before wx.request returned', async () => {
    const { port, api, events, idle } = setup()
    port.onRequest = (stepped) => stepped.finish({ ok: true, ...head, body: brokenBytes() })
    api.request({
      url: URL,
      responseType: 'arraybuffer',
      fail: (result: { errMsg: string }) => events.push(`fail ${result.errMsg}`),
      complete: () => events.push('complete'),
    })
    await idle()
    expect(events).toEqual(['fail request:fail internal error: broken body', 'complete'])
  })
})
