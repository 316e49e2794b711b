/**
 * The embedded demo project as a newcomer's first run sees it: it loads and compiles cleanly, and
 * `mpdt run` on it (the headless runner, urlCheck on) shows one request that passes and one that
 * is blocked, against the demo API server.
 */
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, expect, test } from 'vitest'
import { compileProject } from '../compiler'
import { runHeadless } from '../headless/run-session'
import { loadProject } from '../project'
import { startDemoServer, type DemoServer } from './demo-server'
import { demoProjectDir } from './demo-project'

const DEMO_DIR = demoProjectDir(join(import.meta.dirname, '..', '..', '..'))

let dataDir: string
let demo: DemoServer
beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'mpdt-demo-run-'))
  demo = await startDemoServer({ dataDir })
})
afterAll(async () => {
  await demo.close()
  await rm(dataDir, { recursive: true, force: true })
})

test('the demo project loads without problems, urlCheck on, listing the demo origins', async () => {
  const loaded = await loadProject(DEMO_DIR)
  expect(loaded.ok && loaded.value.problems).toEqual([])
  expect(loaded.ok && loaded.value.settings).toMatchObject({
    appid: 'wxd0e0d0e0d0e0d0e0',
    projectname: 'MP DevTools 演示',
    urlCheck: true,
  })
  // Its API Mock rule answers /orders, which the demo server does not have.
  expect(loaded.ok && loaded.value.mock).toMatchObject({
    enabled: true,
    rules: [{ method: 'GET', match: 'prefix', url: `${demo.origin}/orders` }],
  })
  expect(loaded.ok && loaded.value.domains).toEqual({
    request: [demo.origin],
    socket: [demo.wsOrigin],
    uploadFile: [demo.origin],
    downloadFile: [demo.origin],
    webview: [],
  })
})

test('the demo project compiles without errors or warnings', async () => {
  const compiled = await compileProject({ root: DEMO_DIR, rpx: { deviceWidth: 375 } })
  expect([compiled.errors, compiled.warnings]).toEqual([[], []])
  expect(compiled.pages).toEqual([
    'pages/index/index',
    'pages/files/files',
    'pages/live/live',
    'pages/about/about',
  ])
})

test('mpdt run on the demo prints a request that passes and one that is blocked', async () => {
  const lines: string[] = []
  const errors: string[] = []
  const exitCode = await runHeadless({
    projectDir: DEMO_DIR,
    connectTo: demo.connectTo,
    cacertFiles: [demo.caFile],
    timeoutMs: 15_000,
    dataDir,
    out: (line) => lines.push(line),
    err: (line) => errors.push(line),
  })
  expect([exitCode, errors]).toEqual([0, []])
  expect(lines).toContain(
    'GET 带参数: 200 query={"city":"深圳","page":"1"} referer=https://servicewechat.com/wxd0e0d0e0d0e0d0e0/devtools/page-frame.html',
  )
  expect(lines).toContain('不在合法域名列表里: request:fail url not in domain list')
})
