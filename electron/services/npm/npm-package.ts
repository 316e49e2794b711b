/**
 * One dependency as 构建 npm sees it: found in node_modules, then either a mini-program package
 * (its `miniprogram` folder, else `miniprogram_dist`, copied as it is) or any other package (its
 * entry bundled with esbuild into one CommonJS `index.js`).
 */
import { build, type Message } from 'esbuild'
import { cp, mkdir, readdir, readFile, stat, writeFile } from 'node:fs/promises'
import path from 'node:path'
import type { BuiltPackage } from '../../../shared/npm-build'
import { NpmBuildError } from './npm-build-error'

export interface NpmPackage {
  name: string
  /** The package's folder, symbolic links followed. */
  dir: string
  /** `copied` from `sourceDir`, or `bundled` from `entry`. */
  kind: 'copied' | 'bundled'
  /** The mini-program folder (copied) or the entry file (bundled). */
  source: string
  dependencies: string[]
}

/** A package.json's `dependencies` names (never `devDependencies`, as WeChat builds). */
export function dependencyNames(json: Record<string, unknown>, file: string): string[] {
  const dependencies = json.dependencies
  if (dependencies === undefined) return []
  if (dependencies === null || typeof dependencies !== 'object' || Array.isArray(dependencies)) {
    throw new NpmBuildError('NPM_BAD_PACKAGE_JSON', `${file}: "dependencies" must be an object`)
  }
  return Object.keys(dependencies)
}

export async function readPackageJson(file: string): Promise<Record<string, unknown>> {
  let text: string
  try {
    text = await readFile(file, 'utf8')
  } catch (error) {
    throw new NpmBuildError('NPM_IO', `cannot read ${file}: ${(error as Error).message}`)
  }
  let json: unknown
  try {
    json = JSON.parse(text)
  } catch (error) {
    throw new NpmBuildError('NPM_BAD_PACKAGE_JSON', `${file}: ${(error as Error).message}`)
  }
  if (json === null || typeof json !== 'object' || Array.isArray(json)) {
    throw new NpmBuildError('NPM_BAD_PACKAGE_JSON', `${file} must contain a JSON object`)
  }
  return json as Record<string, unknown>
}

const isFolder = (at: string) =>
  stat(at).then(
    (s) => s.isDirectory(),
    () => false,
  )
const isFile = (at: string) =>
  stat(at).then(
    (s) => s.isFile(),
    () => false,
  )

/** Reads the installed package at `dir` and decides how it is built. */
export async function inspectPackage(name: string, dir: string): Promise<NpmPackage> {
  const file = path.join(dir, 'package.json')
  const json = await readPackageJson(file)
  const dependencies = dependencyNames(json, file)
  const field = json.miniprogram
  if (typeof field === 'string' && field !== '') {
    const source = path.resolve(dir, field)
    if (!(await isFolder(source))) {
      throw new NpmBuildError(
        'NPM_BAD_PACKAGE_JSON',
        `${file}: "miniprogram" names the folder "${field}", which does not exist`,
      )
    }
    return { name, dir, kind: 'copied', source, dependencies }
  }
  const dist = path.join(dir, 'miniprogram_dist')
  if (await isFolder(dist)) return { name, dir, kind: 'copied', source: dist, dependencies }
  return { name, dir, kind: 'bundled', source: await entryFile(json, dir, file), dependencies }
}

/** `main` (else `module`, else `index.js`), with `.js` or `/index.js` added as Node would. */
async function entryFile(json: Record<string, unknown>, dir: string, file: string) {
  const main = [json.main, json.module].find((v): v is string => typeof v === 'string' && v !== '')
  const base = path.resolve(dir, main ?? 'index.js')
  for (const candidate of [base, `${base}.js`, path.join(base, 'index.js')]) {
    if (await isFile(candidate)) return candidate
  }
  throw new NpmBuildError(
    'NPM_BUNDLE_FAILED',
    `cannot bundle "${path.basename(dir)}": its entry ${main ? `"${main}"` : 'index.js'} (from ${file}) does not exist`,
  )
}

/** Writes the package into `out` (its `miniprogram_npm/<name>` folder, not yet existing). */
export async function writePackage(pkg: NpmPackage, out: string): Promise<BuiltPackage> {
  if (pkg.kind === 'copied') {
    await cp(pkg.source, out, { recursive: true, dereference: true })
    const { files, bytes } = await measure(out)
    return { name: pkg.name, kind: 'copied', files, bytes }
  }
  const code = await bundle(pkg)
  await mkdir(out, { recursive: true })
  await writeFile(path.join(out, 'index.js'), code)
  return { name: pkg.name, kind: 'bundled', files: 1, bytes: Buffer.byteLength(code) }
}

async function bundle(pkg: NpmPackage): Promise<string> {
  try {
    const result = await build({
      entryPoints: [pkg.source],
      bundle: true,
      format: 'cjs',
      platform: 'neutral',
      // WeChat's base library loads `main`; `module` serves ESM-only packages.
      mainFields: ['main', 'module'],
      // The base library runs ES2017+; keep the package's syntax but no newer than that.
      target: 'es2017',
      write: false,
      logLevel: 'silent',
      outfile: 'index.js',
    })
    return result.outputFiles[0].text
  } catch (error) {
    const errors = (error as { errors?: Message[] }).errors
    const reason = errors?.length ? errors.map(describe).join('; ') : (error as Error).message
    throw new NpmBuildError(
      'NPM_BUNDLE_FAILED',
      `cannot bundle "${pkg.name}" from ${pkg.source}: ${reason}`,
    )
  }
}

function describe(message: Message): string {
  const at = message.location
  return at ? `${at.file}:${at.line}:${at.column + 1}: ${message.text}` : message.text
}

async function measure(folder: string): Promise<{ files: number; bytes: number }> {
  let files = 0
  let bytes = 0
  for (const entry of await readdir(folder, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile()) continue
    files++
    bytes += (await stat(path.join(entry.parentPath, entry.name))).size
  }
  return { files, bytes }
}
