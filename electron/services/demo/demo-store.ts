/**
 * A ProjectStore that opens the user's copy of the demo (demo-copy.ts) whenever the demo is asked
 * for, by its shipped folder (a newcomer's first start, `mpdt open resources/demo`, a recent entry
 * from before copies existed) or by the copy's own folder (remade if the app's demo changed or the
 * copy was deleted). The recent list names the demo once, by the copy.
 */
import type { RecentProject } from '../../../shared/project'
import { fail, ok, type Result } from '../../../shared/result'
import type { ProjectStore } from '../project/project-store'
import { ensureDemoCopy } from './demo-copy'
import {
  demoCopyDir,
  isAppDemo,
  isDemoProject,
  realPathAsFarAsExists,
  type DemoLocation,
} from './demo-project'

export function withDemoCopy(store: ProjectStore, location: DemoLocation): ProjectStore {
  // One copy operation at a time: two opens of the demo must not both replace the copy.
  let copying: Promise<unknown> = Promise.resolve()

  function folderToOpen(dir: string): Promise<Result<string>> {
    const next = copying.then(async (): Promise<Result<string>> => {
      if (!(await isDemoProject(dir, location))) return ok(dir)
      try {
        return ok(await ensureDemoCopy(location))
      } catch (error) {
        return fail({
          code: 'DEMO_COPY_FAILED',
          message: `Could not prepare the demo project in ${demoCopyDir(location.dataDir)}: ${
            error instanceof Error ? error.message : String(error)
          }`,
        })
      }
    })
    copying = next
    return next
  }

  async function recent(): Promise<RecentProject[]> {
    const entries: RecentProject[] = []
    let demoListed = false
    for (const entry of await store.recent()) {
      if (!(await isDemoProject(entry.dir, location))) {
        entries.push(entry)
      } else if (!demoListed) {
        demoListed = true
        // Opened by the wrapper, the shipped folder leads to the copy: listed as the copy.
        const dir = (await isAppDemo(entry.dir, location.appRoot))
          ? await realPathAsFarAsExists(demoCopyDir(location.dataDir))
          : entry.dir
        entries.push({ ...entry, dir })
      }
    }
    return entries
  }

  return {
    async open(dir) {
      const folder = await folderToOpen(dir)
      return folder.ok ? store.open(folder.value) : folder
    },
    current: () => store.current(),
    reload: () => store.reload(),
    updateSettings: (patch) => store.updateSettings(patch),
    setDomains: (domains) => store.setDomains(domains),
    setMock: (mock) => store.setMock(mock),
    recent,
    onChanged: (listener) => store.onChanged(listener),
    close: () => store.close(),
  }
}
