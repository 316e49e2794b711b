/** `mpdt`: the command line (plain Node; it never imports Electron). */
import { autoCommand } from './auto'
import { buildNpmCommand } from './build-npm'
import { checkCommand } from './check'
import { openCommand } from './open'
import { runCommand } from './run'
import { readVersion } from './version'

const HELP = `MP DevTools: a desktop clone of the WeChat Mini Program developer tools.

Usage: mpdt <command> [options]

Commands:
  open [dir] [--web] [--port N]  Open a project in the workbench (no dir: the last opened one).
                                 --web serves the workbench to a browser on 127.0.0.1;
                                 --port N picks the port (default 0: any free port).
  check <dir>                    Print a project's problems; exit 2 if any is an error.
  run <dir> [options]            Run a project headless (see mpdt run --help).
  auto <dir> [--auto-port N] [--web]
                                 Serve a project to miniprogram-automator on
                                 ws://127.0.0.1:N (see mpdt auto --help).
  build-npm <dir>                构建 npm: build miniprogram_npm from package.json dependencies;
                                 exit 2 with the reason if it cannot be built.

Options:
  -h, --help                     Show this help.
  -v, --version                  Show the version.

Environment:
  MPDT_DATA_DIR                  Folder for per-machine data such as recent projects
                                 (default: $XDG_CONFIG_HOME/mp-devtools or ~/.config/mp-devtools).
`

export async function main(argv: string[]): Promise<number> {
  try {
    return await dispatch(argv)
  } catch (error) {
    // A bug must still end as one readable line and a failing exit code, not a bare stack.
    process.stderr.write(
      `mpdt: internal error: ${error instanceof Error ? error.stack : String(error)}\n`,
    )
    return 1
  }
}

async function dispatch(given: string[]): Promise<number> {
  const [command, ...args] = withAutoFirst(given)
  switch (command) {
    case 'open':
      return openCommand(args)
    case 'check':
      return checkCommand(args)
    case 'run':
      return runCommand(args)
    case 'auto':
      return autoCommand(args)
    case 'build-npm':
      return buildNpmCommand(args)
    case '-v':
    case '--version':
      process.stdout.write(`${readVersion()}\n`)
      return 0
    case undefined:
    case '-h':
    case '--help':
    case 'help':
      process.stdout.write(HELP)
      return 0
    default:
      process.stderr.write(`mpdt: unknown command: ${command}\n\n${HELP}`)
      return 2
  }
}

/**
 * miniprogram-automator's `launch({ args })` puts the caller's args before `auto --project …`
 * (e.g. `mpdt --web auto --project DIR --auto-port N`): leading flags go after the command.
 */
function withAutoFirst(argv: string[]): string[] {
  const at = argv.indexOf('auto')
  if (at <= 0 || !argv.slice(0, at).every((arg) => arg.startsWith('--'))) return argv
  return ['auto', ...argv.slice(at + 1), ...argv.slice(0, at)]
}
