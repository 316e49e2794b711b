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
