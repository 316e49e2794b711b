/**
 * `mpdt run` on tests/fixtures/run/faults: requests to a server whose TLS handshake never
 * completes and to a gzip bomb each end once with their errMsg, free their slots in the queue of
 * ten, the stuck server sees every socket closed, a normal request works afterwards, and the run
 * goes idle and exits.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createGzip } from 'node:zlib'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createCertificateAuthority } from '../helpers/certificates'
import { startRawServer, type RawServer } from '../helpers/raw-servers'
import { startHttpsServer, type TestServer } from '../helpers/servers'
import { runMpdt, type MpdtResult } from './mpdt-process'

const PROJECT = 'tests/fixtures/run/faults'
const BUILD_MS = 420_000
const MB = 1024 * 1024

/** 1 GB of zeros gzipped (about 1 MB): past the 200 MB cap once decoded. */
async function gzipBomb(): Promise<Buffer> {
  const gzip = createGzip({ level: 9 })
  const parts: Buffer[] = []
  gzip.on('data', (part: Buffer) => parts.push(part))
  const slice = Buffer.alloc(MB)
  for (let written = 0; written < 1024 * MB; written += MB) {
    if (!gzip.write(slice)) await new Promise((resolve) => gzip.once('drain', resolve))
  }
  await new Promise((resolve) => gzip.end(resolve))
  return Buffer.concat(parts)
}

describe('mpdt run against misbehaving servers', () => {
  let stuck: RawServer
  let api: TestServer
  let dir: string
  let result: MpdtResult

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'mpdt-run-faults-'))
    const ca = createCertificateAuthority()
    const caFile = join(dir, 'ca.pem')
    await writeFile(caFile, ca.cert)
    const bomb = await gzipBomb()
    stuck = await startRawServer()
    api = await startHttpsServer(
      (req, res) => {
        if (req.url === '/bomb') {
          res.writeHead(200, { 'content-encoding': 'gzip', 'content-length': bomb.byteLength })
          res.end(bomb)
        } else res.end('fine')
      },
      ca.issue({ hosts: ['api.example.test', 'bomb.example.test'] }),
    )
    await runMpdt(['--version'], {}, BUILD_MS)
    result = await runMpdt(
      [
        'run',
        PROJECT,
        '--cacert',
        caFile,
        '--connect-to',
        `stuck.example.test:443:127.0.0.1:${stuck.port}`,
        '--connect-to',
        `bomb.example.test:443:127.0.0.1:${api.port}`,
        '--connect-to',
        `api.example.test:443:127.0.0.1:${api.port}`,
      ],
      { MPDT_DATA_DIR: dir },
      60_000,
    )
  }, BUILD_MS + 90_000)

  afterAll(async () => {
    await Promise.all([stuck?.close(), api?.close()])
    await rm(dir, { recursive: true, force: true })
  })

  it('goes idle and exits 0 after the last request', () => {
    expect(result.code, result.stderr).toBe(0)
    expect(result.lines[result.lines.length - 1]).toBe('done')
  })

  it('fails each stuck request once at its timeout, the two queued ones included', () => {
    for (let i = 0; i < 12; i++) {
      expect(result.lines.filter((line) => line.startsWith(`stuck ${i}: `))).toEqual([
        `stuck ${i}: fail request:fail timeout`,
      ])
    }
    expect(stuck.connectionCount).toBeGreaterThanOrEqual(12)
    expect(stuck.openConnections).toBe(0)
  })

  it('refuses the gzip bomb at the cap, then a normal request works', () => {
    expect(result.lines, result.stdout).toContain(
      'bomb: fail request:fail exceed max response size',
    )
    expect(result.lines).toContain('after: ok 200 fine')
    expect(result.stderr).not.toMatch(/unhandled|internal error/i)
  })
})
