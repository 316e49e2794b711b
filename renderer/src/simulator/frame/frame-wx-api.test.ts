/**
 * The wx API table in the simulator frame (the real glass-easel and the compiled shop fixture):
 * every API of the typings answers (implemented or `not supported in MP DevTools`), and the
 * main-process ones travel as one `wx-bridge:call` whose `wx-host:call` answer settles them.
 */
import { MiniProgramEnv } from 'glass-easel-miniprogram-adapter'
import { beforeAll, describe, expect, it } from 'vitest'
import { TEST_SYSTEM_INFO } from '../../../../tests/helpers/runtime-port'
import { walkWxApi } from '../../../../shared/runtime/wx-api-walk'
import { WX_COMPONENTS } from '../../../../shared/runtime/wx-api-table'
import type {
  FrameMessage,
  HostMessage,
  SimulatorBundle,
} from '../../../../shared/simulator-protocol'
import shopBundle from '../../../../tests/fixtures/simulator/shop.bundle.json?raw'
import { installBuiltinComponents } from './builtins'
import { startFrame, type FrameHandle } from './frame-boot'

const NATIVE_NODES = ['view', 'text', 'block']

const posted: FrameMessage[] = []
const parent = { postMessage: (message: unknown) => posted.push(message as FrameMessage) }
const nextTasks = () => new Promise((resolve) => setTimeout(resolve, 5))
let frame: FrameHandle

function send(message: HostMessage): void {
  window.dispatchEvent(new MessageEvent('message', { data: message, source: parent as never }))
}

function wx(): Record<string, unknown> {
  const simulator = frame.simulator()
  if (!simulator) throw new Error('not booted')
  return simulator.runtime.wx
}

beforeAll(async () => {
  frame = startFrame(window, parent)
  send({
    type: 'wx-host:boot',
    bundle: JSON.parse(shopBundle) as SimulatorBundle,
    systemInfo: TEST_SYSTEM_INFO,
    storage: {},
    networkType: 'wifi',
  })
  await nextTasks()
})

describe('wx in the simulator frame', () => {
  it('answers every API of the table: implemented, or not supported in MP DevTools', async () => {
    expect(await walkWxApi(wx())).toEqual([])
  })

  it('sends login over wx-bridge:call and settles it with the wx-host:call answer', async () => {
    const login = (wx().login as () => Promise<unknown>)()
    const call = posted.findLast(
      (message): message is Extract<FrameMessage, { type: 'wx-bridge:call' }> =>
        message.type === 'wx-bridge:call' && message.method === 'login',
    )
    expect(call).toMatchObject({ params: {} })
    send({
      type: 'wx-host:call',
      callId: call!.callId,
      result: { ok: true, value: { code: 'abc' } },
    })
    await expect(login).resolves.toEqual({ code: 'abc', errMsg: 'login:ok' })
  })

  it('registers every built-in component wx.canIUse answers for', () => {
    const codeSpace = new MiniProgramEnv().createCodeSpace('', true)
    installBuiltinComponents(codeSpace, {
      document,
      assets: {},
      deviceWidth: 375,
      style: '',
      navigate: () => undefined,
      setNavigationBar: () => undefined,
      callWx: () => undefined,
    })
    const space = codeSpace.getComponentSpace()
    expect(space.getComponentByUrlWithoutDefault('wx-builtin/no-such-component', '')).toBeNull()
    const canIUse = wx().canIUse as (schema: string) => boolean
    // view, text and block stay glass-easel native nodes (builtins/index.ts).
    const components = Object.keys(WX_COMPONENTS).filter((name) => !NATIVE_NODES.includes(name))
    for (const name of components) {
      expect(space.getComponentByUrlWithoutDefault(`wx-builtin/${name}`, ''), name).not.toBeNull()
      expect(canIUse(name)).toBe(true)
    }
  })
})

describe('wx.previewImage in the phone', () => {
  it('shows the current picture full screen, steps with the sides and closes with a tap', async () => {
    const urls = ['https://img.test/a.png', 'https://img.test/b.png', 'https://img.test/c.png']
    const previewImage = wx().previewImage as (options: unknown) => Promise<unknown>
    expect(await previewImage({ urls, current: urls[1] })).toEqual({ errMsg: 'previewImage:ok' })
    const viewer = document.querySelector<HTMLElement>('.mp-image-viewer[role=dialog]')
    const picture = () => viewer?.querySelector('img')?.getAttribute('src')
    const place = () => viewer?.querySelector('.mp-image-viewer-place')?.textContent
    expect([picture(), place()]).toEqual([urls[1], '2 / 3'])
    viewer?.querySelector<HTMLElement>('[aria-label=下一张]')?.click()
    expect([picture(), place()]).toEqual([urls[2], '3 / 3'])
    viewer?.querySelector<HTMLElement>('[aria-label=下一张]')?.click()
    expect(place()).toBe('3 / 3')
    viewer?.querySelector<HTMLElement>('[aria-label=上一张]')?.click()
    viewer?.querySelector<HTMLElement>('[aria-label=上一张]')?.click()
    expect([picture(), place()]).toEqual([urls[0], '1 / 3'])
    viewer?.click()
    expect(document.querySelector('.mp-image-viewer')).toBeNull()
  })

  it('answers WeChat’s parameter error without urls and shows nothing', async () => {
    const previewImage = wx().previewImage as (options: unknown) => Promise<unknown>
    await expect(previewImage({ urls: 'a.png' })).rejects.toMatchObject({
      errMsg:
        'previewImage:fail parameter error: parameter.urls should be Array instead of String;',
    })
    expect(document.querySelector('.mp-image-viewer')).toBeNull()
  })
})

describe('the toolbar’s 位置 in the frame', () => {
  it('wx-host:location moves the phone: getLocation answers it, onLocationChange hears it', async () => {
    const api = wx() as Record<string, (options?: unknown) => Promise<unknown>>
    const heard: unknown[] = []
    ;(wx().onLocationChange as (listener: unknown) => void)((res: { latitude: number }) =>
      heard.push(res.latitude),
    )
    const started = api.startLocationUpdate()
    // The simulator asks for scope.userLocation (the walk above left its own questions open):
    // the user allows every one.
    for (let i = 0; i < 10 && document.querySelector('.mp-modal-confirm'); i++) {
      await nextTasks()
      document.querySelector<HTMLElement>('.mp-modal-confirm')?.click()
    }
    await started
    send({ type: 'wx-host:location', location: { latitude: 31.2304, longitude: 121.4737 } })
    expect(await api.getLocation()).toMatchObject({ latitude: 31.2304, longitude: 121.4737 })
    expect(heard).toContain(31.2304)
    await api.stopLocationUpdate()
  })

  it('drops a wx-host:location off the Earth', async () => {
    const api = wx() as Record<string, (options?: unknown) => Promise<unknown>>
    send({ type: 'wx-host:location', location: { latitude: 123, longitude: 0 } } as never)
    expect(await api.getLocation()).toMatchObject({ latitude: 31.2304 })
  })
})

describe('authorization kept by the workbench', () => {
  it('takes 详情’s answers from wx-host:authorization and reports a new answer as wx-bridge:authorization', async () => {
    const api = wx() as Record<string, (options?: unknown) => Promise<unknown>>
    send({ type: 'wx-host:authorization', authSetting: { 'scope.werun': true } })
    expect(await api.getSetting()).toEqual({
      authSetting: { 'scope.werun': true },
      errMsg: 'getSetting:ok',
    })
    const asked = api.authorize({ scope: 'scope.camera' })
    await nextTasks()
    document.querySelector<HTMLElement>('.mp-modal-cancel')?.click()
    await expect(asked).rejects.toEqual({ errMsg: 'authorize:fail auth deny' })
    expect(posted.findLast((m) => m.type === 'wx-bridge:authorization')).toEqual({
      type: 'wx-bridge:authorization',
      authSetting: { 'scope.werun': true, 'scope.camera': false },
    })
  })
})

describe('wx.scanCode in the phone', () => {
  it('asks for the scanned text in the phone and answers it', async () => {
    const scanCode = wx().scanCode as (options?: unknown) => Promise<unknown>
    const scanned = scanCode()
    await nextTasks()
    const field = document.querySelector<HTMLTextAreaElement>('[role=dialog] textarea')
    expect(field).not.toBeNull()
    if (field) field.value = 'https://example.com/qr'
    document.querySelector<HTMLElement>('.mp-modal-confirm')?.click()
    expect(await scanned).toMatchObject({
      result: 'https://example.com/qr',
      scanType: 'QR_CODE',
      errMsg: 'scanCode:ok',
    })
  })
})

describe('the interaction layer across navigation', () => {
  it('keeps a modal open across wx.reLaunch, as WeChat’s tool does, and still answers it', async () => {
    const call = (api: string, options: Record<string, unknown> = {}) =>
      (wx()[api] as (options: Record<string, unknown>) => Promise<unknown>)(options)
    const answered = call('showModal', { title: 'Leave?', content: 'x' })
    await call('showLoading', { title: 'loading' })
    await nextTasks()
    await call('reLaunch', { url: '/pages/detail/detail' })
    await nextTasks()
    expect(
      frame
        .simulator()
        ?.runtime.getCurrentPages()
        .map((page) => page.route),
    ).toEqual(['pages/detail/detail'])
    expect(document.querySelector('#mp-toast')?.textContent).toContain('loading')
    const dialog = document.querySelector('[role=dialog]')
    expect(dialog?.textContent).toContain('Leave?')
    document.querySelector<HTMLElement>('.mp-modal-confirm')?.click()
    expect(await answered).toMatchObject({ confirm: true, errMsg: 'showModal:ok' })
    await call('hideLoading')
  })
})
