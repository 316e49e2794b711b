import { lstat, readdir, readFile, stat } from 'node:fs/promises'
import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { removeTemporaryFolders } from '../../../tests/helpers/copy-fixture'
import type { NpmBuildProgress } from '../../../shared/npm-build'
import { buildNpm } from './build-npm'
import { linkInstalled, npmProject } from '../../../tests/helpers/npm-fixture'

afterEach(removeTemporaryFolders)

const exists = (at: string) =>
  stat(at).then(
    () => true,
    () => false,
  )

/** Runs a CommonJS file the way the base library does: `module.exports` of its source. */
async function loadCommonJs(file: string): Promise<Record<string, unknown>> {
  const module = { exports: {} as Record<string, unknown> }
  new Function('module', 'exports', 'require', await readFile(file, 'utf8'))(
    module,
    module.exports,
    () => {
      throw new Error('a bundled package must not require anything')
    },
  )
  return module.exports
}

describe('构建 npm', () => {
  it('copies a mini-program package and bundles a plain one into index.js', async () => {
    const dir = await npmProject({
      'package.json': { dependencies: { '@vant/weapp': '^1', dayjs: '^1' } },
    })
    await linkInstalled(dir, ['@vant/weapp', 'dayjs'])
    const result = await buildNpm(dir)
    expect(result.ok && result.value.targets[0].packages.map((p) => [p.name, p.kind])).toEqual([
      ['@vant/weapp', 'copied'],
      ['dayjs', 'bundled'],
    ])
    const npm = path.join(dir, 'miniprogram_npm')
    // @vant/weapp's "miniprogram" field is "lib": its content is copied as real files.
    expect(await exists(path.join(npm, '@vant/weapp/button/index.json'))).toBe(true)
    expect((await lstat(path.join(npm, '@vant/weapp'))).isSymbolicLink()).toBe(false)
    const dayjs = await loadCommonJs(path.join(npm, 'dayjs/index.js'))
    expect((dayjs as unknown as (d: string) => { year(): number })('2024-03-05').year()).toBe(2024)
  })

  it('uses miniprogram_dist when there is no "miniprogram" field, and builds the dependencies of a copied package', async () => {
    const dir = await npmProject({
      'package.json': { dependencies: { 'ui-kit': '1.0.0' } },
      'node_modules/ui-kit/package.json': { name: 'ui-kit', dependencies: { 'tiny-dep': '1' } },
      'node_modules/ui-kit/miniprogram_dist/card/card.json': { component: true },
      'node_modules/ui-kit/src/card.ts': 'not shipped',
      'node_modules/tiny-dep/package.json': { name: 'tiny-dep', main: 'lib/main.js' },
      'node_modules/tiny-dep/lib/main.js': 'exports.answer = require("./value")',
      'node_modules/tiny-dep/lib/value.js': 'module.exports = 42',
    })
    const result = await buildNpm(dir)
    expect(result.ok).toBe(true)
    const npm = path.join(dir, 'miniprogram_npm')
    expect(await readdir(path.join(npm, 'ui-kit'))).toEqual(['card'])
    expect((await loadCommonJs(path.join(npm, 'tiny-dep/index.js'))).answer).toBe(42)
  })

  it('never builds devDependencies', async () => {
    const dir = await npmProject({
      'package.json': { dependencies: { dayjs: '^1' }, devDependencies: { '@vant/weapp': '^1' } },
    })
    await linkInstalled(dir, ['dayjs', '@vant/weapp'])
    expect((await buildNpm(dir)).ok).toBe(true)
    expect(await readdir(path.join(dir, 'miniprogram_npm'))).toEqual(['dayjs'])
  })

  it('builds every package.json inside the mini-program root, beside each one', async () => {
    const dir = await npmProject({
      'project.config.json': { miniprogramRoot: 'miniprogram/' },
      'miniprogram/app.json': { pages: ['pages/index/index'] },
      'miniprogram/package.json': { dependencies: { dayjs: '^1' } },
      'miniprogram/sub/package.json': { dependencies: { '@vant/weapp': '^1' } },
      'package.json': { dependencies: { 'outside-root': '1' } },
    })
    await linkInstalled(path.join(dir, 'miniprogram'), ['dayjs'])
    await linkInstalled(path.join(dir, 'miniprogram/sub'), ['@vant/weapp'])
    const result = await buildNpm(dir)
    expect(result.ok && result.value.targets.map((t) => t.miniprogramNpm)).toEqual([
      'miniprogram/miniprogram_npm',
      'miniprogram/sub/miniprogram_npm',
    ])
    expect(await exists(path.join(dir, 'miniprogram_npm'))).toBe(false)
  })

  it('follows packNpmRelationList with packNpmManually', async () => {
    const dir = await npmProject({
      'project.config.json': {
        miniprogramRoot: 'miniprogram/',
        setting: {
          packNpmManually: true,
          packNpmRelationList: [
            { packageJsonPath: './package.json', miniprogramNpmDistDir: './miniprogram/' },
          ],
        },
      },
      'package.json': { dependencies: { dayjs: '^1' } },
      'miniprogram/app.json': { pages: ['pages/index/index'] },
    })
    await linkInstalled(dir, ['dayjs'])
    const result = await buildNpm(dir)
    expect(result.ok && result.value.targets[0]).toMatchObject({
      packageJson: 'package.json',
      miniprogramNpm: 'miniprogram/miniprogram_npm',
    })
    expect(await exists(path.join(dir, 'miniprogram/miniprogram_npm/dayjs/index.js'))).toBe(true)
  })

  it('reports progress for each package and at the end', async () => {
    const dir = await npmProject({ 'package.json': { dependencies: { dayjs: '1', tslib: '2' } } })
    await linkInstalled(dir, ['dayjs', 'tslib'])
    const seen: NpmBuildProgress[] = []
    await buildNpm(dir, (progress) => seen.push(progress))
    expect(seen).toEqual([
      { name: 'dayjs', done: 0, total: 2 },
      { name: 'tslib', done: 1, total: 2 },
      { name: '', done: 2, total: 2 },
    ])
  })

  it('replaces the old miniprogram_npm as a whole', async () => {
    const dir = await npmProject({
      'package.json': { dependencies: { dayjs: '^1' } },
      'miniprogram_npm/removed-package/index.js': 'old',
    })
    await linkInstalled(dir, ['dayjs'])
    expect((await buildNpm(dir)).ok).toBe(true)
    expect(await readdir(path.join(dir, 'miniprogram_npm'))).toEqual(['dayjs'])
    expect((await readdir(dir)).filter((name) => name.includes('miniprogram_npm.'))).toEqual([])
  })
})

describe('构建 npm refuses bad input precisely and writes nothing', () => {
  const OLD = { 'miniprogram_npm/old/index.js': 'module.exports = "old"' }

  async function expectRefused(dir: string, code: string, message: RegExp) {
    const result = await buildNpm(dir)
    expect(result.ok ? null : result.error).toMatchObject({
      code,
      message: expect.stringMatching(message),
    })
    expect(await readdir(path.join(dir, 'miniprogram_npm'))).toEqual(['old'])
    expect((await readdir(dir)).filter((name) => name.startsWith('.miniprogram_npm'))).toEqual([])
  }

  it('no node_modules: run npm install first, naming the folder', async () => {
    const dir = await npmProject({ ...OLD, 'package.json': { dependencies: { dayjs: '^1' } } })
    await expectRefused(
      dir,
      'NPM_NO_NODE_MODULES',
      /node_modules not found.*run npm install first in \//,
    )
  })

  it('a dependency missing from node_modules', async () => {
    const dir = await npmProject({
      ...OLD,
      'package.json': { dependencies: { dayjs: '^1', 'left-pad': '^1' } },
    })
    await linkInstalled(dir, ['dayjs'])
    await expectRefused(
      dir,
      'NPM_MISSING_DEPENDENCY',
      /dependency "left-pad" of .*package\.json is not installed in .*node_modules/,
    )
  })

  it('an entry that cannot be bundled names the module and the reason, after others were built', async () => {
    const dir = await npmProject({
      ...OLD,
      'package.json': { dependencies: { dayjs: '^1', broken: '1' } },
      'node_modules/broken/package.json': { name: 'broken', main: 'main.js' },
      'node_modules/broken/main.js': 'module.exports = require("not-installed-anywhere")',
    })
    await linkInstalled(dir, ['dayjs'])
    await expectRefused(
      dir,
      'NPM_BUNDLE_FAILED',
      /cannot bundle "broken".*main\.js:1:\d+: Could not resolve "not-installed-anywhere"/,
    )
  })

  it('an entry file that does not exist', async () => {
    const dir = await npmProject({
      ...OLD,
      'package.json': { dependencies: { gone: '1' } },
      'node_modules/gone/package.json': { name: 'gone', main: 'dist/gone.js' },
    })
    await expectRefused(
      dir,
      'NPM_BUNDLE_FAILED',
      /cannot bundle "gone": its entry "dist\/gone\.js"/,
    )
  })

  it('a packNpmRelationList path outside the project', async () => {
    const dir = await npmProject({
      ...OLD,
      'project.config.json': {
        setting: {
          packNpmManually: true,
          packNpmRelationList: [
            { packageJsonPath: './package.json', miniprogramNpmDistDir: '../elsewhere' },
          ],
        },
      },
      'package.json': { dependencies: {} },
    })
    await expectRefused(
      dir,
      'NPM_OUTSIDE_PROJECT',
      /miniprogramNpmDistDir "\.\.\/elsewhere" is outside the project folder/,
    )
  })

  it('no package.json inside the mini-program root', async () => {
    const dir = await npmProject(OLD)
    await expectRefused(
      dir,
      'NPM_NO_PACKAGE_JSON',
      /no package\.json found inside the mini-program root/,
    )
  })

  it('a package.json that is not JSON', async () => {
    const dir = await npmProject({ ...OLD, 'package.json': '{ "dependencies": ' })
    await expectRefused(dir, 'NPM_BAD_PACKAGE_JSON', /package\.json: .*JSON/)
  })
})
