/**
 * `mpdt run` keeps the mini-program's code out of Node (electron/services/headless/sandbox-realm.ts):
 * the fixture (tests/fixtures/projects/escapes) tries the ways attackers leave a `vm` realm, from
 * `this.constructor.constructor('return process')()` to the constructors of callback arguments,
 * returned promises and timers, `import()`, `Error.prepareStackTrace` call sites, and intrinsics
 * patched to catch any object of Node the bridge hands over. Every attempt must fail, while the
 * page still runs: its request answers through the engine and its error names the page's file.
 */
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { join } from 'node:path'
import { afterAll, beforeAll, expect, test } from 'vitest'
import { runHeadless } from '../../electron/services/headless/run-session'

const FIXTURE = join(import.meta.dirname, '..', 'fixtures', 'projects', 'escapes')

let server: Server
let port = 0

beforeAll(async () => {
  server = createServer((_request, response) => response.end(Buffer.from([1, 2, 3])))
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  port = (server.address() as AddressInfo).port
})

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())))

const ATTEMPTS = [
  'this.constructor.constructor',
  'module wrapper this',
  'globalThis.process',
  'process',
  'require fs',
  'require child_process',
  'require.constructor',
  'module.constructor',
  'module.require',
  'globalThis.require',
  'fetch',
  'Buffer',
  'eval',
  'Function',
  'import()',
  'setTimeout result',
  'wx.constructor',
  'wx.request.constructor',
  'getSystemInfoSync result',
  'console.log.constructor',
  'Error.prepareStackTrace',
  'prepareStackTrace frames',
  'storage value',
  'returned promise',
  'promise result',
  'request task',
  'request task method',
  'callback argument',
  'callback data',
  'callback header',
  'callback this',
  'timer arguments',
]

test('no way out of the realm reaches Node, and the page still runs', async () => {
  const lines: string[] = []
  const errors: string[] = []
  const exitCode = await runHeadless({
    projectDir: FIXTURE,
    page: `pages/index/index?port=${port}`,
    timeoutMs: 20_000,
    out: (line) => lines.push(line),
    err: (line) => errors.push(line),
  })
  // The compile already points at the dynamic import and the Node modules; the run goes on.
  expect([exitCode, errors]).toEqual([
    0,
    [
      expect.stringContaining(
        'pages/index/dynamic-import.js:1:24: dynamic import() is not supported',
      ),
      expect.stringMatching(/^pages\/index\/index\.js:\d+:\d+: warning: cannot find module "fs"$/),
      expect.stringMatching(/: warning: cannot find module "child_process"$/),
    ],
  ])
  const attempts = lines.filter((line) => line.startsWith('escape '))
  expect(attempts.sort()).toEqual(ATTEMPTS.map((name) => `escape ${name}: blocked`).sort())
  expect(lines).toContain('foreign values seen by patched intrinsics: 0 ')
  // The request went through the engine, and its binary answer arrived as the realm's own.
  expect(lines).toContain('bytes 1,2,3')
  // Uncaught errors still name the project's file and line.
  const thrown = lines.find((line) => line.startsWith('[error] Error: thrown from the page'))
  expect(thrown).toMatch(/pages\/index\/index\.js:\d+:\d+/)
}, 30_000)
