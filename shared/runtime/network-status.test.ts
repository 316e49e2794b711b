import { afterEach, describe, expect, it } from 'vitest'
import { createRuntime, type Runtime } from './runtime'
import { TestingPort } from '../../tests/helpers/runtime-port'

const running: Runtime[] = []
afterEach(() => {
  for (const runtime of running.splice(0)) runtime.dispose()
})

/** A project whose app.js registers `listeners` (code run at app.js's top level). */
function start(listeners: string) {
  const port = new TestingPort()
  const runtime = createRuntime({
    port,
    appid: 'wx-network-status',
    files: {
      'app.js': `${listeners}\nApp({})`,
      'pages/index/index.js': 'Page({})',
    },
    appJson: { pages: ['pages/index/index'] },
  })
  running.push(runtime)
  runtime.launch()
  const lines = () => port.lines().map((line) => line.replace(/^log: /, ''))
  return { port, runtime, lines }
}

describe('wx.onNetworkStatusChange', () => {
  it('tells every listener the new type and whether it is connected', () => {
    const { port, lines } = start(`
      wx.onNetworkStatusChange((res) => console.log('a', res.isConnected, res.networkType))
      wx.onNetworkStatusChange((res) => console.log('b', JSON.stringify(res)))`)
    port.changeNetworkType('none')
    port.changeNetworkType('4g')
    expect(lines()).toEqual([
      'a false none',
      'b {"isConnected":false,"networkType":"none"}',
      'a true 4g',
      'b {"isConnected":true,"networkType":"4g"}',
    ])
  })

  it('says nothing when the type did not change', () => {
    const { port, lines } = start(`wx.onNetworkStatusChange(() => console.log('changed'))`)
    port.changeNetworkType('wifi')
    expect(lines()).toEqual([])
  })

  it('wx.offNetworkStatusChange removes one listener, or all without an argument', () => {
    const { port, lines, runtime } = start(`
      const one = () => console.log('one')
      wx.onNetworkStatusChange(one)
      wx.onNetworkStatusChange(() => console.log('two'))
      wx.offNetworkStatusChange(one)`)
    port.changeNetworkType('none')
    expect(lines()).toEqual(['two'])
    ;(runtime.wx.offNetworkStatusChange as () => void)()
    port.changeNetworkType('wifi')
    expect(lines()).toEqual(['two'])
  })

  it('reports an exception in a listener and still calls the next one', () => {
    const { port, lines } = start(`
      wx.onNetworkStatusChange(() => { throw new Error('listener broke') })
      wx.onNetworkStatusChange(() => console.log('still told'))`)
    port.changeNetworkType('none')
    expect(port.errors.map((error) => error.message)).toEqual(['listener broke'])
    expect(lines()).toEqual(['still told'])
  })

  it('stops listening to the host once the runtime is disposed', () => {
    const { port, lines, runtime } = start(`wx.onNetworkStatusChange(() => console.log('told'))`)
    runtime.dispose()
    port.changeNetworkType('none')
    expect(lines()).toEqual([])
  })
})

describe('wx.onNetworkWeakChange', () => {
  it('tells when the network becomes weak (2g, the Slow 3G profile) and when it stops', () => {
    const { port, lines } = start(
      `wx.onNetworkWeakChange((res) => console.log('weak', res.weakNet, res.networkType))`,
    )
    port.changeNetworkType('2g')
    port.changeNetworkType('3g')
    port.changeNetworkType('4g')
    expect(lines()).toEqual(['weak true 2g', 'weak false 3g'])
  })

  it('wx.offNetworkWeakChange removes the listener', () => {
    const { port, lines } = start(`
      const listener = () => console.log('weak')
      wx.onNetworkWeakChange(listener)
      wx.offNetworkWeakChange(listener)`)
    port.changeNetworkType('2g')
    expect(lines()).toEqual([])
  })
})
