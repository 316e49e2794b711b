/** Workbench-wide state: what the main process says about itself, the connection, failures. */
import { defineStore } from 'pinia'
import { ref } from 'vue'
import type { AppInfo } from '../../../shared/contract'
import type { ServiceError } from '../../../shared/result'
import { bridge } from '../bridge'

export const useAppStore = defineStore('app', () => {
  const info = ref<AppInfo | null>(null)
  /** False while the connection to the main process is lost (browser mode: reconnecting). */
  const connected = ref(true)
  /** The last failed action or unexpected error, shown until dismissed. */
  const failure = ref<ServiceError | null>(null)

  async function loadInfo(): Promise<AppInfo | null> {
    const result = await bridge().call('app.getInfo', {})
    if (!result.ok) {
      report(result.error)
      return null
    }
    info.value = result.value
    return result.value
  }

  function report(error: ServiceError) {
    failure.value = error
  }

  function dismissFailure() {
    failure.value = null
  }

  function markDisconnected() {
    connected.value = false
  }

  function markConnected() {
    connected.value = true
  }

  return {
    info,
    connected,
    failure,
    loadInfo,
    report,
    dismissFailure,
    markDisconnected,
    markConnected,
  }
})
