/**
 * `mpdt auto` headless: the project runs as `mpdt run` runs it (same runtime, request engine and
 * console printing), with its pages rendered into a DOM-free glass-easel tree, and the automation
 * agent answers the client on the automation WebSocket until the client sends `Tool.close` or the
 * process is interrupted.
 */
import {
  createAutomationAgent,
  type AutomationAgent,
} from '../../../shared/automation/automation-agent'
import type {
  AutomationCommand,
  AutomationReply,
} from '../../../shared/automation/automation-protocol'
import { evaluateScript } from '../headless/evaluate-script'
import { EXIT_INTERRUPTED, runHeadless, type HeadlessRunOptions } from '../headless/run-session'
import { startAutomationServer, type AutomationServer } from './automation-server'

export interface HeadlessAutomationOptions extends Pick<
  HeadlessRunOptions,
  'projectDir' | 'out' | 'err' | 'appSettingsFor' | 'urlCheck'
> {
  /** The automation port on 127.0.0.1; 0 picks one (tests). */
  port: number
  /** Called once the port listens, with the port. */
  onListening?(port: number): void
  /** Ends the session as `Tool.close` does. */
  signal?: AbortSignal
}

/** Runs until `Tool.close` (exit 0) or the signal; 2 when the project cannot load or the port is taken. */
export async function runHeadlessAutomation(options: HeadlessAutomationOptions): Promise<number> {
  const stop = new AbortController()
  options.signal?.addEventListener('abort', () => stop.abort(), { once: true })
  let closedByClient = false
  let agent: AutomationAgent | undefined
  let loadFailure: string | undefined
  const waiting: (() => void)[] = []
  const whenReady = () =>
    agent || loadFailure !== undefined
      ? Promise.resolve()
      : new Promise<void>((resolve) => waiting.push(resolve))
  const ready = () => waiting.splice(0).forEach((resolve) => resolve())

  const handle = async (command: AutomationCommand): Promise<AutomationReply> => {
    await whenReady()
    if (!agent) {
      return { id: command.id, error: { message: `the project did not load: ${loadFailure}` } }
    }
    return agent.handle(command)
  }
  let server: AutomationServer
  try {
    server = await startAutomationServer({
      port: options.port,
      handle,
      onToolClose: () => {
        closedByClient = true
        stop.abort()
      },
    })
  } catch (error) {
    options.err(
      `mpdt auto: cannot listen on 127.0.0.1:${options.port}: ${(error as Error).message}`,
    )
    return 2
  }
  options.onListening?.(server.port)
  const errors: string[] = []
  try {
    const code = await runHeadless({
      projectDir: options.projectDir,
      urlCheck: options.urlCheck,
      appSettingsFor: options.appSettingsFor,
      out: options.out,
      err: (line) => {
        errors.push(line)
        options.err(line.replace(/^mpdt run:/, 'mpdt auto:'))
      },
      render: true,
      stayAlive: true,
      timeoutMs: 0,
      signal: stop.signal,
      observeConsole: (level, args) => agent?.console(level, args),
      observeError: (error) => agent?.exception(error),
      onRuntime: (runtime) => {
        agent = createAutomationAgent({
          runtime,
          evaluate: evaluateScript,
          emit: (event) => server.broadcast(event),
          reportError: (error) =>
            options.err(`[error] ${(error as Error)?.stack ?? String(error)}`),
          mode: 'headless',
        })
        ready()
      },
    })
    if (!agent) {
      loadFailure = errors.join('\n') || 'unknown reason'
      ready()
    }
    return code === EXIT_INTERRUPTED && closedByClient ? 0 : code
  } finally {
    agent?.dispose()
    await server.close()
  }
}
