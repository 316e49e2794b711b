/** Test support: every file under a folder (dotfiles included) and its bytes, to compare folders. */
import { readdir, readFile } from 'node:fs/promises'
import { join, relative, sep } from 'node:path'

export async function folderSnapshot(root: string): Promise<Record<string, string>> {
  const entries = await readdir(root, { recursive: true, withFileTypes: true })
  const snapshot: Record<string, string> = {}
  const files = entries.filter((entry) => entry.isFile())
  for (const entry of files.sort((a, b) =>
    (a.parentPath + a.name).localeCompare(b.parentPath + b.name),
  )) {
    const path = join(entry.parentPath, entry.name)
    snapshot[relative(root, path).split(sep).join('/')] = (await readFile(path)).toString('base64')
  }
  return snapshot
}
