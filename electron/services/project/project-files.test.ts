import { promises as fs } from 'node:fs'
import path from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { removeTemporaryFolders, temporaryFolder } from '../../../tests/helpers/copy-fixture'
import { readProjectFile, resolveInsideProject } from './project-files'

let root: string
let outside: string

beforeEach(async () => {
  const parent = await temporaryFolder()
  root = path.join(parent, 'project')
  outside = path.join(parent, 'secret.txt')
  await fs.mkdir(path.join(root, 'pages'), { recursive: true })
  await fs.writeFile(path.join(root, 'app.json'), '{}')
  await fs.writeFile(path.join(root, 'pages', 'a b.js'), 'Page({})')
  await fs.writeFile(outside, 'secret')
})

afterEach(removeTemporaryFolders)

describe('resolveInsideProject', () => {
  it('resolves a file inside the project to its real absolute path', async () => {
    expect(await resolveInsideProject(root, 'pages/a%20b.js')).toEqual({
      ok: true,
      value: path.join(root, 'pages', 'a b.js'),
    })
  })

  it('treats a leading / as the project folder', async () => {
    expect(await resolveInsideProject(root, '/app.json')).toEqual({
      ok: true,
      value: path.join(root, 'app.json'),
    })
  })

  it('refuses ../', async () => {
    const result = await resolveInsideProject(root, '../secret.txt')
    expect(result).toMatchObject({ ok: false, error: { code: 'OUTSIDE_PROJECT' } })
  })

  it('refuses ../ hidden after a folder', async () => {
    const result = await resolveInsideProject(root, 'pages/../../secret.txt')
    expect(result).toMatchObject({ ok: false, error: { code: 'OUTSIDE_PROJECT' } })
  })

  it('refuses percent-encoded traversal %2e%2e%2f', async () => {
    const result = await resolveInsideProject(root, '%2e%2e%2fsecret.txt')
    expect(result).toMatchObject({ ok: false, error: { code: 'OUTSIDE_PROJECT' } })
  })

  it('refuses half-encoded traversal ..%2f', async () => {
    const result = await resolveInsideProject(root, 'pages/..%2f..%2fsecret.txt')
    expect(result).toMatchObject({ ok: false, error: { code: 'OUTSIDE_PROJECT' } })
  })

  it('never resolves an absolute path to the file outside', async () => {
    const result = await resolveInsideProject(root, outside)
    expect(result.ok).toBe(false)
  })

  it('refuses a symlinked file pointing outside', async () => {
    await fs.symlink(outside, path.join(root, 'link.txt'))
    const result = await resolveInsideProject(root, 'link.txt')
    expect(result).toMatchObject({ ok: false, error: { code: 'OUTSIDE_PROJECT' } })
  })

  it('refuses a file under a symlinked folder pointing outside', async () => {
    await fs.symlink(path.dirname(outside), path.join(root, 'up'))
    const result = await resolveInsideProject(root, 'up/secret.txt')
    expect(result).toMatchObject({ ok: false, error: { code: 'OUTSIDE_PROJECT' } })
  })

  it('follows a symlink inside that points inside', async () => {
    await fs.symlink('pages', path.join(root, 'alias'))
    expect(await resolveInsideProject(root, 'alias/a%20b.js')).toEqual({
      ok: true,
      value: path.join(root, 'pages', 'a b.js'),
    })
  })

  it('answers NOT_FOUND for a missing file', async () => {
    const result = await resolveInsideProject(root, 'nope.js')
    expect(result).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } })
  })

  it('answers NOT_FOUND for a folder', async () => {
    const result = await resolveInsideProject(root, 'pages')
    expect(result).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } })
  })

  it('answers NOT_FOUND for a malformed encoding', async () => {
    const result = await resolveInsideProject(root, '%E0%A4%A')
    expect(result).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } })
  })

  it('works when the project folder itself is reached through a symlink', async () => {
    const linkedRoot = path.join(path.dirname(root), 'linked-project')
    await fs.symlink(root, linkedRoot)
    expect(await resolveInsideProject(linkedRoot, 'app.json')).toEqual({
      ok: true,
      value: path.join(root, 'app.json'),
    })
  })
})

describe('readProjectFile', () => {
  it('reads a file inside the project', async () => {
    expect(await readProjectFile(root, 'app.json')).toEqual({ ok: true, value: '{}' })
  })

  it('does not read a symlink pointing outside', async () => {
    await fs.symlink(outside, path.join(root, 'project.config.json'))
    const result = await readProjectFile(root, 'project.config.json')
    expect(result).toMatchObject({ ok: false, error: { code: 'OUTSIDE_PROJECT' } })
  })

  it('fails closed when given a root that is not a real path', async () => {
    const linkedRoot = path.join(path.dirname(root), 'linked-project')
    await fs.symlink(root, linkedRoot)
    const result = await readProjectFile(linkedRoot, 'app.json')
    expect(result).toMatchObject({ ok: false, error: { code: 'OUTSIDE_PROJECT' } })
  })

  it('answers UNREADABLE for a folder', async () => {
    const result = await readProjectFile(root, 'pages')
    expect(result).toMatchObject({ ok: false, error: { code: 'UNREADABLE' } })
  })
})
