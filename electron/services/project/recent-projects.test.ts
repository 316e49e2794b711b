import { promises as fs } from 'node:fs'
import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { removeTemporaryFolders, temporaryFolder } from '../../../tests/helpers/copy-fixture'
import { MAX_RECENT_PROJECTS, readRecentProjects, rememberRecentProject } from './recent-projects'

afterEach(removeTemporaryFolders)

async function folders(count: number): Promise<string[]> {
  const parent = await temporaryFolder()
  const dirs = Array.from({ length: count }, (_, i) => path.join(parent, `p${i}`))
  for (const dir of dirs) await fs.mkdir(dir)
  return dirs
}

describe('recent projects', () => {
  it('is empty without recent.json', async () => {
    expect(await readRecentProjects(await temporaryFolder())).toEqual([])
  })

  it('lists the most recently opened first', async () => {
    const dataDir = await temporaryFolder()
    const [a, b] = await folders(2)
    await rememberRecentProject(dataDir, { dir: a, name: 'a', openedAt: 1 })
    await rememberRecentProject(dataDir, { dir: b, name: 'b', openedAt: 2 })
    expect((await readRecentProjects(dataDir)).map((entry) => entry.name)).toEqual(['b', 'a'])
  })

  it('keeps one entry per folder', async () => {
    const dataDir = await temporaryFolder()
    const [a, b] = await folders(2)
    await rememberRecentProject(dataDir, { dir: a, name: 'a', openedAt: 1 })
    await rememberRecentProject(dataDir, { dir: b, name: 'b', openedAt: 2 })
    await rememberRecentProject(dataDir, { dir: a, name: 'a2', openedAt: 3 })
    expect(await readRecentProjects(dataDir)).toEqual([
      { dir: a, name: 'a2', openedAt: 3 },
      { dir: b, name: 'b', openedAt: 2 },
    ])
  })

  it(`keeps at most ${MAX_RECENT_PROJECTS}`, async () => {
    const dataDir = await temporaryFolder()
    const dirs = await folders(MAX_RECENT_PROJECTS + 2)
    for (const [i, dir] of dirs.entries()) {
      await rememberRecentProject(dataDir, { dir, name: `p${i}`, openedAt: i })
    }
    const recent = await readRecentProjects(dataDir)
    expect(recent).toHaveLength(MAX_RECENT_PROJECTS)
    expect(recent[0].name).toBe(`p${MAX_RECENT_PROJECTS + 1}`)
    const saved = JSON.parse(await fs.readFile(path.join(dataDir, 'recent.json'), 'utf8'))
    expect(saved).toHaveLength(MAX_RECENT_PROJECTS)
  })

  it('drops folders that no longer exist', async () => {
    const dataDir = await temporaryFolder()
    const [a, b] = await folders(2)
    await rememberRecentProject(dataDir, { dir: a, name: 'a', openedAt: 1 })
    await rememberRecentProject(dataDir, { dir: b, name: 'b', openedAt: 2 })
    await fs.rm(b, { recursive: true })
    expect((await readRecentProjects(dataDir)).map((entry) => entry.name)).toEqual(['a'])
  })

  it('ignores a corrupt recent.json and replaces it on the next open', async () => {
    const dataDir = await temporaryFolder()
    const [a] = await folders(1)
    await fs.writeFile(path.join(dataDir, 'recent.json'), '{not json')
    expect(await readRecentProjects(dataDir)).toEqual([])
    await rememberRecentProject(dataDir, { dir: a, name: 'a', openedAt: 1 })
    expect(await readRecentProjects(dataDir)).toEqual([{ dir: a, name: 'a', openedAt: 1 }])
  })

  it('skips malformed entries', async () => {
    const dataDir = await temporaryFolder()
    const [a] = await folders(1)
    const entries = [
      { dir: a, name: 'a', openedAt: 1 },
      { dir: 'relative', name: 'x', openedAt: 2 },
      'junk',
    ]
    await fs.writeFile(path.join(dataDir, 'recent.json'), JSON.stringify(entries))
    expect(await readRecentProjects(dataDir)).toEqual([{ dir: a, name: 'a', openedAt: 1 }])
  })

  it('creates the data folder when needed', async () => {
    const dataDir = path.join(await temporaryFolder(), 'nested', 'data')
    const [a] = await folders(1)
    await rememberRecentProject(dataDir, { dir: a, name: 'a', openedAt: 1 })
    expect(await readRecentProjects(dataDir)).toHaveLength(1)
  })
})
