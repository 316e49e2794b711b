/**
 * Compiles a whole mini-program (pages, custom components, templates, WXS, WXSS) into data the
 * simulator's iframe loads into glass-easel. Every stage is memoized by file content, so
 * `recompileFile` after a save only redoes what that file feeds.
 */
import { buildComponentGraph, type ComponentGraph } from './component-graph'
import type { CompilerPlugins } from './compiler-plugins'
import { listProjectFiles } from './project-listing'
import { checkScriptLinks } from './script-links'
import { chooseScriptSources, ScriptCompiler } from './scripts'
import { bundleWorkers } from './worker-bundle'
import type { RpxOptions } from '../../../shared/inline-style'
import { positionAt } from '../project/json-document'
import { resolveProjectPath, withoutExtension } from './project-paths'
import { extendedLibraryPaths, withExtendedLibraries } from '../npm/extended-library'
import { createRootReader } from './project-root-reader'
import { TemplateGroup } from './template-group'
import type { CompileError, CompileResult, ReadProjectFile } from './types'
import { compileStyleLanguage, styleLanguageOf } from './style-languages'
import { findWxsRequires } from './wxs-runtime'
import { applyRpx, bundleWxss, type ReadWxss, type WxssBundle } from './wxss'

export interface CompileProjectInput {
  /** Reads inside the mini-program root; defaults to a realpath-contained reader of `root`. */
  readFile?: ReadProjectFile
  /** The mini-program root folder, used when `readFile` is not given. */
  root?: string
  /** The simulated device, for rpx. */
  rpx: RpxOptions
  /** `setting.useCompilerPlugins` (`readCompilerPlugins`); absent: none is on. */
  plugins?: CompilerPlugins
  /**
   * Every file of the mini-program by root-relative path (scripts are compiled from it); defaults
   * to a walk of `root` with the extended libraries app.json turns on, or none when only
   * `readFile` is given.
   */
  listFiles?: () => Promise<string[]>
}

const EMPTY_RESULT: CompileResult = {
  groupListCode: '({})',
  templates: [],
  components: {},
  styles: {},
  scripts: {},
  pages: [],
  errors: [],
  warnings: [],
}

/** What a compile reads: configuration, templates, WXS, styles and scripts (not images…). */
const SOURCE_FILE = /\.(?:json|wxml|wxs|wxss|less|scss|sass|js|ts)$/
/** Reads in flight at once while reading ahead (the thread pool runs 4; the rest stay queued). */
const READ_AHEAD_WORKERS = 16

/** Stands in for a .wxs file that does not exist (the error is reported separately). */
const MISSING_WXS_MODULE = 'module.exports={}'

interface StyleEntry {
  bundle: WxssBundle
  /** The content of every file in `bundle.files` when it was built. */
  snapshot: Map<string, string | null>
}

export class ProjectCompiler {
  private readonly read: ReadProjectFile
  private readonly listFiles: () => Promise<string[]>
  private readonly scriptCompiler = new ScriptCompiler()
  private rpx: RpxOptions
  private readonly plugins: CompilerPlugins
  private readonly files = new Map<string, Promise<string | null>>()
  private readonly styleEntries = new Map<string, StyleEntry>()
  private group: TemplateGroup | null = null
  /** The last compile's style bundles, kept so a device change only redoes rpx. */
  private bundles: Record<string, WxssBundle> = {}
  /** px CSS per bundle for the device `pxDevice`; bundles are replaced, never mutated. */
  private pxCache = new Map<WxssBundle, string>()
  private pxDevice = ''
  private last: CompileResult | null = null
  /** The last listing of the project's files; null: list again at the next compile. */
  private listing: Promise<string[]> | null = null
  /** Files forgotten since the last compile: listing again is needed only if one came or went. */
  private readonly changed = new Set<string>()
  /** The last component graph and every file it read (missing ones too). */
  private graph: { graph: ComponentGraph; files: Set<string> } | null = null
  private running: Promise<unknown> = Promise.resolve()

  constructor(input: CompileProjectInput) {
    if (input.readFile) this.read = withExtendedLibraries(input.readFile)
    else if (input.root !== undefined)
      this.read = withExtendedLibraries(createRootReader(input.root))
    else throw new TypeError('compileProject needs readFile or root')
    const root = input.root
    this.listFiles =
      input.listFiles ??
      (root === undefined ? async () => [] : () => this.listWithExtendedLibraries(root))
    this.rpx = input.rpx
    this.plugins = input.plugins ?? { typescript: false, less: false, sass: false }
  }

  /**
   * Compiles everything not already compiled from the same content. Never throws: even a failure
   * of the compiler itself comes back as an error in the result.
   */
  compile(): Promise<CompileResult> {
    // One compile at a time: saves arrive faster than compiles, and they share one TmplGroup.
    const run = this.running.then(() => this.compileSafely())
    this.running = run
    return run
  }

  private async compileSafely(): Promise<CompileResult> {
    try {
      return await this.compileSources()
    } catch (error) {
      const message = `compiler failure: ${error instanceof Error ? error.message : String(error)}`
      return {
        ...(this.last ?? EMPTY_RESULT),
        errors: [{ file: '(compiler)', line: 1, column: 1, message }],
      }
    }
  }

  private async compileSources(): Promise<CompileResult> {
    this.group ??= await TemplateGroup.create()
    const read = (path: string) => this.readCached(path)
    // The scripts go to esbuild's own process at once, and every source is read ahead, so the
    // transforms and the file system work while this thread builds the graph, the templates and
    // the styles (each of which reads one file after another).
    const listing = this.currentListing()
    const scriptsCompiled = listing.then((files) =>
      this.scriptCompiler.compileAll(chooseScriptSources(files, this.plugins.typescript), read),
    )
    scriptsCompiled.catch(() => undefined)
    void listing.then(
      (files) => this.readAhead(files),
      () => undefined,
    )
    const graph = await this.componentGraph()
    const errors: CompileError[] = [...graph.errors]
    const warnings: CompileError[] = [...graph.warnings]

    const reachable = await this.compileTemplates(Object.keys(graph.components), errors)
    for (const path of this.group.templatePaths()) {
      if (!reachable.templates.has(path)) this.group.removeTemplate(path)
    }
    for (const path of this.group.scriptPaths()) {
      if (!reachable.scripts.has(path)) this.group.removeScript(path)
    }
    const diagnostics = this.group.diagnostics()
    errors.push(...diagnostics.errors)
    warnings.push(...diagnostics.warnings)
    const groupListCode = this.group.code()

    const bundles: Record<string, WxssBundle> = {}
    bundles.app = await this.bundleStyle('app', undefined)
    for (const [path, component] of Object.entries(graph.components)) {
      bundles[path] = await this.bundleStyle(path, component.prefix)
    }
    for (const bundle of Object.values(bundles)) errors.push(...bundle.errors)

    const files = await listing
    const scripts = await scriptsCompiled
    const entries = ['app.js', ...Object.keys(graph.components).map((path) => `${path}.js`)]
    const links = checkScriptLinks(scripts, entries, graph.resolveAlias, graph.app, files)
    const workers = bundleWorkers(graph.app, scripts.scripts)
    errors.push(...scripts.errors, ...links.errors, ...workers.errors)
    warnings.push(...links.warnings, ...workers.warnings)
    for (const key of this.styleEntries.keys()) {
      if (!(key.split('\n')[0] in bundles)) this.styleEntries.delete(key)
    }

    this.last = {
      groupListCode,
      templates: this.group.templatePaths().filter((path) => this.group?.hasTemplate(path)),
      components: graph.components,
      styles: this.applyDevice(bundles),
      scripts: scripts.scripts,
      pages: graph.pages,
      ...(workers.workers && { workers: workers.workers }),
      errors: dedupe(errors),
      warnings: dedupe(warnings),
    }
    this.bundles = bundles
    return this.last
  }

  /**
   * Forgets the cached content of `path` (root-relative, with extension; a new, changed or
   * deleted file) and compiles again.
   */
  recompileFile(path: string): Promise<CompileResult> {
    this.forgetSaved([path])
    return this.compile()
  }

  /**
   * Forgets the cached content of files saved, created or deleted (root-relative, with
   * extension), as a source watcher reports them; the next compile reads only these again, and
   * lists the folder again only if one of them came or went.
   */
  forgetSaved(paths: Iterable<string>): void {
    for (const given of paths) {
      const path = given.replace(/\\/g, '/').replace(/^\/+/, '')
      this.files.delete(path)
      this.changed.add(path)
      if (this.graph?.files.has(path)) this.graph = null
    }
  }

  /**
   * Forgets the cached content of every file `stale` matches, read or found missing (a folder
   * replaced as a whole, as 构建 npm replaces `miniprogram_npm`); the next compile reads them anew
   * and lists the folder again.
   */
  forgetFiles(stale: (path: string) => boolean): void {
    for (const path of [...this.files.keys()]) if (stale(path)) this.files.delete(path)
    this.listing = null
    this.graph = null
  }

  /**
   * Re-applies rpx for another device width (or hairline) without reading or parsing sources
   * again; returns the updated result.
   */
  setDevice(rpx: RpxOptions): CompileResult | null {
    this.rpx = rpx
    if (!this.last) return null
    this.last = { ...this.last, styles: this.applyDevice(this.bundles) }
    return this.last
  }

  /** Frees the WASM template group; call when no compile is pending (a later one starts afresh). */
  dispose(): void {
    this.group?.free()
    this.group = null
    this.last = null
    this.graph = null
  }

  /**
   * The project's files, listed again only when a forgotten file appeared or disappeared (its
   * presence differs from the last listing) or app.json (which turns extended libraries on)
   * changed: a content change needs no walk of the whole folder.
   */
  private async currentListing(): Promise<string[]> {
    const changed = [...this.changed]
    this.changed.clear()
    if (this.listing && !changed.includes('app.json')) {
      const listed = new Set(await this.listing)
      for (const path of changed) {
        if (listed.has(path) !== ((await this.readCached(path)) !== null)) this.listing = null
      }
    }
    this.listing ??= this.listFiles()
    return this.listing.catch((error: unknown) => {
      this.listing = null
      throw error
    })
  }

  /** The component graph, built again only when a file it read was saved. */
  private async componentGraph(): Promise<ComponentGraph> {
    if (this.graph) return this.graph.graph
    const files = new Set<string>()
    const graph = await buildComponentGraph((path) => {
      files.add(path)
      return this.readCached(path)
    })
    this.graph = { graph, files }
    return graph
  }

  /** The files under `root`, and those of the extended libraries app.json turns on. */
  private async listWithExtendedLibraries(root: string): Promise<string[]> {
    const extended = await extendedLibraryPaths(await this.readCached('app.json'), ['.js'])
    return [...(await listProjectFiles(root)), ...Object.keys(extended)]
  }

  /** Reads every source file not read yet, a few at a time, into the cache the stages use. */
  private async readAhead(files: string[]): Promise<void> {
    const unread = files.filter((file) => SOURCE_FILE.test(file) && !this.files.has(file))
    const worker = async () => {
      for (let file = unread.pop(); file !== undefined; file = unread.pop()) {
        await this.readCached(file)
      }
    }
    await Promise.all(Array.from({ length: READ_AHEAD_WORKERS }, worker))
  }

  private readCached(path: string): Promise<string | null> {
    let content = this.files.get(path)
    if (!content) {
      content = this.read(path).catch(() => null)
      this.files.set(path, content)
    }
    return content
  }

  /** Adds each component's template and everything it imports, includes or requires. */
  private async compileTemplates(
    roots: string[],
    errors: CompileError[],
  ): Promise<{ templates: Set<string>; scripts: Set<string> }> {
    const group = this.group as TemplateGroup
    const templates = new Set<string>()
    const scripts = new Set<string>()
    const pendingTemplates = roots.map((path) => ({ path, from: null as string | null }))
    const pendingScripts: { path: string; from: string }[] = []
    for (let next = pendingTemplates.shift(); next; next = pendingTemplates.shift()) {
      if (templates.has(next.path)) continue
      const source = await this.readCached(`${next.path}.wxml`)
      if (source === null) {
        if (next.from) errors.push(await this.missing(next.from, `${next.path}.wxml`))
        continue
      }
      templates.add(next.path)
      group.setTemplate(next.path, source)
      const deps = group.dependencies(next.path)
      const from = `${next.path}.wxml`
      for (const path of deps.templates) pendingTemplates.push({ path, from })
      for (const path of deps.scripts) pendingScripts.push({ path, from })
    }
    for (let next = pendingScripts.shift(); next; next = pendingScripts.shift()) {
      if (scripts.has(next.path)) continue
      const source = await this.readCached(`${next.path}.wxs`)
      scripts.add(next.path)
      if (source === null) {
        errors.push(await this.missing(next.from, `${next.path}.wxs`))
        // The group loads every module while it is evaluated: a hole would break every page.
        group.setScript(next.path, MISSING_WXS_MODULE)
        continue
      }
      group.setScript(next.path, source)
      const from = `${next.path}.wxs`
      for (const target of findWxsRequires(source)) {
        const resolved = resolveProjectPath(from, target)
        if (resolved) pendingScripts.push({ path: resolved.replace(/\.wxs$/, ''), from })
      }
    }
    return { templates, scripts }
  }

  /** An error at the `src="…"` or `require("…")` in `from` that names the missing `file`. */
  private async missing(from: string, file: string): Promise<CompileError> {
    const source = (await this.readCached(from)) ?? ''
    const wanted = withoutExtension(file)
    for (const reference of source.matchAll(
      /(?:\bsrc\s*=\s*|\brequire\s*\(\s*)(["'])([^"']*)\1/g,
    )) {
      const resolved = resolveProjectPath(from, reference[2])
      if (resolved !== null && withoutExtension(resolved) === wanted) {
        const at = positionAt(
          source,
          reference.index + reference[0].length - reference[2].length - 1,
        )
        return { file: from, ...at, message: `${file} not found` }
      }
    }
    return { file: from, line: 1, column: 1, message: `${file} not found` }
  }

  private async bundleStyle(path: string, prefix: string | undefined): Promise<WxssBundle> {
    // Keyed by the entry too: a new index.less replaces index.wxss without touching it.
    const entry = await this.styleEntry(path)
    const key = `${path}\n${prefix ?? ''}\n${entry}`
    const cached = this.styleEntries.get(key)
    if (cached && (await this.isUnchanged(cached.snapshot))) return cached.bundle
    for (const other of this.styleEntries.keys()) {
      if (other !== key && other.startsWith(`${path}\n${prefix ?? ''}\n`)) {
        this.styleEntries.delete(other)
      }
    }
    const bundle = await bundleWxss(entry, (file) => this.readStyle(file), prefix)
    const snapshot = new Map<string, string | null>()
    for (const file of bundle.files) snapshot.set(file, await this.readCached(file))
    this.styleEntries.set(key, { bundle, snapshot })
    return bundle
  }

  /**
   * The style file of a page or component: its `x.wxss`, else, with the less or sass plugin on,
   * `x.less` (or `x.scss`, `x.sass`). A .wxss of the same name wins, as WeChat's tool compiles
   * them (docs/wechat-behaviour.md §3.3).
   */
  private async styleEntry(path: string): Promise<string> {
    const wxss = `${path}.wxss`
    if ((await this.readCached(wxss)) !== null) return wxss
    const languages = [
      ...(this.plugins.less ? ['less'] : []),
      ...(this.plugins.sass ? ['scss', 'sass'] : []),
    ]
    for (const language of languages) {
      if ((await this.readCached(`${path}.${language}`)) !== null) return `${path}.${language}`
    }
    return wxss
  }

  /** A style file as the WXSS pipeline reads it: Less and Sass compiled when their plugin is on. */
  private readStyle(file: string): ReturnType<ReadWxss> {
    const language = styleLanguageOf(file)
    const on = language === 'less' ? this.plugins.less : language !== null && this.plugins.sass
    return on ? compileStyleLanguage(file, (path) => this.readCached(path)) : this.readCached(file)
  }

  private async isUnchanged(snapshot: Map<string, string | null>): Promise<boolean> {
    for (const [file, content] of snapshot) {
      if ((await this.readCached(file)) !== content) return false
    }
    return true
  }

  /** px CSS per bundle, reused while the device and the bundle stay the same. */
  private applyDevice(bundles: Record<string, WxssBundle>): Record<string, string> {
    const device = `${this.rpx.deviceWidth}/${this.rpx.hairline ?? ''}`
    const previous = device === this.pxDevice ? this.pxCache : new Map<WxssBundle, string>()
    const styles: Record<string, string> = {}
    this.pxCache = new Map()
    this.pxDevice = device
    for (const [path, bundle] of Object.entries(bundles)) {
      const css = previous.get(bundle) ?? applyRpx(bundle.css, this.rpx)
      this.pxCache.set(bundle, css)
      styles[path] = css
    }
    return styles
  }
}

/** Compiles a project once and frees the compiler. */
export async function compileProject(input: CompileProjectInput): Promise<CompileResult> {
  const compiler = new ProjectCompiler(input)
  try {
    return await compiler.compile()
  } finally {
    compiler.dispose()
  }
}

function dedupe(list: CompileError[]): CompileError[] {
  const seen = new Set<string>()
  return list.filter((e) => {
    const key = `${e.file}:${e.line}:${e.column}:${e.message}`
    if (seen.has(key)) return false
    seen.add(key)
    return true
  })
}
