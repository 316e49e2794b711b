import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { listProjectFiles } from './project-listing'

describe('listProjectFiles', () => {
  let base: string
  let root: string
  beforeEach(async () => {
    base = await mkdtemp(join(tmpdir(), 'mpdt-listing-'))
    root = join(base, 'project')
    await mkdir(join(root, 'pages', 'index'), { recursive: true })
    await writeFile(join(root, 'app.js'), 'App({})')
    await writeFile(join(root, 'pages', 'index', 'index.js'), 'Page({})')
    await writeFile(join(root, 'pages', 'index', 'index.wxml'), '<view/>')
  })
  afterEach(async () => {
    await rm(base, { recursive: true, force: true })
  })

  it('lists project-relative paths with /, sorted', async () => {
    expect(await listProjectFiles(root)).toEqual([
      'app.js',
      'pages/index/index.js',
      'pages/index/index.wxml',
    ])
  })

  it('keeps miniprogram_npm and skips node_modules and dot folders', async () => {
    for (const folder of ['miniprogram_npm/lib', 'node_modules/lib', '.git']) {
      await mkdir(join(root, folder), { recursive: true })
      await writeFile(join(root, folder, 'index.js'), folder)
    }
    const paths = await listProjectFiles(root)
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
    expect(await listProjectFiles(root)).toEqual([
      'app.js',
      'pages/index/index.js',
      'pages/index/index.wxml',
    ])
  })
})
