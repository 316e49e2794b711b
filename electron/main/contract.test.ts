/**
 * The contract, case by case, over every transport that carries it: the in-memory pair, Electron
 * IPC (the real wrapper with a fake ipcMain, the real preload API with a fake ipcRenderer), and
 * the browser-mode host's real WebSocket. Each transport runs the very same cases against the real
 * workbench service and project store on a copy of a fixture project.
 */
import { cp, mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import WebSocket from 'ws'
import type { ContractEvents, EventName } from '../../shared/contract'
import type { PreloadApi } from '../../shared/bridge-api'
import type { ProjectInfo } from '../../shared/project'
import {
  createClient,
  createMemoryPair,
  serveOnTransport,
  type ContractClient,
} from '../../shared/rpc'
import { startBrowserHost } from '../host'
import { createWebSocketTransport } from '../host/websocket-transport'
import { createProjectStore } from '../services/project'
import type { ProjectStore } from '../services/project/project-store'
import { createWorkbenchService, type WorkbenchService } from '../services/workbench'
import { createPreloadApi, type IpcRendererLike } from '../preload/preload-api'
import { WORKBENCH_URL } from './app-protocol'
import {
  registerContractHandlers,
  sendEventToWindows,
  type IpcInvokeEventLike,
  type IpcMainLike,
  type SenderFrameLike,
  type WindowLike,
} from './ipc-contract'
import { createWorkbenchUrlCheck } from './workbench-url'

const FIXTURES = join(__dirname, '../../tests/fixtures/projects')

interface Connection {
  client: ContractClient
  close(): Promise<void>
}

type Connect = (workbench: WorkbenchService, scratch: string) => Promise<Connection>

const overMemoryPair: Connect = async (workbench) => {
  const [clientSide, serviceSide] = createMemoryPair()
  const stopServing = serveOnTransport(workbench.service, serviceSide)
  const stopEvents = workbench.onEvent((event, payload) =>
    serviceSide.send({ type: 'event', event, payload }),
  )
  const client = createClient(clientSide)
  return {
    client,
    close: async () => {
      stopServing()
      stopEvents()
      client.dispose()
    },
  }
}

/** What the workbench does with `window.mpdtBridge`: calls and subscriptions, nothing else. */
function clientOfPreloadApi(api: PreloadApi): ContractClient {
  return {
    call: (method, params) =>
      (api.methods[method] as (p: unknown) => ReturnType<ContractClient['call']>)(params),
    on: (event, listener) =>
      (api.events[event] as (l: (payload: unknown) => void) => () => void)(
        listener as (payload: unknown) => void,
      ),
  }
}

const overElectronIpc: Connect = async (workbench) => {
  type Handler = (event: IpcInvokeEventLike, ...args: unknown[]) => unknown
  const handlers = new Map<string, Handler>()
  const ipcMain: IpcMainLike = {
    handle: (channel, listener) => void handlers.set(channel, listener),
    removeHandler: (channel) => void handlers.delete(channel),
  }
  const rendererListeners = new Map<string, Set<(event: unknown, ...args: unknown[]) => void>>()
  const mainFrame: SenderFrameLike = {
    url: WORKBENCH_URL,
    processId: 4,
    routingId: 1,
    parent: null,
  }
  const window: WindowLike = {
    isDestroyed: () => false,
    webContents: {
      mainFrame,
      // Electron copies IPC payloads with the structured clone algorithm.
      send: (channel, ...args) => {
        for (const listener of rendererListeners.get(channel) ?? []) {
          listener({}, ...structuredClone(args))
        }
      },
    },
  }
  const unregister = registerContractHandlers(ipcMain, workbench.service, {
    windows: () => [window],
    isWorkbenchUrl: createWorkbenchUrlCheck({}),
  })
  const stopEvents = workbench.onEvent((event, payload) =>
    sendEventToWindows([window], event, payload),
  )
  const ipcRenderer: IpcRendererLike = {
    invoke: async (channel, ...args) => {
      const handler = handlers.get(channel)
      if (!handler) throw new Error(`No handler registered for '${channel}'`)
      return structuredClone(await handler({ senderFrame: mainFrame }, ...structuredClone(args)))
    },
    on: (channel, listener) => {
      const set = rendererListeners.get(channel) ?? new Set()
      rendererListeners.set(channel, set.add(listener))
    },
    removeListener: (channel, listener) => rendererListeners.get(channel)?.delete(listener),
  }
  const api = createPreloadApi(ipcRenderer, () => '')
  return {
    client: clientOfPreloadApi(api),
    close: async () => {
      unregister()
      stopEvents()
    },
  }
}

const overWebSocket: Connect = async (workbench, scratch) => {
  const rendererDir = join(scratch, 'renderer')
  await mkdir(rendererDir, { recursive: true })
  await writeFile(join(rendererDir, 'index.html'), '<!doctype html>')
  const host = await startBrowserHost({
    service: workbench.service,
    onEvent: workbench.onEvent,
    rendererDir,
    port: 0,
  })
  const socket = new WebSocket(`ws://127.0.0.1:${host.port}/rpc?token=${host.token}`)
  await new Promise<void>((resolve, reject) => {
    socket.once('open', () => resolve())
    socket.once('error', reject)
  })
  const client = createClient(createWebSocketTransport(socket))
  return {
    client,
    close: async () => {
      client.dispose()
      socket.terminate()
      await host.close()
    },
  }
}

const TRANSPORTS: [string, Connect][] = [
  ['the in-memory pair', overMemoryPair],
  ['Electron IPC (checked wrapper + preload API)', overElectronIpc],
  ['the browser-mode WebSocket', overWebSocket],
]

/** Resolves with the next payload of `event`, or fails after a bounded wait. */
function nextEvent<E extends EventName>(
  client: ContractClient,
  event: E,
  accept: (payload: ContractEvents[E]) => boolean = () => true,
): Promise<ContractEvents[E]> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      off()
      reject(new Error(`no ${event} event within 5 s`))
    }, 5000)
    const off = client.on(event, (payload) => {
      if (!accept(payload)) return
      clearTimeout(timer)
      off()
      resolve(payload)
    })
  })
}

describe.each(TRANSPORTS)('the contract over %s', (_name, connect) => {
  let scratch: string
  let project: string
  let store: ProjectStore
  let connection: Connection
  let client: ContractClient

  beforeEach(async () => {
    scratch = await mkdtemp(join(tmpdir(), 'mpdt-contract-'))
    project = join(scratch, 'valid')
    await cp(join(FIXTURES, 'valid'), project, { recursive: true })
    await cp(join(FIXTURES, 'broken-json'), join(scratch, 'broken-json'), { recursive: true })
    store = createProjectStore({ dataDir: join(scratch, 'data') })
    const workbench = createWorkbenchService({
      store,
      appInfo: {
        name: 'MP DevTools',
        version: '1.2.3',
        mode: 'browser',
        platform: 'linux',
        locale: 'zh-CN',
      },
    })
    connection = await connect(workbench, scratch)
    client = connection.client
  })

  afterEach(async () => {
    await connection.close()
    await store.close()
    await rm(scratch, { recursive: true, force: true })
  })

  it('app.getInfo answers the app info', async () => {
    expect(await client.call('app.getInfo', {})).toEqual({
      ok: true,
      value: {
        name: 'MP DevTools',
        version: '1.2.3',
        mode: 'browser',
        platform: 'linux',
        locale: 'zh-CN',
      },
    })
  })

  it('project.current answers null before a project is opened', async () => {
    expect(await client.call('project.current', {})).toEqual({ ok: true, value: null })
  })

  it('project.open answers the project as read from disk, and project.current then has it', async () => {
    const opened = await client.call('project.open', { dir: project })
    expect(opened.ok).toBe(true)
    const info = (opened as { value: ProjectInfo }).value
    expect(info.dir).toBe(project)
    expect(info.settings.appid).toBe('wx1234567890abcdef')
    expect(info.pages.length).toBeGreaterThanOrEqual(3)
    expect(await client.call('project.current', {})).toEqual({ ok: true, value: info })
  })

  it('project.open announces the project with project.changed', async () => {
    const changed = nextEvent(client, 'project.changed')
    await client.call('project.open', { dir: project })
    expect((await changed).dir).toBe(project)
  })

  it('project.open of a path that is not a folder answers NOT_A_FOLDER', async () => {
    const result = await client.call('project.open', { dir: join(project, 'app.json') })
    expect(result).toMatchObject({ ok: false, error: { code: 'NOT_A_FOLDER' } })
  })

  it('project.open without a dir answers INVALID_PARAMS', async () => {
    const result = await client.call('project.open', {} as { dir: string })
    expect(result).toMatchObject({ ok: false, error: { code: 'INVALID_PARAMS' } })
  })

  it('a broken project opens with its problems located by file, line and column', async () => {
    const opened = await client.call('project.open', { dir: join(scratch, 'broken-json') })
    const problems = (opened as { value: ProjectInfo }).value.problems
    expect(problems).toContainEqual(
      expect.objectContaining({
        code: 'JSON_SYNTAX',
        file: 'app.json',
        line: expect.any(Number),
        column: expect.any(Number),
      }),
    )
  })

  it('project.recent lists the opened project first', async () => {
    await client.call('project.open', { dir: project })
    const recent = await client.call('project.recent', {})
    expect(recent).toMatchObject({ ok: true, value: [{ dir: project }] })
  })

  it('project.updateSettings writes urlCheck and pushes the new project with project.changed', async () => {
    await client.call('project.open', { dir: project })
    const changed = nextEvent(client, 'project.changed', (info) => info.settings.urlCheck)
    const updated = await client.call('project.updateSettings', { urlCheck: true })
    expect(updated).toMatchObject({ ok: true, value: { settings: { urlCheck: true } } })
    expect((await changed).settings.urlCheck).toBe(true)
  })

  it('project.updateSettings with a value of the wrong type answers INVALID_PARAMS', async () => {
    await client.call('project.open', { dir: project })
    const result = await client.call('project.updateSettings', { urlCheck: 'no' as never })
    expect(result).toMatchObject({ ok: false, error: { code: 'INVALID_PARAMS' } })
  })

  it('project.setDomains writes the lists and answers the project with them', async () => {
    await client.call('project.open', { dir: project })
    const domains = {
      request: ['https://api.example.com:8443'],
      socket: ['wss://ws.example.com'],
      uploadFile: [],
      downloadFile: [],
    }
    const result = await client.call('project.setDomains', { domains })
    expect(result).toMatchObject({ ok: true, value: { domains } })
  })

  it('project.reload without an open project answers NO_PROJECT', async () => {
    expect(await client.call('project.reload', {})).toMatchObject({
      ok: false,
      error: { code: 'NO_PROJECT' },
    })
  })

  it('project.chooseFolder answers UNSUPPORTED without a folder picker', async () => {
    expect(await client.call('project.chooseFolder', {})).toMatchObject({
      ok: false,
      error: { code: 'UNSUPPORTED' },
    })
  })
})
