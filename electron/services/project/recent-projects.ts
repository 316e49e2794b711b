/**
 * The recent-projects list in `<dataDir>/recent.json`: most recent first, one entry per folder, at
 * most ten, folders that no longer exist dropped. A corrupt file is treated as an empty list.
 */
import { promises as fs } from 'node:fs'
import path from 'node:path'
import type { RecentProject } from '../../../shared/project'
import { writeFileAtomic } from './atomic-write'
import { isPlainObject } from './value-checks'

export const MAX_RECENT_PROJECTS = 10
export const RECENT_FILE = 'recent.json'

function isRecentProject(value: unknown): value is RecentProject {
  return (
    isPlainObject(value) &&
    typeof value.dir === 'string' &&
    path.isAbsolute(value.dir) &&
    typeof value.name === 'string' &&
    typeof value.openedAt === 'number'
  )
}

async function isFolder(dir: string): Promise<boolean> {
  return fs.stat(dir).then(
    (stats) => stats.isDirectory(),
    () => false,
  )
}

function newestUnique(entries: RecentProject[]): RecentProject[] {
  const seen = new Set<string>()
  return [...entries]
    .sort((a, b) => b.openedAt - a.openedAt)
    .filter((entry) => !seen.has(entry.dir) && seen.add(entry.dir))
}

async function readEntries(dataDir: string): Promise<RecentProject[]> {
  try {
    const value: unknown = JSON.parse(await fs.readFile(path.join(dataDir, RECENT_FILE), 'utf8'))
    return Array.isArray(value) ? value.filter(isRecentProject) : []
  } catch {
    return []
  }
}

export async function readRecentProjects(dataDir: string): Promise<RecentProject[]> {
  const entries = newestUnique(await readEntries(dataDir))
  const present: RecentProject[] = []
  for (const entry of entries) {
    if (present.length === MAX_RECENT_PROJECTS) break
    if (await isFolder(entry.dir)) present.push(entry)
  }
  return present
}

export async function rememberRecentProject(
  dataDir: string,
  project: RecentProject,
): Promise<void> {
  const entries = newestUnique([project, ...(await readRecentProjects(dataDir))])
  await fs.mkdir(dataDir, { recursive: true })
  const list = entries.slice(0, MAX_RECENT_PROJECTS)
  await writeFileAtomic(path.join(dataDir, RECENT_FILE), `${JSON.stringify(list, null, 2)}\n`)
}
