import { afterEach, describe, expect, it } from 'vitest'
import { createRuntime, type Runtime } from './runtime'
import { WX_API } from './wx-api-table'
import { TestingPort } from '../../tests/helpers/runtime-port'

const running: Runtime[] = []
afterEach(() => {
  for (const runtime of running.splice(0)) runtime.dispose()
})

function start(appJs: string) {
  const port = new TestingPort()
  const runtime = createRuntime({
    port,
    appid: 'wx-keyboard',
    files: { 'app.js': `${appJs}\nApp({})`, 'pages/index/index.js': 'Page({})' },
    appJson: { pages: ['pages/index/index'] },
  })
  running.push(runtime)
  runtime.launch()
  return { port, runtime }
}

describe('wx.onKeyboardHeightChange', () => {
  it('is answered as in WeChat’s simulator: canIUse is true and registering warns of nothing', () => {
    const { port } = start(`
      const listener = (res) => console.log('height', res.height)
      console.log('canIUse', wx.canIUse('onKeyboardHeightChange'), wx.canIUse('offKeyboardHeightChange'))
      wx.onKeyboardHeightChange(listener)
      wx.offKeyboardHeightChange(listener)
      wx.onKeyboardHeightChange(listener)
      wx.offKeyboardHeightChange()`)
    expect(port.lines()).toEqual(['log: canIUse true true'])
    expect(port.errors).toEqual([])
  })

  it('is listed as simulated, saying the keyboard height stays 0', () => {
    for (const name of ['onKeyboardHeightChange', 'offKeyboardHeightChange']) {
      const entry = WX_API.get(name)
      expect(entry).toMatchObject({ kind: 'listener', status: 'simulated' })
      expect(entry?.note).toContain('height stays 0')
    }
  })
})
