// @vitest-environment happy-dom
/**
 * A page's wxss styles that page only, as in WeChat where each page is its own web view: the
 * simulator's pages share one document, so a page's sheet must not reach the page shown above it
 * (navigateTo), nor the pages after it leaves the stack (reLaunch), and is back with the page.
 * A project compiled by the project compiler, run by the simulator frame on happy-dom.
 */
import { beforeAll, describe, expect, it } from 'vitest'
import { compileProject } from '../../../electron/services/compiler'
import { startSimulator, type Simulator } from '../../../renderer/src/simulator/frame/simulator-app'
import type { SimulatorBundle } from '../../../shared/simulator-protocol'
import { TEST_SYSTEM_INFO } from '../../helpers/runtime-port'

const page = (id: string) => `<view id="${id}">${id}</view>`
const FILES: Record<string, string> = {
  'app.json': JSON.stringify({
    pages: ['pages/a/a', 'pages/b/b', 'pages/c/c', 'pages/tab1/tab1', 'pages/tab2/tab2'],
    tabBar: {
      list: [
        { pagePath: 'pages/tab1/tab1', text: '1' },
        { pagePath: 'pages/tab2/tab2', text: '2' },
      ],
    },
  }),
  'app.js': 'App({})',
  'app.wxss': 'view { font-weight: 700 }',
  'common/column.wxss': 'page, view { display: flex; flex-direction: column }',
  'pages/a/a.wxss': '@import "../../common/column.wxss";\nview { color: red }',
  'pages/b/b.wxss': '.only-b { color: blue }',
  // Imports the same file as page a: its own sheet, shown with its page.
  'pages/c/c.wxss': '@import "/common/column.wxss";',
  'pages/tab1/tab1.wxss': 'view { color: green }',
}
for (const name of ['a', 'b', 'c', 'tab1', 'tab2']) {
  FILES[`pages/${name}/${name}.js`] = 'Page({})'
  FILES[`pages/${name}/${name}.json`] = '{}'
  FILES[`pages/${name}/${name}.wxml`] = page(name)
}

let simulator: Simulator

/** Lets deferred work (navigation) run. */
const nextTasks = () => new Promise((resolve) => setTimeout(resolve, 5))

async function navigate(api: string, options: Record<string, unknown>): Promise<void> {
  const wx = simulator.runtime.wx as Record<string, (options: Record<string, unknown>) => void>
  const done = new Promise<void>((resolve, reject) => {
    wx[api]({ ...options, success: () => resolve(), fail: reject })
  })
  await nextTasks()
  await done
}

/** The element with WXML `id` in the page shown. */
function shown(id: string): HTMLElement {
  const found = document.querySelector<HTMLElement>(`.mp-page:not([hidden]) [id$="--${id}"]`)
  if (!found) throw new Error(`no #${id} in the shown page`)
  return found
}

/** The `<style>` elements whose text has `text`. */
function stylesWith(text: string): HTMLStyleElement[] {
  return [...document.head.querySelectorAll('style')].filter((style) =>
    style.textContent?.includes(text),
  )
}

beforeAll(async () => {
  const compiled = await compileProject({
    readFile: async (path) => FILES[path] ?? null,
    rpx: { deviceWidth: 375 },
  })
  expect(compiled.errors).toEqual([])
  const files = Object.fromEntries(
    Object.entries(FILES).filter(([path]) => /\.(js|json)$/.test(path)),
  )
  const bundle: SimulatorBundle = {
    appid: 'wx-page-styles-test',
    files,
    appJson: JSON.parse(FILES['app.json']) as Record<string, unknown>,
    compiled: JSON.parse(JSON.stringify(compiled)) as SimulatorBundle['compiled'],
    assets: {},
  }
  simulator = startSimulator(
    document,
    {
      type: 'wx-host:boot',
      bundle,
      systemInfo: TEST_SYSTEM_INFO,
      storage: {},
      networkType: 'wifi',
    },
    () => undefined,
  )
  await nextTasks()
})

describe("a page's wxss styles that page only", () => {
  it('styles its own page', () => {
    const a = getComputedStyle(shown('a'))
    expect(a.color).toBe('red')
    expect(a.display).toBe('flex')
    expect(a.flexDirection).toBe('column')
    // app.wxss styles every page.
    expect(a.fontWeight).toBe('700')
  })

  it('does not reach the page navigateTo opens above it', async () => {
    await navigate('navigateTo', { url: '/pages/b/b' })
    const b = getComputedStyle(shown('b'))
    expect(b.color).not.toBe('red')
    expect(b.display).not.toBe('flex')
    expect(b.fontWeight).toBe('700')
  })

  it('is back when the page is shown again', async () => {
    await navigate('navigateBack', {})
    const a = getComputedStyle(shown('a'))
    expect(a.color).toBe('red')
    expect(a.display).toBe('flex')
  })

  it('leaves the document when reLaunch unloads its page', async () => {
    expect(stylesWith('color: red')).toHaveLength(1)
    await navigate('reLaunch', { url: '/pages/b/b' })
    expect(stylesWith('color: red')).toEqual([])
    expect(stylesWith('flex-direction: column')).toEqual([])
    const b = getComputedStyle(shown('b'))
    expect(b.color).not.toBe('red')
    expect(b.display).not.toBe('flex')
    expect(b.fontWeight).toBe('700')
  })

  it('comes back, once, when a page of its route opens again', async () => {
    await navigate('navigateTo', { url: '/pages/a/a' })
    await navigate('navigateTo', { url: '/pages/a/a' })
    expect(stylesWith('color: red')).toHaveLength(1)
    expect(getComputedStyle(shown('a')).color).toBe('red')
    await navigate('redirectTo', { url: '/pages/c/c' })
    // The pages a under c keep their sheet out of the document; c's own import shows.
    expect(stylesWith('color: red')).toEqual([])
    const c = getComputedStyle(shown('c'))
    expect(c.color).not.toBe('red')
    expect(c.flexDirection).toBe('column')
    await navigate('navigateBack', {})
    expect(stylesWith('color: red')).toHaveLength(1)
    expect(getComputedStyle(shown('a')).color).toBe('red')
  })

  it('does not reach the other tab page while its tab page is parked', async () => {
    await navigate('reLaunch', { url: '/pages/tab1/tab1' })
    expect(getComputedStyle(shown('tab1')).color).toBe('green')
    await navigate('switchTab', { url: '/pages/tab2/tab2' })
    expect(getComputedStyle(shown('tab2')).color).not.toBe('green')
    expect(stylesWith('color: green')).toEqual([])
    await navigate('switchTab', { url: '/pages/tab1/tab1' })
    expect(getComputedStyle(shown('tab1')).color).toBe('green')
    expect(stylesWith('color: green')).toHaveLength(1)
  })
})
