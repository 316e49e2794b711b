/**
 * `mpdt auto --web`: the project in the workbench (browser mode) shown by a headless Chromium,
 * and the automation WebSocket relaying each command to the simulator's frame through the
 * workbench (services/automation/workbench-relay.ts). Screenshots are the phone as Chromium
 * paints it. The port opens once the simulator answers, so the client's first command finds it.
 */
import type { AutomationCommand } from '../../shared/automation/automation-protocol'
import { startAutomationServer } from '../services/automation/automation-server'
import { findChromium, startHeadlessChromium } from '../services/automation/headless-chromium'
import { openProjectStore, startBrowserWorkbench } from './browser-workbench'

export interface WorkbenchAutomationOptions {
  projectDir: string
  port: number
  /** Chromium or Chrome to show the workbench; default: the usual install paths. */
  browser?: string
  signal: AbortSignal
  err(line: string): void
}

/** How long a command may take in the simulator (a navigation, a slow page method). */
const COMMAND_MS = 60_000
/** How long the simulator may take to boot the project (first compile included). */
const BOOT_MS = 120_000
const PROBE_MS = 1_000

export async function runWorkbenchAutomation(options: WorkbenchAutomationOptions): Promise<number> {
  const executable = findChromium(options.browser)
  if (!executable) {
    options.err(
      `mpdt auto: --web needs Chromium or Chrome${options.browser ? ` (not found: ${options.browser})` : ''}; ` +
        'install one or pass --browser PATH',
    )
    return 2
  }
  const store = await openProjectStore()
  const cleanups: (() => Promise<void>)[] = [() => store.close()]
  let closedByClient = false
  const stopped = new Promise<void>((resolve) => {
    if (options.signal.aborted) resolve()
    options.signal.addEventListener('abort', () => resolve(), { once: true })
  })
  let endSession = () => {}
  const ended = new Promise<void>((resolve) => (endSession = resolve))
  try {
    const served = await startBrowserWorkbench(store, options.projectDir, 0, 'mpdt auto')
    cleanups.unshift(() => served.close())
    const relay = served.workbench.automation
    const chromium = await startHeadlessChromium(executable, served.host.url)
    cleanups.unshift(() => chromium.close())

    let probe = 0
    const booted = async (): Promise<boolean> => {
      const deadline = Date.now() + BOOT_MS
      while (Date.now() < deadline && !options.signal.aborted) {
        const reply = await relay.send(
          { id: `boot-${++probe}`, method: 'Tool.getInfo', params: {} },
          PROBE_MS,
        )
        if ('result' in reply) return true
        await new Promise((resolve) => setTimeout(resolve, 250))
      }
      return false
    }
    if (!(await booted())) {
      options.err(`mpdt auto: the simulator did not start the project within ${BOOT_MS / 1000} s`)
      return options.signal.aborted ? 130 : 2
    }
    const handle = async (command: AutomationCommand) => {
      if (command.method !== 'App.captureScreenshot') return relay.send(command, COMMAND_MS)
      try {
        return { id: command.id, result: { data: await chromium.screenshotPhone() } }
      } catch (error) {
        return { id: command.id, error: { message: (error as Error).message } }
      }
    }
    const server = await startAutomationServer({
      port: options.port,
      handle,
      onToolClose: () => {
        closedByClient = true
        endSession()
      },
    })
    cleanups.unshift(() => server.close())
    const stopEvents = relay.onEvent((event) => server.broadcast(event))
    cleanups.unshift(async () => stopEvents())
    options.err(
      `mpdt auto: automation on ws://127.0.0.1:${server.port} (workbench: ${served.host.url})`,
    )
    await Promise.race([stopped, ended])
    return closedByClient ? 0 : 130
  } catch (error) {
    options.err(`mpdt auto: ${(error as Error).message}`)
    return 2
  } finally {
    for (const cleanup of cleanups) await cleanup().catch(() => undefined)
  }
}
