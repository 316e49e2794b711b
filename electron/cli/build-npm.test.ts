/**
 * `mpdt build-npm` and then `mpdt run` as a person types them: real processes on a fixture whose
 * node_modules is assembled at test time from the packages installed with this repository.
 */
import { execFile } from 'node:child_process'
import { cp, readdir } from 'node:fs/promises'
import path from 'node:path'
import { promisify } from 'node:util'
import { afterEach, describe, expect, it } from 'vitest'
import { linkInstalled } from '../../tests/helpers/npm-fixture'
import { removeTemporaryFolders, temporaryFolder } from '../../tests/helpers/copy-fixture'

const ROOT = path.join(__dirname, '../..')
const BIN = path.join(ROOT, 'bin/mpdt.js')
/** Room for bin/mpdt.js to rebuild out/ first when the sources are newer. */
const TEST_MS = 180_000

afterEach(removeTemporaryFolders)

async function mpdt(args: string[]): Promise<{ code: number; out: string; err: string }> {
  try {
    const { stdout, stderr } = await promisify(execFile)(process.execPath, [BIN, ...args], {
      cwd: ROOT,
      timeout: TEST_MS,
    })
    return { code: 0, out: stdout, err: stderr }
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string }
    return { code: failed.code, out: failed.stdout, err: failed.stderr }
  }
}

async function dayjsProject(): Promise<string> {
  const dir = path.join(await temporaryFolder(), 'dayjs')
  await cp(path.join(ROOT, 'tests/fixtures/npm/dayjs'), dir, { recursive: true })
  return dir
}

describe('mpdt build-npm', { timeout: TEST_MS }, () => {
  it('builds dayjs, then mpdt run requires it from a page', async () => {
    const dir = await dayjsProject()
    await linkInstalled(dir, ['dayjs'])
    const built = await mpdt(['build-npm', dir])
    expect(built.code).toBe(0)
    expect(built.out).toMatch(
      /^package\.json → miniprogram_npm\/\n {2}dayjs: bundled into index\.js/,
    )
    const run = await mpdt(['run', dir])
    expect(run.out).toContain('next day 2024-02-29')
    expect(run.code).toBe(0)
  })

  it.each([
    ['tdesign', ['tdesign-miniprogram', 'tslib']],
    ['vant', ['@vant/weapp', 'dayjs']],
  ])('a %s project after build-npm: mpdt check reports nothing', async (name, installed) => {
    const dir = path.join(await temporaryFolder(), name)
    await cp(path.join(ROOT, 'tests/fixtures/npm', name), dir, { recursive: true })
    await linkInstalled(dir, installed)
    expect((await mpdt(['build-npm', dir])).code).toBe(0)
    const checked = await mpdt(['check', dir])
    expect(checked.err).toBe('')
    expect(checked.out).toMatch(/: no problems\n$/)
    expect(checked.code).toBe(0)
  })

  it('exits 2 naming the folder when node_modules is missing, writing nothing', async () => {
    const dir = await dayjsProject()
    const built = await mpdt(['build-npm', dir])
    expect(built.code).toBe(2)
    expect(built.err).toBe(
      `mpdt build-npm: ${dir}/node_modules not found (dependencies of ${dir}/package.json): run npm install first in ${dir}\n`,
    )
    expect(await readdir(dir)).not.toContain('miniprogram_npm')
  })

  it('without building, a bare require says where it looked', async () => {
    const dir = await dayjsProject()
    const run = await mpdt(['run', dir])
    expect(run.out + run.err).toContain(
      'module "pages/index/dayjs.js" is not defined, require args is "dayjs" (required from pages/index/index.js; looked for pages/index/dayjs.js, pages/index/miniprogram_npm/dayjs.js, pages/index/miniprogram_npm/dayjs/index.js',
    )
  })

  it('exits 2 with its usage on bad arguments', async () => {
    const none = await mpdt(['build-npm'])
    expect(none.code).toBe(2)
    expect(none.err).toMatch(/^Usage: mpdt build-npm <dir>/)
  })
})
