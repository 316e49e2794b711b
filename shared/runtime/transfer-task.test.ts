import { afterEach, describe, expect, it } from 'vitest'
import type {
  DownloadCallbacks,
  EngineDownloadRequest,
  EngineUploadRequest,
  UploadCallbacks,
} from '../network'
import { PendingWork } from './pending-work'
import { createTaskCore, type TaskApiHost } from './task-core'
import { TestingPort } from '../../tests/helpers/runtime-port'
import { createTimers, type TimerControl } from './timers'
import { createDownloadFile } from './download-file'
import { createUploadFile } from './upload-file'

/** A port whose transfers wait for the test to drive them. */
class TransferPort extends TestingPort {
  uploads: { request: EngineUploadRequest; callbacks: UploadCallbacks; aborted: boolean }[] = []
  downloads: { request: EngineDownloadRequest; callbacks: DownloadCallbacks }[] = []
  /** Runs inside `uploadFile`, e.g. to answer before the call returned. */
  onUpload: ((callbacks: UploadCallbacks) => void) | undefined

  override uploadFile(request: EngineUploadRequest, callbacks: UploadCallbacks) {
    const entry = { request, callbacks, aborted: false }
    this.uploads.push(entry)
    this.onUpload?.(callbacks)
    return {
      id: String(this.uploads.length),
      abort: () => {
        entry.aborted = true
        callbacks.onDone({ ok: false, errMsg: 'uploadFile:fail abort' })
      },
    }
  }

  override downloadFile(request: EngineDownloadRequest, callbacks: DownloadCallbacks) {
    this.downloads.push({ request, callbacks })
    return { id: String(this.downloads.length), abort: () => undefined }
  }
}

const transferApis = (host: TaskApiHost) => ({
  uploadFile: createUploadFile(host),
  downloadFile: createDownloadFile(host),
})

const controls: TimerControl[] = []
afterEach(() => {
  for (const control of controls.splice(0)) control.clearAll()
})

function setup() {
  const port = new TransferPort()
  const pending = new PendingWork()
  const errors: unknown[] = []
  const control = createTimers(pending, (error) => errors.push(error))
  controls.push(control)
  const api = transferApis({
    port,
    tasks: createTaskCore(port),
    pending,
    sink: (error) => errors.push(error),
    defer: control.defer,
    currentPage: () => 'pages/index/index',
  })
  const events: string[] = []
  const record = (name: string) => (value: unknown) =>
    events.push(`${name} ${JSON.stringify(value)}`)
  const tick = () => new Promise((resolve) => setTimeout(resolve, 5))
  return { port, pending, api, events, record, tick, errors }
}

const UPLOAD = { url: 'https://up.example.test/u', filePath: 'wxfile://tmp_a.png', name: 'file' }
const head = { statusCode: 201, header: { a: '1' }, cookies: [] }

describe('wx.uploadFile', () => {
  it('fails a missing filePath with the base library words', async () => {
    const { api, events, record, tick } = setup()
    api.uploadFile({ url: UPLOAD.url, name: 'file', fail: record('fail') })
    await tick()
    expect(events).toEqual([
      'fail {"errMsg":"uploadFile:fail parameter error: parameter.filePath should be String instead of Undefined;","errno":1001}',
    ])
  })

  it('fails a url that is not http(s)', async () => {
    const { api, events, record, tick } = setup()
    api.uploadFile({ ...UPLOAD, url: 'ftp://x', fail: record('fail') })
    await tick()
    expect(events).toEqual([
      'fail {"errMsg":"uploadFile:fail invalid url \\"ftp://x\\"","errno":600009}',
    ])
  })

  it('drops a header that is not an object, with a warning', () => {
    const { api, port } = setup()
    api.uploadFile({ ...UPLOAD, header: 'x', formData: { n: 1, b: true } })
    expect(port.lines('baselib')).toEqual(['warn: uploadFile: header must be an object'])
    expect(port.uploads[0].request).toMatchObject({
      header: {},
      formData: { n: '1', b: '[object Boolean]' },
      page: 'pages/index/index',
    })
  })

  it('gives success data as text with statusCode, never before the call returned', async () => {
    const { api, port, events, record, tick } = setup()
    port.onUpload = (callbacks) =>
      callbacks.onDone({ ok: true, ...head, body: new TextEncoder().encode('\uFEFFok') })
    api.uploadFile({ ...UPLOAD, success: record('success'), complete: record('complete') })
    expect(events).toEqual([])
    await tick()
    expect(events).toEqual([
      'success {"data":"ok","statusCode":201,"errMsg":"uploadFile:ok"}',
      'complete {"data":"ok","statusCode":201,"errMsg":"uploadFile:ok"}',
    ])
  })

  it('delivers progress in order to listeners until they are removed', async () => {
    const { api, port, events, record, tick } = setup()
    const task = api.uploadFile(UPLOAD)
    const listener = record('progress')
    task.onProgressUpdate(listener)
    await tick()
    const { callbacks } = port.uploads[0]
    callbacks.onProgress?.({ progress: 50, totalBytesSent: 5, totalBytesExpectedToSend: 10 })
    callbacks.onProgress?.({ progress: 100, totalBytesSent: 10, totalBytesExpectedToSend: 10 })
    task.offProgressUpdate(listener)
    callbacks.onProgress?.({ progress: 100, totalBytesSent: 10, totalBytesExpectedToSend: 10 })
    expect(events).toEqual([
      'progress {"progress":50,"totalBytesSent":5,"totalBytesExpectedToSend":10}',
      'progress {"progress":100,"totalBytesSent":10,"totalBytesExpectedToSend":10}',
    ])
  })

  it('passes headers to onHeadersReceived listeners', async () => {
    const { api, port, events, record, tick } = setup()
    const task = api.uploadFile(UPLOAD)
    task.onHeadersReceived(record('headers'))
    await tick()
    port.uploads[0].callbacks.onHeaders?.(head)
    expect(events).toEqual(['headers {"header":{"a":"1"},"statusCode":201,"cookies":[]}'])
  })

  it('aborts through the engine and fails with abort', async () => {
    const { api, port, events, record, tick, pending } = setup()
    const task = api.uploadFile({ ...UPLOAD, fail: record('fail') })
    task.abort()
    await tick()
    expect(port.uploads[0].aborted).toBe(true)
    expect(events).toEqual(['fail {"errMsg":"uploadFile:fail abort"}'])
    expect(pending.size).toBe(0)
  })
})

describe('wx.downloadFile', () => {
  it('names the temp file tempFilePath', async () => {
    const { api, port, events, record, tick } = setup()
    api.downloadFile({ url: 'https://d.example.test/a', success: record('success') })
    port.downloads[0].callbacks.onDone({
      ok: true,
      filePath: 'wxfile://tmp_1.txt',
      temporary: true,
      ...head,
    })
    await tick()
    expect(events).toEqual([
      'success {"tempFilePath":"wxfile://tmp_1.txt","statusCode":201,"errMsg":"downloadFile:ok"}',
    ])
  })

  it('names a chosen target filePath', async () => {
    const { api, port, events, record, tick } = setup()
    api.downloadFile({
      url: 'https://d.example.test/a',
      filePath: 'wxfile://usr/a.txt',
      success: record('success'),
    })
    expect(port.downloads[0].request.filePath).toBe('wxfile://usr/a.txt')
    port.downloads[0].callbacks.onDone({
      ok: true,
      filePath: 'wxfile://usr/a.txt',
      temporary: false,
      ...head,
    })
    await tick()
    expect(events).toEqual([
      'success {"filePath":"wxfile://usr/a.txt","statusCode":201,"errMsg":"downloadFile:ok"}',
    ])
  })

  it('fails without a host that downloads', async () => {
    const port = new TestingPort()
    const pending = new PendingWork()
    const control = createTimers(pending, () => undefined)
    controls.push(control)
    const api = transferApis({
      port,
      tasks: createTaskCore(port),
      pending,
      sink: () => undefined,
      defer: control.defer,
      currentPage: () => undefined,
    })
    const failures: unknown[] = []
    api.downloadFile({
      url: 'https://d.example.test/a',
      fail: (res: unknown) => failures.push(res),
    })
    await new Promise((resolve) => setTimeout(resolve, 5))
    expect(failures).toEqual([{ errMsg: 'downloadFile:fail not supported' }])
  })
})

describe('no transfer without an end', () => {
  it('a fault of ours decoding the upload response ends it with uploadFile:fail internal error', async () => {
    const { port, api, events, tick, errors } = setup()
    api.uploadFile({
      ...UPLOAD,
      fail: (result: { errMsg: string }) => events.push(`fail ${result.errMsg}`),
      complete: () => events.push('complete'),
    })
    await tick()
    port.uploads[0].callbacks.onDone({ ok: true, ...head, body: {} as Uint8Array })
    await tick()
    expect(events).toHaveLength(2)
    expect(events[0]).toMatch(/^fail uploadFile:fail internal error: /)
    expect(events[1]).toBe('complete')
    expect(port.lines('baselib')[0]).toMatch(
      /^error: MP DevTools internal error in wx\.uploadFile: /,
    )
    expect(errors).toEqual([])
  })
})
