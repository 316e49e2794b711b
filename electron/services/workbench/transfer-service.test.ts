import busboy from 'busboy'
import { createHash } from 'node:crypto'
import { readFile } from 'node:fs/promises'
import type { IncomingMessage, ServerResponse } from 'node:http'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { ContractEvents, EventName } from '../../../shared/contract'
import type { NetworkEvent } from '../../../shared/network'
import type { FileOperation } from '../../../shared/simulator-protocol'
import type { TaskEvent } from '../../../shared/runtime/wx-task'
import { startHttpServer, type TestServer } from '../../../tests/helpers/servers'
import { startWsServer, type TestWsServer } from '../../../tests/helpers/ws-servers'
import type { WorkbenchService } from '.'
import { galleryWorkbench, type GalleryWorkbench } from '../../../tests/helpers/workbench-kit'

const PICTURE = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 1, 2, 3, 4, 5, 6])

let gallery: GalleryWorkbench
let project: string
let dataDir: string
let workbench: WorkbenchService
let http: TestServer
let ws: TestWsServer
let heard: { event: EventName; payload: unknown }[]
let uploads: {
  fields: Record<string, string>
  files: { field: string; filename: string; text: string }[]
}[]

/** `/upload` parses the form; `/picture.png` sends PICTURE; `/hang` never answers. */
function handler(req: IncomingMessage, res: ServerResponse): void {
  if (req.url === '/upload') {
    const received: (typeof uploads)[number] = { fields: {}, files: [] }
    const form = busboy({ headers: req.headers })
    form.on('field', (name, value) => (received.fields[name] = value))
    form.on('file', (field, stream, info) => {
      const chunks: Buffer[] = []
      stream.on('data', (chunk: Buffer) => chunks.push(chunk))
      stream.on('end', () =>
        received.files.push({
          field,
          filename: info.filename ?? '',
          text: Buffer.concat(chunks).toString('utf8'),
        }),
      )
    })
    form.on('close', () => {
      uploads.push(received)
      res.end('stored')
    })
    req.pipe(form)
    return
  }
  if (req.url === '/picture.png') {
    res.writeHead(200, { 'content-type': 'image/png', 'content-length': String(PICTURE.length) })
    res.end(PICTURE)
    return
  }
  if (req.url === '/hang') return
  res.writeHead(404).end()
}

beforeEach(async () => {
  uploads = []
  http = await startHttpServer(handler)
  ws = await startWsServer((socket) => {
    socket.on('message', (data, isBinary) => {
      if (!isBinary && data.toString() === 'bye') socket.close(4000, 'asked to')
      else socket.send(isBinary ? data : `echo:${data.toString()}`, { binary: isBinary })
    })
  })
  heard = []
  gallery = await galleryWorkbench('mpdt-transfer-service-', {
    machineSettings: true,
    onEvent: (event, payload) => heard.push({ event, payload }),
  })
  ;({ project, dataDir, workbench } = gallery)
})

afterEach(async () => {
  await gallery.close()
  await http.close()
  await ws.close()
})

function taskEvents(taskId: string): TaskEvent[] {
  return heard
    .filter((item) => item.event === 'wx.task')
    .map((item) => item.payload as ContractEvents['wx.task'])
    .filter((item) => item.taskId === taskId)
    .map((item) => item.event)
}

async function until<K extends TaskEvent['kind']>(
  taskId: string,
  kind: K,
): Promise<Extract<TaskEvent, { kind: K }>> {
  for (let i = 0; i < 400; i++) {
    const found = taskEvents(taskId).find((event) => event.kind === kind)
    if (found) return found as Extract<TaskEvent, { kind: K }>
    await new Promise((resolve) => setTimeout(resolve, 25))
  }
  throw new Error(`task ${taskId} never got ${kind}: ${JSON.stringify(taskEvents(taskId))}`)
}

async function operate(operation: FileOperation) {
  const result = await workbench.service['files.operate']({ operation })
  if (!result.ok) throw new Error(result.error.message)
  return result.value
}

const text = (value: string) => new TextEncoder().encode(value)

/** Starts `wx.uploadFile` of `filePath` to the test server's /upload as task `taskId`. */
function upload(taskId: string, filePath: string, name: string, formData = {}) {
  return workbench.service['wx.call']({
    method: 'uploadFile',
    taskId,
    params: {
      api: 'uploadFile',
      url: `${http.origin}/upload`,
      header: {},
      filePath,
      name,
      formData,
    },
  })
}

describe('uploads', () => {
  it('sends a user file as multipart with its form fields, progress reaching 100', async () => {
    await operate({
      name: 'writeFile',
      path: 'wxfile://usr/note.txt',
      data: text('hello'),
      append: false,
    })
    const started = await upload('up-1', 'wxfile://usr/note.txt', 'file', { user: 'ann' })
    expect(started).toEqual({ ok: true, value: { ok: true, value: { taskId: 'up-1' } } })
    const done = await until('up-1', 'done')
    expect(done.outcome).toMatchObject({ ok: true, statusCode: 200 })
    expect(uploads).toEqual([
      { fields: { user: 'ann' }, files: [{ field: 'file', filename: 'note.txt', text: 'hello' }] },
    ])
    const progress = taskEvents('up-1').filter((event) => event.kind === 'progress')
    expect(progress.at(-1)).toMatchObject({
      progress: { progress: 100, totalBytesSent: expect.any(Number) },
    })
  })

  it('sends a temp picture the frame saved (canvasToTempFilePath, chooseImage)', async () => {
    const saved = await operate({
      name: 'saveChosen',
      files: [{ name: 'canvas.png', type: 'image/png', data: PICTURE }],
    })
    if (!saved.ok || !Array.isArray(saved.value)) throw new Error('not saved')
    const [{ path }] = saved.value as { path: string }[]
    await upload('up-tmp', path, 'picture')
    expect((await until('up-tmp', 'done')).outcome).toMatchObject({ ok: true, statusCode: 200 })
    expect(uploads).toEqual([
      {
        fields: {},
        files: [
          {
            field: 'picture',
            filename: path.slice('wxfile://'.length),
            text: Buffer.from(PICTURE).toString('utf8'),
          },
        ],
      },
    ])
  })

  it('refuses a path that climbs out of the files with permission denied', async () => {
    await upload('up-2', 'wxfile://usr/../../../secret', 'file')
    expect(await until('up-2', 'refused')).toEqual({
      kind: 'refused',
      errMsg: 'uploadFile:fail permission denied, open "wxfile://usr/../../../secret"',
    })
    expect(uploads).toEqual([])
  })

  it('shows in the Network panel’s event stream as an uploadFile row', async () => {
    await operate({ name: 'writeFile', path: 'wxfile://usr/a.txt', data: text('a'), append: false })
    await upload('up-3', 'wxfile://usr/a.txt', 'f')
    await until('up-3', 'done')
    const events = heard
      .filter((item) => item.event === 'network.event')
      .map((item) => item.payload as NetworkEvent)
    expect(events.find((event) => event.type === 'queued')).toMatchObject({
      api: 'uploadFile',
      url: `${http.origin}/upload`,
    })
    expect(events.some((event) => event.type === 'finished')).toBe(true)
  })
})

describe('downloads', () => {
  it('writes the body to a new temp file that files.operate reads back', async () => {
    await workbench.service['wx.call']({
      method: 'downloadFile',
      taskId: 'down-1',
      params: { api: 'downloadFile', url: `${http.origin}/picture.png`, header: {} },
    })
    const { outcome } = await until('down-1', 'downloaded')
    if (!outcome.ok) throw new Error(outcome.errMsg)
    expect(outcome).toMatchObject({ statusCode: 200, temporary: true })
    expect(outcome.filePath).toMatch(/^wxfile:\/\/tmp_[0-9a-f]+\.png$/)
    expect(await operate({ name: 'readFile', path: outcome.filePath })).toEqual({
      ok: true,
      value: PICTURE,
    })
  })

  it('is aborted by wx.operateTask while it waits for the server', async () => {
    await workbench.service['wx.call']({
      method: 'downloadFile',
      taskId: 'down-2',
      params: { api: 'downloadFile', url: `${http.origin}/hang`, header: {} },
    })
    for (let i = 0; i < 200 && http.openConnections === 0; i++) {
      await new Promise((resolve) => setTimeout(resolve, 10))
    }
    expect(
      await workbench.service['wx.operateTask']({ taskId: 'down-2', operation: { name: 'abort' } }),
    ).toEqual({
      ok: true,
      value: null,
    })
    expect((await until('down-2', 'downloaded')).outcome).toEqual({
      ok: false,
      errMsg: 'downloadFile:fail abort',
    })
  })
})

describe('sockets', () => {
  const socketUrl = () => `ws://127.0.0.1:${ws.port}/chat`

  it('relays accepted, open, messages both ways and the server’s close', async () => {
    await workbench.service['wx.call']({
      method: 'connectSocket',
      taskId: 'sock-1',
      params: { api: 'connectSocket', url: socketUrl(), header: {} },
    })
    await until('sock-1', 'socket-open')
    expect(
      await workbench.service['wx.operateTask']({
        taskId: 'sock-1',
        operation: { name: 'send', data: 'hi' },
      }),
    ).toEqual({
      ok: true,
      value: null,
    })
    expect(await until('sock-1', 'socket-message')).toEqual({
      kind: 'socket-message',
      data: 'echo:hi',
    })
    await workbench.service['wx.operateTask']({
      taskId: 'sock-1',
      operation: { name: 'send', data: 'bye' },
    })
    expect(await until('sock-1', 'socket-close')).toEqual({
      kind: 'socket-close',
      code: 4000,
      reason: 'asked to',
    })
    expect(taskEvents('sock-1').map((event) => event.kind)).toEqual([
      'socket-accepted',
      'socket-open',
      'socket-message',
      'socket-close',
    ])
  })

  it('closes with the code and reason the mini-program gives', async () => {
    await workbench.service['wx.call']({
      method: 'connectSocket',
      taskId: 'sock-2',
      params: { api: 'connectSocket', url: socketUrl(), header: {} },
    })
    await until('sock-2', 'socket-open')
    expect(
      await workbench.service['wx.operateTask']({
        taskId: 'sock-2',
        operation: { name: 'close', code: 1000, reason: 'done' },
      }),
    ).toEqual({ ok: true, value: null })
    expect(await until('sock-2', 'socket-close')).toEqual({
      kind: 'socket-close',
      code: 1000,
      reason: 'done',
    })
  })

  it('answers a send on an unknown socket with WeChat’s not-open words', async () => {
    expect(
      await workbench.service['wx.operateTask']({
        taskId: 'nope',
        operation: { name: 'send', data: 'x' },
      }),
    ).toEqual({
      ok: true,
      value: 'SocketTask.readyState is not OPEN',
    })
  })

  it('reports a socket the domain list refuses as refused, with checks on', async () => {
    expect(
      (
        await workbench.service['project.updateSettings']({
          urlCheck: true,
          appid: 'wx0123456789abcdef',
        })
      ).ok,
    ).toBe(true)
    await workbench.settled()
    await workbench.service['wx.call']({
      method: 'connectSocket',
      taskId: 'sock-3',
      params: { api: 'connectSocket', url: socketUrl(), header: {} },
    })
    expect(await until('sock-3', 'refused')).toEqual({
      kind: 'refused',
      errMsg: 'connectSocket:fail url not in domain list',
      errno: 600002,
    })
    expect(ws.upgrades).toEqual([])
  })
})

describe('files', () => {
  it('keeps user data in one folder per project under the data directory', async () => {
    await operate({
      name: 'writeFile',
      path: 'wxfile://usr/kept.txt',
      data: text('k'),
      append: false,
    })
    const hash = createHash('sha256').update(project).digest('hex').slice(0, 12)
    const real = join(dataDir, 'files', `touristappid-${hash}`, 'usr', 'kept.txt')
    expect(await readFile(real, 'utf8')).toBe('k')
  })

  it('turns picked bytes into read-only temp files', async () => {
    const chosen = await operate({
      name: 'saveChosen',
      files: [{ name: 'cat.PNG', type: 'image/png', data: PICTURE }],
    })
    if (!chosen.ok || !Array.isArray(chosen.value)) throw new Error('not chosen')
    const [file] = chosen.value as { path: string; size: number; fileType: string }[]
    expect(file).toEqual({
      path: expect.stringMatching(/^wxfile:\/\/tmp_\w+\.png$/),
      size: 10,
      fileType: 'image',
    })
    expect(await operate({ name: 'readFile', path: file.path })).toEqual({
      ok: true,
      value: PICTURE,
    })
    expect(
      await operate({ name: 'writeFile', path: file.path, data: text('x'), append: false }),
    ).toEqual({ ok: false, message: `permission denied, open "${file.path}"` })
  })

  it('refuses a path outside the mini-program’s folders', async () => {
    expect(
      await operate({ name: 'readFile', path: 'wxfile://usr/../../../../etc/passwd' }),
    ).toEqual({
      ok: false,
      message: 'permission denied, open "wxfile://usr/../../../../etc/passwd"',
    })
  })

  it('rejects a malformed operation before touching the disk', async () => {
    const result = await workbench.service['files.operate']({
      operation: { name: 'writeFile', path: 'wxfile://usr/x', data: 'not bytes' } as never,
    })
    expect(result).toMatchObject({ ok: false, error: { code: 'INVALID_PARAMS' } })
  })
})
