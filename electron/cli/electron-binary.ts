/**
 * Finds the Electron executable without `require('electron')`, which tries to download the binary
 * when it is missing (it cannot be downloaded on every machine; then browser mode is used).
 */
import { existsSync, readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'

function electronPackageDir(): string | null {
  try {
    return dirname(createRequire(import.meta.url).resolve('electron/package.json'))
  } catch {
    return null
  }
}

/** The executable named by the package's path.txt, if it is there. */
export function findElectronBinary(
  env: NodeJS.ProcessEnv = process.env,
  packageDir: string | null = electronPackageDir(),
): string | null {
  if (packageDir === null) return null
  const pathFile = join(packageDir, 'path.txt')
  if (!existsSync(pathFile)) return null
  const executable = readFileSync(pathFile, 'utf8').trim()
  const distDir = env.ELECTRON_OVERRIDE_DIST_PATH || join(packageDir, 'dist')
  const binary = join(distDir, executable)
  return existsSync(binary) ? binary : null
}

export type ElectronLaunch = { binary: string } | { fallback: string }

/**
 * Whether `mpdt open` can start Electron here, or the one line that says why browser mode is
 * used instead: no binary, or (on Linux) no display for a window.
 */
export function chooseElectronLaunch(
  binary: string | null,
  env: NodeJS.ProcessEnv = process.env,
  platform: NodeJS.Platform = process.platform,
): ElectronLaunch {
  if (binary === null)
    return { fallback: 'The Electron binary is not installed: using browser mode.' }
  if (platform === 'linux' && !env.DISPLAY && !env.WAYLAND_DISPLAY) {
    return { fallback: 'No display is available for Electron: using browser mode.' }
  }
  return { binary }
}
