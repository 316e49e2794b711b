/**
 * `mpdt run <projectDir>`: runs a project headless through the same runtime and request engine as
 * the workbench, printing every console call on stdout (see services/headless/console-line.ts).
 */
import { resolve } from 'node:path'
import { createDemoNetwork } from '../services/demo'
import { runHeadless } from '../services/headless/run-session'
import { APP_ROOT, commandLineCwd, resolveDataDir } from './app-paths'
import { parseRunArgs, RUN_USAGE } from './run-args'
import { readVersion } from './version'

export async function runCommand(args: string[]): Promise<number> {
  if (args.includes('--help') || args.includes('-h')) {
    process.stdout.write(`${RUN_USAGE}\n`)
    return 0
  }
  const parsed = parseRunArgs(args)
  if (!parsed.ok) {
    process.stderr.write(`mpdt run: ${parsed.error.message}\n\n${RUN_USAGE}\n`)
    return 2
  }
  const options = parsed.value
  const cwd = commandLineCwd()
  const fromCwd = (path: string) => resolve(cwd, path)
  // Ctrl-C ends the run cleanly: the HAR is written and the temporary folder removed.
  const interrupted = new AbortController()
  const interrupt = () => interrupted.abort()
  process.once('SIGINT', interrupt)
  process.once('SIGTERM', interrupt)
  // The embedded demo needs its API server while it runs; any other project gets nothing.
  const demo = createDemoNetwork({ dataDir: resolveDataDir(), appRoot: APP_ROOT })
  try {
    return await runHeadless({
      appSettingsFor: (dir) => demo.settingsFor(dir),
      projectDir: fromCwd(options.projectDir),
      page: options.page,
      compileMode: options.compileMode,
      scene: options.scene,
      theme: options.theme,
      urlCheck: options.urlCheck,
      mock: options.mock,
      connectTo: options.connectTo,
      cacertFiles: options.cacert ? [fromCwd(options.cacert)] : [],
      harFile: options.har && fromCwd(options.har),
      harCreator: { name: 'MP DevTools', version: readVersion() },
      timeoutMs: options.timeoutSeconds * 1000,
      dataDir: options.dataDir && fromCwd(options.dataDir),
      chosenFiles: (options.chooseFiles ?? []).map(fromCwd),
      authorize: options.authorize,
      signal: interrupted.signal,
      out: (line) => process.stdout.write(`${line}\n`),
      err: (line) => process.stderr.write(`${line}\n`),
    })
  } finally {
    process.off('SIGINT', interrupt)
    process.off('SIGTERM', interrupt)
    await demo.close()
  }
}
