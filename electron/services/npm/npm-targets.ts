/**
 * Which package.json files 构建 npm builds and where each one's `miniprogram_npm` goes, by
 * WeChat's rules: every package.json inside the mini-program root (its `miniprogram_npm` beside
 * it), or with `setting.packNpmManually` each `packNpmRelationList` entry
 * `{ packageJsonPath, miniprogramNpmDistDir }`, both relative to the project folder.
 */
import { readdir } from 'node:fs/promises'
import path from 'node:path'
import { NpmBuildError } from './npm-build-error'

export interface NpmTarget {
  /** Absolute path of the package.json. */
  packageJson: string
  /** Absolute folder that receives `miniprogram_npm`. */
  distDir: string
}

/** Folders never searched for package.json: installed packages and build output. */
const SKIPPED = new Set(['node_modules', 'miniprogram_npm'])
/** A bound on how many folders one search visits. */
const MAX_FOLDERS = 5000

export interface TargetSettings {
  miniprogramRoot: string
  setting: Record<string, unknown>
}

export async function findNpmTargets(
  projectDir: string,
  settings: TargetSettings,
): Promise<NpmTarget[]> {
  if (settings.setting.packNpmManually === true) {
    return relationListTargets(projectDir, settings.setting.packNpmRelationList)
  }
  const root = path.join(projectDir, settings.miniprogramRoot)
  const found = await findPackageJsons(root)
  if (found.length === 0) {
    throw new NpmBuildError(
      'NPM_NO_PACKAGE_JSON',
      `no package.json found inside the mini-program root ${root}: put the package.json (and run npm install) inside miniprogramRoot, or set setting.packNpmManually and setting.packNpmRelationList in project.config.json`,
    )
  }
  return found.map((packageJson) => ({ packageJson, distDir: path.dirname(packageJson) }))
}

function relationListTargets(projectDir: string, list: unknown): NpmTarget[] {
  const at = 'project.config.json setting.packNpmRelationList'
  if (!Array.isArray(list) || list.length === 0) {
    throw new NpmBuildError(
      'NPM_BAD_PACKAGE_JSON',
      `${at} must list at least one { packageJsonPath, miniprogramNpmDistDir } when setting.packNpmManually is true`,
    )
  }
  return list.map((entry: unknown, index) => {
    const item = entry as { packageJsonPath?: unknown; miniprogramNpmDistDir?: unknown } | null
    const inside = (key: 'packageJsonPath' | 'miniprogramNpmDistDir') => {
      const value = item?.[key]
      if (typeof value !== 'string' || value === '') {
        throw new NpmBuildError('NPM_BAD_PACKAGE_JSON', `${at}[${index}].${key} must be a path`)
      }
      const absolute = path.resolve(projectDir, value)
      const relative = path.relative(projectDir, absolute)
      if (relative.startsWith('..') || path.isAbsolute(relative)) {
        throw new NpmBuildError(
          'NPM_OUTSIDE_PROJECT',
          `${at}[${index}].${key} "${value}" is outside the project folder ${projectDir}`,
        )
      }
      return absolute
    }
    return { packageJson: inside('packageJsonPath'), distDir: inside('miniprogramNpmDistDir') }
  })
}

async function findPackageJsons(root: string): Promise<string[]> {
  const found: string[] = []
  const queue = [root]
  for (let visited = 0; queue.length > 0 && visited < MAX_FOLDERS; visited++) {
    const folder = queue.shift() as string
    const entries = await readdir(folder, { withFileTypes: true }).catch(() => [])
    for (const entry of entries) {
      if (entry.name.startsWith('.')) continue
      if (entry.isDirectory() && !SKIPPED.has(entry.name)) queue.push(path.join(folder, entry.name))
      else if (entry.isFile() && entry.name === 'package.json')
        found.push(path.join(folder, entry.name))
    }
  }
  return found.sort()
}
