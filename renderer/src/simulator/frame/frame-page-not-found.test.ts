/**
 * Launched on a page app.json does not list (tests/fixtures/simulator/shop, whose app.js has no
 * onPageNotFound): the frame draws WeChat's 页面不存在 page with the missing path, says why in the
 * console, and 返回首页 opens the home page.
 */
import { beforeAll, describe, expect, it } from 'vitest'
import { TEST_SYSTEM_INFO } from '../../../../tests/helpers/runtime-port'
import type {
  FrameMessage,
  HostMessage,
  SimulatorBundle,
} from '../../../../shared/simulator-protocol'
import shopBundle from '../../../../tests/fixtures/simulator/shop.bundle.json?raw'
import { startFrame, type FrameHandle } from './frame-boot'

const posted: FrameMessage[] = []
const parent = { postMessage: (message: unknown) => posted.push(message as FrameMessage) }
const nextTasks = () => new Promise((resolve) => setTimeout(resolve, 5))
let frame: FrameHandle

beforeAll(async () => {
  frame = startFrame(window, parent)
  const boot: HostMessage = {
    type: 'wx-host:boot',
    bundle: JSON.parse(shopBundle) as SimulatorBundle,
    systemInfo: TEST_SYSTEM_INFO,
    storage: {},
    networkType: 'wifi',
    entry: 'pages/gone/gone?from=share&id=7',
  }
  window.dispatchEvent(new MessageEvent('message', { data: boot, source: parent as never }))
  await nextTasks()
})

describe('a launch page that app.json does not list', () => {
  it('shows WeChat’s 页面不存在 page naming the path and query, and no page', () => {
    const screen = document.getElementById('mp-page-not-found')
    expect(screen?.getAttribute('aria-label')).toBe('页面不存在')
    expect(screen?.querySelector('h1')?.textContent).toBe('页面不存在')
    expect(screen?.querySelector('code')?.textContent).toBe('pages/gone/gone?from=share&id=7')
    expect(document.querySelectorAll('.mp-page')).toHaveLength(0)
    expect(frame.simulator()?.runtime.getCurrentPages()).toEqual([])
  })

  it('still launched the app, and says in the console why the page is missing', () => {
    expect(posted).toContainEqual({
      type: 'wx-bridge:console',
      level: 'log',
      args: ['app onLaunch'],
      source: 'miniprogram',
    })
    const warning = posted.find(
      (message) => message.type === 'wx-bridge:console' && message.level === 'warn',
    )
    expect(warning).toMatchObject({ source: 'baselib' })
    expect(String((warning as { args: unknown[] }).args[0])).toContain(
      '页面 pages/gone/gone 不存在：app.json 的 pages 中没有它',
    )
  })

  it('offers the home button in the navigation bar, with no back arrow', () => {
    expect(document.getElementById('mp-navigation-home')?.hidden).toBe(false)
    expect(document.getElementById('mp-navigation-back')?.hidden).toBe(true)
  })

  it('返回首页 opens the home page and the 页面不存在 page goes', async () => {
    const home = [...document.querySelectorAll<HTMLElement>('[role="button"]')].find(
      (b) => b.textContent === '返回首页',
    )
    expect(home).toBeDefined()
    home!.click()
    await nextTasks()
    expect(
      frame
        .simulator()
        ?.runtime.getCurrentPages()
        .map((page) => page.route),
    ).toEqual(['pages/index/index'])
    expect(document.getElementById('mp-page-not-found')).toBeNull()
    expect(document.querySelectorAll('.mp-page')).toHaveLength(1)
  })
})
