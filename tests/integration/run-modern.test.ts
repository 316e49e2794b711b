/**
 * `mpdt run` on tests/fixtures/run/modern: TypeScript and ES modules (a page whose only script is
 * index.ts), resolveAlias in import, require and usingComponents, `global` shared with a
 * webpack-runtime-shaped chunk, `__wxConfig`, app.js before any page module, lazyCodeLoading
 * (the detail page's modules run when it opens), and a wx.request answered by a loopback server.
 */
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createCertificateAuthority } from '../helpers/certificates'
import { startHttpsServer, type TestServer } from '../helpers/servers'
import { runMpdt } from './mpdt-process'

const PROJECT = 'tests/fixtures/run/modern'
const BUILD_MS = 420_000

describe('mpdt run on a project written with ES modules, TypeScript and resolveAlias', () => {
  let server: TestServer
  let dir = ''
  let caFile = ''

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'mpdt-run-modern-'))
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

  const run = (project: string) =>
    runMpdt(
      [
        'run',
        project,
        '--connect-to',
        `api.example.test:443:127.0.0.1:${server.port}`,
        '--cacert',
        caFile,
      ],
      { MPDT_DATA_DIR: dir },
    )

  afterAll(async () => {
    await server?.close()
    await rm(dir, { recursive: true, force: true })
  })

  it('runs app.ts first, the index page at launch, the detail page and its component when opened', async () => {
    const result = await run(PROJECT)
    expect(result.code, result.stderr).toBe(0)
    expect(result.stderr).toBe('')
    expect(result.lines).toEqual([
      'app onLaunch develop pages/index/index.html',
      'index module https://api.example.test true lib/webpack-chunk',
      'request 200 served /echo',
      'badge module',
      'detail module',
      'detail onLoad 7 [new]',
    ])
  }, 60_000)

  it('without lazyCodeLoading, runs every page and component module after app.ts, at launch', async () => {
    const project = join(dir, 'eager')
    await cp(PROJECT, project, { recursive: true })
    const appJson = JSON.parse(await readFile(join(project, 'app.json'), 'utf8'))
    delete appJson.lazyCodeLoading
    await writeFile(join(project, 'app.json'), JSON.stringify(appJson))
    const result = await run(project)
    expect(result.code, result.stderr).toBe(0)
    expect(result.lines).toEqual([
      'badge module',
      'index module https://api.example.test true lib/webpack-chunk',
      'detail module',
      'app onLaunch develop pages/index/index.html',
      'request 200 served /echo',
      'detail onLoad 7 [new]',
    ])
  }, 60_000)
})
