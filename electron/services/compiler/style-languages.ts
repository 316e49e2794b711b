/**
 * Less (`less`) and Sass (`sass`, its modern compile API) into CSS for the WXSS pipeline, as
 * WeChat's `less` and `sass` compiler plugins do. Every file is read through the project's reader:
 * `@import`/`@use` resolve inside the mini-program root only (`/x` from the root), never from the
 * disk or the network, and Less `@plugin` (JavaScript run by the compiler) is refused.
 *
 * As WeChat's tool does (devtools 1.06.2403132+), every .less file but app.less sees app.less's
 * variables and mixins, and every .scss file but global.scss gets `@use '/global.scss'` when that
 * file exists. The added text goes on the first line, so only line 1 columns are shifted back.
 */
import type { CompileError, ReadProjectFile } from './types'
import { resolveProjectPath } from './project-paths'

/** A style file compiled to CSS, with every file it read (missing ones too) for invalidation. */
export interface StyleSource {
  /** `''` when the file did not compile (see `errors`). */
  css: string
  files: string[]
  errors: CompileError[]
}

export const STYLE_LANGUAGE_EXTENSIONS = ['less', 'scss', 'sass'] as const
export type StyleLanguage = (typeof STYLE_LANGUAGE_EXTENSIONS)[number]

export function styleLanguageOf(path: string): StyleLanguage | null {
  const extension = path.slice(path.lastIndexOf('.') + 1)
  return (STYLE_LANGUAGE_EXTENSIONS as readonly string[]).includes(extension)
    ? (extension as StyleLanguage)
    : null
}

const LESS_GLOBAL = 'app.less'
const LESS_GLOBAL_IMPORT = `@import (optional, reference) '/${LESS_GLOBAL}'; `
const SASS_GLOBAL = 'global.scss'
const SASS_GLOBAL_USE = `@use '/${SASS_GLOBAL}'; `
/** Files a Less `@import` may load; anything else (a `@plugin`'s .js) is refused. */
const LESS_LOADABLE = /\.(less|wxss|css)$/

/** Compiles the .less, .scss or .sass file at `path`; `null` when it does not exist. */
export async function compileStyleLanguage(
  path: string,
  read: ReadProjectFile,
): Promise<StyleSource | null> {
  const language = styleLanguageOf(path)
  const source = language ? await read(path) : null
  if (source === null || language === null) return null
  const files = [path]
  const tracked: ReadProjectFile = async (file) => {
    if (!files.includes(file)) files.push(file)
    return read(file)
  }
  const result =
    language === 'less'
      ? await compileLess(path, source, tracked)
      : await compileSass(path, source, language, tracked)
  return { ...result, files }
}

async function compileLess(
  path: string,
  source: string,
  read: ReadProjectFile,
): Promise<{ css: string; errors: CompileError[] }> {
  const { default: less } = await import('less')
  const prefix = path === LESS_GLOBAL ? '' : LESS_GLOBAL_IMPORT
  class ProjectFileManager extends less.FileManager {
    override supports(): boolean {
      return true
    }
    override supportsSync(): boolean {
      return false
    }
    override async loadFile(filename: string, currentDirectory: string, options: { ext?: string }) {
      const named = /\.[^./]*$/.test(filename) ? filename : `${filename}${options.ext ?? '.less'}`
      const resolved = resolveProjectPath(`${currentDirectory}x`, named)
      if (resolved === null) throw { message: `"${filename}" points outside the project` }
      if (!LESS_LOADABLE.test(resolved)) {
        throw { message: `"${filename}" cannot be loaded: only style files are (no @plugin)` }
      }
      const contents = await read(resolved)
      if (contents === null) throw { message: `"${filename}" not found (${resolved})` }
      return { contents, filename: resolved }
    }
  }
  try {
    const output = await less.render(prefix + source, {
      filename: path,
      javascriptEnabled: false,
      plugins: [{ install: (_less, manager) => manager.addFileManager(new ProjectFileManager()) }],
    })
    return { css: output.css, errors: [] }
  } catch (caught) {
    // What `render` rejects with: 1-based line, 0-based column.
    const error = caught as { message?: string; filename?: string; line?: number; column?: number }
    const file = error.filename && error.filename !== 'input' ? error.filename : path
    const at = { file, line: error.line ?? 1, column: (error.column ?? 0) + 1 }
    return failed(path, prefix, at, error.message ?? String(caught))
  }
}

/** Sass sees the project as `mp:///<root-relative path>`, so `/x` is the mini-program root. */
const PROJECT_URL = 'mp:///'

async function compileSass(
  path: string,
  source: string,
  language: 'scss' | 'sass',
  read: ReadProjectFile,
): Promise<{ css: string; errors: CompileError[] }> {
  const sass = await import('sass')
  const prefix =
    language === 'scss' && path !== SASS_GLOBAL && (await read(SASS_GLOBAL)) !== null
      ? SASS_GLOBAL_USE
      : ''
  const loaded = new Map<string, string>()
  const importer = {
    async canonicalize(url: string): Promise<URL | null> {
      if (!url.startsWith(PROJECT_URL)) return null
      for (const candidate of sassCandidates(decodeURIComponent(url.slice(PROJECT_URL.length)))) {
        const contents = await read(candidate)
        if (contents !== null) {
          loaded.set(candidate, contents)
          return new URL(`${PROJECT_URL}${candidate}`)
        }
      }
      return null
    },
    load(canonical: URL) {
      const file = decodeURIComponent(canonical.pathname.slice(1))
      const contents = loaded.get(file)
      if (contents === undefined) return null
      const syntax = file.endsWith('.sass') ? 'indented' : file.endsWith('.scss') ? 'scss' : 'css'
      return { contents, syntax: syntax as 'indented' | 'scss' | 'css' }
    },
  }
  try {
    const output = await sass.compileStringAsync(prefix + source, {
      url: new URL(`${PROJECT_URL}${path}`),
      syntax: language === 'sass' ? 'indented' : 'scss',
      style: 'expanded',
      importer,
      logger: sass.Logger.silent,
    })
    return { css: output.css, errors: [] }
  } catch (caught) {
    if (!(caught instanceof sass.Exception)) {
      const message = caught instanceof Error ? caught.message : String(caught)
      return { css: '', errors: [{ file: path, line: 1, column: 1, message }] }
    }
    const span = caught.span
    const url = span.url?.href ?? ''
    const file = url.startsWith(PROJECT_URL)
      ? decodeURIComponent(url.slice(PROJECT_URL.length))
      : path
    const at = { file, line: span.start.line + 1, column: span.start.column + 1 }
    return failed(path, prefix, at, caught.sassMessage)
  }
}

/** A compile that failed at `at` (1-based); line 1 of the entry loses the added `prefix`. */
function failed(
  path: string,
  prefix: string,
  at: { file: string; line: number; column: number },
  message: string,
): { css: string; errors: CompileError[] } {
  const shifted = at.file === path && at.line === 1
  const column = shifted ? Math.max(1, at.column - prefix.length) : at.column
  return { css: '', errors: [{ ...at, column, message }] }
}

/** Sass's lookup for `@use 'a/b'`: the file, its partial, then a folder's index. */
function sassCandidates(target: string): string[] {
  if (/\.(scss|sass|css|wxss)$/.test(target)) {
    const slash = target.lastIndexOf('/') + 1
    return [target, `${target.slice(0, slash)}_${target.slice(slash)}`]
  }
  const slash = target.lastIndexOf('/') + 1
  const partial = `${target.slice(0, slash)}_${target.slice(slash)}`
  return ['scss', 'sass', 'css'].flatMap((extension) => [
    `${target}.${extension}`,
    `${partial}.${extension}`,
    `${target}/index.${extension}`,
    `${target}/_index.${extension}`,
  ])
}
