/**
 * The Network panel's state: the request log (rows updated in place, applied once per animation
 * frame however many events arrived), the filter, the sort, the selection and the actions that
 * go to the main process (bodies, replay, HAR export). Bodies are fetched on demand, never kept.
 */
import { defineStore } from 'pinia'
import { computed, markRaw, reactive, ref, shallowRef } from 'vue'
import type { ResponseBodyData } from '../../../shared/contract'
import type { NetworkEvent } from '../../../shared/network'
import type { NetworkType } from '../../../shared/runtime/native-port'
import { fail, ok, type Result } from '../../../shared/result'
import type { Unsubscribe } from '../../../shared/rpc'
import { bridge } from '../bridge'
import { importHar } from './har-import'
import {
  NetworkLogModel,
  NO_FILTER,
  visibleRows,
  type NetworkRow,
  type RowFilter,
  type RowSort,
  type SortKey,
} from './network-rows'

/** Settings files the workbench itself writes; saving them does not start a new log. */
const PROJECT_CONFIG_FILES = new Set([
  'project.config.json',
  'project.private.config.json',
  'project.domains.json',
])

/** The network conditions offered, in Chrome's order. */
export const CONDITIONS = ['online', '4g', '3g', 'slow-3g', 'offline'] as const
export type ConditionName = (typeof CONDITIONS)[number]

/** What `wx.getNetworkType` reports under each condition (Slow 3G is WeChat's 2g). */
export const NETWORK_TYPE_OF: Record<ConditionName, NetworkType> = {
  online: 'wifi',
  '4g': '4g',
  '3g': '3g',
  'slow-3g': '2g',
  offline: 'none',
}

/** A body as the details view shows it: bytes, and whether only the first ones came. */
export interface FetchedBody {
  bytes: Uint8Array
  size: number
  truncated: boolean
}

function fromBase64(base64: string): Uint8Array {
  const binary = atob(base64)
  const bytes = new Uint8Array(binary.length)
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i)
  return bytes
}

function decoded(data: ResponseBodyData): FetchedBody {
  return { bytes: fromBase64(data.base64), size: data.size, truncated: data.truncated }
}

/** Schedules `run` before the next paint (a timer where there is no painting). */
function nextFrame(run: () => void): void {
  if (typeof requestAnimationFrame === 'function') requestAnimationFrame(run)
  else setTimeout(run, 16)
}

export const useNetworkStore = defineStore('network', () => {
  const model = markRaw(new NetworkLogModel())
  /** Bumped once per applied batch: the rows changed in place. */
  const version = ref(0)
  const filter = reactive<RowFilter>({ ...NO_FILTER })
  const sort = reactive<RowSort>({ key: 'seq', descending: false })
  const preserveLog = ref(false)
  const selectedId = ref<string | null>(null)
  /** The name of the HAR file the log shows, when one was opened. */
  const harFile = ref<string | null>(null)
  const condition = ref<ConditionName>('online')
  /** For the simulator frame: `wx-host:network-type` whenever this changes. */
  const networkType = computed(() => NETWORK_TYPE_OF[condition.value])
  const pending = shallowRef<NetworkEvent[]>([])
  let scheduled = false
  let listening: Unsubscribe[] = []

  const visible = computed(() => ({
    version: version.value,
    rows: visibleRows(model.rows, { ...filter }, { ...sort }),
  }))
  const total = computed(() => (version.value, model.rows.length))
  const selected = computed<NetworkRow | undefined>(() =>
    version.value >= 0 && selectedId.value ? model.byId.get(selectedId.value) : undefined,
  )

  /** Applies every event received since the last frame, then lets Vue re-render once. */
  function flush() {
    scheduled = false
    const batch = pending.value
    if (batch.length === 0) return
    pending.value = []
    for (const event of batch) model.apply(event)
    version.value++
  }

  function receive(event: NetworkEvent) {
    pending.value.push(event)
    if (!scheduled) {
      scheduled = true
      nextFrame(flush)
    }
  }

  function start() {
    if (listening.length > 0) return
    listening = [
      bridge().on('network.event', receive),
      bridge().on('project.sourcesChanged', ({ files }) => {
        // A recompile starts a new log unless asked to keep it; a settings write is no recompile.
        const recompiled = files.some((file) => !PROJECT_CONFIG_FILES.has(file))
        if (recompiled && !preserveLog.value) clear()
      }),
    ]
  }

  function clear() {
    flush()
    model.clear()
    selectedId.value = null
    harFile.value = null
    version.value++
  }

  function sortBy(key: SortKey) {
    if (sort.key === key) {
      // Third click on a column returns to the order of arrival, as in Chrome.
      if (sort.descending) Object.assign(sort, { key: 'seq', descending: false })
      else sort.descending = true
    } else Object.assign(sort, { key, descending: false })
  }

  function select(id: string | null) {
    selectedId.value = id
  }

  function details(id: string) {
    return model.details.get(id)
  }

  async function body(id: string, part: 'request' | 'response'): Promise<Result<FetchedBody>> {
    const imported = model.details.get(id)?.imported
    if (imported) {
      const text = part === 'request' ? imported.requestText : imported.responseText
      if (text !== undefined) {
        const bytes = new TextEncoder().encode(text)
        return ok({ bytes, size: bytes.byteLength, truncated: false })
      }
      if (part === 'response' && imported.responseBase64 !== undefined) {
        const bytes = fromBase64(imported.responseBase64)
        return ok({ bytes, size: bytes.byteLength, truncated: false })
      }
      return fail({ code: 'BODY_UNAVAILABLE', message: 'The HAR file has no such body' })
    }
    const result = await bridge().call('network.body', { id, part })
    return result.ok ? ok(decoded(result.value)) : result
  }

  function replay(id: string) {
    return bridge().call('network.replay', { id })
  }

  /** HAR 1.2 text of every row, or of the rows the filter lets through. */
  async function exportHar(onlyVisible: boolean): Promise<Result<string>> {
    flush()
    const rows = onlyVisible ? visible.value.rows : model.rows
    const ids = rows.map((row) => row.id)
    const result = await bridge().call('network.exportHar', { ids })
    return result.ok ? ok(result.value.har) : result
  }

  /** Shows the requests of a HAR file in place of the log. */
  function openHar(name: string, text: string): Result<number> {
    const parsed = importHar(text)
    if (!parsed.ok) return fail({ code: 'HAR_INVALID', message: parsed.message })
    clear()
    for (const request of parsed.requests) {
      for (const event of request.events) model.apply(event)
      const details = model.details.get(request.id)
      if (details) details.imported = request.imported
    }
    harFile.value = name
    version.value++
    return ok(parsed.requests.length)
  }

  async function setCondition(next: ConditionName) {
    const result = await bridge().call('network.setCondition', { condition: next })
    if (result.ok) condition.value = next
    return result
  }

  return {
    visible,
    condition,
    networkType,
    setCondition,
    total,
    filter,
    sort,
    preserveLog,
    selectedId,
    selected,
    harFile,
    version,
    start,
    flush,
    clear,
    sortBy,
    select,
    details,
    body,
    replay,
    exportHar,
    openHar,
  }
})
