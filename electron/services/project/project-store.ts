/**
 * The ProjectStore: the open project, kept in step with the disk, as the workbench service and the
 * CLI use it (plain Node). Operations run one at a time; edits on disk are debounced and re-read,
 * and listeners hear only of real changes (our own writes announce themselves once).
 */
import path from 'node:path'
import type { MockSettings } from '../../../shared/mock'
import type { SettingsPatch } from '../../../shared/contract'
import type { DomainLists, ProjectInfo, RecentProject } from '../../../shared/project'
import { fail, type Result } from '../../../shared/result'
import { FolderWatcher, foldersToWatch } from './folder-watcher'
import { loadProject } from './load-project'
import { readRecentProjects, rememberRecentProject } from './recent-projects'
import { writeDomains, writeMock, writeSettings } from './settings-writer'

export interface ProjectStore {
  /** Reads the project (never throws); remembers it in the recent list; starts watching it. */
  open(dir: string): Promise<Result<ProjectInfo>>
  current(): ProjectInfo | null
  /** Re-reads the open project from disk. */
  reload(): Promise<Result<ProjectInfo>>
  /** Writes each given key alone, atomically, keeping the rest of the file as it was. */
  updateSettings(patch: SettingsPatch): Promise<Result<ProjectInfo>>
  /** Validates and writes project.domains.json. */
  setDomains(domains: DomainLists): Promise<Result<ProjectInfo>>
  /** Validates and writes project.mock.json (the API Mock switch and rules). */
  setMock(mock: MockSettings): Promise<Result<ProjectInfo>>
  recent(): Promise<RecentProject[]>
  /** Called after open, after a write, and after a config file changed on disk. */
  onChanged(listener: (info: ProjectInfo) => void): () => void
  /** Stops watching (no file-system handle stays open); `current()` is `null` afterwards. */
  close(): Promise<void>
}

export interface ProjectStoreOptions {
  /** Per-machine data folder (recent projects…): Electron's userData, or the CLI's default. */
  dataDir: string
  /** Quiet time after the last file-system event before the project is re-read. @default 100 */
  debounceMs?: number
}

const DEFAULT_DEBOUNCE_MS = 100

const noProject = () => fail<ProjectInfo>({ code: 'NO_PROJECT', message: 'No project is open' })

export function createProjectStore(options: ProjectStoreOptions): ProjectStore {
  const listeners = new Set<(info: ProjectInfo) => void>()
  let info: ProjectInfo | null = null
  let watcher: FolderWatcher | null = null
  let debounce: NodeJS.Timeout | undefined
  let queue: Promise<unknown> = Promise.resolve()

  function serial<T>(operation: () => Promise<T>): Promise<T> {
    const run = queue.then(operation)
    queue = run.catch(() => undefined)
    return run
  }

  function emit(next: ProjectInfo): void {
    for (const listener of listeners) {
      try {
        listener(next)
      } catch {
        // One failing listener must not keep the others from hearing of the change.
      }
    }
  }

  function stopWatching(): void {
    clearTimeout(debounce)
    debounce = undefined
    watcher?.close()
    watcher = null
  }

  function scheduleReread(from: FolderWatcher): void {
    clearTimeout(debounce)
    debounce = setTimeout(() => {
      void serial(async () => {
        if (watcher !== from || !info) return
        await refresh(info.dir, false)
      })
    }, options.debounceMs ?? DEFAULT_DEBOUNCE_MS)
  }

  /** Re-reads `dir`, re-syncs the watched folders, and emits if anything changed (or `always`). */
  async function refresh(dir: string, always: boolean): Promise<Result<ProjectInfo>> {
    const loaded = await loadProject(dir)
    if (!loaded.ok) return loaded
    const changed = JSON.stringify(loaded.value) !== JSON.stringify(info)
    info = loaded.value
    await watcher?.watch(foldersToWatch(loaded.value))
    if (changed || always) emit(loaded.value)
    return loaded
  }

  return {
    open(dir) {
      return serial(async () => {
        const loaded = await loadProject(dir)
        if (!loaded.ok) return loaded
        stopWatching()
        info = loaded.value
        const opened = new FolderWatcher(loaded.value.dir, () => scheduleReread(opened))
        watcher = opened
        await opened.watch(foldersToWatch(loaded.value))
        const entry: RecentProject = {
          dir: loaded.value.dir,
          name: loaded.value.name || path.basename(loaded.value.dir),
          openedAt: Date.now(),
        }
        // The recent list is a convenience: failing to save it must not fail the open.
        await rememberRecentProject(options.dataDir, entry).catch(() => undefined)
        emit(loaded.value)
        return loaded
      })
    },

    current: () => info,

    reload() {
      return serial(async () => (info ? refresh(info.dir, false) : noProject()))
    },

    updateSettings(patch: SettingsPatch) {
      return serial(async () => {
        if (!info) return noProject()
        const written = await writeSettings(info.dir, patch)
        return written.ok ? refresh(info.dir, true) : written
      })
    },

    setDomains(domains: DomainLists) {
      return serial(async () => {
        if (!info) return noProject()
        const written = await writeDomains(info.dir, domains)
        return written.ok ? refresh(info.dir, true) : fail(written.error)
      })
    },

    setMock(mock: MockSettings) {
      return serial(async () => {
        if (!info) return noProject()
        const written = await writeMock(info.dir, mock)
        return written.ok ? refresh(info.dir, true) : fail(written.error)
      })
    },

    recent: () => readRecentProjects(options.dataDir),

    onChanged(listener) {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },

    close() {
      stopWatching()
      return serial(async () => {
        stopWatching()
        info = null
      })
    },
  }
}
