/**
 * Where the embedded demo project lives. The app ships it in `resources/demo` (packaged, the app
 * folder is an asar archive and the demo is unpacked beside it, electron-builder.yml asarUnpack,
 * because a project is read, watched and compiled as a real folder). The workbench never opens
 * that folder, which may be read-only and, in a clone, is tracked by git: it opens the user's own
 * copy in the data folder (demo-copy.ts), where ticked settings and edited lists are written.
 */
import { realpath } from 'node:fs/promises'
import { basename, dirname, join, resolve } from 'node:path'

/** What tells where both demo folders are. */
export interface DemoLocation {
  /** The package root (the CLI's APP_ROOT, Electron's `app.getAppPath()`). */
  appRoot: string
  /** The app's per-machine data folder (Electron's userData, the CLI's resolveDataDir()). */
  dataDir: string
}

/** The demo as the app ships it: `resources/demo` in the package root. */
export function demoProjectDir(appRoot: string): string {
  return join(appRoot.replace(/app\.asar(?=[\\/]|$)/, 'app.asar.unpacked'), 'resources', 'demo')
}

/** The user's copy of the demo, the folder the workbench opens: `<dataDir>/demo-project`. */
export function demoCopyDir(dataDir: string): string {
  return join(dataDir, 'demo-project')
}

/**
 * `path` with every symbolic link resolved, as far as it exists (projects are opened by their
 * real path, and a data folder under a linked folder, as macOS's /var, must still match).
 */
export async function realPathAsFarAsExists(path: string): Promise<string> {
  const absolute = resolve(path)
  try {
    return await realpath(absolute)
  } catch {
    const parent = dirname(absolute)
    return parent === absolute
      ? absolute
      : join(await realPathAsFarAsExists(parent), basename(absolute))
  }
}

/** Whether `dir` is the app's demo folder. */
export async function isAppDemo(dir: string, appRoot: string): Promise<boolean> {
  const [candidate, app] = await Promise.all(
    [dir, demoProjectDir(appRoot)].map(realPathAsFarAsExists),
  )
  return candidate === app
}

/**
 * Whether `dir` is the demo, as shipped or as the user's copy: the demo needs its API server
 * while it is open.
 */
export async function isDemoProject(dir: string, location: DemoLocation): Promise<boolean> {
  const [candidate, app, copy] = await Promise.all(
    [dir, demoProjectDir(location.appRoot), demoCopyDir(location.dataDir)].map(
      realPathAsFarAsExists,
    ),
  )
  return candidate === app || candidate === copy
}
