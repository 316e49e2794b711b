import { afterEach, describe, expect, it } from 'vitest'
import type { SystemInfo } from '../../../../shared/runtime'
import { createLaterInvoker } from '../../../../shared/runtime/async-api'
import { createFileApi } from '../../../../shared/runtime/file-system'
import { PendingWork } from '../../../../shared/runtime/pending-work'
import { createTaskCore } from '../../../../shared/runtime/task-core'
import { createTimers, type TimerControl } from '../../../../shared/runtime/timers'
import { createSocketApi } from '../../../../shared/runtime/connect-socket'
import type { FrameMessage } from '../../../../shared/simulator-protocol'
import { FramePort } from './frame-port'

const controls: TimerControl[] = []
afterEach(() => {
  for (const control of controls.splice(0)) control.clearAll()
  document.body.innerHTML = ''
})

function createPort() {
  const posted: FrameMessage[] = []
  const port = new FramePort({
    post: (message) => posted.push(message),
    appid: 'wx1',
    storage: {},
    networkType: 'wifi',
    systemInfo: () => ({ model: 'test' }) as unknown as SystemInfo,
    document,
  })
  return { port, posted }
}

const tick = () => new Promise((resolve) => setTimeout(resolve, 5))
const bytes = (text: string) => new TextEncoder().encode(text)
const HEAD = { statusCode: 200, header: {}, cookies: [] }

describe('FramePort transfers', () => {
  it('posts an upload and delivers headers, progress and done in order', () => {
    const { port, posted } = createPort()
    const seen: string[] = []
    const req = {
      api: 'uploadFile',
      url: 'https://a.test/up',
      header: {},
      filePath: 'wxfile://usr/a.txt',
      name: 'file',
      formData: {},
    } as const
    const task = port.startTask(req, (event) =>
      seen.push(
        event.kind === 'headers'
          ? `headers ${event.head.statusCode}`
          : event.kind === 'progress'
            ? `progress ${event.progress.progress}`
            : event.kind === 'done'
              ? `done ${event.outcome.ok}`
              : event.kind,
      ),
    )
    expect(posted).toEqual([
      { type: 'wx-bridge:call', callId: task.id, method: 'uploadFile', params: req },
    ])
    const progress = { progress: 100, totalBytesSent: 5, totalBytesExpectedToSend: 5 }
    port.deliverTask(task.id, { kind: 'progress', progress })
    port.deliverTask(task.id, { kind: 'headers', head: HEAD })
    port.deliverTask(task.id, { kind: 'done', outcome: { ok: true, body: bytes('ok'), ...HEAD } })
    port.deliverTask(task.id, { kind: 'progress', progress })
    expect(seen).toEqual(['progress 100', 'headers 200', 'done true'])
  })

  it('copies a downloaded file into the frame before success, so the Sync reads find it', () => {
    const { port, posted } = createPort()
    let finished = false
    const task = port.startTask(
      { api: 'downloadFile', url: 'https://a.test/p.png', header: {} },
      (event) => (finished = event.kind === 'downloaded'),
    )
    const path = 'wxfile://tmp_1.png'
    port.deliverTask(task.id, {
      kind: 'downloaded',
      outcome: { ok: true, filePath: path, temporary: true, ...HEAD },
    })
    expect(finished).toBe(false)
    const stat = posted.at(-1) as Extract<FrameMessage, { type: 'wx-bridge:file' }>
    expect(stat.operation).toEqual({ name: 'stat', path })
    port.deliverFile(stat.callId, {
      ok: true,
      value: {
        size: 3,
        mode: 0,
        lastAccessedTime: 0,
        lastModifiedTime: 0,
        isDirectory: false,
        isFile: true,
      },
    })
    const read = posted.at(-1) as Extract<FrameMessage, { type: 'wx-bridge:file' }>
    expect(read.operation).toEqual({ name: 'readFile', path })
    port.deliverFile(read.callId, { ok: true, value: bytes('png') })
    expect(finished).toBe(true)
    expect(port.files.readFile(path)).toEqual({ ok: true, value: bytes('png') })
  })

  it('ignores file answers it did not ask for', () => {
    const { port } = createPort()
    expect(() => port.deliverFile('file-99', { ok: true, value: null })).not.toThrow()
  })
})

describe('FramePort sockets through wx.connectSocket', () => {
  function setup() {
    const { port, posted } = createPort()
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
      events.push(`${name} ${JSON.stringify(value)}`)
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
    const socketId = () =>
      (posted.find((m) => m.type === 'wx-bridge:call') as { callId: string }).callId
    return { port, posted, events, record, connect, socketId, pending }
  }

  it('calls success only once the main process accepted the socket', async () => {
    const { port, events, record, connect, socketId } = setup()
    connect({ url: 'wss://a.test/chat', success: record('success') })
    await tick()
    expect(events).toEqual([])
    port.deliverTask(socketId(), { kind: 'socket-accepted' })
    await tick()
    expect(events).toEqual(['success {"errMsg":"connectSocket:ok"}'])
  })

  it('fails connectSocket and reports onError when the main process refused it', async () => {
    const { port, events, record, connect, socketId, pending } = setup()
    const task = connect({ url: 'wss://a.test/chat', fail: record('fail') })
    task.onError(record('error'))
    port.deliverTask(socketId(), {
      kind: 'refused',
      errMsg: 'connectSocket:fail url not in domain list',
      errno: 600002,
    })
    await tick()
    expect(events).toEqual([
      'fail {"errMsg":"connectSocket:fail url not in domain list","errno":600002}',
      'error {"errMsg":"url not in domain list"}',
    ])
    expect(task.readyState).toBe(3)
    expect(pending.size).toBe(0)
  })

  it('refuses send before open, posts it once open, and closes once', async () => {
    const { port, posted, events, record, connect, socketId } = setup()
    const task = connect({ url: 'wss://a.test/chat' })
    port.deliverTask(socketId(), { kind: 'socket-accepted' })
    task.send({ data: 'early', fail: record('fail') })
    await tick()
    expect(events).toEqual([
      'fail {"errMsg":"SocketTask.send:fail SocketTask.readyState is not OPEN"}',
    ])
    task.onMessage(record('message'))
    task.onClose(record('close'))
    port.deliverTask(socketId(), { kind: 'socket-open', header: {} })
    await tick()
    task.send({ data: 'hi' })
    await tick()
    expect(posted.at(-1)).toEqual({
      type: 'wx-bridge:task',
      taskId: socketId(),
      operation: { name: 'send', data: 'hi' },
    })
    port.deliverTask(socketId(), { kind: 'socket-message', data: 'echo:hi' })
    task.close({ code: 1000, reason: 'bye' })
    await tick()
    expect(posted.at(-1)).toEqual({
      type: 'wx-bridge:task',
      taskId: socketId(),
      operation: { name: 'close', code: 1000, reason: 'bye' },
    })
    task.close({ fail: record('second close') })
    port.deliverTask(socketId(), { kind: 'socket-close', code: 1000, reason: 'bye' })
    await tick()
    expect(events.slice(1)).toEqual([
      'message {"data":"echo:hi"}',
      'second close {"errMsg":"SocketTask.close:fail SocketTask.readyState is not OPEN"}',
      'close {"code":1000,"reason":"bye"}',
    ])
  })
})

describe('the file picker', () => {
  it('offers an <input type=file> and turns the picked bytes into temp files', async () => {
    const { port, posted } = createPort()
    let chosen: unknown
    port.chooseFiles!({ count: 1, mediaType: ['image'] }, (files) => (chosen = files))
    const input = document.getElementById('mp-file-input') as HTMLInputElement
    expect(input.accept).toBe('image/*')
    const file = new File([bytes('photo')], 'cat.png', { type: 'image/png' })
    Object.defineProperty(input, 'files', { value: [file] })
    input.dispatchEvent(new Event('change'))
    for (let i = 0; i < 50 && !posted.some((m) => m.type === 'wx-bridge:file'); i++) await tick()
    const call = posted.find((m) => m.type === 'wx-bridge:file') as Extract<
      FrameMessage,
      { type: 'wx-bridge:file' }
    >
    expect(call.operation).toEqual({
      name: 'saveChosen',
      files: [{ name: 'cat.png', type: 'image/png', data: bytes('photo') }],
    })
    const saved = [{ path: 'wxfile://tmp_a.png', size: 5, fileType: 'image' as const }]
    port.deliverFile(call.callId, { ok: true, value: saved })
    expect(chosen).toEqual(saved)
    expect(port.files.readFile('wxfile://tmp_a.png')).toEqual({ ok: true, value: bytes('photo') })
    expect(document.getElementById('mp-file-input')).toBeNull()
  })

  it('cancels when the picker is dismissed', () => {
    const { port } = createPort()
    let chosen: unknown = 'not yet'
    port.chooseFiles!({ count: 9, mediaType: ['image', 'video'] }, (files) => (chosen = files))
    document.getElementById('mp-file-input')!.dispatchEvent(new Event('cancel'))
    expect(chosen).toBeUndefined()
  })
})

describe('getFileSystemManager in the frame', () => {
  function setup() {
    const { port, posted } = createPort()
    const pending = new PendingWork()
    const sink = (error: unknown) => {
      throw error
    }
    const control = createTimers(pending, sink)
    controls.push(control)
    const api = createFileApi({
      port,
      defer: control.defer,
      invokeLater: createLaterInvoker(sink, pending),
    })
    const fs = (api.getFileSystemManager as () => Record<string, (...args: unknown[]) => unknown>)()
    const lastCall = () => posted.at(-1) as Extract<FrameMessage, { type: 'wx-bridge:file' }>
    return { port, api, fs, lastCall }
  }

  it('saves a temp file through the main process and Sync reads it at its new path', async () => {
    const { port, api, fs, lastCall } = setup()
    port.files.remember('wxfile://tmp_a.png', bytes('png'))
    const saved = (api.saveFile as (o: unknown) => Promise<{ savedFilePath: string }>)({
      tempFilePath: 'wxfile://tmp_a.png',
    })
    expect(lastCall().operation).toEqual({ name: 'saveFile', tempFilePath: 'wxfile://tmp_a.png' })
    port.deliverFile(lastCall().callId, { ok: true, value: 'wxfile://usr/tmp_a.png' })
    expect((await saved).savedFilePath).toBe('wxfile://usr/tmp_a.png')
    expect(fs.readFileSync('wxfile://usr/tmp_a.png', 'utf8')).toBe('png')
    expect(() => fs.accessSync('wxfile://tmp_a.png')).toThrow('no such file or directory')
  })

  it('reads a file of an earlier session through the main process, then Sync finds it', async () => {
    const { port, fs, lastCall } = setup()
    const path = 'wxfile://usr/old.txt'
    expect(() => fs.readFileSync(path, 'utf8')).toThrow(
      'readFileSync:fail no such file or directory, open "wxfile://usr/old.txt"',
    )
    const read = fs.readFile({ filePath: path, encoding: 'utf8' }) as Promise<{ data: string }>
    expect(lastCall().operation).toEqual({ name: 'readFile', path })
    port.deliverFile(lastCall().callId, { ok: true, value: bytes('from before') })
    expect((await read).data).toBe('from before')
    expect(fs.readFileSync(path, 'utf8')).toBe('from before')
  })

  it('fails the async form with the main process’s words', async () => {
    const { port, fs, lastCall } = setup()
    const read = fs.stat({ path: 'wxfile://usr/none' }) as Promise<unknown>
    port.deliverFile(lastCall().callId, {
      ok: false,
      message: 'no such file or directory, stat "wxfile://usr/none"',
    })
    await expect(read).rejects.toMatchObject({
      errMsg: 'stat:fail no such file or directory, stat "wxfile://usr/none"',
    })
  })
})
