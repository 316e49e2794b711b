/**
 * `node bin/mpdt.js …` as a person runs it: real processes, the real browser-mode host on
 * 127.0.0.1, fixture projects. MPDT_DATA_DIR points at a temporary folder.
 */
import { spawn, type ChildProcess } from 'node:child_process'
import { mkdtemp, rm } from 'node:fs/promises'
import { createServer, request } from 'node:http'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { readFileSync } from 'node:fs'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import WebSocket from 'ws'

const ROOT = join(__dirname, '../..')
const BIN = join(ROOT, 'bin/mpdt.js')
const FIXTURES = join(ROOT, 'tests/fixtures/projects')
const URL_LINE = /^MP DevTools is running at (http:\/\/127\.0\.0\.1:(\d+)\/\?token=([\w-]+))$/m
const WAIT_MS = 60_000
/** Room for bin/mpdt.js to rebuild out/ first when the sources are newer. */
const TEST_MS = 90_000

let dataDir: string
let noElectronDir: string
const children = new Set<ChildProcess>()

beforeEach(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'mpdt-cli-data-'))
  noElectronDir = await mkdtemp(join(tmpdir(), 'mpdt-cli-no-electron-'))
})

afterEach(async () => {
  for (const child of children) child.kill('SIGKILL')
  children.clear()
  await rm(dataDir, { recursive: true, force: true })
  await rm(noElectronDir, { recursive: true, force: true })
})

function spawnMpdt(args: string[]): ChildProcess & { out: string; err: string } {
  const child = spawn(process.execPath, [BIN, ...args], {
    cwd: ROOT,
    // An empty dist folder stands for a machine where the Electron binary is not installed.
    env: { ...process.env, MPDT_DATA_DIR: dataDir, ELECTRON_OVERRIDE_DIST_PATH: noElectronDir },
    stdio: ['ignore', 'pipe', 'pipe'],
  }) as ChildProcess & { out: string; err: string }
  children.add(child)
  child.out = ''
  child.err = ''
  child.stdout?.setEncoding('utf8').on('data', (text: string) => (child.out += text))
  child.stderr?.setEncoding('utf8').on('data', (text: string) => (child.err += text))
  return child
}

function exitOf(child: ChildProcess): Promise<number | null> {
  return new Promise((resolve, reject) => {
    if (child.exitCode !== null) return resolve(child.exitCode)
    const timer = setTimeout(() => reject(new Error('mpdt did not exit in time')), WAIT_MS)
    child.once('exit', (code) => {
      clearTimeout(timer)
      resolve(code)
    })
  })
}

async function runMpdt(args: string[]) {
  const child = spawnMpdt(args)
  const code = await exitOf(child)
  return { code, stdout: child.out, stderr: child.err }
}

/** Starts `mpdt open …` and waits (bounded) for the line with the URL. */
async function startHost(args: string[]) {
  const child = spawnMpdt(args)
  const match = await new Promise<RegExpMatchArray>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`no URL line: ${child.out}${child.err}`)),
      WAIT_MS,
    )
    const look = () => {
      const found = child.out.match(URL_LINE)
      if (!found) return
      clearTimeout(timer)
      resolve(found)
    }
    child.stdout?.on('data', look)
    child.once('exit', () => reject(new Error(`mpdt exited: ${child.out}${child.err}`)))
    look()
  })
  return { child, url: match[1], port: Number(match[2]), token: match[3] }
}

function httpGet(
  port: number,
  path: string,
): Promise<{ status: number; body: string; location?: string }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path }, (res) => {
      let body = ''
      res.setEncoding('utf8').on('data', (chunk: string) => (body += chunk))
      res.on('end', () =>
        resolve({ status: res.statusCode ?? 0, body, location: res.headers.location }),
      )
    })
    req.on('error', reject)
    req.end()
  })
}

/** One contract call over the host's WebSocket. */
function callOverWebSocket(port: number, token: string, method: string): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(`ws://127.0.0.1:${port}/rpc?token=${token}`)
    ws.on('open', () => ws.send(JSON.stringify({ type: 'call', id: 1, method, params: {} })))
    ws.on('message', (data) => {
      const message = JSON.parse(data.toString()) as { type: string; result: unknown }
      if (message.type !== 'result') return
      ws.close()
      resolve(message.result)
    })
    ws.on('error', reject)
  })
}

describe('mpdt open', { timeout: TEST_MS }, () => {
  it('exits 2 with a message on stderr for a path that is a file, not a folder', async () => {
    const file = join(FIXTURES, 'valid/app.json')
    const { code, stderr } = await runMpdt(['open', file, '--web'])
    expect(code).toBe(2)
    expect(stderr).toContain(`not a folder: ${file}`)
  })

  it('exits 2 for a folder that does not exist', async () => {
    const { code, stderr } = await runMpdt(['open', join(dataDir, 'nowhere')])
    expect(code).toBe(2)
    expect(stderr).toContain('not a folder')
  })

  it('exits 2 for a port that is not a number', async () => {
    const { code, stderr } = await runMpdt(['open', '--web', '--port', 'http'])
    expect(code).toBe(2)
    expect(stderr).toContain('--port')
  })

  it('with --web --port 0 prints the URL, whose page answers 200 with the token and 403 without', async () => {
    const { port, token } = await startHost([
      'open',
      join(FIXTURES, 'valid'),
      '--web',
      '--port',
      '0',
    ])
    const entry = await httpGet(port, `/?token=${token}`)
    expect(entry.status).toBe(302)
    const page = await httpGet(port, entry.location ?? '')
    expect(page.status).toBe(200)
    expect(page.body).toContain('<div id="app">')
    expect((await httpGet(port, '/')).status).toBe(403)
  })

  it('says in one line that Electron is not installed, then serves in browser mode', async () => {
    const { child } = await startHost(['open', join(FIXTURES, 'valid')])
    const lines = child.out.trim().split('\n')
    expect(lines).toHaveLength(2)
    expect(lines[0]).toBe('The Electron binary is not installed: using browser mode.')
    expect(lines[1]).toMatch(URL_LINE)
  })

  it('serves the opened project over the contract', async () => {
    const dir = join(FIXTURES, 'valid')
    const { port, token } = await startHost(['open', dir, '--web'])
    expect(await callOverWebSocket(port, token, 'project.current')).toMatchObject({
      ok: true,
      value: { dir, settings: { appid: 'wx1234567890abcdef' } },
    })
  })

  it('prints the problems of a broken project as file:line:column on stderr and keeps serving', async () => {
    const { child, port, token } = await startHost(['open', join(FIXTURES, 'broken-json'), '--web'])
    expect(child.err).toMatch(/^app\.json:\d+:\d+: .+$/m)
    expect((await httpGet(port, `/t/${token}/`)).status).toBe(200)
  })

  it('without a folder opens the last opened project', async () => {
    const dir = join(FIXTURES, 'valid')
    const first = await startHost(['open', dir, '--web'])
    first.child.kill('SIGTERM')
    await exitOf(first.child)
    const { port, token } = await startHost(['open', '--web'])
    expect(await callOverWebSocket(port, token, 'project.current')).toMatchObject({
      ok: true,
      value: { dir },
    })
  })

  it('closes the host and exits 0 on SIGINT and on SIGTERM', async () => {
    for (const signal of ['SIGINT', 'SIGTERM'] as const) {
      const { child, port } = await startHost(['open', join(FIXTURES, 'valid'), '--web'])
      child.kill(signal)
      expect(await exitOf(child)).toBe(0)
      await expect(httpGet(port, '/')).rejects.toThrow(/ECONNREFUSED/)
    }
  })

  it('exits 1 with a message when the port is taken', async () => {
    const taken = createServer()
    await new Promise<void>((resolve) => taken.listen(0, '127.0.0.1', resolve))
    const port = (taken.address() as AddressInfo).port
    try {
      const { code, stderr } = await runMpdt(['open', '--web', '--port', String(port)])
      expect(code).toBe(1)
      expect(stderr).toContain(`port ${port}`)
    } finally {
      taken.close()
    }
  })
})

describe('mpdt check', { timeout: TEST_MS }, () => {
  it('exits 2 and prints file:line:column for a broken project', async () => {
    const { code, stderr } = await runMpdt(['check', join(FIXTURES, 'broken-json')])
    expect(code).toBe(2)
    expect(stderr).toMatch(/^app\.json:\d+:\d+: .+$/m)
  })

  it('exits 2 for a project whose app.json is missing', async () => {
    const { code, stderr } = await runMpdt(['check', join(FIXTURES, 'missing-app-json')])
    expect(code).toBe(2)
    expect(stderr).toContain('app.json')
  })

  it('exits 0 and prints no problem for a valid project', async () => {
    const { code, stdout, stderr } = await runMpdt(['check', join(FIXTURES, 'valid')])
    expect(stderr).not.toMatch(/^\S+:\d+:\d+: /m)
    expect(code).toBe(0)
    expect(stdout).toContain('no problems')
  })

  it('exits 2 with the usage when no folder is given', async () => {
    const { code, stderr } = await runMpdt(['check'])
    expect(code).toBe(2)
    expect(stderr).toContain('Usage: mpdt check <dir>')
  })

  it('exits 2 for a path that is not a folder', async () => {
    const { code, stderr } = await runMpdt(['check', join(dataDir, 'nowhere')])
    expect(code).toBe(2)
    expect(stderr).not.toBe('')
  })
})

describe('mpdt', { timeout: TEST_MS }, () => {
  it('--version prints the version of package.json', async () => {
    const { version } = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
      version: string
    }
    const { code, stdout } = await runMpdt(['--version'])
    expect(code).toBe(0)
    expect(stdout).toBe(`${version}\n`)
  })

  it('--help lists the commands', async () => {
    const { code, stdout } = await runMpdt(['--help'])
    expect(code).toBe(0)
    for (const command of ['open', 'check', 'run']) expect(stdout).toContain(`  ${command} `)
  })

  it('open --help and check --help print their usage and exit 0', async () => {
    for (const command of ['open', 'check']) {
      const { code, stdout } = await runMpdt([command, '--help'])
      expect(code).toBe(0)
      expect(stdout).toContain(`Usage: mpdt ${command}`)
    }
  })

  it('exits 2 for an unknown command', async () => {
    const { code, stderr } = await runMpdt(['serve'])
    expect(code).toBe(2)
    expect(stderr).toContain('unknown command: serve')
  })
})
