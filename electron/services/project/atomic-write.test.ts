import { promises as fs } from 'node:fs'
import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { writeFileAtomic } from './atomic-write'
import { removeTemporaryFolders, temporaryFolder } from '../../../tests/helpers/copy-fixture'

afterEach(removeTemporaryFolders)

describe('writeFileAtomic', () => {
  it('replaces the content and leaves no temporary file', async () => {
    const dir = await temporaryFolder()
    const file = path.join(dir, 'a.json')
    await fs.writeFile(file, 'old')
    await writeFileAtomic(file, 'new')
    expect(await fs.readFile(file, 'utf8')).toBe('new')
    expect(await fs.readdir(dir)).toEqual(['a.json'])
  })

  it('keeps the file mode', async () => {
    const dir = await temporaryFolder()
    const file = path.join(dir, 'a.json')
    await fs.writeFile(file, 'old', { mode: 0o600 })
    await fs.chmod(file, 0o600)
    await writeFileAtomic(file, 'new')
    expect((await fs.stat(file)).mode & 0o777).toBe(0o600)
  })

  it('replaces by rename, so the old inode is never written to', async () => {
    const dir = await temporaryFolder()
    const file = path.join(dir, 'a.json')
    await fs.writeFile(file, 'old')
    const hardLink = path.join(dir, 'old-inode')
    await fs.link(file, hardLink)
    await writeFileAtomic(file, 'new')
    expect(await fs.readFile(hardLink, 'utf8')).toBe('old')
  })

  it('leaves the old file untouched and cleans up when the final rename fails', async () => {
    const dir = await temporaryFolder()
    const file = path.join(dir, 'a.json')
    await fs.writeFile(file, 'old')
    const failingRename = { ...fs, rename: async () => Promise.reject(new Error('disk gone')) }
    await expect(writeFileAtomic(file, 'new', failingRename)).rejects.toThrow('disk gone')
    expect(await fs.readFile(file, 'utf8')).toBe('old')
    expect(await fs.readdir(dir)).toEqual(['a.json'])
  })
})
