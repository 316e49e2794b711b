/**
 * One headless run of a project, as `mpdt run` does it: load the project, create the request
 * engine and the runtime, launch, print every console call, and finish once nothing is pending
 * (exit code 0) or when the time runs out (3). A project that cannot be loaded gives 2.
 */
import { rmSync } from 'node:fs'
import { mkdir, mkdtemp, readFile, rm, stat } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { dirname, join, resolve } from 'node:path'
import { types } from 'node:util'
import type { AppConfig, ProjectInfo } from '../../../shared/project'
import { compileModeEntry } from '../../../shared/compile-mode'
import { fail, ok, type Result } from '../../../shared/result'
import { createRuntime, type LaunchOptions, type Runtime } from '../../../shared/runtime'
import type { ComponentJson, MissingPage, ReportedError } from '../../../shared/runtime'
import { createHarRecorder, type HarRecorder } from '../har/har-recorder'
import type { HarCreator } from '../har/har-types'
import { writeHar } from '../har/write-har'
import { WxFileSpace } from '../files/wx-file-space'
import { createRequestEngine, type RequestEngine } from '../network'
import type { CompileResult } from '../compiler'
import { compileProjectFolder } from '../compiler/project-folder'
import { formatProblem, loadProject } from '../project'
import { formatConsoleLine, formatValue } from './console-line'
import { createHeadlessPort, type HeadlessPort } from './headless-port'
import { readCertificates } from './ca-certificates'
import { readLocalNetworkSettings } from './local-network-settings'
import { loadCompiledTemplates } from '../../../shared/runtime/compiled-templates'
import { createMemoryStorage } from './memory-storage'
import { projectStack } from './project-stack'
import { createSandboxedRuntime, type SandboxedRuntime } from './sandbox-realm'
import { appTheme, type Theme } from '../../../shared/theme'
import { SIMULATED_USER_AGENT } from './simulated-device'

// The workbench reads the project-local CA the same way.
export { readCertificates }

export const EXIT_IDLE = 0
export const EXIT_NOT_LOADED = 2
export const EXIT_TIMED_OUT = 3
/** Stopped by `signal` (Ctrl-C): 128 + SIGINT, as shells report it. */
export const EXIT_INTERRUPTED = 130

export interface HeadlessRunOptions {
  projectDir: string
  /** Entry page and query, e.g. `pages/detail/detail?id=1`. @default app.json's first page */
  page?: string
  /** Launch as the project's compile mode of this name does (its page, query and scene). */
  compileMode?: string
  /** The launch scene. @default the compile mode's, else 1001 */
  scene?: number
  /** The system theme (--theme); the app follows it with app.json `darkmode: true`. @default 'light' */
  theme?: Theme
  /** Overrides the project's `setting.urlCheck` (--no-url-check gives `false`). */
  urlCheck?: boolean
  /** `false` ignores the project's API Mock rules (project.mock.json), --no-mock. @default true */
  mock?: boolean
  /** Host mappings before the project-local ones (the first match wins). @default [] */
  connectTo?: string[]
  /** PEM files of extra trusted CAs, besides the project-local one. @default [] */
  cacertFiles?: string[]
  /** Writes HAR 1.2 of every request here when the run ends. */
  harFile?: string
  harCreator?: HarCreator
  timeoutMs: number
  /**
   * Parent folder of the run's temporary folder. Given, the mini-program's user data
   * (`wxfile://usr`) persists in `<dataDir>/files/<appid>` from run to run; absent, it lives in
   * the run's own folder and goes with it. @default the OS temp folder
   */
  dataDir?: string
  /** Files `wx.chooseImage`/`wx.chooseMedia` pick (`--choose-file`); none: they cancel. */
  chosenFiles?: string[]
  /** The user's answer to authorization dialogs (`--authorize`). @default 'allow' */
  authorize?: 'allow' | 'deny'
  /** Receives each line for stdout. */
  out(line: string): void
  /** Receives each line for stderr. */
  err(line: string): void
  /** Stops the run early (e.g. on Ctrl-C): the HAR is still written, the exit code is 130. */
  signal?: AbortSignal
  /**
   * Sees every console call of the mini-program and of the tool before it is printed; from the
   * sandbox, each argument as printed (strings, other values as JSON), never the realm's objects.
   */
  observeConsole?(level: string, args: unknown[]): void
  /** Sees every uncaught exception of mini-program code before it is printed. */
  observeError?(error: ReportedError): void
  /**
   * Renders pages into a DOM-free glass-easel tree, the WXML compiled with the project compiler
   * (`mpdt auto` queries and taps elements; `mpdt run` needs no tree). @default false
   */
  render?: boolean
  /** Runs on after the mini-program is idle, with no time limit, until `signal`. @default false */
  stayAlive?: boolean
  /** Gets the runtime before it launches (`mpdt auto` attaches its automation agent here). */
  onRuntime?(runtime: Runtime): void
  /**
   * What the app itself adds for this project folder, after the flags and the project's own
   * settings: the embedded demo's API server mapping and CA (electron/services/demo).
   */
  appSettingsFor?(dir: string): Promise<{ connectTo: string[]; extraCaPem?: string }>
}

/** Runs the project and resolves to the exit code. */
export async function runHeadless(options: HeadlessRunOptions): Promise<number> {
  const projectDir = resolve(options.projectDir)
  const prepared = await prepare(projectDir, options)
  if (!prepared.ok) {
    for (const line of prepared.lines) options.err(line)
    return EXIT_NOT_LOADED
  }
  const { project, app, tempDir, launch, compiled } = prepared
  let { extraCaPem, connectTo } = prepared
  if (options.appSettingsFor) {
    try {
      const extra = await options.appSettingsFor(projectDir)
      connectTo = [...connectTo, ...extra.connectTo]
      if (extra.extraCaPem) extraCaPem = [extraCaPem, extra.extraCaPem].filter(Boolean).join('\n')
    } catch (error) {
      options.err(`mpdt run: ${(error as Error).message}`)
      await rm(tempDir, { recursive: true, force: true })
      return EXIT_NOT_LOADED
    }
  }
  const print = (level: string, args: unknown[]) => {
    options.observeConsole?.(level, args)
    const line = formatConsoleLine(level, args)
    if (line !== null) options.out(line)
  }
  const reportError = (stack: string) => options.out(`[error] ${projectStack(stack)}`)

  let engine: RequestEngine | undefined
  let runtime: SandboxedRuntime | undefined
  const har: HarRecorder | undefined = options.harFile ? createHarRecorder() : undefined
  // A promise the mini-program rejected and never handled: reported as WeChat's console does.
  const onUnhandled = (reason: unknown, promise: Promise<unknown>) => {
    // The sandbox's own: it reports them itself, formatted inside it.
    if (runtime?.owns(promise) && !options.render && !options.onRuntime) {
      runtime.unhandledRejection(reason, promise)
      return
    }
    reportError(
      `Unhandled promise rejection ${types.isNativeError(reason) && reason.stack ? reason.stack : formatValue(reason)}`,
    )
    if (runtime?.owns(promise)) runtime.unhandledRejection(reason, promise)
  }
  process.on('unhandledRejection', onUnhandled)
  try {
    engine = createRequestEngine({
      appid: project.settings.appid,
      urlCheck: options.urlCheck ?? project.settings.urlCheck,
      domains: project.domains,
      mock: options.mock === false ? undefined : project.mock,
      networkTimeout: app.networkTimeout,
      userAgent: SIMULATED_USER_AGENT,
      connectTo,
      extraCaPem,
      tempDir,
    })
    engine.onConsole((message) => print(message.level, message.args))
    if (har) engine.onEvent((event) => har.handle(event))
    const root = join(projectDir, project.settings.miniprogramRoot)
    let missingEntry: MissingPage | undefined
    const port = createHeadlessPort({
      engine,
      files: fileSpace(options.dataDir, tempDir, project.settings.appid, root),
      chosenFiles: options.chosenFiles,
      appid: project.settings.appid,
      answers: { authorize: options.authorize ?? 'allow' },
      storage: createMemoryStorage(),
      console: print,
      reportError: (error) => {
        options.observeError?.(error)
        reportError(error.stack)
      },
      pageNotFound: (page) => {
        missingEntry = page
        options.err(
          `mpdt run: ${page.path} is not in app.json's pages and onPageNotFound opened no other ` +
            'page (WeChat shows 页面不存在); the run goes on until nothing is pending, then exits 2',
        )
      },
      har,
      ...(compiled.workers && { workerCode: compiled.workers.code }),
      ...(app.darkmode === true && { theme: appTheme(app, options.theme ?? 'light') }),
    })
    // The compile's problems were printed once, before the run.
    const rendered = options.render ? loadCompiledTemplates(compiled) : undefined
    // The checked config over the whole file: lazyCodeLoading, resolveAlias, plugins… too.
    const appJson = { ...(await readAppJson(root)), ...app }
    const jsons = { ...pageJsons(project), ...componentJsons(compiled), ...rendered?.jsons }
    if (options.render || options.onRuntime) {
      // `mpdt auto`: the automation agent drives the runtime in Node's realm (see README.md).
      const inNode = createRuntime({
        port,
        appid: project.settings.appid,
        files: compiled.scripts,
        appJson,
        jsons,
        templates: rendered?.templates,
      })
      options.onRuntime?.(inNode)
      runtime = { ...inNode, owns: () => true }
    } else {
      runtime = createSandboxedRuntime({
        port,
        appid: project.settings.appid,
        files: compiled.scripts,
        appJson,
        jsons,
      })
    }
    const launched = await launchAndWait(runtime, port, options, launch)
    if (launched === EXIT_NOT_LOADED) return launched
    const exitCode = launched === EXIT_IDLE && missingEntry ? EXIT_NOT_LOADED : launched
    // Before disposing: requests still open at a timeout are recorded as pending, not aborted.
    if (har && options.harFile) {
      const written = await writeHar(
        options.harFile,
        await har.toHar(options.harCreator ?? { name: 'MP DevTools', version: '0' }),
      )
      if (!written.ok) options.err(`mpdt run: ${written.error.message}`)
    }
    return exitCode
  } finally {
    process.off('unhandledRejection', onUnhandled)
    runtime?.dispose()
    await engine?.close()
    await rm(tempDir, { recursive: true, force: true })
  }
}

type Prepared =
  | {
      ok: true
      project: ProjectInfo
      app: AppConfig
      extraCaPem?: string
      connectTo: string[]
      /** Created for this run; removed when it ends. */
      tempDir: string
      /** The entry page and scene from --page, --compile-mode and --scene. */
      launch: LaunchOptions
      /** The project compiled as the workbench compiles it (its problems already printed). */
      compiled: CompileResult
    }
  | { ok: false; lines: string[] }

/** Everything that can stop the run before it starts; `lines` say why, for stderr. */
async function prepare(projectDir: string, options: HeadlessRunOptions): Promise<Prepared> {
  const loaded = await loadProject(projectDir)
  if (!loaded.ok) return { ok: false, lines: [`mpdt run: ${loaded.error.message}`] }
  const project = loaded.value
  const errors = project.problems.filter((problem) => problem.severity === 'error')
  const app = project.app
  if (errors.length > 0 || !app) {
    return { ok: false, lines: project.problems.map(formatProblem) }
  }
  for (const warning of project.problems) options.err(formatProblem(warning))
  // Printed, not fatal: a broken file fails where it is required and the rest still runs.
  const compiled = await compileProjectFolder(project)
  for (const problem of compiled.problems) options.err(formatProblem(problem))
  const launch = launchOptions(project, options)
  if (!launch.ok) return { ok: false, lines: [`mpdt run: ${launch.error.message}`] }
  const local = await readLocalNetworkSettings(projectDir)
  if (!local.ok) {
    return { ok: false, lines: [`${local.error.file}: ${local.error.message}`] }
  }
  const caFiles = [
    ...(options.cacertFiles ?? []),
    ...(local.value.cacert ? [local.value.cacert] : []),
  ]
  const pems: string[] = []
  for (const file of caFiles) {
    const pem = await readCertificates(file)
    if (!pem.ok) return { ok: false, lines: [`mpdt run: ${pem.error.message}`] }
    pems.push(pem.value)
  }
  if (options.harFile && !(await isFolder(dirname(options.harFile)))) {
    return { ok: false, lines: [`mpdt run: cannot write ${options.harFile}: no such folder`] }
  }
  for (const file of options.chosenFiles ?? []) {
    if (!(await isFile(file))) {
      return { ok: false, lines: [`mpdt run: --choose-file ${file}: no such file`] }
    }
  }
  const tempParent = options.dataDir ?? tmpdir()
  let tempDir: string
  try {
    await mkdir(tempParent, { recursive: true })
    tempDir = await mkdtemp(join(tempParent, 'mpdt-run-'))
  } catch (error) {
    return { ok: false, lines: [`mpdt run: cannot use ${tempParent}: ${(error as Error).message}`] }
  }
  return {
    ok: true,
    project,
    app,
    extraCaPem: pems.length > 0 ? pems.join('\n') : undefined,
    connectTo: [...(options.connectTo ?? []), ...local.value.connectTo],
    tempDir,
    launch: launch.value,
    compiled: compiled.result,
  }
}

/** The launch page and scene: --page, or the named compile mode's; --scene over the mode's. */
function launchOptions(project: ProjectInfo, options: HeadlessRunOptions): Result<LaunchOptions> {
  let entry = options.page?.replace(/^\//, '')
  let scene = options.scene
  if (options.compileMode !== undefined) {
    const modes = project.settings.compileModes
    const mode = modes.find((candidate) => candidate.name === options.compileMode)
    if (!mode) {
      const known = modes.map((candidate) => JSON.stringify(candidate.name)).join(', ')
      return fail({
        code: 'NO_COMPILE_MODE',
        message:
          `no compile mode named ${JSON.stringify(options.compileMode)} in condition.miniprogram.list; ` +
          (known ? `the project has ${known}` : 'the project has none'),
      })
    }
    entry = compileModeEntry(mode)
    scene ??= mode.scene ?? undefined
  }
  return ok({ ...(entry && { entry }), ...(scene !== undefined && { scene }) })
}

/** The mini-program's files: persistent per appid under --data-dir, else inside the run's folder. */
function fileSpace(dataDir: string | undefined, tempDir: string, appid: string, root: string) {
  const base = dataDir
    ? join(dataDir, 'files', appid.replace(/[^\w-]/g, '_'))
    : join(tempDir, 'files')
  // Temp files never outlive a run, as on a phone they do not outlive the mini-program.
  rmSync(join(base, 'tmp'), { recursive: true, force: true })
  return new WxFileSpace({ root: base, projectRoot: root })
}

async function isFile(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isFile()
  } catch {
    return false
  }
}

async function isFolder(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isDirectory()
  } catch {
    return false
  }
}

/** app.json as written (already checked by loadProject); `{}` if it cannot be read again. */
async function readAppJson(root: string): Promise<Record<string, unknown>> {
  try {
    const value: unknown = JSON.parse(
      (await readFile(join(root, 'app.json'), 'utf8')).replace(/^\uFEFF/, ''),
    )
    return typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : {}
  } catch {
    return {}
  }
}

/** Every page's and component's json as compiled (`usingComponents` resolved from the root). */
function componentJsons(compiled: CompileResult): Record<string, ComponentJson> {
  const jsons: Record<string, ComponentJson> = {}
  for (const [path, component] of Object.entries(compiled.components)) jsons[path] = component.json
  return jsons
}

function pageJsons(project: ProjectInfo): Record<string, ComponentJson> {
  const jsons: Record<string, ComponentJson> = {}
  for (const page of project.pages) jsons[page.route] = page.config as ComponentJson
  return jsons
}

/** Launches and resolves to EXIT_IDLE, EXIT_TIMED_OUT, EXIT_INTERRUPTED or EXIT_NOT_LOADED. */
function launchAndWait(
  runtime: SandboxedRuntime,
  port: HeadlessPort,
  options: HeadlessRunOptions,
  launch: LaunchOptions,
): Promise<number> {
  return new Promise((resolveExit) => {
    let unsubscribe = (): void => {}
    const interrupt = () => {
      if (!options.stayAlive)
        options.err(`mpdt run: interrupted; ${describePending(runtime, port)}`)
      finish(EXIT_INTERRUPTED)
    }
    const finish = (code: number) => {
      clearTimeout(timer)
      unsubscribe()
      options.signal?.removeEventListener('abort', interrupt)
      resolveExit(code)
    }
    const timer = options.stayAlive
      ? undefined
      : setTimeout(() => {
          options.err(
            `mpdt run: timed out after ${options.timeoutMs / 1000} s; ${describePending(runtime, port)}`,
          )
          finish(EXIT_TIMED_OUT)
        }, options.timeoutMs)
    options.signal?.addEventListener('abort', interrupt, { once: true })
    unsubscribe = runtime.onIdle(() => {
      if (runtime.pending() === 0 && !options.stayAlive) finish(EXIT_IDLE)
    })
    const launched = runtime.launch(launch)
    if (!launched.ok) {
      const { file, message } = launched.error
      options.err(file ? `${file}: ${message}` : message)
      finish(EXIT_NOT_LOADED)
    }
  })
}

/** What the mini-program still waits for: a count, then one line per open request. */
function describePending(runtime: SandboxedRuntime, port: HeadlessPort): string {
  const requests = port.openRequests()
  const others = Math.max(0, runtime.pending() - requests.length)
  const lines = [
    `still pending: ${requests.length} request(s), ${others} timer(s) or callback(s)`,
    ...requests.map((request) =>
      request.method === 'WEBSOCKET'
        ? `  socket ${request.url}`
        : `  request ${request.method} ${request.url}`,
    ),
  ]
  return lines.join('\n')
}
