/**
 * The files of a mini-program the simulator's frame needs besides the compiled templates, styles
 * and scripts: its JSON as text, and its images as data URLs within a size budget.
 * Symbolic links, dot folders and `node_modules` are not followed, and every project file is read
 * through the project's path-safety check, so nothing outside the mini-program root is ever sent;
 * the extended libraries app.json turns on (their JSON and pictures) come from MP DevTools' copy.
 */
import { readFile } from 'node:fs/promises'
import { extname } from 'node:path'
import { listProjectFiles } from '../compiler/project-listing'
import { extendedLibraryFiles, extendedLibraryPaths } from '../npm/extended-library'
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
  /** Adds the picture at `path` from `file` unless it cannot be read or the budget is spent. */
  const addImage = async (path: string, file: string, type: string) => {
    const bytes = await readFile(file).catch(() => null)
    if (!bytes) return
    if (spent + bytes.length > assetBudget) {
      result.omitted.push(path)
      return
    }
    spent += bytes.length
    result.assets[path] = `data:${type};base64,${bytes.toString('base64')}`
  }
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
    if (resolved.ok) await addImage(path, resolved.value, type)
  }
  // useExtendedLib's libraries come from MP DevTools' own copy, not from the project folder.
  const app = await readProjectFile(rootReal, 'app.json')
  const appJson = app.ok ? app.value : null
  Object.assign(result.files, await extendedLibraryFiles(appJson, ['.json']))
  const images = await extendedLibraryPaths(appJson, Object.keys(IMAGE_TYPES))
  for (const [path, file] of Object.entries(images)) {
    await addImage(path, file, IMAGE_TYPES[extname(path).toLowerCase()])
  }
  return result
}
