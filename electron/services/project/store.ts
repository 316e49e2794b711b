/**
 * The open project, as the workbench service and the CLI use it. Implemented in this folder by
 * `createProjectStore`; everything here runs in plain Node.
 */
import type { SettingsPatch } from '../../../shared/contract'
import type { MockSettings } from '../../../shared/mock'
import type { DomainLists, ProjectInfo, RecentProject } from '../../../shared/project'
import type { Result } from '../../../shared/result'

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
