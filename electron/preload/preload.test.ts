/**
 * Runs the bundled preload (out/preload/index.cjs, what Electron loads) against a fake `electron`
 * module and checks what it exposes to the page: the contract's functions, nothing generic.
 */
import { spawnSync } from 'node:child_process'
import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { Script } from 'node:vm'
import { beforeAll, describe, expect, it } from 'vitest'
import { PRELOAD_GLOBAL } from '../../shared/bridge-api'
import { EVENT_NAMES, IPC_PREFIX, METHOD_NAMES } from '../../shared/contract'

const ROOT = join(__dirname, '../..')
const BUNDLE = join(ROOT, 'out/preload/index.cjs')

interface Exposed {
  name: string
  api: Record<string, unknown>
}

function runPreload() {
  const invoked: { channel: string; args: unknown[] }[] = []
  const subscribed: { channel: string; listener: (...args: unknown[]) => void }[] = []
  const removed: string[] = []
  const exposed: Exposed[] = []
  const ipcRenderer = {
    invoke: async (channel: string, ...args: unknown[]) => {
      invoked.push({ channel, args })
      return { ok: true, value: channel }
    },
    on: (channel: string, listener: (...args: unknown[]) => void) => {
      subscribed.push({ channel, listener })
    },
    removeListener: (channel: string) => void removed.push(channel),
    send: () => {
      throw new Error('the preload must not use ipcRenderer.send')
    },
    sendSync: () => {
      throw new Error('the preload must not use ipcRenderer.sendSync')
    },
  }
  const electron = {
    contextBridge: {
      exposeInMainWorld: (name: string, api: Record<string, unknown>) => {
        exposed.push({ name, api })
      },
    },
    ipcRenderer,
    webUtils: { getPathForFile: (file: { name: string }) => `/dropped/${file.name}` },
  }
  const required: string[] = []
  // A sandboxed preload can require `electron` and little else: anything more fails here too.
  const fakeRequire = (id: string) => {
    required.push(id)
    if (id === 'electron') return electron
    throw new Error(`a sandboxed preload cannot require '${id}'`)
  }
  const module = { exports: {} }
  const wrapper = new Script(
    `(function (require, module, exports) {${readFileSync(BUNDLE, 'utf8')}\n})`,
    { filename: BUNDLE },
  ).runInNewContext({})
  wrapper(fakeRequire, module, module.exports)
  return { invoked, subscribed, removed, exposed, required, ipcRenderer }
}

beforeAll(() => {
  if (existsSync(BUNDLE)) return
  const build = spawnSync(join(ROOT, 'node_modules/.bin/electron-vite'), ['build'], {
    cwd: ROOT,
    stdio: 'ignore',
  })
  expect(build.status).toBe(0)
}, 120_000)

describe('the bundled preload', () => {
  it('requires nothing but electron', () => {
    expect(new Set(runPreload().required)).toEqual(new Set(['electron']))
  })

  it(`exposes one object as window.${PRELOAD_GLOBAL}, with methods, events and pathForFile`, () => {
    const { exposed } = runPreload()
    expect(exposed.map((e) => e.name)).toEqual([PRELOAD_GLOBAL])
    expect(Object.keys(exposed[0].api).sort()).toEqual(['events', 'methods', 'pathForFile'])
  })

  it('has exactly one function per contract method and one per event', () => {
    const { api } = runPreload().exposed[0]
    expect(Object.keys(api.methods as object).sort()).toEqual([...METHOD_NAMES].sort())
    expect(Object.keys(api.events as object).sort()).toEqual([...EVENT_NAMES].sort())
  })

  it('exposes no ipcRenderer and no generic invoke/send/on anywhere in the object', () => {
    const { exposed, ipcRenderer } = runPreload()
    const seen: unknown[] = []
    const walk = (value: unknown, path: string) => {
      expect(value, path).not.toBe(ipcRenderer)
      if (typeof value !== 'object' || value === null) return
      seen.push(value)
      for (const [key, child] of Object.entries(value)) {
        expect(['invoke', 'send', 'sendSync', 'on', 'ipcRenderer'], path).not.toContain(key)
        walk(child, `${path}.${key}`)
      }
    }
    walk(exposed[0].api, PRELOAD_GLOBAL)
    expect(seen.length).toBe(3)
  })

  it('binds each method to its own channel, whatever the page passes', async () => {
    const { exposed, invoked } = runPreload()
    const methods = exposed[0].api.methods as Record<
      string,
      (...args: unknown[]) => Promise<unknown>
    >
    for (const method of METHOD_NAMES) {
      await methods[method]({ dir: '/p' }, 'mpdt:other.channel')
    }
    expect(invoked.map((call) => call.channel)).toEqual(METHOD_NAMES.map((m) => IPC_PREFIX + m))
    expect(invoked.every((call) => call.args.length === 1)).toBe(true)
  })

  it('hands an event listener the payload only, never the IPC event, and unsubscribes', () => {
    const { exposed, subscribed, removed } = runPreload()
    const events = exposed[0].api.events as Record<
      string,
      (l: (...a: unknown[]) => void) => () => void
    >
    const heard: unknown[][] = []
    const off = events['project.changed']((...args) => heard.push(args))
    expect(subscribed.map((s) => s.channel)).toEqual([`${IPC_PREFIX}project.changed`])
    subscribed[0].listener({ sender: 'ipc-event' }, { dir: '/p' })
    expect(heard).toEqual([[{ dir: '/p' }]])
    off()
    expect(removed).toEqual([`${IPC_PREFIX}project.changed`])
  })

  it('gives the path of a dropped folder through webUtils', () => {
    const { api } = runPreload().exposed[0]
    expect((api.pathForFile as (f: { name: string }) => string)({ name: 'demo' })).toBe(
      '/dropped/demo',
    )
  })
})
