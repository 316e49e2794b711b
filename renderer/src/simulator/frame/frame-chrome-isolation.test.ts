/**
 * The phone's own UI is native in WeChat: a project's app.wxss rules for its tags (`button {}`,
 * `view {}`, `text {}`) style the pages' components and never the navigation bar, the capsule, the
 * tab bar or the modals, toasts and action sheets drawn over the pages.
 */
import { beforeAll, expect, it } from 'vitest'
import { TEST_SYSTEM_INFO } from '../../../../tests/helpers/runtime-port'
import type { HostMessage, SimulatorBundle } from '../../../../shared/simulator-protocol'
import shopBundle from '../../../../tests/fixtures/simulator/shop.bundle.json?raw'
import { startFrame, type FrameHandle } from './frame-boot'

/** What a project may well write in app.wxss (compiled: these tags stay as they are). */
const PROJECT_RULES = [
  'button { background: red; font-size: 40px; padding: 30px }',
  'view { padding: 30px }',
  'text { font-size: 40px }',
]
const CHROME = ['#mp-header', '#mp-capsule', '#mp-tab-bar', '#mp-ui-layer']

/** frame.css as main.ts loads it in the frame (Vitest leaves CSS imports empty, `?raw` too). */
async function frameCss(): Promise<string> {
  const fs = (await import(/* @vite-ignore */ 'node:fs' as string)) as {
    readFileSync(path: string, encoding: 'utf8'): string
  }
  return fs.readFileSync('renderer/src/simulator/frame/frame.css', 'utf8')
}

const nextTasks = () => new Promise((resolve) => setTimeout(resolve, 5))
let frame: FrameHandle

function wx(): Record<string, (options: Record<string, unknown>) => unknown> {
  const simulator = frame.simulator()
  if (!simulator) throw new Error('not booted')
  return simulator.runtime.wx as never
}

const style = (selector: string) => {
  const found = document.querySelector<HTMLElement>(selector)
  if (!found) throw new Error(`no ${selector}`)
  return getComputedStyle(found)
}

beforeAll(async () => {
  const frameStyle = document.createElement('style')
  frameStyle.textContent = await frameCss()
  document.head.appendChild(frameStyle)
  const bundle = JSON.parse(shopBundle) as SimulatorBundle
  const styles = bundle.compiled.styles as Record<string, string>
  styles.app = `${styles.app}\n${PROJECT_RULES.join('\n')}`
  const parent = { postMessage: () => undefined }
  frame = startFrame(window, parent)
  const boot: HostMessage = {
    type: 'wx-host:boot',
    bundle,
    systemInfo: TEST_SYSTEM_INFO,
    storage: {},
    networkType: 'wifi',
  }
  window.dispatchEvent(new MessageEvent('message', { data: boot, source: parent as never }))
  await nextTasks()
  wx().showModal({ title: 'T', content: 'C' })
  wx().showActionSheet({ itemList: ['A', 'B'] })
  wx().showToast({ title: 'done' })
  await nextTasks()
})

it('app.wxss reaches the pages: the rules are in the document and style a page <view>', () => {
  const css = [...document.querySelectorAll('style')].map((node) => node.textContent).join('\n')
  for (const rule of PROJECT_RULES) expect(css).toContain(rule)
  const view = document.querySelector('.mp-page view')
  expect(view).not.toBeNull()
  expect(getComputedStyle(view!).paddingTop).toBe('30px')
})

it('no element of the phone’s own UI is one the project’s tag rules select', () => {
  expect(document.querySelector('.mp-modal-confirm')).not.toBeNull()
  expect(document.querySelector('.mp-action-sheet-item')).not.toBeNull()
  expect(document.querySelector('.mp-tab')).not.toBeNull()
  for (const root of CHROME) {
    for (const selector of ['button', 'view', 'text']) {
      expect(document.querySelectorAll(`${root} ${selector}`), `${root} ${selector}`).toHaveLength(
        0,
      )
    }
  }
})

it('the modal’s and action sheet’s buttons, the tab bar and the navigation bar keep their look', () => {
  for (const selector of ['.mp-modal-confirm', '.mp-modal-cancel', '.mp-action-sheet-item']) {
    expect(style(selector).fontSize, selector).toBe('17px')
    expect(style(selector).backgroundColor, selector).not.toMatch(/red|255, 0, 0/)
    expect(style(selector).paddingTop, selector).not.toBe('30px')
  }
  expect(style('.mp-tab').fontSize).toBe('10px')
  expect(style('.mp-tab').backgroundColor).not.toMatch(/red|255, 0, 0/)
  for (const selector of ['#mp-navigation-back', '#mp-capsule .mp-capsule-menu']) {
    expect(style(selector).backgroundColor, selector).not.toMatch(/red|255, 0, 0/)
    expect(style(selector).paddingTop, selector).not.toBe('30px')
  }
  expect(style('#mp-navigation-title').fontSize).not.toBe('40px')
})

it('the phone’s buttons still answer the keyboard as buttons do', () => {
  const confirm = document.querySelector<HTMLElement>('.mp-modal-confirm')!
  expect(confirm.getAttribute('role')).toBe('button')
  expect(confirm.tabIndex).toBe(0)
  const mask = confirm.closest('.mp-mask')!
  confirm.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true }))
  expect(mask.isConnected).toBe(false)
})
