/**
 * The project's JavaScript files as the runtime's `require` sees them: project-relative paths with
 * `/` (e.g. `pages/index/index.js`) → source text. Symbolic links are not followed, so nothing
 * outside the mini-program folder is read; `node_modules` (not shipped by WeChat) and dot folders
 * are skipped, `miniprogram_npm` is kept.
 */
import { readdir, readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { extendedLibraryFiles } from '../npm/extended-library'

const SKIPPED_FOLDERS = new Set(['node_modules'])

export async function readProjectScripts(root: string): Promise<Record<string, string>> {
  const scripts: Record<string, string> = {}
  const visit = async (folder: string, prefix: string): Promise<void> => {
    const entries = await readdir(folder, { withFileTypes: true })
    for (const entry of entries) {
      if (entry.name.startsWith('.')) continue
      const path = `${prefix}${entry.name}`
      if (entry.isDirectory() && !SKIPPED_FOLDERS.has(entry.name)) {
        await visit(join(folder, entry.name), `${path}/`)
      } else if (entry.isFile() && entry.name.endsWith('.js')) {
        scripts[path] = await readFile(join(folder, entry.name), 'utf8')
      }
    }
  }
  await visit(root, '')
  // useExtendedLib's libraries come from MP DevTools' own copy, not from the project folder.
  const app = await readFile(join(root, 'app.json'), 'utf8').catch(() => null)
  return { ...scripts, ...(await extendedLibraryFiles(app, ['.js'])) }
}
