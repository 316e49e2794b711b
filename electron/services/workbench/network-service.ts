/**
 * The workbench's request engine: one per open project, configured as `mpdt run` configures its
 * own (appid, urlCheck, domain lists, app.json networkTimeout, project-local connectTo/cacert), and
 * updated in place when the project changes, so a setting applies to the next request without a
 * restart. The simulator's tasks run on it through the task registry (`wx.call`); every engine
 * event and console message is forwarded as contract events. `network.judgeWebView` answers
 * whether a `<web-view>` may open its src (the 业务域名 rule).
 */
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { ProjectInfo } from '../../../shared/project'
import { fail, ok, type Result } from '../../../shared/result'
import { readLocalNetworkSettings } from '../headless/local-network-settings'
import { readCertificates } from '../headless/run-session'
import { SIMULATED_USER_AGENT } from '../headless/simulated-device'
import { createRequestEngine, type RequestEngine, type RequestEngineOptions } from '../network'
import type { ProjectStore } from '../project/project-store'
import type { ContractEventListener } from '../../../shared/contract'
import type { ContractService } from '../../../shared/rpc'

export interface NetworkServiceOptions {
  store: ProjectStore
  emit: ContractEventListener
  /** Parent of each engine's temporary folder (bodies over 1 MB). @default the OS temp folder */
  tempParent?: string
  /** This machine's host mappings and extra CA, added after the project's own. */
  machineSettings?: () => Promise<Result<MachineEngineSettings>>
  /**
   * What the app itself adds for one project folder: the embedded demo's API server mapping and
   * CA while the demo is open (electron/services/demo), nothing for other projects.
   */
  appSettingsFor?: (dir: string) => Promise<MachineEngineSettings>
}

export type MachineEngineSettings = Pick<RequestEngineOptions, 'connectTo' | 'extraCaPem'>

export interface NetworkService {
  methods: Pick<ContractService, 'network.judgeWebView'>
  /** The engine of the open project, once configured (for tests and the host's shutdown). */
  engine(): RequestEngine | undefined
  /** Resolves once the last project change has been applied to the engine. */
  settled(): Promise<void>
  /** Applies the settings again (the machine's changed); resolves once the engine has them. */
  reapply(): Promise<void>
  /** Aborts every task, closes the engine and deletes its temporary folder. */
  close(): Promise<void>
}

interface OpenEngine {
  dir: string
  engine: RequestEngine
  tempDir: string
  stop: (() => void)[]
}

type EngineSettings = Pick<
  RequestEngineOptions,
  'appid' | 'urlCheck' | 'domains' | 'mock' | 'networkTimeout' | 'connectTo' | 'extraCaPem'
>

/** The engine options a project asks for; an invalid local setting is an error to show. */
async function engineSettings(
  info: ProjectInfo,
  machineSettings: NetworkServiceOptions['machineSettings'],
  appSettingsFor: NetworkServiceOptions['appSettingsFor'],
): Promise<Result<EngineSettings>> {
  const local = await readLocalNetworkSettings(info.dir)
  if (!local.ok) return local
  let extraCaPem: string | undefined
  if (local.value.cacert) {
    const pem = await readCertificates(local.value.cacert)
    if (!pem.ok) return pem
    extraCaPem = pem.value
  }
  const machine = machineSettings ? await machineSettings() : ok<MachineEngineSettings>({})
  if (!machine.ok) return machine
  let app: MachineEngineSettings = {}
  try {
    app = appSettingsFor ? await appSettingsFor(info.dir) : {}
  } catch (error) {
    return fail({ code: 'APP_NETWORK', message: (error as Error).message })
  }
  const pems = [extraCaPem, machine.value.extraCaPem, app.extraCaPem].filter(
    (pem) => pem !== undefined,
  )
  return ok({
    appid: info.settings.appid,
    urlCheck: info.settings.urlCheck,
    domains: info.domains,
    mock: info.mock,
    networkTimeout: info.app?.networkTimeout,
    connectTo: [
      ...local.value.connectTo,
      ...(machine.value.connectTo ?? []),
      ...(app.connectTo ?? []),
    ],
    extraCaPem: pems.length > 0 ? pems.join('\n') : undefined,
  })
}

export function createNetworkService(options: NetworkServiceOptions): NetworkService {
  const { store, emit } = options
  let open: OpenEngine | undefined
  let applying: Promise<void> = Promise.resolve()
  let closed = false

  async function closeEngine(): Promise<void> {
    const current = open
    open = undefined
    if (!current) return
    await current.engine.close()
    for (const stop of current.stop) stop()
    await rm(current.tempDir, { recursive: true, force: true })
  }

  async function apply(info: ProjectInfo): Promise<void> {
    if (closed) return
    const settings = await engineSettings(info, options.machineSettings, options.appSettingsFor)
    if (!settings.ok) {
      emit('network.console', {
        level: 'error',
        args: [`${info.dir}: ${settings.error.message}; requests use the previous settings`],
      })
      if (open?.dir === info.dir) return
      await closeEngine()
      return
    }
    if (open && open.dir === info.dir) {
      try {
        open.engine.update(settings.value)
      } catch (error) {
        emit('network.console', { level: 'error', args: [(error as Error).message] })
      }
      return
    }
    await closeEngine()
    const tempDir = await mkdtemp(join(options.tempParent ?? tmpdir(), 'mpdt-workbench-'))
    const engine = createRequestEngine({
      ...settings.value,
      userAgent: SIMULATED_USER_AGENT,
      tempDir,
    })
    open = {
      dir: info.dir,
      engine,
      tempDir,
      stop: [
        engine.onEvent((event) => emit('network.event', event)),
        engine.onConsole((message) => emit('network.console', message)),
      ],
    }
  }

  const stopListening = store.onChanged((info) => {
    applying = applying.then(() => apply(info)).catch(() => undefined)
  })

  return {
    methods: {
      'network.judgeWebView': async (params) => {
        const { src } = params
        await applying
        const engine = open?.engine
        if (!engine || !store.current()) {
          return fail({ code: 'NO_PROJECT', message: 'No project is open' })
        }
        return ok(engine.judgeWebView(src))
      },
    },
    engine: () => open?.engine,
    settled: () => applying,
    reapply() {
      const info = store.current()
      if (info) applying = applying.then(() => apply(info)).catch(() => undefined)
      return applying
    },
    async close() {
      closed = true
      stopListening()
      await applying
      await closeEngine()
    },
  }
}
