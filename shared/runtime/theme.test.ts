import { afterEach, describe, expect, it } from 'vitest'
import { createRuntime, type Runtime } from './runtime'
import { TestingPort } from '../../tests/helpers/runtime-port'

const running: Runtime[] = []
afterEach(() => {
  for (const runtime of running.splice(0)) runtime.dispose()
})

/** A project whose app.js runs `code` at its top level, then registers `app`. */
function start(code: string, app = '{}', theme: 'light' | 'dark' | null = 'light') {
  const port = new TestingPort()
  port.theme = theme ?? undefined
  const runtime = createRuntime({
    port,
    appid: 'wx-theme',
    files: { 'app.js': `${code}\nApp(${app})`, 'pages/index/index.js': 'Page({})' },
    appJson: { pages: ['pages/index/index'] },
  })
  running.push(runtime)
  runtime.launch()
  const lines = () => port.lines().map((line) => line.replace(/^log: /, ''))
  return { port, runtime, lines }
}

describe('theme', () => {
  it('wx.getSystemInfoSync().theme and getAppBaseInfo().theme report the host’s theme', () => {
    const { port, runtime } = start('')
    port.changeTheme('dark')
    const wx = runtime.wx as Record<string, () => Record<string, unknown>>
    expect(wx.getSystemInfoSync().theme).toBe('dark')
    expect(wx.getAppBaseInfo().theme).toBe('dark')
  })

  it('without darkmode (the host reports no theme) getAppBaseInfo has no theme, as WeChat says', () => {
    const { runtime } = start('', '{}', null)
    const wx = runtime.wx as Record<string, () => Record<string, unknown>>
    expect(wx.getAppBaseInfo()).not.toHaveProperty('theme')
    expect(wx.getSystemInfoSync()).not.toHaveProperty('theme')
  })

  it('a switch calls App.onThemeChange and every wx.onThemeChange listener with { theme }', () => {
    const { port, lines } = start(
      `wx.onThemeChange((res) => console.log('wx', JSON.stringify(res)))`,
      `{ onThemeChange(res) { console.log('app', res.theme) } }`,
    )
    port.changeTheme('dark')
    port.changeTheme('light')
    expect(lines()).toEqual([
      'app dark',
      'wx {"theme":"dark"}',
      'app light',
      'wx {"theme":"light"}',
    ])
  })

  it('says nothing when the theme did not change', () => {
    const { port, lines } = start(`wx.onThemeChange(() => console.log('changed'))`)
    port.changeTheme('light')
    expect(lines()).toEqual([])
  })

  it('wx.offThemeChange removes one listener, or all without an argument', () => {
    const { port, lines, runtime } = start(`
      const one = () => console.log('one')
      wx.onThemeChange(one)
      wx.onThemeChange(() => console.log('two'))
      wx.offThemeChange(one)`)
    port.changeTheme('dark')
    expect(lines()).toEqual(['two'])
    ;(runtime.wx.offThemeChange as () => void)()
    port.changeTheme('light')
    expect(lines()).toEqual(['two'])
  })

  it('an app without darkmode has no theme in the system info', () => {
    const { runtime } = start('', '{}', null)
    expect((runtime.wx.getSystemInfoSync as () => Record<string, unknown>)().theme).toBeUndefined()
  })
})
