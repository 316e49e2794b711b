/**
 * Where the CLI finds the app's files. The bundled CLI lives at out/main/cli.js and its sources at
 * electron/cli/*.ts: both two folders below the package root.
 */
import { homedir } from 'node:os'
import { join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'

export const APP_ROOT = fileURLToPath(new URL('../../', import.meta.url))

/** The built workbench the browser-mode host serves. */
export const RENDERER_DIR = join(APP_ROOT, 'out', 'renderer')

/**
 * The per-machine data folder (recent projects…): `MPDT_DATA_DIR`, else
 * `$XDG_CONFIG_HOME/mp-devtools`, else `~/.config/mp-devtools` (Electron's userData on Linux).
 */
export function resolveDataDir(env: NodeJS.ProcessEnv = process.env, home = homedir()): string {
  if (env.MPDT_DATA_DIR) return resolve(env.MPDT_DATA_DIR)
  return join(env.XDG_CONFIG_HOME || join(home, '.config'), 'mp-devtools')
}

/**
 * The folder relative paths on the command line are relative to. `npm start -- <dir>` runs in
 * the package root, so there the caller's folder is npm's INIT_CWD.
 */
export function commandLineCwd(env: NodeJS.ProcessEnv = process.env): string {
  return env.npm_lifecycle_event === 'start' && env.INIT_CWD ? env.INIT_CWD : process.cwd()
}
