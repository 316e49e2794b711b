/**
 * `mpdt run` on real compiled output (tests/fixtures/compiled/taro-4.2.1: what `taro build --type
 * weapp` of Taro 4.2.1 with React 18 wrote, see the folder's README): the webpack runtime and
 * chunks, the recursive base.wxml templates, comp and custom-wrapper; and uni-app's `uni build -p
 * mp-weixin` (Vue 3, vite). Each index page asks a loopback server when it loads (Taro's useLoad,
 * uni-app's onLoad) and prints what it answered.
 */
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { runMpdt } from './mpdt-process'
import { useRunEchoServer } from './run-echo-server'

const TARO = 'tests/fixtures/compiled/taro-4.2.1'
const UNI_APP = 'tests/fixtures/compiled/uni-app-3.0.0-alpha-5020620260914001'

describe('mpdt run on Taro 4 (React) and uni-app (Vue 3) compiled output', () => {
  const echo = useRunEchoServer('run-compiled')
  const run = (project: string, har: string) => echo.run(project, '--har', har)

  const requestedUrls = async (har: string) =>
    JSON.parse(await readFile(har, 'utf8')).log.entries.map(
      (entry: { request: { url: string } }) => entry.request.url,
    )

  it('Taro: launches the app, mounts the React page and its useLoad request reaches the server', async () => {
    const har = join(echo.dir, 'taro.har')
    const result = await run(TARO, har)
    expect(result.code, result.stderr).toBe(0)
    expect(result.lines).toEqual([
      'taro app launched',
      // touristappid (Taro's template's) turns the domain checks off, and WeChat says so.
      '无 AppID 关联',
      expect.stringContaining('工具未检查合法域名'),
      'request 200 /fruits?from=load',
    ])
    expect(await requestedUrls(har)).toEqual(['https://api.example.test/fruits?from=load'])
  }, 60_000)

  it('uni-app: launches the app, the Vue page and its onLoad request reaches the server', async () => {
    const har = join(echo.dir, 'uni-app.har')
    const result = await run(UNI_APP, har)
    expect(result.code, result.stderr).toBe(0)
    expect(result.lines).toEqual([
      'uni app launched',
      '无 AppID 关联',
      expect.stringContaining('工具未检查合法域名'),
      'request 200 /fruits?from=load',
      // uni-app's runtime calls wx.preloadAssets 3 s after launch (an image on its CDN) without
      // callbacks: headless it succeeds without fetching, and prints nothing.
    ])
    expect(await requestedUrls(har)).toEqual(['https://api.example.test/fruits?from=load'])
  }, 60_000)

  it('opens the detail page with --page and a query: its onLoad gets it (both outputs)', async () => {
    for (const [project, launched] of [
      [TARO, 'taro app launched'],
      [UNI_APP, 'uni app launched'],
    ]) {
      const result = await runMpdt(['run', project, '--page', 'pages/detail/detail?name=kiwi'], {
        MPDT_DATA_DIR: echo.dir,
      })
      expect(result.code, result.stderr).toBe(0)
      expect(result.lines.slice(0, 2)).toEqual([launched, 'detail onLoad kiwi'])
    }
  }, 60_000)
})
