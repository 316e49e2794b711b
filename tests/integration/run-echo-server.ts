/**
 * The set-up the `mpdt run` tests share: a data folder, a test CA written out for `--cacert`, an
 * HTTPS server for api.example.test that answers `{"served": url}` as JSON (and notes each
 * `METHOD url` in `served`), and the CLI built before the first test.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll } from 'vitest'
import { createCertificateAuthority } from '../helpers/certificates'
import { startHttpsServer, type TestServer } from '../helpers/servers'
import { runMpdt, type MpdtResult } from './mpdt-process'

/** The first `mpdt` call may build the app into out/. */
export const BUILD_MS = 420_000

export interface RunEchoServer {
  /** The data folder (MPDT_DATA_DIR), also a place for HAR files and copies. */
  readonly dir: string
  /** `METHOD url` of each request the server answered, oldest first. */
  readonly served: string[]
  /** `mpdt run <project> …extra` against the server, with the test CA trusted. */
  run(project: string, ...extra: string[]): Promise<MpdtResult>
}

/** Registers the set-up and clean-up in the calling `describe`. */
export function useRunEchoServer(prefix: string): RunEchoServer {
  let server: TestServer | undefined
  let caFile = ''
  const echo = {
    dir: '',
    served: [] as string[],
    run: (project: string, ...extra: string[]) =>
      runMpdt(
        [
          'run',
          project,
          '--connect-to',
          `api.example.test:443:127.0.0.1:${server!.port}`,
          '--cacert',
          caFile,
          ...extra,
        ],
        { MPDT_DATA_DIR: echo.dir },
      ),
  }

  beforeAll(async () => {
    echo.dir = await mkdtemp(join(tmpdir(), `mpdt-${prefix}-`))
    const ca = createCertificateAuthority()
    caFile = join(echo.dir, 'ca.pem')
    await writeFile(caFile, ca.cert)
    server = await startHttpsServer(
      (req, res) => {
        echo.served.push(`${req.method} ${req.url}`)
        res.writeHead(200, { 'content-type': 'application/json' })
        res.end(JSON.stringify({ served: req.url }))
      },
      ca.issue({ hosts: ['api.example.test'] }),
    )
    await runMpdt(['--version'], {}, BUILD_MS)
  }, BUILD_MS + 30_000)

  afterAll(async () => {
    await server?.close()
    if (echo.dir) await rm(echo.dir, { recursive: true, force: true })
  })

  return echo
}
