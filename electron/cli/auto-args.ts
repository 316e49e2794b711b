/** The command line of `mpdt auto`, parsed into plain options (no side effects). */
import { fail, ok, type Result } from '../../shared/result'

export const AUTO_USAGE = `Usage: mpdt auto <projectDir> [--auto-port N] [--web] [--no-url-check]
       mpdt auto --project <projectDir> --auto-port N      (as miniprogram-automator's launch() calls it)

Runs a mini-program for miniprogram-automator: headless (the default: pages render into an
element tree without a screen) or, with --web, in the workbench in a browser. The automation
WebSocket listens on ws://127.0.0.1:N (default 9420); connect with
automator.connect({ wsEndpoint: 'ws://127.0.0.1:N' }) or let automator.launch({ cliPath }) start
this command. The session ends when the client sends Tool.close (miniProgram.close()).

Options:
  --project DIR      the project folder (or give it as the one positional argument)
  --auto-port N      the automation port on 127.0.0.1 (default 9420)
  --web              run in the workbench (browser mode) shown by a headless Chromium: styles,
                     offsets and screenshots work
  --browser PATH     the Chromium or Chrome for --web (default: /usr/bin/chromium, Chrome…)
  --no-url-check     do not check 合法域名, TLS version and HTTPS certificates
  --auto-account, --ticket, --trust-project
                     accepted for WeChat's tool and ignored (there is no WeChat login here)

Exit codes: 0 closed by the client, 2 bad arguments, a project that cannot be loaded or a port
in use, 130 interrupted.`

export interface AutoOptions {
  projectDir: string
  /** @default 9420 */
  port: number
  web: boolean
  /** --browser: Chromium or Chrome for --web. */
  browser?: string
  /** `false` with --no-url-check. */
  urlCheck?: false
}

/** miniprogram-automator's default port, as WeChat's tool uses it. */
export const DEFAULT_AUTO_PORT = 9420

/** Flags WeChat's tool takes that have no meaning here: accepted so launch() works, ignored. */
const IGNORED_VALUE_FLAGS = new Set(['--auto-account', '--ticket'])

export function parseAutoArgs(args: readonly string[]): Result<AutoOptions> {
  const usage = (message: string) => fail({ code: 'USAGE', message })
  const positionals: string[] = []
  let project: string | undefined
  let port = DEFAULT_AUTO_PORT
  let web = false
  let urlCheck: false | undefined
  let browser: string | undefined
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]
    const eq = arg.indexOf('=')
    const name = arg.startsWith('--') && eq !== -1 ? arg.slice(0, eq) : arg
    const valueOf = (): string | undefined => (eq !== -1 ? arg.slice(eq + 1) : args[++i])
    if (name === '--web') web = true
    else if (name === '--no-url-check') urlCheck = false
    else if (name === '--trust-project') continue
    else if (IGNORED_VALUE_FLAGS.has(name)) valueOf()
    else if (name === '--browser') {
      const value = valueOf()
      if (!value) return usage('--browser needs the path of Chromium or Chrome')
      browser = value
    } else if (name === '--project') {
      const value = valueOf()
      if (!value) return usage('--project needs a folder')
      project = value
    } else if (name === '--auto-port' || name === '--port') {
      const value = valueOf()
      const number = Number(value)
      if (value === undefined || !/^\d+$/.test(value) || number > 65535) {
        return usage(`${name} needs a port number from 0 to 65535, got ${value ?? 'nothing'}`)
      }
      port = number
    } else if (arg.startsWith('-')) return usage(`unknown option ${arg}`)
    else positionals.push(arg)
  }
  if (project !== undefined && positionals.length > 0) {
    return usage(`give the project once: --project ${project} or ${positionals[0]}`)
  }
  if (positionals.length > 1) return usage(`unexpected argument ${positionals[1]}`)
  const projectDir = project ?? positionals[0]
  if (!projectDir) return usage('missing <projectDir> (or --project DIR)')
  return ok({
    projectDir,
    port,
    web,
    ...(browser !== undefined && { browser }),
    ...(urlCheck === false && { urlCheck }),
  })
}
