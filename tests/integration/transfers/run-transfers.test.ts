/**
 * `mpdt run` on tests/fixtures/transfers/project: files, chooseImage (--choose-file), uploadFile,
 * downloadFile, saveFile and a socket against one loopback HTTPS/WSS server for the made-up
 * hosts up/files/ws.example.test (--connect-to), trusted through --cacert.
 */
import { existsSync } from 'node:fs'
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createCertificateAuthority } from '../../helpers/certificates'
import { startWsServer, type TestWsServer } from '../../helpers/ws-servers'
import { runMpdt, type MpdtResult } from '../mpdt-process'
import { transfersApi } from './transfers-api'

const PROJECT = 'tests/fixtures/transfers/project'
const APPID = 'wx7a2f00000000f11e'
const BUILD_MS = 420_000

describe('mpdt run on a project that uploads, downloads and talks over a socket', () => {
  let server: TestWsServer
  let dir: string
  let caFile: string
  let photo: string

  const run = (...extra: string[]): Promise<MpdtResult> =>
    runMpdt(
      [
        'run',
        PROJECT,
        '--cacert',
        caFile,
        ...['up', 'files'].flatMap((host) => [
          '--connect-to',
          `${host}.example.test:443:127.0.0.1:${server.port}`,
        ]),
        '--connect-to',
        `ws.example.test:8443:127.0.0.1:${server.port}`,
        ...extra,
      ],
      { MPDT_DATA_DIR: dir },
    )

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'mpdt-run-transfers-'))
    const ca = createCertificateAuthority()
    caFile = join(dir, 'ca.pem')
    await writeFile(caFile, ca.cert)
    photo = join(dir, 'photo.png')
    await writeFile(photo, Buffer.alloc(2000, 9))
    server = await startWsServer(
      (socket) => socket.on('message', (data, isBinary) => socket.send(data, { binary: isBinary })),
      ca.issue({ hosts: ['up.example.test', 'files.example.test', 'ws.example.test'] }),
    )
    server.server.removeAllListeners('request')
    server.server.on('request', transfersApi)
    await runMpdt(['--version'], {}, BUILD_MS)
  }, BUILD_MS + 30_000)

  afterAll(async () => {
    await server?.close()
    await rm(dir, { recursive: true, force: true })
  })

  describe('with a chosen file and the domain lists checked', () => {
    let result: MpdtResult
    let har: { log: { entries: Record<string, unknown>[] } }
    beforeAll(async () => {
      const harFile = join(dir, 'run.har')
      result = await run('--choose-file', photo, '--har', harFile)
      har = JSON.parse(await readFile(harFile, 'utf8')) as typeof har
    }, 90_000)

    it('ends with nothing pending', () => {
      expect(result.code, result.stderr).toBe(0)
      expect(result.lines.at(-1)).toBe('done')
    })

    it('reports no uncaught error or unhandled rejection', () => {
      // The tool's own domain-check blocks are the only errors printed.
      const errors = result.lines.filter(
        (line) => line.startsWith('[error]') && !line.includes('合法域名列表中'),
      )
      expect(errors).toEqual([])
    })

    it('reads and writes user files, and refuses a path that climbs out', () => {
      expect(result.lines).toEqual(
        expect.arrayContaining([
          'files sync: hello file',
          'files readdir: ["dir","note.txt"]',
          'files stat: 10',
          'files missing: readFileSync:fail no such file or directory, open "wxfile://usr/missing.txt"',
          'files escape: writeFile:fail permission denied, open "wxfile://usr/../../escape.txt"',
        ]),
      )
      expect(existsSync(join(dir, 'escape.txt'))).toBe(false)
    })

    it('uploads the chosen file with its form, progress reaching 100', () => {
      expect(result.lines).toContain('upload: uploadFile:ok 200 user=ada photo=2000 last=100')
    })

    it('downloads to a temp file, saves it, and refuses a host outside the list', () => {
      expect(result.lines).toEqual(
        expect.arrayContaining([
          'download: downloadFile:ok 200 temp=true downloaded text last=100',
          'saved: true downloaded text',
          'download unlisted: downloadFile:fail url not in domain list',
        ]),
      )
      expect(result.stdout).toContain(
        ' https://up.example.test 不在以下 downloadFile 合法域名列表中',
      )
    })

    it('talks over a socket on a port the wss list does not name', () => {
      const socketLines = result.lines.filter((line) => line.startsWith('socket'))
      expect(socketLines).toEqual([
        'socket open',
        'socket message: hello socket',
        'socket message: bytes 1,2,3',
        'socket close: 1000 done',
        'socket ws: connectSocket:fail url not in domain list',
      ])
    })

    it('writes the socket frames and the transfers to the HAR', () => {
      const apis = har.log.entries.map((entry) => entry._api)
      expect(apis).toEqual(expect.arrayContaining(['uploadFile', 'downloadFile', 'connectSocket']))
      const socket = har.log.entries.find(
        (entry) => entry._api === 'connectSocket' && entry._webSocketMessages,
      )
      expect(socket?._webSocketMessages).toEqual([
        expect.objectContaining({ type: 'send', opcode: 1, data: 'hello socket' }),
        expect.objectContaining({ type: 'send', opcode: 2, data: 'AQID' }),
        expect.objectContaining({ type: 'receive', opcode: 1, data: 'hello socket' }),
        expect.objectContaining({ type: 'receive', opcode: 2, data: 'AQID' }),
      ])
    })
  })

  it('refuses a --choose-file that does not exist, before running', async () => {
    const result = await run('--choose-file', join(dir, 'nope.png'))
    expect(result.code).toBe(2)
    expect(result.stderr).toContain(`--choose-file ${join(dir, 'nope.png')}: no such file`)
    expect(result.lines).toEqual([])
  }, 90_000)

  it('cancels chooseImage when no file is given', async () => {
    const result = await run()
    expect(result.lines).toContain('choose: chooseImage:fail cancel')
  }, 90_000)

  it('keeps user data between runs under --data-dir, and nothing else', async () => {
    const dataDir = join(dir, 'data')
    const result = await run('--data-dir', dataDir)
    expect(result.code, result.stderr).toBe(0)
    const userDir = join(dataDir, 'files', APPID, 'usr')
    expect(await readFile(join(userDir, 'note.txt'), 'utf8')).toBe('hello file')
    expect(existsSync(join(dataDir, 'files', APPID, 'escape.txt'))).toBe(false)
  }, 90_000)
})
