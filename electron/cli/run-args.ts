/** The command line of `mpdt run`, parsed into plain options (no side effects). */
import { fail, ok, type Result } from '../../shared/result'
import { isTheme, type Theme } from '../../shared/theme'
import { isConnectToSyntax } from '../services/headless/local-network-settings'

export const RUN_USAGE = `Usage: mpdt run <projectDir> [options]

Runs a mini-program project headless and prints its console, one line per call.

Options:
  --page PATH?QUERY        entry page and its query (default: the first page of app.json)
  --compile-mode NAME      launch as the project's compile mode NAME does (its page, query
                           and scene; condition.miniprogram.list of the project config)
  --scene N                the launch scene wx.getLaunchOptionsSync() reports (default 1001)
  --theme light|dark       the system theme; an app with app.json "darkmode": true follows it
                           (wx.getSystemInfoSync().theme, theme.json values) (default light)
  --no-url-check           do not check 合法域名, TLS version and HTTPS certificates
  --no-mock                ignore the project's API Mock rules (project.mock.json)
  --connect-to H1:P1:H2:P2 connect to H2:P2 for H1:P1 (curl's syntax; repeatable)
  --cacert FILE            also trust the CA certificates in this PEM file
  --har FILE               write every request as HAR 1.2 when the run ends
  --timeout SECONDS        give up when something is still pending after this long (default 30)
  --data-dir DIR           where the run keeps temporary files (default: the OS temp folder);
                           the mini-program's user data then persists in DIR/files/<appid>
  --choose-file FILE       a file wx.chooseImage/wx.chooseMedia pick (repeatable; none: cancel)
  --authorize allow|deny   the user's answer to authorization (getUserProfile, authorize,
                           getLocation; default allow)

Exit codes: 0 nothing left pending, 2 bad arguments or a project that cannot be loaded,
3 --timeout ran out.`

export interface RunOptions {
  projectDir: string
  /** `pages/detail/detail?id=1`; absent: app.json's first page. */
  page?: string
  /** The name of one of the project's compile modes (never with `page`). */
  compileMode?: string
  /** 1000–9999. @default the compile mode's scene, else 1001 */
  scene?: number
  /** --theme. @default 'light' */
  theme?: Theme
  /** `false` with --no-url-check; absent: the project's own `setting.urlCheck`. */
  urlCheck?: false
  /** `false` with --no-mock; absent: the project's API Mock rules apply. */
  mock?: false
  /** From every --connect-to, in order. */
  connectTo: string[]
  cacert?: string
  har?: string
  /** @default 30 */
  timeoutSeconds: number
  dataDir?: string
  /** From every --choose-file, in order. @default [] */
  chooseFiles?: string[]
  /** The user's answer to authorization dialogs. @default 'allow' */
  authorize?: 'allow' | 'deny'
}

const DEFAULT_TIMEOUT_SECONDS = 30
const VALUE_FLAGS = [
  'page',
  'compile-mode',
  'scene',
  'theme',
  'connect-to',
  'cacert',
  'har',
  'timeout',
  'data-dir',
  'choose-file',
  'authorize',
] as const
type ValueFlag = (typeof VALUE_FLAGS)[number]

function isValueFlag(name: string): name is ValueFlag {
  return (VALUE_FLAGS as readonly string[]).includes(name)
}

function usageError(message: string): Result<RunOptions> {
  return fail({ code: 'USAGE', message })
}

/** `--flag value` and `--flag=value` are both accepted; the one positional is the project folder. */
export function parseRunArgs(args: readonly string[]): Result<RunOptions> {
  const options: RunOptions = {
    projectDir: '',
    connectTo: [],
    timeoutSeconds: DEFAULT_TIMEOUT_SECONDS,
  }
  const positionals: string[] = []
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]
    if (!arg.startsWith('--') || arg === '--') {
      positionals.push(arg)
      continue
    }
    const eq = arg.indexOf('=')
    const name = arg.slice(2, eq === -1 ? undefined : eq)
    if (name === 'no-url-check' && eq === -1) {
      options.urlCheck = false
      continue
    }
    if (name === 'no-mock' && eq === -1) {
      options.mock = false
      continue
    }
    if (!isValueFlag(name)) return usageError(`unknown option ${arg}`)
    let value: string
    if (eq !== -1) {
      value = arg.slice(eq + 1)
    } else {
      const next = args[i + 1]
      if (next === undefined || next.startsWith('--')) return usageError(`${arg} needs a value`)
      value = next
      i++
    }
    const problem = applyValue(options, name, value)
    if (problem) return usageError(problem)
  }
  if (options.page !== undefined && options.compileMode !== undefined) {
    return usageError('--page and --compile-mode both choose the launch page: give one')
  }
  if (positionals.length === 0) return usageError('missing <projectDir>')
  if (positionals.length > 1) return usageError(`unexpected argument ${positionals[1]}`)
  options.projectDir = positionals[0]
  return ok(options)
}

/** Stores one flag's value; returns what is wrong with it, if anything. */
function applyValue(options: RunOptions, name: ValueFlag, value: string): string | null {
  switch (name) {
    case 'page':
      if (value.replace(/^\//, '').split('?')[0] === '') return '--page needs a page path'
      options.page = value
      return null
    case 'compile-mode':
      if (value.trim() === '') return '--compile-mode needs the name of a compile mode'
      options.compileMode = value
      return null
    case 'scene': {
      const scene = Number(value)
      if (!Number.isInteger(scene) || scene < 1000 || scene > 9999) {
        return `--scene ${value}: expected a scene value from 1000 to 9999 (e.g. 1047)`
      }
      options.scene = scene
      return null
    }
    case 'theme':
      if (!isTheme(value)) return `--theme ${value}: expected light or dark`
      options.theme = value
      return null
    case 'connect-to':
      if (!isConnectToSyntax(value)) {
        return `--connect-to ${value}: expected HOST1:PORT1:HOST2:PORT2 (e.g. api.example.test:443:127.0.0.1:8443)`
      }
      options.connectTo.push(value)
      return null
    case 'cacert':
      options.cacert = value
      return null
    case 'har':
      options.har = value
      return null
    case 'timeout': {
      const seconds = Number(value)
      if (!Number.isFinite(seconds) || seconds <= 0) {
        return `--timeout ${value}: expected a positive number of seconds`
      }
      options.timeoutSeconds = seconds
      return null
    }
    case 'data-dir':
      options.dataDir = value
      return null
    case 'choose-file':
      options.chooseFiles = [...(options.chooseFiles ?? []), value]
      return null
    case 'authorize':
      if (value !== 'allow' && value !== 'deny')
        return `--authorize ${value}: expected allow or deny`
      options.authorize = value
      return null
  }
}
