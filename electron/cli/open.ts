/**
 * `mpdt open [dir] [--web] [--port N]`: the workbench on a project (the last opened one when no
 * folder is given). In Electron when its binary is installed, else (or with --web) in browser mode.
 */
import { spawn } from 'node:child_process'
import { stat } from 'node:fs/promises'
import { resolve } from 'node:path'
import { APP_ROOT, commandLineCwd } from './app-paths'
import { defaultProjectDir, openProjectStore, startBrowserWorkbench } from './browser-workbench'
import { chooseElectronLaunch, findElectronBinary } from './electron-binary'

export interface OpenOptions {
  dir?: string
  web: boolean
  port: number
}

export function parseOpenArgs(args: string[]): OpenOptions | { error: string } {
  const options: OpenOptions = { web: false, port: 0 }
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]
    if (arg === '--web') {
      options.web = true
    } else if (arg === '--port' || arg.startsWith('--port=')) {
      const value = arg === '--port' ? args[++i] : arg.slice('--port='.length)
      const port = Number(value)
      if (value === undefined || !/^\d+$/.test(value) || port > 65535) {
        return { error: `--port needs a number from 0 to 65535, got ${value ?? 'nothing'}` }
      }
      options.port = port
    } else if (arg.startsWith('-')) {
      return { error: `Unknown option: ${arg}` }
    } else if (options.dir === undefined) {
      options.dir = arg
    } else {
      return { error: `Only one folder can be opened, got ${options.dir} and ${arg}` }
    }
  }
  return options
}

async function isFolder(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isDirectory()
  } catch {
    return false
  }
}

function waitForStopSignal(): Promise<NodeJS.Signals> {
  return new Promise((resolveSignal) => {
    const stop = (signal: NodeJS.Signals) => {
      process.off('SIGINT', stop)
      process.off('SIGTERM', stop)
      resolveSignal(signal)
    }
    process.on('SIGINT', stop)
    process.on('SIGTERM', stop)
  })
}

function runElectron(binary: string, dir: string | undefined): Promise<number> {
  // The app root's package.json `main` is out/main/index.js; the folder follows as an argument.
  const env = { ...process.env }
  delete env.ELECTRON_RUN_AS_NODE
  const child = spawn(binary, [APP_ROOT, ...(dir ? [dir] : [])], { stdio: 'inherit', env })
  const forward = (signal: NodeJS.Signals) => child.kill(signal)
  process.on('SIGINT', forward)
  process.on('SIGTERM', forward)
  return new Promise((resolveExit) => {
    const done = (code: number) => {
      process.off('SIGINT', forward)
      process.off('SIGTERM', forward)
      resolveExit(code)
    }
    child.on('error', (error) => {
      process.stderr.write(`mpdt open: could not start Electron: ${error.message}\n`)
      done(1)
    })
    child.on('exit', (code) => done(code ?? 1))
  })
}

const OPEN_USAGE = `Usage: mpdt open [dir] [--web] [--port N]

Opens a mini-program project in the workbench; without dir, the last opened one (the first
time: the embedded demo project). The demo opens as your copy in the data folder, demo-project/.
  --web     Serve the workbench to a browser on 127.0.0.1 instead of starting Electron.
  --port N  Port for --web (and when Electron is not installed); 0, the default, picks a free one.
`

export async function openCommand(args: string[]): Promise<number> {
  if (args.includes('--help') || args.includes('-h')) {
    process.stdout.write(OPEN_USAGE)
    return 0
  }
  const options = parseOpenArgs(args)
  if ('error' in options) {
    process.stderr.write(`mpdt open: ${options.error}\n${OPEN_USAGE}`)
    return 2
  }
  const givenDir = options.dir === undefined ? undefined : resolve(commandLineCwd(), options.dir)
  if (givenDir !== undefined && !(await isFolder(givenDir))) {
    process.stderr.write(`mpdt open: not a folder: ${givenDir}\n`)
    return 2
  }

  const store = await openProjectStore()
  const fallback = givenDir === undefined ? await defaultProjectDir(store) : undefined
  const dir = givenDir ?? fallback?.dir ?? ''
  if (fallback?.demo) {
    process.stdout.write(
      'Opening the demo project. To open your own: npm start -- <folder> (or mpdt open <folder>)\n',
    )
  }

  if (!options.web) {
    const launch = chooseElectronLaunch(findElectronBinary())
    if ('binary' in launch) {
      await store.close()
      return runElectron(launch.binary, dir)
    }
    process.stdout.write(`${launch.fallback}\n`)
  }

  // Listening before anything is printed: whoever reads the URL line may stop us at once.
  const stopSignal = waitForStopSignal()
  let served
  try {
    served = await startBrowserWorkbench(store, dir, options.port, 'mpdt open')
  } catch (error) {
    await store.close()
    process.stderr.write(`mpdt open: cannot serve on port ${options.port}: ${String(error)}\n`)
    return 1
  }
  const { host } = served
  process.stdout.write(`MP DevTools is running at ${host.url}\n`)

  await stopSignal
  await served.close()
  await store.close()
  return 0
}
