/**
 * `mpdt run` on real compiled output (tests/fixtures/compiled/taro-4.2.1: what `taro build --type
 * weapp` of Taro 4.2.1 with React 18 wrote, see its README): the webpack runtime and chunks, the
 * recursive base.wxml templates, comp and custom-wrapper. The index page's React component asks a
 * loopback server through Taro.request when it loads (useLoad) and prints what it answered.
 */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createCertificateAuthority } from '../helpers/certificates'
import { startHttpsServer, type TestServer } from '../helpers/servers'
import { runMpdt } from './mpdt-process'

const PROJECT = 'tests/fixtures/compiled/taro-4.2.1'
const BUILD_MS = 420_000

describe('mpdt run on Taro 4 (React) compiled output', () => {
  let server: TestServer
  let dir = ''
  let caFile = ''

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'mpdt-run-compiled-'))
    const ca = createCertificateAuthority()
    caFile = join(dir, 'ca.pem')
    await writeFile(caFile, ca.cert)
    server = await startHttpsServer(
      (req, res) => {
        res.writeHead(200, { 'content-type': 'application/json' })
        res.end(JSON.stringify({ served: req.url }))
      },
      ca.issue({ hosts: ['api.example.test'] }),
    )
    await runMpdt(['--version'], {}, BUILD_MS)
  }, BUILD_MS + 30_000)

  afterAll(async () => {
    await server?.close()
    await rm(dir, { recursive: true, force: true })
  })

  it('launches the app, mounts the React page and its useLoad request reaches the server', async () => {
    const har = join(dir, 'run.har')
    const result = await runMpdt(
      [
        'run',
        PROJECT,
        '--connect-to',
        `api.example.test:443:127.0.0.1:${server.port}`,
        '--cacert',
        caFile,
        '--har',
        har,
      ],
      { MPDT_DATA_DIR: dir },
    )
    expect(result.code, result.stderr).toBe(0)
    expect(result.lines).toEqual([
      'taro app launched',
      // touristappid (Taro's template's) turns the domain checks off, and WeChat says so.
      '无 AppID 关联',
      expect.stringContaining('工具未检查合法域名'),
      'request 200 /fruits?from=load',
    ])
    const log = JSON.parse(await readFile(har, 'utf8')).log
    expect(log.entries.map((entry: { request: { url: string } }) => entry.request.url)).toEqual([
      'https://api.example.test/fruits?from=load',
    ])
  }, 60_000)
})
