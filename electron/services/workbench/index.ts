/**
 * The contract's service side (shared/contract.ts) on top of a ProjectStore: one implementation,
 * served alike over Electron IPC and the browser-mode WebSocket. Params arrive from another
 * process (or a browser), so every method's params pass its check in `contract-params.ts` before
 * the implementations here see them.
 */
import type { AppInfo, ContractEventListener, ContractEvents } from '../../../shared/contract'
import { fail, ok, type Result } from '../../../shared/result'
import type { ContractService, Unsubscribe } from '../../../shared/rpc'
import type { ProjectStore } from '../project/project-store'
import { withCheckedParams } from './contract-params'
import {
  machineEngineSettings,
  readMachineNetwork,
  writeMachineNetwork,
} from './machine-network-settings'
import { createNetworkLog } from './network-log'
import { createAutomationRelay, type AutomationRelay } from '../automation/workbench-relay'
import { createDemoNetwork } from '../demo'
import { MINIPROGRAM_NPM } from '../../../shared/runtime/npm-resolution'
import { buildNpm } from '../npm'
import { createNetworkService } from './network-service'
import { createSimulatorService } from './simulator-service'
import { createFileService } from './file-service'
import { createTaskService } from './task-service'
import { createWxMainApi } from '../wx-api/main-api'
import { MAIN_TASKS } from '../../../shared/runtime/wx-api-table'

export interface WorkbenchServiceOptions {
  store: ProjectStore
  appInfo: AppInfo
  /** The native folder picker (Electron); absent in browser mode, where it answers UNSUPPORTED. */
  chooseFolder?: () => Promise<string | null>
  /** Quiet time after the last source save before `project.sourcesChanged`. @default 100 */
  sourcesDebounceMs?: number
  /** The app's data folder, for settings kept per machine; without it they answer UNSUPPORTED. */
  dataDir?: string
  /**
   * The app's package root: with `dataDir`, while the embedded demo is open (the user's copy in
   * the data folder, or resources/demo itself) its API server runs on loopback, and its host
   * mapping and CA go to the demo's engine only. The store should come from `withDemoCopy`
   * (services/demo), so that the demo's settings are written into the copy.
   */
  appRoot?: string
}

export interface WorkbenchService {
  service: ContractService
  onEvent(listener: ContractEventListener): Unsubscribe
  /** Resolves once the last project change reached the request engine and the source watcher. */
  settled(): Promise<void>
  /** Commands of `mpdt auto --web` to the simulator, and its answers and events. */
  automation: AutomationRelay
  /** Closes the request engine (aborting its tasks) and the source watcher. */
  close(): Promise<void>
}

const noMachineSettings = (): Result<never> =>
  fail({ code: 'UNSUPPORTED', message: 'Settings kept per machine need the app’s data folder' })

const noProject = (): Result<never> => fail({ code: 'NO_PROJECT', message: 'No project is open' })

export function createWorkbenchService(options: WorkbenchServiceOptions): WorkbenchService {
  const { store, appInfo, chooseFolder } = options
  const listeners = new Set<ContractEventListener>()
  const emit: ContractEventListener = (event, payload) => {
    for (const listener of listeners) listener(event, payload)
  }
  store.onChanged((info) => emit('project.changed', info))
  const { dataDir, appRoot } = options
  const demo =
    dataDir !== undefined && appRoot !== undefined
      ? createDemoNetwork({ dataDir, appRoot })
      : undefined
  const network = createNetworkService({
    store,
    emit,
    ...(dataDir !== undefined && { machineSettings: () => machineEngineSettings(dataDir) }),
    ...(demo && { appSettingsFor: (dir: string) => demo.settingsFor(dir) }),
  })
  const log = createNetworkLog({
    engine: network.engine,
    creator: { name: appInfo.name, version: appInfo.version },
  })
  listeners.add((event, payload) => {
    if (event === 'network.event') log.handle(payload as ContractEvents['network.event'])
  })
  const files = createFileService({ store, ...(dataDir !== undefined && { dataDir }) })
  const tasks = createTaskService({
    store,
    emit,
    engine: network.engine,
    settled: network.settled,
    files: files.space,
    // Only a request that passed the registry's check is kept for replay.
    beforeRequest: (req) => log.expectRequest(req),
  })
  const simulator = createSimulatorService({
    store,
    emit,
    debounceMs: options.sourcesDebounceMs,
  })

  const wxMain = createWxMainApi({
    appid: () => store.current()?.settings.appid,
    network: (event) => emit('network.event', event),
  })
  const automation = createAutomationRelay(emit)

  const service: ContractService = {
    'app.getInfo': async () => ok(appInfo),
    'wx.call': async (params) => {
      // The contract's check (contract-params.ts) let only frame-callable methods through.
      if (MAIN_TASKS.has(params.method)) {
        return tasks.start(params.method, params.taskId, params.params)
      }
      return ok(wxMain.call(params.method, params.params))
    },
    'project.open': async (params) => store.open(params.dir),
    'project.current': async () => ok(store.current()),
    'project.reload': async () => (store.current() ? store.reload() : noProject()),
    'project.recent': async () => ok(await store.recent()),
    'project.chooseFolder': async () => {
      if (!chooseFolder) {
        return fail({
          code: 'UNSUPPORTED',
          message: 'Choosing a folder needs the desktop app; type the folder path instead',
        })
      }
      return ok(await chooseFolder())
    },
    'project.updateSettings': async (patch) =>
      store.current() ? store.updateSettings(patch) : noProject(),
    'project.setDomains': async (params) =>
      store.current() ? store.setDomains(params.domains) : noProject(),
    'project.setMock': async (params) =>
      store.current() ? store.setMock(params.mock) : noProject(),
    'project.buildNpm': async () => {
      const info = store.current()
      if (!info) return noProject()
      const built = await buildNpm(info.dir, (progress) => emit('project.npmProgress', progress))
      if (built.ok) simulator.forgetFiles((path) => path.split('/').includes(MINIPROGRAM_NPM))
      return built
    },
    ...simulator.methods,
    ...network.methods,
    ...log.methods,
    'settings.machineNetwork': async () =>
      dataDir === undefined ? noMachineSettings() : ok(await readMachineNetwork(dataDir)),
    'settings.setMachineNetwork': async (params) => {
      if (dataDir === undefined) return noMachineSettings()
      const written = await writeMachineNetwork(dataDir, params)
      if (written.ok) await network.reapply()
      return written
    },
    ...files.methods,
    ...tasks.methods,
    ...automation.methods,
  }

  return {
    service: withCheckedParams(service),
    automation,
    onEvent(listener) {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },
    async settled() {
      await Promise.all([network.settled(), simulator.settled()])
    },
    async close() {
      tasks.close()
      await Promise.all([network.close(), simulator.close(), files.close()])
      await demo?.close()
    },
  }
}
