/**
 * Watches the folders that hold a project's config files. Folders, not files, are watched so that
 * files created, deleted or replaced by rename (as many editors save) are all seen.
 */
import { watch, type FSWatcher } from 'node:fs'
import path from 'node:path'
import type { ProjectInfo } from '../../../shared/project'
import { resolveProjectPath } from './project-files'

/**
 * Project-relative folders whose entries can change `info`: the root, the mini-program folder,
 * and each page's folder with its parents (so a page folder created later is noticed).
 */
export function foldersToWatch(info: ProjectInfo): string[] {
  const folders = new Set<string>([''])
  const addWithParents = (folder: string) => {
    for (
      let current = folder;
      current !== '' && current !== '.';
      current = path.posix.dirname(current)
    ) {
      folders.add(current)
    }
  }
  const miniprogramRoot = info.settings.miniprogramRoot
  addWithParents(miniprogramRoot)
  for (const page of info.pages) {
    addWithParents(path.posix.dirname(path.posix.join(miniprogramRoot, page.route)))
  }
  return [...folders]
}

export class FolderWatcher {
  private readonly watchers = new Map<string, FSWatcher>()
  private closed = false

  constructor(
    private readonly root: string,
    private readonly onChange: () => void,
  ) {}

  /** Watches exactly the given project-relative folders that exist inside the project. */
  async watch(folders: string[]): Promise<void> {
    const wanted = new Set<string>()
    for (const folder of folders) {
      const resolved = await resolveProjectPath(this.root, folder)
      if (resolved.ok) wanted.add(resolved.value)
    }
    if (this.closed) return
    for (const [folder, watcher] of this.watchers) {
      if (!wanted.has(folder)) {
        watcher.close()
        this.watchers.delete(folder)
      }
    }
    for (const folder of wanted) {
      if (this.watchers.has(folder)) continue
      try {
        const watcher = watch(folder, () => this.onChange())
        // A watched folder that disappears ends its watcher; the re-read that follows re-syncs.
        watcher.on('error', () => {
          watcher.close()
          this.watchers.delete(folder)
          this.onChange()
        })
        this.watchers.set(folder, watcher)
      } catch {
        // The folder vanished between resolving and watching; its parent's watcher reports that.
      }
    }
  }

  close(): void {
    this.closed = true
    for (const watcher of this.watchers.values()) watcher.close()
    this.watchers.clear()
  }
}
