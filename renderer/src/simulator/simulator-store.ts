/**
 * The simulator's state in the workbench: the chosen device and zoom (remembered), the frame's
 * generation (a new one is a fresh iframe: compile, hot reload, another device), the page stack
 * the frame last reported (so a reload re-opens the current page with its query), where a fresh
 * frame starts (`launch`: that page, else the selected compile mode's page, else app.json's first
 * page), whether the last start failed, the system theme (浅色/深色, remembered), the phone's
 * place (位置, remembered) and the open project's authorization answers (kept per appid).
 */
import { defineStore } from 'pinia'
import { computed, ref, shallowRef, watch } from 'vue'
import { compileModeEntry } from '../../../shared/compile-mode'
import type { ServiceError } from '../../../shared/result'
import type { Unsubscribe } from '../../../shared/rpc'
import { bridge } from '../bridge'
import { useProjectStore } from '../stores/project'
import { DEFAULT_DEVICE_ID, devicePreset, zoomChoice, type ZoomChoice } from './devices'
import { DEFAULT_LOCATION } from '../../../shared/runtime/device-api'
import type { SimulatedLocation } from '../../../shared/runtime/native-port'
import type { AuthSetting } from '../../../shared/runtime/authorization'
import type { EvalResult } from '../../../shared/simulator-protocol'
import type { Theme } from '../../../shared/theme'
import { loadAuthSetting, saveAuthSetting } from './frame-authorization'
import type { FrameLaunch, PageEntry } from './frame-host'

const DEVICE_KEY = 'mpdt.simulator.device'
const ZOOM_KEY = 'mpdt.simulator.zoom'
const THEME_KEY = 'mpdt.simulator.theme'
const LOCATION_KEY = 'mpdt.simulator.location'

/** The remembered 位置, or WeChat DevTools' own place. */
function rememberedLocation(): SimulatedLocation {
  try {
    const saved = JSON.parse(
      remembered(LOCATION_KEY) ?? 'null',
    ) as Partial<SimulatedLocation> | null
    if (isPlace(saved?.latitude, saved?.longitude)) {
      return { latitude: Number(saved?.latitude), longitude: Number(saved?.longitude) }
    }
  } catch {
    // Unreadable: the default place.
  }
  return { latitude: DEFAULT_LOCATION.latitude, longitude: DEFAULT_LOCATION.longitude }
}

/** Latitude within ±90 and longitude within ±180, as numbers. */
export function isPlace(latitude: unknown, longitude: unknown): boolean {
  return (
    typeof latitude === 'number' &&
    typeof longitude === 'number' &&
    Math.abs(latitude) <= 90 &&
    Math.abs(longitude) <= 180
  )
}

function remembered(key: string): string | null {
  try {
    return window.localStorage.getItem(key)
  } catch {
    return null
  }
}

function remember(key: string, value: string): void {
  try {
    window.localStorage.setItem(key, value)
  } catch {
    // Storage unavailable: the choice lasts for this session.
  }
}

export const useSimulatorStore = defineStore('simulator', () => {
  const deviceId = ref(devicePreset(remembered(DEVICE_KEY) ?? DEFAULT_DEVICE_ID).id)
  const zoom = ref<ZoomChoice>(zoomChoice(remembered(ZOOM_KEY)))
  const device = computed(() => devicePreset(deviceId.value))
  /** The system theme (the 浅色/深色 switch): a running frame follows it without a reload. */
  const theme = ref<Theme>(remembered(THEME_KEY) === 'dark' ? 'dark' : 'light')
  /** The simulated phone's place (the 位置 fields): `wx.getLocation`, `wx.onLocationChange`. */
  const location = ref<SimulatedLocation>(rememberedLocation())
  /** Increases for every new frame. */
  const generation = ref(1)
  /** The page stack the running frame reported, top last. */
  const stack = ref<PageEntry[]>([])
  /** What the next frame opens: the page that was on top when it was asked for. */
  const entry = ref<PageEntry | undefined>()
  const failure = ref<ServiceError | null>(null)
  /** The frame's first page has painted (the phone is busy until then). */
  const painted = ref(false)
  /** Runs a Console command in the running frame's logic context; null while no frame runs. */
  const evaluator = shallowRef<((code: string) => Promise<EvalResult>) | null>(null)

  watch(deviceId, (id) => {
    remember(DEVICE_KEY, id)
    reload()
  })
  watch(zoom, (value) => remember(ZOOM_KEY, String(value)))
  watch(theme, (value) => remember(THEME_KEY, value))
  watch(location, (value) => remember(LOCATION_KEY, JSON.stringify(value)))

  const project = useProjectStore()
  const appid = computed(() => project.current?.settings.appid)
  /** The open project's kept authorization answers (详情 shows and edits them). */
  const authSetting = ref<AuthSetting>({})
  /** Counts 详情's edits, which a running frame takes at once. */
  const authorizationEdits = ref(0)
  watch(
    appid,
    (id) => (authSetting.value = id === undefined ? {} : loadAuthSetting(window.localStorage, id)),
    { immediate: true },
  )
  /** The frame's user answered for `forAppid`: kept. */
  function keepAuthorization(forAppid: string, setting: AuthSetting): void {
    saveAuthSetting(window.localStorage, forAppid, setting)
    if (forAppid === appid.value) authSetting.value = { ...setting }
  }
  /** 详情 changed the answers (an empty setting clears them): kept, and the frame told. */
  function editAuthorization(setting: AuthSetting): void {
    const id = appid.value
    if (id === undefined) return
    keepAuthorization(id, setting)
    authorizationEdits.value++
  }
  /** The compile mode selected in the toolbar, or undefined for 普通编译. */
  const compileMode = computed(() => {
    const settings = project.current?.settings
    return settings?.compileModes[settings.compileMode]
  })

  /** Where a fresh frame starts and with which scene (see FrameLaunch). */
  function launch(): FrameLaunch {
    const mode = compileMode.value
    return {
      page: entry.value,
      modeEntry: mode ? compileModeEntry(mode) : undefined,
      scene: mode?.scene ?? undefined,
    }
  }

  /**
   * A fresh frame with a fresh bundle, on the page that is open now (with none open, as the last
   * launch did).
   */
  function reload(): void {
    entry.value = stack.value[stack.value.length - 1]
    failure.value = null
    painted.value = false
    generation.value++
  }

  /**
   * A fresh frame launched as a compile does: on the selected compile mode's page with its query
   * and scene, or on app.json's first page (普通编译). Also when another project is opened.
   */
  function restart(): void {
    stack.value = []
    reload()
  }

  let listening: Unsubscribe[] = []
  let projectDir: string | undefined

  /** Follows saves (hot reload) and project switches. */
  function start(): void {
    if (listening.length > 0) return
    listening = [
      bridge().on('project.sourcesChanged', () => reload()),
      bridge().on('project.changed', (info) => {
        if (projectDir !== undefined && projectDir !== info.dir) restart()
        projectDir = info.dir
      }),
    ]
  }

  function stop(): void {
    for (const off of listening) off()
    listening = []
  }

  return {
    deviceId,
    zoom,
    theme,
    location,
    authSetting,
    authorizationEdits,
    keepAuthorization,
    editAuthorization,
    device,
    generation,
    stack,
    entry,
    compileMode,
    launch,
    failure,
    painted,
    evaluator,
    reload,
    restart,
    start,
    stop,
  }
})
