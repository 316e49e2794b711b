/**
 * The simulator's relay for uploads, downloads and sockets without a browser: the frame's real
 * FramePort and wx APIs, messages cloned as postMessage does, the workbench's real frame host, the
 * contract over an in-memory transport, the real workbench service and engine, loopback servers.
 */
import busboy from 'busboy'
import { cp, mkdtemp, rm } from 'node:fs/promises'
import type { IncomingMessage, ServerResponse } from 'node:http'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { WebSocketServer } from 'ws'
import { createProjectStore } from '../../../electron/services/project'
import type { ProjectStore } from '../../../electron/services/project/project-store'
import { createWorkbenchService, type WorkbenchService } from '../../../electron/services/workbench'
import { DEVICE_PRESETS, systemInfoFor } from '../../../renderer/src/simulator/devices'
import { hostFrame, type FrameHost } from '../../../renderer/src/simulator/frame-host'
import { FramePort } from '../../../renderer/src/simulator/frame/frame-port'
import { createClient, createMemoryPair, serveOnTransport } from '../../../shared/rpc'
import { PendingWork } from '../../../shared/runtime/pending-work'
import { createTaskCore } from '../../../shared/runtime/task-core'
import { createLaterInvoker } from '../../../shared/runtime/async-api'
import type { SystemInfo } from '../../../shared/runtime'
import { createTimers, type TimerControl } from '../../../shared/runtime/timers'
import { createSocketApi } from '../../../shared/runtime/connect-socket'
import { createDownloadFile } from '../../../shared/runtime/download-file'
import { createUploadFile } from '../../../shared/runtime/upload-file'
import type { HostMessage } from '../../../shared/simulator-protocol'
import { startHttpServer, type TestServer } from '../../helpers/servers'
import { TEST_APP_INFO } from '../../helpers/workbench-kit'

const FIXTURE = join(__dirname, '../../fixtures/simulator-transfers')
const PICTURE = Buffer.from('a picture, byte for byte')

let scratch: string
let store: ProjectStore
let workbench: WorkbenchService
let server: TestServer
let sockets: WebSocketServer
let host: FrameHost
let port: FramePort
let timers: TimerControl
let uploads: { fields: Record<string, string>; text: string }[]
const stops: (() => void)[] = []

function handle(req: IncomingMessage, res: ServerResponse): void {
  if (req.url === '/upload') {
    const fields: Record<string, string> = {}
    let text = ''
    const form = busboy({ headers: req.headers })
    form.on('field', (name, value) => (fields[name] = value))
    form.on('file', (_field, stream) => stream.on('data', (part: Buffer) => (text += part)))
    form.on('close', () => {
      uploads.push({ fields, text })
      res.end('stored')
    })
    req.pipe(form)
    return
  }
  res.writeHead(200, { 'content-type': 'image/png', 'content-length': PICTURE.length })
  res.end(PICTURE)
}

beforeEach(async () => {
  scratch = await mkdtemp(join(tmpdir(), 'mpdt-transfer-relay-'))
  const project = join(scratch, 'project')
  await cp(FIXTURE, project, { recursive: true })
  uploads = []
  server = await startHttpServer(handle)
  sockets = new WebSocketServer({ server: server.server })
  sockets.on('connection', (socket) =>
    socket.on('message', (data) => socket.send(`echo:${data.toString()}`)),
  )
  store = createProjectStore({ dataDir: join(scratch, 'data') })
  workbench = createWorkbenchService({
    store,
    appInfo: TEST_APP_INFO,
    dataDir: join(scratch, 'data'),
  })
  expect((await workbench.service['project.open']({ dir: project })).ok).toBe(true)
  await workbench.settled()

  const [serviceSide, clientSide] = createMemoryPair()
  stops.push(serveOnTransport(workbench.service, serviceSide))
  stops.push(
    workbench.onEvent((event, payload) => serviceSide.send({ type: 'event', event, payload })),
  )
  const client = createClient(clientSide)
  stops.push(() => client.dispose())

  // The two windows: what each posts reaches the other as a structured clone, later.
  const listeners = new Set<(event: MessageEvent) => void>()
  const frameWindow = {
    postMessage(message: HostMessage) {
      const copy = structuredClone(message)
      setTimeout(() => {
        if (copy.type === 'wx-host:task') port.deliverTask(copy.taskId, copy.event)
        else if (copy.type === 'wx-host:file') port.deliverFile(copy.callId, copy.result)
      }, 0)
    },
  }
  const workbenchWindow = {
    addEventListener: (_type: string, listener: (event: MessageEvent) => void) =>
      listeners.add(listener),
    removeEventListener: (_type: string, listener: (event: MessageEvent) => void) =>
      listeners.delete(listener),
  } as unknown as Window
  const device = DEVICE_PRESETS[0]
  host = hostFrame({ contentWindow: frameWindow } as unknown as HTMLIFrameElement, {
    client,
    window: workbenchWindow,
    storage: { getItem: () => null, setItem: () => undefined, removeItem: () => undefined },
    deviceWidth: device.width,
    systemInfo: systemInfoFor(device),
    networkType: 'wifi',
    onConsole: () => undefined,
    onPages: () => undefined,
    onFailure: () => undefined,
  })
  port = new FramePort({
    post(message) {
      const data = structuredClone(message)
      setTimeout(() => listeners.forEach((l) => l({ data, source: frameWindow } as MessageEvent)))
    },
    appid: 'touristappid',
    storage: {},
    networkType: 'wifi',
    systemInfo: () => ({}) as SystemInfo,
  })
})

afterEach(async () => {
  host.dispose()
  timers?.clearAll()
  for (const stop of stops.splice(0)) stop()
  for (const client of sockets.clients) client.terminate()
  sockets.close()
  await workbench.close()
  await store.close()
  await server.close()
  await rm(scratch, { recursive: true, force: true })
})

/** The runtime's transfer and socket APIs on the frame's port. */
function wxApis() {
  const pending = new PendingWork()
  const sink = (error: unknown) => {
    throw error
  }
  timers = createTimers(pending, sink)
  const common = {
    port,
    tasks: createTaskCore(port),
    pending,
    sink,
    defer: timers.defer,
    currentPage: () => 'pages/index/index',
  }
  const transfers = {
    uploadFile: createUploadFile(common),
    downloadFile: createDownloadFile(common),
  }
  const { wx } = createSocketApi({ ...common, invokeLater: createLaterInvoker(sink, pending) })
  return { transfers, wx }
}

function settled<T>(start: (callbacks: { success(r: T): void; fail(e: unknown): void }) => void) {
  return new Promise<T>((resolve, reject) =>
    start({ success: resolve, fail: (e) => reject(new Error(JSON.stringify(e))) }),
  )
}

const origin = () => `http://127.0.0.1:${server.port}`

describe('the simulator relay', () => {
  it('uploads a file the page wrote, with progress, to the server', async () => {
    const { transfers } = wxApis()
    const written = await new Promise((resolve) =>
      port.filesLater.writeFile('wxfile://usr/note.txt', Buffer.from('hello'), false, resolve),
    )
    expect(written).toEqual({ ok: true, value: undefined })
    const progress: number[] = []
    const result = await settled<{ data: string; statusCode: number; errMsg: string }>((cb) => {
      const task = transfers.uploadFile({
        url: `${origin()}/upload`,
        filePath: 'wxfile://usr/note.txt',
        name: 'file',
        formData: { user: 'ann' },
        ...cb,
      })
      task.onProgressUpdate((p: { progress: number }) => progress.push(p.progress))
    })
    expect(result).toEqual({ data: 'stored', statusCode: 200, errMsg: 'uploadFile:ok' })
    expect(uploads).toEqual([{ fields: { user: 'ann' }, text: 'hello' }])
    expect(progress.at(-1)).toBe(100)
  })

  it('downloads into a temp file the frame can read synchronously', async () => {
    const { transfers } = wxApis()
    const result = await settled<{ tempFilePath: string; statusCode: number }>((cb) =>
      transfers.downloadFile({ url: `${origin()}/picture.png`, ...cb }),
    )
    expect(result.statusCode).toBe(200)
    expect(result.tempFilePath).toMatch(/^wxfile:\/\/tmp_\w+\.png$/)
    const read = port.files.readFile(result.tempFilePath)
    expect(read.ok && Buffer.from(read.value).toString()).toBe(PICTURE.toString())
  })

  it('opens a socket, echoes a message and closes with the page’s code', async () => {
    const { wx } = wxApis()
    const seen: string[] = []
    const closed = await new Promise<{ code: number; reason: string }>((resolve) => {
      const task = (wx.connectSocket as (o: unknown) => Record<string, (o: unknown) => void>)({
        url: `ws://127.0.0.1:${server.port}/chat`,
        success: () => seen.push('success'),
      })
      task.onOpen(() => task.send({ data: 'hi' }))
      task.onMessage((m: unknown) => {
        seen.push((m as { data: string }).data)
        task.close({ code: 1000, reason: 'thanks' })
      })
      task.onClose((c: unknown) => resolve(c as { code: number; reason: string }))
    })
    expect(seen).toEqual(['success', 'echo:hi'])
    expect(closed).toEqual({ code: 1000, reason: 'thanks' })
  })

  it('closes the frame’s open sockets as going away when the frame is replaced', async () => {
    const { wx } = wxApis()
    const serverSaw = new Promise<number>((resolve) =>
      sockets.once('connection', (socket) => socket.on('close', (code) => resolve(code))),
    )
    await new Promise<void>((resolve) => {
      const task = (wx.connectSocket as (o: unknown) => Record<string, (o: unknown) => void>)({
        url: `ws://127.0.0.1:${server.port}/chat`,
      })
      task.onOpen(() => resolve())
    })
    host.dispose()
    expect(await serverSaw).toBe(1001)
  })
})
