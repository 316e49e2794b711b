/**
 * Where an installed package lives: a target's direct dependency only in the `node_modules` beside
 * its package.json (WeChat's rule); a dependency of a package as Node finds it, in
 * `node_modules/<name>` of the requiring package's folder and each parent, then the target's. Symbolic links (pnpm,
 * `npm link`, workspaces) are followed: the package's real folder is returned.
 */
import { realpath, stat } from 'node:fs/promises'
import path from 'node:path'

export async function findInstalled(
  name: string,
  from: string | null,
  targetNodeModules: string,
): Promise<string | null> {
  const candidates: string[] = []
  for (let dir = from; dir !== null; dir = path.dirname(dir)) {
    if (path.basename(dir) !== 'node_modules') candidates.push(path.join(dir, 'node_modules'))
    if (path.dirname(dir) === dir) break
  }
  candidates.push(targetNodeModules)
  for (const folder of candidates) {
    const dir = path.join(folder, ...name.split('/'))
    if (
      await stat(path.join(dir, 'package.json')).then(
        (s) => s.isFile(),
        () => false,
      )
    ) {
      return realpath(dir)
    }
  }
  return null
}
