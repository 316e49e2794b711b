/**
 * `mpdt run --theme` on tests/fixtures/projects/theme (app.json `darkmode: true`, theme.json):
 * the app sees the chosen theme; without darkmode it stays light whatever --theme says.
 */
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { REPO_ROOT, runMpdt } from './mpdt-process'

const THEME = 'tests/fixtures/projects/theme'
const BUILD_MS = 420_000

describe('mpdt run --theme', () => {
  let dir: string

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'mpdt-run-theme-'))
    await runMpdt(['--version'], {}, BUILD_MS)
  }, BUILD_MS + 30_000)

  afterAll(async () => {
    await rm(dir, { recursive: true, force: true })
  })

  it('dark: wx.getSystemInfoSync().theme and getAppBaseInfo().theme are dark', async () => {
    const result = await runMpdt(['run', THEME, '--theme', 'dark', '--timeout', '20'])
    expect(result.stderr).toBe('')
    expect(result.lines[0]).toBe('theme at launch dark dark')
    expect(result.code).toBe(0)
  }, 60_000)

  it('light is the default', async () => {
    const result = await runMpdt(['run', THEME, '--timeout', '20'])
    expect(result.lines[0]).toBe('theme at launch light light')
  }, 60_000)

  it('an app without darkmode: true reports no theme, even with --theme dark', async () => {
    const copy = join(dir, 'no-darkmode')
    await cp(join(REPO_ROOT, THEME), copy, { recursive: true })
    const appJson = JSON.parse(await readFile(join(copy, 'app.json'), 'utf8')) as object
    await writeFile(join(copy, 'app.json'), JSON.stringify({ ...appJson, darkmode: false }))
    const result = await runMpdt(['run', copy, '--theme', 'dark', '--timeout', '20'])
    expect(result.lines[0]).toMatch(/^theme at launch undefined /)
  }, 60_000)

  it('refuses a theme that is neither light nor dark', async () => {
    const result = await runMpdt(['run', THEME, '--theme', 'sepia'])
    expect(result.code).toBe(2)
    expect(result.stderr).toContain('--theme sepia: expected light or dark')
  }, 60_000)
})
