import { describe, expect, it, vi } from 'vitest'
import { IPC_PREFIX, METHOD_NAMES } from '../../shared/contract'
import { ok } from '../../shared/result'
import type { ContractService } from '../../shared/rpc'
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

function frame(overrides: Partial<SenderFrameLike> = {}): SenderFrameLike {
  return { url: WORKBENCH_URL, processId: 7, routingId: 1, parent: null, ...overrides }
}

function windowWith(mainFrame: SenderFrameLike, destroyed = false) {
  return { isDestroyed: () => destroyed, webContents: { mainFrame, send: vi.fn() } }
}

/** Registers the wrapper on a fake ipcMain; `invoke` plays a renderer calling one channel. */
function setup(windows: WindowLike[]) {
  const handlers = new Map<string, (event: IpcInvokeEventLike, ...args: unknown[]) => unknown>()
  const ipcMain: IpcMainLike = {
    handle: (channel, listener) => void handlers.set(channel, listener),
    removeHandler: (channel) => void handlers.delete(channel),
  }
  const getInfo = vi.fn(async () => ok({ name: 'MP DevTools' }))
  const service = { 'app.getInfo': getInfo } as unknown as ContractService
  const unregister = registerContractHandlers(ipcMain, service, {
    windows: () => windows,
    isWorkbenchUrl: createWorkbenchUrlCheck({}),
  })
  const invoke = (senderFrame: SenderFrameLike | null) =>
    Promise.resolve(handlers.get(`${IPC_PREFIX}app.getInfo`)?.({ senderFrame }, {}))
  return { handlers, getInfo, unregister, invoke }
}

const FORBIDDEN = { ok: false, error: expect.objectContaining({ code: 'FORBIDDEN_SENDER' }) }

describe('IPC registration wrapper', () => {
  it('registers exactly one prefixed channel per contract method', () => {
    const { handlers } = setup([])
    expect([...handlers.keys()].sort()).toEqual(METHOD_NAMES.map((m) => IPC_PREFIX + m).sort())
  })

  it('answers the main frame of our window showing the workbench', async () => {
    const main = frame()
    const { invoke, getInfo } = setup([windowWith(main)])
    expect(await invoke(main)).toEqual({ ok: true, value: { name: 'MP DevTools' } })
    expect(getInfo).toHaveBeenCalledOnce()
  })

  it('refuses a subframe of our window without calling the service', async () => {
    const main = frame()
    const { invoke, getInfo } = setup([windowWith(main)])
    const child = frame({ routingId: 2, parent: main })
    expect(await invoke(child)).toEqual(FORBIDDEN)
    expect(getInfo).not.toHaveBeenCalled()
  })

  it('refuses our main frame once it shows a foreign URL', async () => {
    const main = frame({ url: 'https://evil.example/' })
    const { invoke, getInfo } = setup([windowWith(main)])
    expect(await invoke(main)).toEqual(FORBIDDEN)
    expect(getInfo).not.toHaveBeenCalled()
  })

  it('refuses a main frame that belongs to none of our windows', async () => {
    const { invoke, getInfo } = setup([windowWith(frame())])
    expect(await invoke(frame({ processId: 99 }))).toEqual(FORBIDDEN)
    expect(getInfo).not.toHaveBeenCalled()
  })

  it('refuses a frame of a destroyed window', async () => {
    const main = frame()
    const { invoke } = setup([windowWith(main, true)])
    expect(await invoke(main)).toEqual(FORBIDDEN)
  })

  it('refuses a call whose sender frame is gone', async () => {
    const { invoke } = setup([windowWith(frame())])
    expect(await invoke(null)).toEqual(FORBIDDEN)
  })

  it('removes every handler it registered', () => {
    const { handlers, unregister } = setup([])
    unregister()
    expect(handlers.size).toBe(0)
  })
})

describe('event fan-out', () => {
  it('sends an event on its prefixed channel to every open window, not to destroyed ones', () => {
    const open = windowWith(frame())
    const closed = windowWith(frame({ processId: 8 }), true)
    sendEventToWindows([open, closed], 'project.changed', { dir: '/p' })
    expect(open.webContents.send).toHaveBeenCalledWith(`${IPC_PREFIX}project.changed`, {
      dir: '/p',
    })
    expect(closed.webContents.send).not.toHaveBeenCalled()
  })
})
