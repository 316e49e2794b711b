import { describe, expect, it } from 'vitest'
import type { ContractEvents, EventName, MethodName } from '../../../shared/contract'
import { ok, type Result } from '../../../shared/result'
import type { ContractClient } from '../../../shared/rpc'
import type { HostMessage, SimulatorBundle } from '../../../shared/simulator-protocol'
import { DEVICE_PRESETS, systemInfoFor } from './devices'
import {
  entryPath,
  hostFrame,
  watchFrameReady,
  type FrameConsoleEntry,
  type FrameLaunch,
  type PageEntry,
} from './frame-host'

const BUNDLE: SimulatorBundle = {
  appid: 'wxapp',
  files: {},
  appJson: { pages: ['pages/index/index', 'pages/detail/detail'] },
  compiled: {
    groupListCode: '({})',
    templates: [],
    components: {},
    styles: {},
    pages: ['pages/index/index', 'pages/detail/detail'],
    errors: [],
    warnings: [],
  },
  assets: {},
}

/** A contract client that records calls and lets the test push events. */
function fakeClient(answers: Partial<Record<MethodName, Result<unknown>>> = {}) {
  const calls: { method: MethodName; params: unknown }[] = []
  const listeners = new Map<string, Set<(payload: unknown) => void>>()
  const client: ContractClient = {
    async call(method, params) {
      calls.push({ method, params })
      const answer = answers[method] ?? (method === 'simulator.bundle' ? ok(BUNDLE) : ok(null))
      return answer as never
    },
    on(event, listener) {
      const set = listeners.get(event) ?? new Set()
      listeners.set(event, set)
      set.add(listener as (payload: unknown) => void)
      return () => set.delete(listener as (payload: unknown) => void)
    },
  }
  const emit = <E extends EventName>(event: E, payload: ContractEvents[E]) =>
    listeners.get(event)?.forEach((listener) => listener(payload))
  return { client, calls, emit }
}

/** The workbench window (message listeners) and the frame's window (what it is sent). */
function fakeWindows() {
  const listeners = new Set<(event: MessageEvent) => void>()
  const workbench = {
    addEventListener: (_type: string, listener: (event: MessageEvent) => void) =>
      listeners.add(listener),
    removeEventListener: (_type: string, listener: (event: MessageEvent) => void) =>
      listeners.delete(listener),
  } as unknown as Window
  const received: HostMessage[] = []
  const frameWindow = { postMessage: (message: HostMessage) => received.push(message) }
  const iframe = { contentWindow: frameWindow } as unknown as HTMLIFrameElement
  const deliver = (data: unknown, source: unknown = frameWindow) =>
    listeners.forEach((listener) => listener({ data, source } as MessageEvent))
  return { workbench, iframe, received, deliver, frameWindow, listeners }
}

function memoryStorage() {
  const items = new Map<string, string>()
  return {
    getItem: (key: string) => items.get(key) ?? null,
    setItem: (key: string, value: string) => void items.set(key, value),
    removeItem: (key: string) => void items.delete(key),
    items,
  }
}

function setup(
  options: {
    launch?: FrameLaunch
    answers?: Parameters<typeof fakeClient>[0]
    ready?: boolean
    windows?: ReturnType<typeof fakeWindows>
  } = {},
) {
  const contract = fakeClient(options.answers)
  const windows = options.windows ?? fakeWindows()
  const storage = memoryStorage()
  const consoleEntries: FrameConsoleEntry[] = []
  const stacks: PageEntry[][] = []
  const failures: string[] = []
  const answered: [string, unknown][] = []
  const device = DEVICE_PRESETS[0]
  const host = hostFrame(windows.iframe, {
    client: contract.client,
    window: windows.workbench,
    storage,
    deviceWidth: device.width,
    systemInfo: systemInfoFor(device),
    networkType: 'wifi',
    launch: options.launch,
    ready: options.ready,
    onConsole: (entry) => consoleEntries.push(entry),
    onPages: (stack) => stacks.push(stack),
    onFailure: (error) => failures.push(error.code),
    location: { latitude: 39.9, longitude: 116.4 },
    authSetting: (appid): Record<string, boolean> =>
      appid === 'wxapp' ? { 'scope.userInfo': true } : {},
    onAuthorization: (appid, setting) => answered.push([appid, setting]),
  })
  const all = { ...contract, ...windows, storage, consoleEntries, stacks, failures, host, device }
  return { ...all, answered }
}

const flush = () => new Promise((resolve) => setTimeout(resolve, 0))

const REQUEST = {
  type: 'wx-bridge:call',
  callId: 'task-1',
  method: 'request',
  params: { api: 'request', url: 'https://a.example/x', method: 'GET', header: {} },
}

describe('frame host', () => {
  it('relays a frame-callable wx API to wx.call and answers the frame with its callId', async () => {
    const result = { ok: true, value: { code: 'c0de' } }
    const t = setup({ answers: { 'wx.call': ok(result) } })
    t.deliver({ type: 'wx-bridge:call', callId: 'call-1', method: 'login', params: {} })
    await flush()
    expect(t.calls).toEqual([{ method: 'wx.call', params: { method: 'login', params: {} } }])
    expect(t.received).toEqual([{ type: 'wx-host:call', callId: 'call-1', result }])
  })

  it('drops wx-bridge:call for methods the table does not mark frame-callable, and from strangers', async () => {
    const t = setup()
    t.deliver({ type: 'wx-bridge:call', callId: 'c1', method: 'getStorageSync', params: {} })
    t.deliver({ type: 'wx-bridge:call', callId: 'c2', method: 'project.open', params: {} })
    t.deliver({ type: 'wx-bridge:call', callId: 'c3', method: 'login', params: [] })
    t.deliver({ type: 'wx-bridge:call', callId: 'c4', method: 'login', params: {} }, {})
    await flush()
    expect(t.calls).toEqual([])
    expect(t.received).toEqual([])
  })

  it('answers WeChat-style when the service refuses a wx.call', async () => {
    const t = setup({
      answers: { 'wx.call': { ok: false, error: { code: 'NO_PROJECT', message: 'no project' } } },
    })
    t.deliver({ type: 'wx-bridge:call', callId: 'call-9', method: 'checkSession', params: {} })
    await flush()
    expect(t.received).toEqual([
      {
        type: 'wx-host:call',
        callId: 'call-9',
        result: { ok: false, errMsg: 'checkSession:fail no project' },
      },
    ])
  })

  it('asks network.judgeWebView for a web-view src and answers the frame with its callId', async () => {
    const decision = { allowed: false, rule: 'domain-list', origin: 'https://h5.test' }
    const t = setup({ answers: { 'network.judgeWebView': ok(decision) } })
    t.deliver({ type: 'wx-bridge:web-view', callId: 'web-view-1', src: 'https://h5.test/a' })
    t.deliver({ type: 'wx-bridge:web-view', callId: 'web-view-2', src: 'https://h5.test/b' }, {})
    t.deliver({ type: 'wx-bridge:web-view', callId: 'web-view-3', src: 42 })
    await flush()
    expect(t.calls).toEqual([
      { method: 'network.judgeWebView', params: { src: 'https://h5.test/a' } },
    ])
    expect(t.received).toEqual([{ type: 'wx-host:web-view', callId: 'web-view-1', decision }])
  })

  it('refuses the web-view, saying why, when the service cannot judge it', async () => {
    const t = setup({
      answers: {
        'network.judgeWebView': { ok: false, error: { code: 'NO_PROJECT', message: 'no project' } },
      },
    })
    t.deliver({ type: 'wx-bridge:web-view', callId: 'web-view-1', src: 'https://h5.test/' })
    await flush()
    expect(t.received).toEqual([
      {
        type: 'wx-host:web-view',
        callId: 'web-view-1',
        decision: { allowed: false, rule: 'unchecked', origin: 'no project' },
      },
    ])
  })

  it('boots the frame after ready with the bundle for the device width and its system info', async () => {
    const t = setup()
    t.deliver({ type: 'wx-bridge:ready' })
    await flush()
    expect(t.calls).toEqual([{ method: 'simulator.bundle', params: { deviceWidth: 375 } }])
    expect(t.received).toHaveLength(1)
    expect(t.received[0]).toMatchObject({
      type: 'wx-host:boot',
      bundle: BUNDLE,
      networkType: 'wifi',
      storage: {},
      systemInfo: { model: 'iPhone SE', screenWidth: 375, pixelRatio: 2, platform: 'devtools' },
    })
  })

  it('boots a spare frame that said ready before it was hosted at once, and only once', async () => {
    const windows = fakeWindows()
    const readiness = watchFrameReady(windows.iframe, windows.workbench)
    windows.deliver({ type: 'wx-bridge:ready' }, {})
    windows.deliver({ type: 'wx-bridge:pages', stack: [] })
    expect(readiness.ready()).toBe(false)
    windows.deliver({ type: 'wx-bridge:ready' })
    expect(readiness.ready()).toBe(true)
    readiness.dispose()
    expect(windows.listeners.size).toBe(0)
    // Told nothing while it waited.
    expect(windows.received).toEqual([])
    const t = setup({ windows, ready: true })
    await flush()
    t.deliver({ type: 'wx-bridge:ready' })
    await flush()
    expect(t.calls).toEqual([{ method: 'simulator.bundle', params: { deviceWidth: 375 } }])
    expect(t.received.map((message) => message.type)).toEqual(['wx-host:boot'])
  })

  it('waits for ready when the frame has not said it yet', async () => {
    const t = setup({ ready: false })
    await flush()
    expect(t.calls).toEqual([])
    t.deliver({ type: 'wx-bridge:ready' })
    await flush()
    expect(t.received.map((message) => message.type)).toEqual(['wx-host:boot'])
  })

  it('re-opens the page it was on, with its query, when the bundle still has it', async () => {
    const t = setup({ launch: { page: { route: 'pages/detail/detail', query: { id: '7' } } } })
    t.deliver({ type: 'wx-bridge:ready' })
    await flush()
    expect(t.received[0]).toMatchObject({ entry: 'pages/detail/detail?id=7' })
  })

  it('opens the first page when the page it was on is gone', async () => {
    const t = setup({ launch: { page: { route: 'pages/gone/gone', query: {} } } })
    t.deliver({ type: 'wx-bridge:ready' })
    await flush()
    expect(t.received[0]).not.toHaveProperty('entry')
  })

  it('launches a compile mode’s page with its query and scene, even one app.json lacks', async () => {
    const t = setup({ launch: { modeEntry: 'pages/gone/gone?from=qr', scene: 1047 } })
    t.deliver({ type: 'wx-bridge:ready' })
    await flush()
    expect(t.received[0]).toMatchObject({ entry: 'pages/gone/gone?from=qr', scene: 1047 })
  })

  it('re-opens the page it was on rather than the compile mode’s, keeping the scene', async () => {
    const t = setup({
      launch: {
        page: { route: 'pages/detail/detail', query: { id: '7' } },
        modeEntry: 'pages/index/index?x=1',
        scene: 1011,
      },
    })
    t.deliver({ type: 'wx-bridge:ready' })
    await flush()
    expect(t.received[0]).toMatchObject({ entry: 'pages/detail/detail?id=7', scene: 1011 })
  })

  it('sends no scene when none is chosen (the frame launches with 1001)', async () => {
    const t = setup()
    t.deliver({ type: 'wx-bridge:ready' })
    await flush()
    expect(t.received[0]).not.toHaveProperty('scene')
  })

  it('drops a message from any window but the frame’s', async () => {
    const t = setup()
    t.deliver({ type: 'wx-bridge:ready' }, {})
    t.deliver(REQUEST, { postMessage: () => undefined })
    t.deliver(REQUEST, null)
    await flush()
    expect(t.calls).toEqual([])
  })

  it('drops a message of a type outside the simulator protocol', async () => {
    const t = setup()
    t.deliver({ type: 'call', id: 1, method: 'project.open', params: { dir: '/' } })
    t.deliver({ type: 'wx-host:boot' })
    t.deliver('wx-bridge:ready')
    await flush()
    expect(t.calls).toEqual([])
  })

  it('starts a task by wx.call tagged with the current page and relays its events back', async () => {
    const t = setup()
    t.deliver({ type: 'wx-bridge:pages', stack: [{ route: 'pages/index/index', query: {} }] })
    t.deliver(REQUEST)
    await flush()
    expect(t.calls).toHaveLength(1)
    const { taskId, method, params } = t.calls[0].params as {
      taskId: string
      method: string
      params: { page: string }
    }
    expect(t.calls[0].method).toBe('wx.call')
    expect(method).toBe('request')
    expect(params.page).toBe('pages/index/index')
    expect(taskId).not.toBe('task-1')
    t.emit('wx.task', {
      taskId: 'someone-else',
      event: { kind: 'chunk', data: new Uint8Array() },
    })
    const done = {
      kind: 'done' as const,
      outcome: { ok: false as const, errMsg: 'request:fail abort' },
    }
    t.emit('wx.task', { taskId, event: done })
    expect(t.received).toEqual([{ type: 'wx-host:task', taskId: 'task-1', event: done }])
  })

  it('ends the frame’s task as refused when the main process refuses to start it', async () => {
    const t = setup({
      answers: {
        'wx.call': {
          ok: false,
          error: { code: 'NO_PROJECT', message: 'No project is open' },
        },
      },
    })
    t.deliver(REQUEST)
    await flush()
    expect(t.received).toEqual([
      {
        type: 'wx-host:task',
        taskId: 'task-1',
        event: { kind: 'refused', errMsg: 'request:fail No project is open' },
      },
    ])
  })

  it('operates on a task by the id it was started with, and only on the frame’s open tasks', async () => {
    const t = setup()
    t.deliver(REQUEST)
    t.deliver({ type: 'wx-bridge:task', taskId: 'task-1', operation: { name: 'abort' } })
    t.deliver({ type: 'wx-bridge:task', taskId: 'task-2', operation: { name: 'abort' } })
    await flush()
    const [request, abort, ...others] = t.calls
    expect(abort).toEqual({
      method: 'wx.operateTask',
      params: {
        taskId: (request.params as { taskId: string }).taskId,
        operation: { name: 'abort' },
      },
    })
    expect(others).toEqual([])
  })

  it('aborts the frame’s open requests and stops listening when disposed', async () => {
    const t = setup()
    t.deliver(REQUEST)
    await flush()
    t.host.dispose()
    expect(t.calls.at(-1)).toMatchObject({
      method: 'wx.operateTask',
      params: { operation: { name: 'abort' } },
    })
    expect(t.listeners.size).toBe(0)
  })

  it('boots with the 位置 and the appid’s kept authorizations, and relays answers and edits', async () => {
    const t = setup()
    t.host.setAuthorization({ 'scope.record': true })
    t.deliver({ type: 'wx-bridge:ready' })
    await flush()
    expect(t.received[0]).toMatchObject({
      type: 'wx-host:boot',
      location: { latitude: 39.9, longitude: 116.4 },
      authSetting: { 'scope.userInfo': true },
    })
    // Before the boot an edit has nowhere to go: the boot carries the kept answers.
    expect(t.received.filter((m) => m.type === 'wx-host:authorization')).toEqual([])
    t.deliver({
      type: 'wx-bridge:authorization',
      authSetting: { 'scope.userInfo': true, 'scope.camera': false, bad: 'yes' },
    })
    expect(t.answered).toEqual([['wxapp', { 'scope.userInfo': true, 'scope.camera': false }]])
    t.host.setAuthorization({})
    t.host.setLocation({ latitude: 1, longitude: 2 })
    expect(t.received.slice(-2)).toEqual([
      { type: 'wx-host:authorization', authSetting: {} },
      { type: 'wx-host:location', location: { latitude: 1, longitude: 2 } },
    ])
    t.host.dispose()
  })

  it('keeps the booted project’s storage whatever appid the frame names', async () => {
    const t = setup()
    t.deliver({ type: 'wx-bridge:ready' })
    await flush()
    const item = { type: 'String', data: 'hello' }
    t.deliver({
      type: 'wx-bridge:storage',
      appid: 'other',
      change: { kind: 'set', key: 'k', item },
    })
    expect([...t.storage.items.keys()]).toEqual(['mpdt.simulator.storage:wxapp'])
    t.host.dispose()
    const next = setup()
    next.storage.items.set('mpdt.simulator.storage:wxapp', JSON.stringify({ k: item }))
    next.deliver({ type: 'wx-bridge:ready' })
    await flush()
    expect(next.received[0]).toMatchObject({ storage: { k: item } })
  })

  it('puts console calls and uncaught errors into the console', () => {
    const t = setup()
    t.deliver({ type: 'wx-bridge:console', level: 'warn', args: ['careful', 1], source: 'baselib' })
    t.deliver({
      type: 'wx-bridge:error',
      error: { message: 'boom', stack: 'at pages/index/index.js:3' },
    })
    expect(t.consoleEntries).toEqual([
      { source: 'baselib', level: 'warn', args: ['careful', 1] },
      { source: 'miniprogram', level: 'error', args: ['boom'], stack: 'at pages/index/index.js:3' },
    ])
  })

  it('reports a bundle that could not be made instead of booting', async () => {
    const t = setup({
      answers: {
        'simulator.bundle': { ok: false, error: { code: 'NO_PROJECT', message: 'none' } },
      },
    })
    t.deliver({ type: 'wx-bridge:ready' })
    await flush()
    expect(t.failures).toEqual(['NO_PROJECT'])
    expect(t.received).toEqual([])
  })

  it('reports the first paint of the frame', () => {
    const painted: string[] = []
    const windows = fakeWindows()
    const host = hostFrame(windows.iframe, {
      client: fakeClient().client,
      window: windows.workbench,
      storage: memoryStorage(),
      deviceWidth: 375,
      systemInfo: systemInfoFor(DEVICE_PRESETS[0]),
      networkType: 'wifi',
      onConsole: () => undefined,
      onPages: () => undefined,
      onFailure: () => undefined,
      onPainted: (route) => painted.push(route),
    })
    windows.deliver({ type: 'wx-bridge:painted', route: 'pages/index/index', time: 12 })
    windows.deliver({ type: 'wx-bridge:painted', route: 7, time: 12 })
    expect(painted).toEqual(['pages/index/index'])
    host.dispose()
  })
})

describe('frame host: console commands and network type', () => {
  it('asks the frame to evaluate a command and answers with the frame’s result for that id', async () => {
    const t = setup()
    const answer = t.host.evaluate('getApp().globalData')
    const asked = t.received.find((message) => message.type === 'wx-host:eval')
    expect(asked).toMatchObject({ type: 'wx-host:eval', code: 'getApp().globalData' })
    const evalId = (asked as { evalId: string }).evalId
    t.deliver({ type: 'wx-bridge:eval-result', evalId: 'other', result: { ok: true, value: 0 } })
    t.deliver({ type: 'wx-bridge:eval-result', evalId, result: { ok: true, value: { n: 1 } } })
    expect(await answer).toEqual({ ok: true, value: { n: 1 } })
  })

  it('ignores an eval result posted by any window but the frame’s', async () => {
    const t = setup()
    const answer = t.host.evaluate('1')
    const { evalId } = t.received[0] as { evalId: string }
    t.deliver({ type: 'wx-bridge:eval-result', evalId, result: { ok: true, value: 'forged' } }, {})
    t.host.dispose()
    expect(await answer).toMatchObject({ ok: false })
  })

  it('tells the running frame a new network type', () => {
    const t = setup()
    t.host.setNetworkType('none')
    expect(t.received).toEqual([{ type: 'wx-host:network-type', networkType: 'none' }])
  })
})

describe('entryPath', () => {
  it('joins the query back exactly as the page was opened, without re-encoding', () => {
    expect(entryPath({ route: 'pages/detail/detail', query: { q: '%E4%B8%AD', id: '3' } })).toBe(
      'pages/detail/detail?q=%E4%B8%AD&id=3',
    )
  })
  it('a page without a query is its route', () => {
    expect(entryPath({ route: 'pages/index/index', query: {} })).toBe('pages/index/index')
  })
})
