/**
 * app.json `tabBar.custom`: each tab page shows its own instance of custom-tab-bar/index at the
 * bottom of the page instead of the drawn tab bar (tests/fixtures/simulator/custom-tabs).
 */
import { beforeAll, describe, expect, it } from 'vitest'
import type { SystemInfo } from '../../../../shared/runtime'
import type { HostMessage, SimulatorBundle } from '../../../../shared/simulator-protocol'
import customTabsBundle from '../../../../tests/fixtures/simulator/custom-tabs.bundle.json?raw'
import { startFrame } from './frame-boot'

const DEVICE = {
  screenWidth: 375,
  screenHeight: 667,
  windowWidth: 375,
  windowHeight: 603,
  statusBarHeight: 20,
  pixelRatio: 2,
  system: 'iOS 10.0.1',
} as SystemInfo

const parent = { postMessage: () => undefined }
const nextTasks = () => new Promise((resolve) => setTimeout(resolve, 5))

function shownPage(): HTMLElement {
  const shown = [...document.querySelectorAll<HTMLElement>('.mp-page')].filter((p) => !p.hidden)
  expect(shown).toHaveLength(1)
  return shown[0]
}

beforeAll(async () => {
  startFrame(window, parent)
  const boot: HostMessage = {
    type: 'wx-host:boot',
    bundle: JSON.parse(customTabsBundle) as SimulatorBundle,
    systemInfo: DEVICE,
    storage: {},
    networkType: 'wifi',
  }
  window.dispatchEvent(new MessageEvent('message', { data: boot, source: parent as never }))
  await nextTasks()
})

describe('a custom tab bar', () => {
  it('renders the custom tab bar in the tab page, and no drawn tab bar', () => {
    const tabBar = shownPage().querySelector('.mp-custom-tab-bar')
    expect(tabBar?.textContent).toBe('tab 0tab 1')
    expect(tabBar?.querySelector('[id$="--tab-0"]')?.className).toContain('on')
    expect(document.getElementById('mp-tab-bar')).toBeNull()
  })

  it("tapping its item switches tab; the other page's own instance shows its selection", async () => {
    shownPage().querySelector<HTMLElement>('[id$="--tab-1"]')?.click()
    await nextTasks()
    expect(shownPage().textContent).toContain('page b')
    const tabBar = shownPage().querySelector('.mp-custom-tab-bar')
    expect(tabBar?.querySelector('[id$="--tab-1"]')?.className).toContain('on')
    expect(document.querySelectorAll('.mp-custom-tab-bar')).toHaveLength(2)
  })

  it('a tab page other than the home page gets no home button', () => {
    expect(shownPage().textContent).toContain('page b')
    expect(document.getElementById('mp-navigation-home')?.hidden).toBe(true)
  })
})
