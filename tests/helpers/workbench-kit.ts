/**
 * What the workbench service specs share: the app as browser mode describes it, a fixture, and a
 * workbench service over a scratch copy of it.
 */
import { cp, mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { expect } from 'vitest'
import {
  createWorkbenchService,
  type WorkbenchService,
  type WorkbenchServiceOptions,
} from '../../electron/services/workbench'
import { createProjectStore } from '../../electron/services/project'
import type {
  ProjectStore,
  ProjectStoreOptions,
} from '../../electron/services/project/project-store'
import type { AppInfo, ContractEventListener } from '../../shared/contract'

export const TEST_APP_INFO: AppInfo = {
  name: 'MP DevTools',
  version: '0.0.0',
  mode: 'browser',
  platform: 'linux',
  locale: 'en-US',
}

/** A small project with pages, a custom component and a request button (tests copy it first). */
export const GALLERY_FIXTURE = join(__dirname, '../fixtures/simulator/gallery')

/** A copy of GALLERY_FIXTURE in a scratch folder, and a workbench service over it. */
export interface GalleryWorkbench {
  scratch: string
  /** The copied project, `scratch/gallery`. */
  project: string
  /** The store's data folder, `scratch/data`. */
  dataDir: string
  store: ProjectStore
  workbench: WorkbenchService
  /** Opens the copied project and waits until the workbench has settled. */
  open(): Promise<void>
  /** Closes the workbench and the store, then removes the scratch folder. */
  close(): Promise<void>
}

export interface GalleryOptions {
  /** Hears every workbench event from the start, the project's opening included. */
  onEvent?: ContractEventListener
  /** Opens the project before answering. @default true */
  open?: boolean
  /** Gives the workbench the data folder, for the settings kept per machine. @default false */
  machineSettings?: boolean
  store?: Partial<ProjectStoreOptions>
  workbench?: Partial<WorkbenchServiceOptions>
}

export async function galleryWorkbench(
  prefix: string,
  options: GalleryOptions = {},
): Promise<GalleryWorkbench> {
  const scratch = await mkdtemp(join(tmpdir(), prefix))
  const project = join(scratch, 'gallery')
  const dataDir = join(scratch, 'data')
  await cp(GALLERY_FIXTURE, project, { recursive: true })
  const store = createProjectStore({ dataDir, ...options.store })
  const workbench = createWorkbenchService({
    store,
    appInfo: TEST_APP_INFO,
    ...(options.machineSettings ? { dataDir } : {}),
    ...options.workbench,
  })
  if (options.onEvent) workbench.onEvent(options.onEvent)
  const gallery: GalleryWorkbench = {
    scratch,
    project,
    dataDir,
    store,
    workbench,
    async open() {
      expect((await workbench.service['project.open']({ dir: project })).ok).toBe(true)
      await workbench.settled()
    },
    async close() {
      await workbench.close()
      await store.close()
      await rm(scratch, { recursive: true, force: true })
    },
  }
  if (options.open ?? true) await gallery.open()
  return gallery
}
