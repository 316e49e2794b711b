import { afterEach, describe, expect, it } from 'vitest'
import { createRuntime, type Runtime } from '../../../../shared/runtime'
import { TestingPort } from '../../../../tests/helpers/runtime-port'
import { evaluateInLogicContext } from './console-eval'

let runtime: Runtime | undefined
let port: TestingPort

afterEach(() => runtime?.dispose())

function launched(): Runtime {
  runtime = createRuntime({
    port: (port = new TestingPort()),
    appid: 'wxconsole',
    files: {
      'app.js': 'App({ globalData: { answer: 42 } })',
      'pages/index/index.js': 'Page({ data: { title: "Home" } })',
    },
    appJson: { pages: ['pages/index/index'] },
  })
  expect(runtime.launch()).toEqual({ ok: true, value: undefined })
  return runtime
}

describe('console commands in the logic context', () => {
  it('see getApp, getCurrentPages and wx as the project does', async () => {
    const running = launched()
    expect(await evaluateInLogicContext(running, 'getApp().globalData.answer')).toEqual({
      ok: true,
      value: 42,
    })
    expect(await evaluateInLogicContext(running, 'getCurrentPages()[0].data.title')).toEqual({
      ok: true,
      value: 'Home',
    })
    await evaluateInLogicContext(running, "wx.setStorageSync('k', 'v')")
    expect(await evaluateInLogicContext(running, "wx.getStorageSync('k')")).toEqual({
      ok: true,
      value: 'v',
    })
  })

  it('print through the console the project has, also from a callback that comes later', async () => {
    const running = launched()
    const printed = () =>
      port.logs.filter((log) => log.source === 'miniprogram').map((log) => log.args.join(' '))
    await evaluateInLogicContext(running, "console.log('now', 1)")
    expect(printed()).toEqual(['now 1'])
    await evaluateInLogicContext(
      running,
      "wx.getSystemInfo({ success: (info) => console.info('model', typeof info.model) })",
    )
    await expect.poll(printed).toEqual(['now 1', 'model string'])
  })

  it('run statements and answer with the completion value, awaiting a promise', async () => {
    const running = launched()
    expect(await evaluateInLogicContext(running, 'var n = 2; n * 21')).toEqual({
      ok: true,
      value: 42,
    })
    expect(await evaluateInLogicContext(running, 'Promise.resolve("later")')).toEqual({
      ok: true,
      value: 'later',
    })
  })

  it('answer a thrown error as data, and values that cannot be posted as descriptions', async () => {
    const running = launched()
    const thrown = await evaluateInLogicContext(running, 'notDefinedAnywhere')
    expect(thrown).toMatchObject({
      ok: false,
      error: { message: 'ReferenceError: notDefinedAnywhere is not defined' },
    })
    expect(thrown).not.toHaveProperty('inPromise')
    expect(await evaluateInLogicContext(running, 'getApp')).toEqual({
      ok: true,
      value: '[Function getApp]',
    })
  })

  it('answer a rejected promise with what it rejected with, marked in promise', async () => {
    const running = launched()
    const rejected = await evaluateInLogicContext(running, "wx.reLaunch({ url: '/nope' })")
    expect(rejected).toEqual({
      ok: false,
      inPromise: true,
      value: { errMsg: expect.stringMatching(/^reLaunch:fail /) },
      error: { message: expect.stringMatching(/^\{"errMsg":"reLaunch:fail /), stack: '' },
    })
    expect(await evaluateInLogicContext(running, 'Promise.reject(new TypeError("late"))')).toEqual({
      ok: false,
      inPromise: true,
      error: { message: 'TypeError: late', stack: expect.stringContaining('TypeError: late') },
    })
  })
})
