import { afterEach, describe, expect, it } from 'vitest'
import { createRuntime, type Runtime } from './runtime'
import { idle, TestingPort } from '../../tests/helpers/runtime-port'
import type { Easing as WorkletEasing } from './worklet-api'

const running: Runtime[] = []
afterEach(() => {
  for (const runtime of running.splice(0)) runtime.dispose()
})

/** A project with these files besides its index page; app.js registers App() itself. */
function start(files: Record<string, string>) {
  const port = new TestingPort()
  const runtime = createRuntime({
    port,
    appid: 'wx-worklet',
    files: { 'pages/index/index.js': 'Page({})', ...files },
    appJson: { pages: ['pages/index/index'] },
  })
  running.push(runtime)
  expect(runtime.launch().ok).toBe(true)
  const lines = () => port.lines().map((line) => line.replace(/^log: /, ''))
  return { port, runtime, lines }
}

describe('wx.worklet and wx.router in the WebView render mode', () => {
  it('a module that builds curves and route builders at its top level loads through require.async', async () => {
    // The official demo's shape: custom-route/common.js and index.js, loaded by app.js.
    const { port, runtime, lines } = start({
      'route/common.js': `
        const Curves = {}
        if (wx.worklet) {
          const { Easing } = wx.worklet
          Curves.fastOutSlowIn = Easing.bezier(0.4, 0.0, 0.2, 1.0).factory()
        }
        module.exports = { Curves, timing: (wx.worklet && wx.worklet.timing) || function () {} }`,
      'route/index.js': `
        const { Curves } = require('./common')
        exports.install = function () {
          if (!wx.worklet) return console.log('worklet not supported')
          wx.router.addRouteBuilder('Scale', () => ({ handlePrimaryAnimation() { 'worklet'; return {} } }))
          console.log('installed', Curves.fastOutSlowIn(0), Curves.fastOutSlowIn(1))
        }`,
      'app.js': `
        require.async('./route/index.js')
          .then((route) => route.install())
          .catch(({ mod, errMsg }) => console.error('installRouteBuilder path: ' + mod + ', ' + errMsg))
        App({})`,
    })
    await idle(runtime)
    expect(port.errors).toEqual([])
    expect(lines()).toEqual(['installed 0 1'])
  })

  it('Easing answers the curves WeChat documents, bezier as CSS cubic-bezier() does', () => {
    const { runtime } = start({ 'app.js': 'App({})' })
    const { Easing } = (runtime.wx as { worklet: { Easing: typeof WorkletEasing } }).worklet
    const ease = Easing.cubicBezier(0.25, 0.1, 0.25, 1)
    expect(ease(0.5)).toBeCloseTo(0.8024, 3)
    expect(Easing.bezier(0, 0, 1, 1).factory()(0.3)).toBeCloseTo(0.3, 6)
    expect(Easing.quad(0.5)).toBe(0.25)
    expect(Easing.poly(4)(0.5)).toBe(0.0625)
    expect(Easing.out(Easing.quad)(0.5)).toBe(0.75)
    const inOut = Easing.inOut(Easing.cubic)
    expect([inOut(0), inOut(0.25), inOut(0.5), inOut(1)]).toEqual([0, 0.0625, 0.5, 1])
    expect(Easing.bounce(1)).toBeCloseTo(1, 6)
  })

  it('a shared value takes an animation’s end value at once and its callback hears finished', async () => {
    const { runtime, lines } = start({
      'app.js': `
        const { shared, derived, timing, spring, sequence, repeat, delay } = wx.worklet
        const offset = shared(0)
        const doubled = derived(() => offset.value * 2)
        offset.value = timing(300, { duration: 200 }, (finished) => console.log('timing', finished))
        console.log('now', offset.value, doubled.value)
        offset.value = sequence(timing(10), delay(50, spring(20, {}, () => console.log('spring'))))
        console.log('sequence', offset.value)
        offset.value = repeat(timing(40), 2, true)
        console.log('reversed twice', offset.value)
        App({})`,
    })
    expect(lines()).toEqual(['now 300 600', 'sequence 20', 'reversed twice 20'])
    await idle(runtime)
    expect(lines().slice(3)).toEqual(['timing true', 'spring'])
  })

  it('runOnUI and runOnJS call the function on the JS thread, after the caller returns', async () => {
    const { runtime, lines } = start({
      'app.js': `
        const { runOnUI, runOnJS } = wx.worklet
        runOnUI((greeting) => { 'worklet'; console.log('ui', greeting) })('hello')
        runOnJS((n) => console.log('js', n))(2)
        console.log('returned')
        App({})`,
    })
    await idle(runtime)
    expect(lines()).toEqual(['returned', 'ui hello', 'js 2'])
  })

  it('navigateTo with a registered routeType opens the page with the default route', async () => {
    const { runtime } = start({
      'app.js': `wx.router.addRouteBuilder('Scale', () => ({})); App({})`,
    })
    const wx = runtime.wx as { navigateTo(options: object): Promise<unknown> }
    const opened = await wx.navigateTo({ url: '/pages/index/index', routeType: 'Scale' })
    expect(opened).toMatchObject({ errMsg: 'navigateTo:ok' })
    expect(runtime.getCurrentPages()).toHaveLength(2)
  })
})
