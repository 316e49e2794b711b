/**
 * The files of a mini-program the simulator's frame needs besides the compiled templates, styles
 * and scripts: its JSON as text, and its images as data URLs within a size budget.
 * Symbolic links, dot folders and `node_modules` are not followed, and every file is read through
 * the project's path-safety check, so nothing outside the mini-program root is ever sent.
 */
import { readFile } from 'node:fs/promises'
import { extname } from 'node:path'
import { listProjectFiles } from '../compiler/project-listing'
import { extendedLibraryFiles } from '../npm/extended-library'
import { readProjectFile, resolveUnderRealRoot } from '../project/project-files'

const IMAGE_TYPES: Readonly<Record<string, string>> = {
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.svg': 'image/svg+xml',
  '.webp': 'image/webp',
}

export interface SimulatorFiles {
  /** `.json` files by path from the root (scripts come compiled, from the compiler). */
  files: Record<string, string>
  /** Images by path from the root, as data URLs. */
  assets: Record<string, string>
  /** Images left out because the budget was spent, by path. */
  omitted: string[]
}

/** `rootReal` is the real path of the mini-program root; `assetBudget` is in bytes. */
export async function readSimulatorFiles(
  rootReal: string,
  assetBudget: number,
): Promise<SimulatorFiles> {
  const result: SimulatorFiles = { files: {}, assets: {}, omitted: [] }
  let spent = 0
  for (const path of await listProjectFiles(rootReal)) {
    const extension = extname(path).toLowerCase()
    if (extension === '.json') {
      const text = await readProjectFile(rootReal, path)
      if (text.ok) result.files[path] = text.value
      continue
    }
    const type = IMAGE_TYPES[extension]
    if (!type) continue
    const resolved = await resolveUnderRealRoot(rootReal, path)
    if (!resolved.ok) continue
    const bytes = await readFile(resolved.value).catch(() => null)
    if (!bytes) continue
    if (spent + bytes.length > assetBudget) {
      result.omitted.push(path)
      continue
    }
    spent += bytes.length
    result.assets[path] = `data:${type};base64,${bytes.toString('base64')}`
  }
  // useExtendedLib's libraries come from MP DevTools' own copy, not from the project folder.
  const app = await readProjectFile(rootReal, 'app.json')
  Object.assign(result.files, await extendedLibraryFiles(app.ok ? app.value : null, ['.json']))
  return result
}
