/**
 * `mpdt auto`: a project driven by miniprogram-automator over the automation WebSocket, headless
 * (services/automation/headless-automation.ts) or in the workbench in a browser (--web).
 */
import { resolve } from 'node:path'
import { createDemoNetwork } from '../services/demo'
import { runHeadlessAutomation } from '../services/automation/headless-automation'
import { APP_ROOT, commandLineCwd, resolveDataDir } from './app-paths'
import { AUTO_USAGE, parseAutoArgs } from './auto-args'
import { runWorkbenchAutomation } from './auto-web'

export async function autoCommand(args: string[]): Promise<number> {
  if (args.includes('--help') || args.includes('-h')) {
    process.stdout.write(`${AUTO_USAGE}\n`)
    return 0
  }
  const parsed = parseAutoArgs(args)
  if (!parsed.ok) {
    process.stderr.write(`mpdt auto: ${parsed.error.message}\n\n${AUTO_USAGE}\n`)
    return 2
  }
  const options = parsed.value
  const projectDir = resolve(commandLineCwd(), options.projectDir)
  const interrupted = new AbortController()
  const interrupt = () => interrupted.abort()
  process.once('SIGINT', interrupt)
  process.once('SIGTERM', interrupt)
  const demo = createDemoNetwork({ dataDir: resolveDataDir(), appRoot: APP_ROOT })
  const out = (line: string) => process.stdout.write(`${line}\n`)
  const err = (line: string) => process.stderr.write(`${line}\n`)
  try {
    if (options.web) {
      return await runWorkbenchAutomation({
        projectDir,
        port: options.port,
        browser: options.browser,
        signal: interrupted.signal,
        err,
      })
    }
    return await runHeadlessAutomation({
      projectDir,
      port: options.port,
      urlCheck: options.urlCheck,
      appSettingsFor: (dir) => demo.settingsFor(dir),
      signal: interrupted.signal,
      onListening: (port) => err(`mpdt auto: automation on ws://127.0.0.1:${port} (headless)`),
      out,
      err,
    })
  } finally {
    process.off('SIGINT', interrupt)
    process.off('SIGTERM', interrupt)
    await demo.close()
  }
}
