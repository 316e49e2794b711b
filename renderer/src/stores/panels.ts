/** Which tab of the panels area is showing. */
import { defineStore } from 'pinia'
import { ref } from 'vue'

export const PANELS = ['details', 'network', 'console', 'mock', 'problems'] as const
export type PanelName = (typeof PANELS)[number]

export const usePanelsStore = defineStore('panels', () => {
  const active = ref<PanelName>('details')

  function show(panel: PanelName) {
    active.value = panel
  }

  return { active, show }
})
