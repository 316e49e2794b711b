/**
 * No request without an end: a throw injected at each step of the runtime's completion path
 * (headers, a chunk, shaping the result) ends the call once with `<api>:fail internal error`,
 * calls complete, stops the engine's side, reports our own fault in the console, and lets the
 * runtime go idle.
 */
import { afterEach, describe, expect, it } from 'vitest'
import type { ResponseHead } from '../network'
import { PendingWork } from './pending-work'
import { createRequestApi } from './request-task'
import { TestingPort } from './testing-port'
import { createTimers, type TimerControl } from './timers'
import { createTransferApi } from './wx-transfers'

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
  const host = { port, pending, sink, defer: control.defer, currentPage: () => 'pages/index/index' }
  const events: string[] = []
  const callbacks = {
    success: () => events.push('success'),
    fail: (result: { errMsg: string }) => events.push(`fail ${result.errMsg}`),
    complete: () => events.push('complete'),
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
  return { port, errors, events, callbacks, idle, host }
}

/** A head whose header map throws when read: a fault in shaping what listeners get. */
const brokenHead = (): ResponseHead =>
  Object.defineProperty({ statusCode: 200, cookies: [] }, 'header', {
    get: () => {
      throw new Error('broken header map')
    },
    enumerable: true,
  }) as ResponseHead

/** Bytes whose buffer cannot be read: a fault in turning a body into an ArrayBuffer. */
const brokenBytes = (): Uint8Array =>
  Object.defineProperty(new Uint8Array(4), 'buffer', {
    get: () => {
      throw new Error('broken body')
    },
  })

const URL = 'https://api.example.test/x'

describe('a fault of ours in wx.request’s completion path', () => {
  const steps: [string, (api: ReturnType<typeof setup>) => void, string][] = [
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
      ({ port }) =>
        port.requests[0].finish({
          ok: true,
          statusCode: 200,
          header: {},
          cookies: [],
          body: {} as Uint8Array,
        }),
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
    it(`${name}: fail then complete once, engine aborted, reported, idle`, async () => {
      const context = setup()
      const { port, errors, events, callbacks, idle, host } = context
      const task = createRequestApi(host).request({ url: URL, enableChunked: true, ...callbacks })
      task.onHeadersReceived(() => events.push('headers'))
      task.onChunkReceived(() => events.push('chunk'))
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

  it('a fault in a step the engine reported before wx.request returned still ends the call', async () => {
    const context = setup()
    const { port, events, callbacks, idle, host } = context
    port.onRequest = (stepped) => stepped.respond(200, 'ok')
    const api = createRequestApi(host)
    api.request({ url: URL, responseType: 'arraybuffer', ...callbacks })
    await idle()
    expect(events).toEqual(['success', 'complete'])
    port.onRequest = (stepped) =>
      stepped.finish({ ok: true, statusCode: 200, header: {}, cookies: [], body: brokenBytes() })
    events.length = 0
    api.request({ url: URL, responseType: 'arraybuffer', ...callbacks })
    await idle()
    expect(events).toEqual(['fail request:fail internal error: broken body', 'complete'])
  })
})

describe('a fault of ours in wx.uploadFile’s completion path', () => {
  it('decoding the upload response ends the call with uploadFile:fail internal error', async () => {
    const context = setup()
    const { port, events, callbacks, idle, host } = context
    let done: ((outcome: never) => void) | undefined
    port.uploadFile = (_request, upload) => {
      done = upload.onDone as never
      return { id: '1', abort: () => {} }
    }
    createTransferApi(host).uploadFile({
      url: URL,
      filePath: 'wxfile://tmp/a.txt',
      name: 'file',
      ...callbacks,
    })
    await new Promise((resolve) => setTimeout(resolve, 0))
    done?.({ ok: true, statusCode: 200, header: {}, cookies: [], body: {} } as never)
    await idle()
    expect(events).toHaveLength(2)
    expect(events[0]).toMatch(/^fail uploadFile:fail internal error: /)
    expect(events[1]).toBe('complete')
  })
})
