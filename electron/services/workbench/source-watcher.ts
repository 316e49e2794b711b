/**
 * Watches a mini-program's source tree (every folder, one `fs.watch` each, so it works the same on
 * every platform) and reports the changed source files, debounced: editors save in bursts
 * (write, rename, chmod) and one save must give one reload. Dot folders, `node_modules` and
 * symbolic links are not followed, as the compiler does not read them either.
 */
import { watch, type FSWatcher } from 'node:fs'
import { readdir, stat } from 'node:fs/promises'
import { extname, join, posix } from 'node:path'

/** What the simulator is built from: templates, styles, scripts, configs, WXS and images. */
export const SOURCE_EXTENSIONS = new Set([
  '.wxml',
  '.wxss',
  '.js',
  '.json',
  '.wxs',
  // Compiled with setting.useCompilerPlugins (TypeScript, Less, Sass).
  '.ts',
  '.less',
  '.scss',
  '.sass',
  '.png',
  '.jpg',
  '.jpeg',
  '.gif',
  '.svg',
  '.webp',
])

const SKIPPED_FOLDERS = new Set(['node_modules'])
/** A bound on the watchers one project may hold (each is an inotify watch on Linux). */
const MAX_FOLDERS = 2000

export interface SourceWatcherOptions {
  /** The mini-program root (absolute). */
  root: string
  /** Paths from the root with `/`, sorted. */
  onChange(files: string[]): void
  /** Quiet time after the last event before reporting. @default 100 */
  debounceMs?: number
}

/**
 * The tool's own files at the top of the folder: the project store re-reads them and updates the
 * engine in place, so writing a setting (the urlCheck checkbox, the domain lists) must not
 * reload the simulator and lose the page's state.
 */
const TOOL_CONFIG_FILES = new Set([
  'project.config.json',
  'project.private.config.json',
  'project.domains.json',
  'project.mock.json',
])

export function isSource(path: string): boolean {
  return SOURCE_EXTENSIONS.has(extname(path).toLowerCase()) && !TOOL_CONFIG_FILES.has(path)
}

export class SourceWatcher {
  private readonly watchers = new Map<string, FSWatcher>()
  private readonly pending = new Set<string>()
  private timer: NodeJS.Timeout | undefined
  private closed = false

  constructor(private readonly options: SourceWatcherOptions) {}

  /** Watches the root and every folder below it; resolves once all are watched. */
  async start(): Promise<void> {
    await this.watchTree('')
  }

  close(): void {
    this.closed = true
    clearTimeout(this.timer)
    for (const watcher of this.watchers.values()) watcher.close()
    this.watchers.clear()
    this.pending.clear()
  }

  private async watchTree(folder: string): Promise<void> {
    if (this.closed || this.watchers.has(folder) || this.watchers.size >= MAX_FOLDERS) return
    const absolute = join(this.options.root, folder)
    let watcher: FSWatcher
    try {
      watcher = watch(absolute, (_event, name) => {
        if (name) this.changed(folder === '' ? name : `${folder}/${name}`)
      })
    } catch {
      return
    }
    // A watched folder that is deleted ends its watcher; its parent reports the deletion.
    watcher.on('error', () => {
      watcher.close()
      this.watchers.delete(folder)
    })
    this.watchers.set(folder, watcher)
    let entries
    try {
      entries = await readdir(absolute, { withFileTypes: true })
    } catch {
      return
    }
    for (const entry of entries) {
      if (entry.isDirectory() && !entry.name.startsWith('.') && !SKIPPED_FOLDERS.has(entry.name)) {
        await this.watchTree(folder === '' ? entry.name : `${folder}/${entry.name}`)
      }
    }
  }

  private changed(path: string): void {
    if (this.closed) return
    const name = posix.basename(path)
    if (name.startsWith('.')) return
    if (isSource(path)) this.pending.add(path)
    else void this.watchIfFolder(path)
    this.schedule()
  }

  private schedule(): void {
    clearTimeout(this.timer)
    this.timer = setTimeout(() => this.flush(), this.options.debounceMs ?? 100)
  }

  /** A folder created (or moved in) later: watch it, and report the sources it brought. */
  private async watchIfFolder(path: string): Promise<void> {
    if (SKIPPED_FOLDERS.has(posix.basename(path))) return
    const info = await stat(join(this.options.root, path)).catch(() => null)
    if (!info?.isDirectory() || this.watchers.has(path)) return
    await this.watchTree(path)
    const found = await readdir(join(this.options.root, path), { recursive: true }).catch(
      () => [] as string[],
    )
    for (const entry of found) {
      const file = `${path}/${entry.replace(/\\/g, '/')}`
      if (isSource(file)) this.pending.add(file)
    }
    if (this.pending.size > 0) this.schedule()
  }

  private flush(): void {
    if (this.closed || this.pending.size === 0) return
    const files = [...this.pending].sort()
    this.pending.clear()
    this.options.onChange(files)
  }
}
