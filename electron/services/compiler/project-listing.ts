/**
 * Every file of a mini-program, as project-relative paths with `/`. Symbolic links, dot folders
 * and `node_modules` (WeChat does not ship it; `miniprogram_npm` is kept) are not followed, so
 * nothing outside the root is listed; a walk stops after `MAX_ENTRIES` files.
 */
import { readdir } from 'node:fs/promises'
import { join } from 'node:path'

const SKIPPED_FOLDERS = new Set(['node_modules'])
/** A bound on how many entries one project walk visits. */
const MAX_ENTRIES = 20000

export async function listProjectFiles(root: string): Promise<string[]> {
  const found: string[] = []
  const visit = async (folder: string, prefix: string): Promise<void> => {
    const entries = await readdir(folder, { withFileTypes: true }).catch(() => [])
    for (const entry of entries) {
      if (found.length >= MAX_ENTRIES) return
      if (entry.name.startsWith('.')) continue
      const path = `${prefix}${entry.name}`
      if (entry.isDirectory() && !SKIPPED_FOLDERS.has(entry.name)) {
        await visit(join(folder, entry.name), `${path}/`)
      } else if (entry.isFile()) {
        found.push(path)
      }
    }
  }
  await visit(root, '')
  return found.sort()
}
