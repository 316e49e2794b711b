/**
 * The workbench in browser mode on one project, as `mpdt open --web` and `mpdt auto --web` serve
 * it: the project store (the demo opened as the user's copy), the workbench service and the
 * browser host on 127.0.0.1.
 */
import { mkdir } from 'node:fs/promises'
import { startBrowserHost, type BrowserHost } from '../host'
import { demoProjectDir, withDemoCopy } from '../services/demo'
import { createProjectStore, formatProblem, type ProjectStore } from '../services/project'
import { createWorkbenchService, type WorkbenchService } from '../services/workbench'
import { APP_ROOT, RENDERER_DIR, resolveDataDir } from './app-paths'
import { systemLocale } from './locale'
import { readVersion } from './version'

export interface BrowserWorkbench {
  host: BrowserHost
  workbench: WorkbenchService
  close(): Promise<void>
}

/** The project store of the app's data folder (the demo opens as the user's copy). */
export async function openProjectStore(): Promise<ProjectStore> {
  const dataDir = resolveDataDir()
  await mkdir(dataDir, { recursive: true })
  return withDemoCopy(createProjectStore({ dataDir }), { appRoot: APP_ROOT, dataDir })
}

/** The folder to open when none is given: the last opened one, else the embedded demo. */
export async function defaultProjectDir(
  store: ProjectStore,
): Promise<{ dir: string; demo: boolean }> {
  const recent = (await store.recent())[0]?.dir
  return recent ? { dir: recent, demo: false } : { dir: demoProjectDir(APP_ROOT), demo: true }
}

/**
 * Opens `dir` in `store` and serves the workbench on `port` (0: any); problems of the project are
 * written to stderr as `file:line:column: message`, prefixed by `command` when it fails to open.
 */
export async function startBrowserWorkbench(
  store: ProjectStore,
  dir: string,
  port: number,
  command: string,
): Promise<BrowserWorkbench> {
  const workbench = createWorkbenchService({
    store,
    dataDir: resolveDataDir(),
    appRoot: APP_ROOT,
    appInfo: {
      name: 'MP DevTools',
      version: readVersion(),
      mode: 'browser',
      platform: process.platform,
      locale: systemLocale(),
    },
  })
  const opened = await store.open(dir)
  if (!opened.ok) process.stderr.write(`${command}: ${opened.error.message}\n`)
  else
    for (const problem of opened.value.problems) process.stderr.write(`${formatProblem(problem)}\n`)
  let host: BrowserHost
  try {
    host = await startBrowserHost({
      service: workbench.service,
      onEvent: workbench.onEvent,
      rendererDir: RENDERER_DIR,
      port,
    })
  } catch (error) {
    await workbench.close()
    throw error
  }
  return {
    host,
    workbench,
    async close() {
      await host.close()
      await workbench.close()
    },
  }
}
