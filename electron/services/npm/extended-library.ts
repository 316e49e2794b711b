/**
 * The extended libraries WeChat ships in its base library (`useExtendedLib` in app.json): with
 * `"weui": true` (or a version), `weui-miniprogram/<component>/<component>` resolves without the
 * project installing anything. MP DevTools bundles the `weui-miniprogram` npm package and serves
 * its `miniprogram_dist` as if it were the root `miniprogram_npm/weui-miniprogram` folder; those
 * files are read from MP DevTools' own copy, never from the project folder.
 */
import { readdir, readFile } from 'node:fs/promises'
import { createRequire } from 'node:module'
import path from 'node:path'
import {
  extendedLibraries as librariesOf,
  extendedLibraryFolder as servedPrefix,
} from '../../../shared/runtime/extended-libraries'
import { MINIPROGRAM_NPM } from '../../../shared/runtime/npm-resolution'

/**
 * The stylesheet each library brings to the whole app, as WeChat applies WeUI's styles with the
 * extended library (its components use `styleIsolation: apply-shared` and rely on them).
 */
const APP_STYLES: Readonly<Record<string, string>> = {
  'weui-miniprogram': 'weui-wxss/dist/style/weui.wxss',
}

/**
 * Where the npm build MP DevTools bundles differs from the library's source, which WeChat's own
 * copy follows: weui-miniprogram's checkbox passes its cell the class its tick's selector
 * (`.weui-cell_radio .weui-check + .weui-icon-checked`) needs as `^weui-cell_radio`, a class of
 * the checkbox's own scope (`^` names the parent's scope), and the 1.5 npm build lost the `^`, so
 * the class lands in the cell's scope and the tick is a grey square. Served path → replacements.
 */
const SOURCE_FIXES: Readonly<Record<string, readonly (readonly [string, string])[]>> = {
  'miniprogram_npm/weui-miniprogram/checkbox/checkbox.wxml': [
    ["'weui-cell_radio' : 'weui-cell_checkbox'", "'^weui-cell_radio' : '^weui-cell_checkbox'"],
  ],
}

/** `text` of the bundled file at `relPath` with its {@link SOURCE_FIXES} applied. */
function asInSource(relPath: string, text: string): string {
  let fixed = text
  for (const [written, source] of SOURCE_FIXES[relPath] ?? [])
    fixed = fixed.replace(written, source)
  return fixed
}

/** Reads a root-relative file; `null` when missing. */
export type ReadFile = (relPath: string) => Promise<string | null>

const installedDist = new Map<string, string>()

/** The bundled package's mini-program folder (its `miniprogram` field, else `miniprogram_dist`). */
function distFolder(packageName: string): string {
  let dist = installedDist.get(packageName)
  if (dist === undefined) {
    const manifest = createRequire(import.meta.url).resolve(`${packageName}/package.json`)
    const field = (createRequire(import.meta.url)(manifest) as { miniprogram?: string }).miniprogram
    dist = path.join(path.dirname(manifest), field ?? 'miniprogram_dist')
    installedDist.set(packageName, dist)
  }
  return dist
}

/** The packages app.json's `useExtendedLib` turns on (unknown keys are ignored, as in WeChat). */
export function extendedLibraries(appJsonSource: string | null): string[] {
  if (appJsonSource === null) return []
  let use: unknown
  try {
    use = (JSON.parse(appJsonSource) as { useExtendedLib?: unknown }).useExtendedLib
  } catch {
    return []
  }
  return librariesOf(use)
}

/** The bundled file a served path names, or `null` when it is not an extended library's. */
function bundledFile(relPath: string, packages: string[]): string | null {
  for (const packageName of packages) {
    const prefix = servedPrefix(packageName)
    if (!relPath.startsWith(prefix)) continue
    const dist = distFolder(packageName)
    const file = path.resolve(dist, relPath.slice(prefix.length))
    return file.startsWith(dist + path.sep) ? file : null
  }
  return null
}

/** `read` with the extended libraries app.json turns on laid over the project's files. */
export function withExtendedLibraries(read: ReadFile): ReadFile {
  return async (relPath) => {
    if (relPath === 'app.wxss') return withAppStyles(await read(relPath), await read('app.json'))
    if (!relPath.startsWith(`${MINIPROGRAM_NPM}/`)) return read(relPath)
    const file = bundledFile(relPath, extendedLibraries(await read('app.json')))
    if (file === null) return read(relPath)
    const text = await readFile(file, 'utf8').catch(() => null)
    return text === null ? null : asInSource(relPath, text)
  }
}

/**
 * app.wxss with the libraries' stylesheets imported first, on its first line so the project's own
 * lines keep their numbers, and before its rules so the project's rules win.
 */
function withAppStyles(appWxss: string | null, appJson: string | null): string | null {
  const imports = extendedLibraries(appJson)
    .filter((packageName) => APP_STYLES[packageName])
    .map((packageName) => `@import "/${servedPrefix(packageName)}${APP_STYLES[packageName]}";`)
  if (imports.length === 0) return appWxss
  return imports.join('') + (appWxss ?? '')
}

/**
 * The files of the extended libraries app.json turns on whose names end with one of `extensions`:
 * served path (`miniprogram_npm/weui-miniprogram/cell/cell.js`) → the bundled file's real path.
 */
export async function extendedLibraryPaths(
  appJsonSource: string | null,
  extensions: string[],
): Promise<Record<string, string>> {
  const paths: Record<string, string> = {}
  for (const packageName of extendedLibraries(appJsonSource)) {
    const dist = distFolder(packageName)
    for (const entry of await readdir(dist, { withFileTypes: true, recursive: true })) {
      const name = entry.name.toLowerCase()
      if (!entry.isFile() || !extensions.some((extension) => name.endsWith(extension))) continue
      const file = path.join(entry.parentPath, entry.name)
      paths[servedPrefix(packageName) + path.relative(dist, file).split(path.sep).join('/')] = file
    }
  }
  return paths
}

/** {@link extendedLibraryPaths}, with each file's text instead of its real path. */
export async function extendedLibraryFiles(
  appJsonSource: string | null,
  extensions: string[],
): Promise<Record<string, string>> {
  const files: Record<string, string> = {}
  for (const [served, file] of Object.entries(
    await extendedLibraryPaths(appJsonSource, extensions),
  )) {
    files[served] = await readFile(file, 'utf8')
  }
  return files
}
