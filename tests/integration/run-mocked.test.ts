/**
 * `mpdt run` on tests/fixtures/run/mocked: the rules of its project.mock.json answer two of its
 * three wx.request calls without the network (the loopback server api.example.test is mapped to
 * sees only the third), `--no-mock` sends all three to the server, and the HAR marks mocked ones.
 */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createCertificateAuthority } from '../helpers/certificates'
import { startHttpsServer, type TestServer } from '../helpers/servers'
import { runMpdt } from './mpdt-process'

const PROJECT = 'tests/fixtures/run/mocked'
const BUILD_MS = 420_000

describe('mpdt run with API Mock rules', () => {
  let server: TestServer
  let dir = ''
  let caFile = ''
  const served: string[] = []

  const run = (...extra: string[]) =>
    runMpdt(
      [
        'run',
        PROJECT,
        '--connect-to',
        `api.example.test:443:127.0.0.1:${server.port}`,
        '--cacert',
        caFile,
        ...extra,
      ],
      { MPDT_DATA_DIR: dir },
    )

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'mpdt-run-mocked-'))
    const ca = createCertificateAuthority()
    caFile = join(dir, 'ca.pem')
    await writeFile(caFile, ca.cert)
    server = await startHttpsServer(
      (req, res) => {
        served.push(`${req.method} ${req.url}`)
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

  it('answers the mocked calls from the rules and sends only the others to the server', async () => {
    served.length = 0
    const harFile = join(dir, 'mocked.har')
    const result = await run('--har', harFile)
    expect(result.code, result.stderr).toBe(0)
    expect([...result.lines].sort()).toEqual([
      'echo 200 server {"served":"/echo"}',
      'orders 200 mock {"list":[{"id":1,"item":"apple"}]}',
      'pay 503 mock "try again later"',
    ])
    expect(served).toEqual(['GET /echo'])
    const entries = JSON.parse(await readFile(harFile, 'utf8')).log.entries as {
      request: { url: string }
      _mock?: string
      comment?: string
    }[]
    const byUrl = Object.fromEntries(entries.map((entry) => [entry.request.url, entry]))
    expect(byUrl['https://api.example.test/orders?page=1']).toMatchObject({
      _mock: 'orders while the backend is down',
      comment: 'answered by the API Mock rule orders while the backend is down',
    })
    expect(byUrl['https://api.example.test/echo']).not.toHaveProperty('_mock')
  }, 60_000)

  it('sends every call to the server with --no-mock', async () => {
    served.length = 0
    const result = await run('--no-mock')
    expect(result.code, result.stderr).toBe(0)
    expect([...served].sort()).toEqual(['GET /echo', 'GET /orders?page=1', 'POST /pay'])
    expect(result.lines).toContain('pay 200 server {"served":"/pay"}')
  }, 60_000)
})
