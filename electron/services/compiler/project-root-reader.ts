import { readFile, realpath } from 'node:fs/promises'
import { isAbsolute, relative, resolve } from 'node:path'
import type { ReadProjectFile } from './types'

/**
 * The default `ReadProjectFile`: reads UTF-8 files inside `root` only. The path is resolved with
 * symlinks followed, and anything that lands outside the root's real path reads as missing.
 */
export function createRootReader(root: string): ReadProjectFile {
  return async (relPath) => {
    if (relPath.includes('\0') || isAbsolute(relPath)) return null
    try {
      const realRoot = await realpath(root)
      const real = await realpath(resolve(realRoot, relPath))
      const inside = relative(realRoot, real)
      if (inside === '' || inside.split(/[\\/]/)[0] === '..' || isAbsolute(inside)) return null
      return await readFile(real, 'utf8')
    } catch {
      return null
    }
  }
}
