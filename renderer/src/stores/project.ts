/** The open project as the workbench shows it, and the ways to open, reload and change it. */
import { defineStore } from 'pinia'
import { computed, ref } from 'vue'
import type { SettingsPatch } from '../../../shared/contract'
import type { MockSettings } from '../../../shared/mock'
import type { DomainLists, ProjectInfo, RecentProject } from '../../../shared/project'
import type { Result, ServiceError } from '../../../shared/result'
import type { Unsubscribe } from '../../../shared/rpc'
import { bridge } from '../bridge'
import { useAppStore } from './app'

/** The code `project.chooseFolder` answers with where there is no native dialog (browser mode). */
export const UNSUPPORTED = 'UNSUPPORTED'

export const useProjectStore = defineStore('project', () => {
  const app = useAppStore()
  const current = ref<ProjectInfo | null>(null)
  /** Why the last attempt to open a project failed; cleared by the next attempt. */
  const openError = ref<ServiceError | null>(null)
  const opening = ref(false)
  const recent = ref<RecentProject[]>([])
  /** False once `project.chooseFolder` answered UNSUPPORTED. */
  const chooseFolderSupported = ref(true)
  /** The user asked for the open view while a project is open. */
  const choosingAnother = ref(false)

  const errors = computed(() => current.value?.problems.filter((p) => p.severity === 'error') ?? [])
  const showOpenView = computed(() => current.value === null || choosingAnother.value)

  let listening: Unsubscribe | null = null

  /** Subscribes to changes and loads the project the main process already has open, if any. */
  async function start() {
    listening ??= bridge().on('project.changed', (info) => {
      current.value = info
    })
    const [result] = await Promise.all([bridge().call('project.current', {}), loadRecent()])
    if (!result.ok) app.report(result.error)
    else if (result.value) current.value = result.value
  }

  async function loadRecent() {
    const result = await bridge().call('project.recent', {})
    if (result.ok) recent.value = result.value
    else app.report(result.error)
  }

  async function open(dir: string): Promise<boolean> {
    opening.value = true
    openError.value = null
    const result = await bridge().call('project.open', { dir })
    opening.value = false
    if (!result.ok) {
      openError.value = result.error
      // Keep showing the open view (with the error) even when another project is open.
      choosingAnother.value = current.value !== null
      return false
    }
    current.value = result.value
    choosingAnother.value = false
    await loadRecent()
    return true
  }

  async function reload(): Promise<boolean> {
    const result = await bridge().call('project.reload', {})
    if (!result.ok) {
      app.report(result.error)
      return false
    }
    current.value = result.value
    return true
  }

  async function chooseFolder(): Promise<boolean> {
    const result = await bridge().call('project.chooseFolder', {})
    if (!result.ok) {
      if (result.error.code === UNSUPPORTED) chooseFolderSupported.value = false
      else app.report(result.error)
      return false
    }
    return result.value === null ? false : open(result.value)
  }

  async function updateSettings(patch: SettingsPatch): Promise<boolean> {
    const result = await bridge().call('project.updateSettings', patch)
    if (!result.ok) {
      app.report(result.error)
      return false
    }
    current.value = result.value
    return true
  }

  /** Saves the four 合法域名 lists; the main process validates them and answers why not. */
  async function setDomains(domains: DomainLists): Promise<Result<ProjectInfo>> {
    const result = await bridge().call('project.setDomains', { domains })
    if (result.ok) current.value = result.value
    return result
  }

  /** Saves the API Mock switch and rules; the main process validates them and answers why not. */
  async function setMock(mock: MockSettings): Promise<Result<ProjectInfo>> {
    const result = await bridge().call('project.setMock', { mock })
    if (result.ok) current.value = result.value
    return result
  }

  function chooseAnother() {
    choosingAnother.value = true
  }

  function backToProject() {
    choosingAnother.value = false
  }

  return {
    current,
    openError,
    opening,
    recent,
    chooseFolderSupported,
    choosingAnother,
    errors,
    showOpenView,
    start,
    loadRecent,
    open,
    reload,
    chooseFolder,
    updateSettings,
    setDomains,
    setMock,
    chooseAnother,
    backToProject,
  }
})
