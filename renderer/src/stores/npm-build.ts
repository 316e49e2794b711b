/**
 * 工具 → 构建 npm: runs `project.buildNpm` for the open project, follows its progress events and
 * keeps the outcome (what was built, or why nothing was) for the dialog; a build relaunches the
 * mini-program so it picks up `miniprogram_npm`.
 */
import { defineStore } from 'pinia'
import { ref } from 'vue'
import type { NpmBuildProgress, NpmBuildReport } from '../../../shared/npm-build'
import type { ServiceError } from '../../../shared/result'
import { bridge } from '../bridge'
import { useSimulatorStore } from '../simulator/simulator-store'

export const useNpmBuildStore = defineStore('npm-build', () => {
  /** The dialog is open (running, or showing an outcome). */
  const open = ref(false)
  const running = ref(false)
  const progress = ref<NpmBuildProgress | null>(null)
  const report = ref<NpmBuildReport | null>(null)
  const error = ref<ServiceError | null>(null)

  async function build(): Promise<void> {
    if (running.value) return
    open.value = true
    running.value = true
    progress.value = null
    report.value = null
    error.value = null
    const stop = bridge().on('project.npmProgress', (next) => {
      progress.value = next
    })
    try {
      const result = await bridge().call('project.buildNpm', {})
      if (result.ok) {
        report.value = result.value
        useSimulatorStore().restart()
      } else {
        error.value = result.error
      }
    } finally {
      stop()
      running.value = false
    }
  }

  function close(): void {
    if (!running.value) open.value = false
  }

  return { open, running, progress, report, error, build, close }
})
