/**
 * 构建 npm (`mpdt build-npm`, 工具 → 构建 npm): for each target package.json, every package in its
 * `dependencies` found in the `node_modules` beside it becomes `miniprogram_npm/<name>`; a
 * mini-program package's own dependencies are built too. Everything is checked before anything is
 * written, each `miniprogram_npm` is built beside the old one and then swapped in, so a failed
 * build leaves the old folders untouched.
 */
import { stat } from 'node:fs/promises'
import path from 'node:path'
import type { BuiltPackage, NpmBuildProgress, NpmBuildReport } from '../../../shared/npm-build'
import { fail, ok, type Result } from '../../../shared/result'
import { MINIPROGRAM_NPM } from '../../../shared/runtime/npm-resolution'
import { readSettings } from '../project/project-settings'
import { NpmBuildError } from './npm-build-error'
import {
  dependencyNames,
  inspectPackage,
  type NpmPackage,
  readPackageJson,
  writePackage,
} from './npm-package'
import { findNpmTargets, type NpmTarget } from './npm-targets'
import { FolderSwap } from './folder-swap'
import { findInstalled } from './installed-package'

interface PlannedTarget extends NpmTarget {
  packages: NpmPackage[]
}

export async function buildNpm(
  projectDir: string,
  onProgress: (progress: NpmBuildProgress) => void = () => {},
): Promise<Result<NpmBuildReport>> {
  try {
    const { settings } = await readSettings(projectDir)
    const targets = await findNpmTargets(projectDir, settings)
    const planned: PlannedTarget[] = []
    for (const target of targets) planned.push({ ...target, packages: await planTarget(target) })
    return ok(await writeTargets(projectDir, planned, onProgress))
  } catch (error) {
    if (error instanceof NpmBuildError) return fail({ code: error.code, message: error.message })
    return fail({ code: 'NPM_IO', message: (error as Error).message })
  }
}

/** The packages of one target, dependencies of mini-program packages included, each once. */
async function planTarget(target: NpmTarget): Promise<NpmPackage[]> {
  const json = await readPackageJson(target.packageJson)
  const direct = dependencyNames(json, target.packageJson)
  const folder = path.dirname(target.packageJson)
  const nodeModules = path.join(folder, 'node_modules')
  if (
    direct.length > 0 &&
    !(await stat(nodeModules).then(
      (s) => s.isDirectory(),
      () => false,
    ))
  ) {
    throw new NpmBuildError(
      'NPM_NO_NODE_MODULES',
      `${nodeModules} not found (dependencies of ${target.packageJson}): run npm install first in ${folder}`,
    )
  }
  const packages = new Map<string, NpmPackage>()
  const queue: { name: string; from: string | null; wantedBy: string }[] = direct.map((name) => ({
    name,
    from: null,
    wantedBy: target.packageJson,
  }))
  for (let next = queue.shift(); next; next = queue.shift()) {
    if (packages.has(next.name)) continue
    const dir = await findInstalled(next.name, next.from, nodeModules)
    if (dir === null) {
      throw new NpmBuildError(
        'NPM_MISSING_DEPENDENCY',
        `dependency "${next.name}" of ${next.wantedBy} is not installed in ${nodeModules}: run npm install in ${folder}`,
      )
    }
    const pkg = await inspectPackage(next.name, dir)
    packages.set(next.name, pkg)
    // A bundled package carries its dependencies inside index.js; a copied one requires them.
    if (pkg.kind === 'copied') {
      const wantedBy = path.join(dir, 'package.json')
      for (const name of pkg.dependencies) queue.push({ name, from: dir, wantedBy })
    }
  }
  return [...packages.values()]
}

async function writeTargets(
  projectDir: string,
  targets: PlannedTarget[],
  onProgress: (progress: NpmBuildProgress) => void,
): Promise<NpmBuildReport> {
  const total = targets.reduce((sum, target) => sum + target.packages.length, 0)
  let done = 0
  const swaps: FolderSwap[] = []
  const report: NpmBuildReport = { targets: [] }
  const relative = (at: string) => path.relative(projectDir, at).split(path.sep).join('/') || '.'
  try {
    for (const target of targets) {
      const finalDir = path.join(target.distDir, MINIPROGRAM_NPM)
      const built: BuiltPackage[] = []
      report.targets.push({
        packageJson: relative(target.packageJson),
        miniprogramNpm: relative(finalDir),
        packages: built,
      })
      // A package.json without dependencies (a component folder's own manifest) builds nothing.
      if (target.packages.length === 0) continue
      const swap = await FolderSwap.begin(finalDir)
      swaps.push(swap)
      for (const pkg of target.packages) {
        onProgress({ name: pkg.name, done, total })
        built.push(await writePackage(pkg, path.join(swap.staging, ...pkg.name.split('/'))))
        done++
      }
    }
  } catch (error) {
    await Promise.all(swaps.map((swap) => swap.abandon()))
    throw error
  }
  for (const swap of swaps) await swap.commit()
  onProgress({ name: '', done, total })
  return report
}
