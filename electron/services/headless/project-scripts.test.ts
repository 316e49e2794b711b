import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { readProjectScripts } from './project-scripts'

describe('readProjectScripts', () => {
  let base: string
  let root: string
  beforeEach(async () => {
    base = await mkdtemp(join(tmpdir(), 'mpdt-scripts-'))
    root = join(base, 'project')
    await mkdir(join(root, 'pages', 'index'), { recursive: true })
    await writeFile(join(root, 'app.js'), 'App({})')
    await writeFile(join(root, 'pages', 'index', 'index.js'), 'Page({})')
    await writeFile(join(root, 'pages', 'index', 'index.wxml'), '<view/>')
  })
  afterEach(async () => {
    await rm(base, { recursive: true, force: true })
  })

  it('maps project-relative paths with / to the source of every .js file', async () => {
    expect(await readProjectScripts(root)).toEqual({
      'app.js': 'App({})',
      'pages/index/index.js': 'Page({})',
    })
  })

  it('keeps miniprogram_npm and skips node_modules and dot folders', async () => {
    for (const folder of ['miniprogram_npm/lib', 'node_modules/lib', '.git']) {
      await mkdir(join(root, folder), { recursive: true })
      await writeFile(join(root, folder, 'index.js'), folder)
    }
    const paths = Object.keys(await readProjectScripts(root))
    expect(paths).toContain('miniprogram_npm/lib/index.js')
    expect(paths.some((path) => path.startsWith('node_modules') || path.startsWith('.git'))).toBe(
      false,
    )
  })

  it('does not follow symbolic links out of the project', async () => {
    await mkdir(join(base, 'outside'))
    await writeFile(join(base, 'outside', 'secret.js'), 'secret')
    await symlink(join(base, 'outside'), join(root, 'linked'))
    await symlink(join(base, 'outside', 'secret.js'), join(root, 'secret.js'))
    expect(Object.keys(await readProjectScripts(root)).sort()).toEqual([
      'app.js',
      'pages/index/index.js',
    ])
  })
})
