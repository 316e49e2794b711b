/**
 * The simulator's side of the workbench service: `simulator.bundle` compiles the open project for
 * one device width (a ProjectCompiler kept per project, so a save recompiles only what it touched
 * and a device change redoes only rpx), and a watcher over the mini-program's sources reports
 * saves as `project.sourcesChanged`. Never throws: problems come back as data.
 */
import type { ProjectInfo } from '../../../shared/project'
import { fail, ok, type Result } from '../../../shared/result'
import type { ContractService } from '../../../shared/rpc'
import type { SimulatorBundle } from '../../../shared/simulator-protocol'
import { ProjectCompiler, readCompilerPlugins } from '../compiler'
import { resolveProjectPath } from '../project/project-files'
import type { ProjectStore } from '../project/project-store'
import type { ContractEventListener } from '../../../shared/contract'
import { readSimulatorFiles } from './simulator-files'
import { SourceWatcher } from './source-watcher'

/** Images sent to the frame at most, in bytes (before base64). */
export const ASSET_BUDGET = 8 * 1024 * 1024

/** The width the project is compiled for when it opens (a device change only redoes rpx). */
const AHEAD_DEVICE_WIDTH = 390

export interface SimulatorServiceOptions {
  store: ProjectStore
  emit: ContractEventListener
  /** @default ASSET_BUDGET */
  assetBudget?: number
  /** Quiet time after the last file event before `project.sourcesChanged`. @default 100 */
  debounceMs?: number
}

export interface SimulatorService {
  methods: Pick<ContractService, 'simulator.bundle'>
  /** Files replaced wholesale outside a save (构建 npm): the next bundle reads them anew. */
  forgetFiles(stale: (path: string) => boolean): void
  /** Resolves once the watcher of the last opened project watches every folder. */
  settled(): Promise<void>
  close(): Promise<void>
}

interface OpenSimulator {
  /** Project folder and mini-program root: a different one is a different project. */
  key: string
  /** Real path of the mini-program root; null when it is missing or outside the project. */
  root: string | null
  watcher?: SourceWatcher
  compiler?: ProjectCompiler
  deviceWidth?: number
  /** Sources saved since the last compile, for `recompileFile`. */
  dirty: Set<string>
  /** One bundle at a time: compiles share the compiler. */
  running: Promise<unknown>
}

/** A different folder, root or set of compiler plugins is a different compile. */
function keyOf(info: ProjectInfo): string {
  const plugins = readCompilerPlugins(info.settings.setting)
  return `${info.dir}\n${info.settings.miniprogramRoot}\n${JSON.stringify(plugins)}`
}

export function createSimulatorService(options: SimulatorServiceOptions): SimulatorService {
  const { store, emit } = options
  let open: OpenSimulator | undefined
  let applying: Promise<void> = Promise.resolve()
  let closed = false

  function closeOpen(): void {
    open?.watcher?.close()
    const compiler = open?.compiler
    if (compiler && open) void open.running.then(() => compiler.dispose())
    open = undefined
  }

  async function apply(info: ProjectInfo): Promise<void> {
    if (closed || open?.key === keyOf(info)) return
    closeOpen()
    const resolved = await resolveProjectPath(info.dir, info.settings.miniprogramRoot)
    const current: OpenSimulator = {
      key: keyOf(info),
      root: resolved.ok ? resolved.value : null,
      dirty: new Set(),
      running: Promise.resolve(),
    }
    open = current
    if (!current.root) return
    current.watcher = new SourceWatcher({
      root: current.root,
      debounceMs: options.debounceMs,
      onChange: (files) => {
        for (const file of files) current.dirty.add(file)
        emit('project.sourcesChanged', { files })
      },
    })
    await current.watcher.start()
    // Compiled ahead (after the watcher is up, so no save is missed), while the workbench
    // loads: the first compile pays for the template compiler's WASM.
    current.compiler = new ProjectCompiler({
      root: current.root,
      rpx: { deviceWidth: AHEAD_DEVICE_WIDTH },
      plugins: readCompilerPlugins(info.settings.setting),
    })
    current.deviceWidth = AHEAD_DEVICE_WIDTH
    current.running = current.compiler.compile().catch(() => undefined)
  }

  const stopListening = store.onChanged((info) => {
    applying = applying.then(() => apply(info)).catch(() => undefined)
  })

  async function bundle(
    info: ProjectInfo,
    current: OpenSimulator,
    deviceWidth: number,
  ): Promise<Result<SimulatorBundle>> {
    if (!current.root || !current.compiler) {
      return fail({
        code: 'MINIPROGRAM_ROOT_MISSING',
        message: `The mini-program folder ${info.settings.miniprogramRoot || '.'} cannot be read`,
      })
    }
    if (current.deviceWidth !== deviceWidth) current.compiler.setDevice({ deviceWidth })
    current.deviceWidth = deviceWidth
    // One compile for all saves: a checkout or 构建 npm brings hundreds of files at once.
    const saved = new Set(current.dirty)
    current.dirty.clear()
    current.compiler.forgetSaved(saved)
    const compiled = await current.compiler.compile()
    const read = await readSimulatorFiles(current.root, options.assetBudget ?? ASSET_BUDGET)
    const warnings = [
      ...compiled.warnings,
      ...read.omitted.map((file) => ({
        file,
        line: 1,
        column: 1,
        message: 'image not shown in the simulator: the project’s images exceed the size limit',
      })),
    ]
    let appJson: Record<string, unknown> = { ...(info.app ?? {}) }
    try {
      const parsed: unknown = JSON.parse(read.files['app.json'] ?? '')
      if (typeof parsed === 'object' && parsed !== null) appJson = parsed as Record<string, unknown>
    } catch {
      // A broken app.json is one of the project's problems; the parsed config stands in.
    }
    return ok({
      appid: info.settings.appid,
      files: { ...read.files, ...compiled.scripts },
      appJson,
      compiled: {
        groupListCode: compiled.groupListCode,
        templates: compiled.templates,
        components: compiled.components,
        styles: compiled.styles,
        pages: compiled.pages,
        ...(compiled.workers && { workers: compiled.workers }),
        errors: compiled.errors,
        warnings,
      },
      assets: read.assets,
    })
  }

  return {
    methods: {
      'simulator.bundle': async (params) => {
        const { deviceWidth } = params
        await applying
        const info = store.current()
        if (!info || !open || open.key !== keyOf(info)) {
          return fail({ code: 'NO_PROJECT', message: 'No project is open' })
        }
        const current = open
        const run = current.running.then(() => bundle(info, current, deviceWidth))
        current.running = run.catch(() => undefined)
        try {
          return await run
        } catch (error) {
          return fail({ code: 'BUNDLE_FAILED', message: (error as Error).message })
        }
      },
    },
    forgetFiles(stale) {
      open?.compiler?.forgetFiles(stale)
    },
    settled: () => applying,
    async close() {
      closed = true
      stopListening()
      await applying
      closeOpen()
    },
  }
}
