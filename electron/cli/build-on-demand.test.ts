/**
 * bin/mpdt.js builds out/ with electron-vite when it is missing or older than the sources, and
 * not otherwise. Run on a copy of the app (sources, configs, node_modules linked) in a temp folder.
 */
import { spawn } from 'node:child_process'
import { cp, mkdtemp, readFile, rm, symlink, utimes } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

const ROOT = join(__dirname, '../..')
const COPIED = [
  'bin',
  'electron',
  'shared',
  'renderer',
  'resources',
  'scripts',
  'package.json',
  'electron.vite.config.ts',
  'tsconfig.json',
  'tsconfig.base.json',
  'tsconfig.node.json',
  'tsconfig.web.json',
]
const BUILDING = 'mpdt: building the app'
const RUN_MS = 240_000

let app: string

function mpdtVersion(): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [join(app, 'bin/mpdt.js'), '--version'], {
      cwd: app,
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    let stdout = ''
    let stderr = ''
    child.stdout.setEncoding('utf8').on('data', (text: string) => (stdout += text))
    child.stderr.setEncoding('utf8').on('data', (text: string) => (stderr += text))
    const timer = setTimeout(() => {
      child.kill('SIGKILL')
      reject(new Error(`mpdt --version took too long\n${stderr}`))
    }, RUN_MS)
    child.on('exit', (code) => {
      clearTimeout(timer)
      resolve({ code, stdout, stderr })
    })
  })
}

beforeAll(async () => {
  app = await mkdtemp(join(tmpdir(), 'mpdt-app-'))
  for (const entry of COPIED) {
    await cp(join(ROOT, entry), join(app, entry), {
      recursive: true,
      filter: (source) => !source.includes('node_modules'),
    })
  }
  await symlink(join(ROOT, 'node_modules'), join(app, 'node_modules'), 'dir')
})

afterAll(async () => {
  await rm(app, { recursive: true, force: true })
})

describe('bin/mpdt.js', { timeout: 3 * RUN_MS }, () => {
  it('builds out/ when it is missing, then runs the command', async () => {
    const { code, stdout, stderr } = await mpdtVersion()
    expect(stderr).toContain(BUILDING)
    expect(code).toBe(0)
    const { version } = JSON.parse(await readFile(join(app, 'package.json'), 'utf8')) as {
      version: string
    }
    expect(stdout).toBe(`${version}\n`)
  })

  it('does not build again while out/ is newer than the sources', async () => {
    const { code, stderr } = await mpdtVersion()
    expect(code).toBe(0)
    expect(stderr).not.toContain(BUILDING)
  })

  it('builds again once a source is newer than out/', async () => {
    const later = new Date(Date.now() + 60_000)
    await utimes(join(app, 'shared/contract.ts'), later, later)
    const { code, stderr } = await mpdtVersion()
    expect(code).toBe(0)
    expect(stderr).toContain(BUILDING)
  })
})
