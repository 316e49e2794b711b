// The first step of `npm run dist`: electron-builder packs the Electron binary that `npm install`
// puts in node_modules/electron/dist (electron-builder.yml `electronDist`). Where that download
// was skipped or impossible, say so in one message instead of electron-builder's stack trace.
// Run from the package root (npm does): node scripts/check-electron-binary.mjs
import { existsSync, readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join, relative } from 'node:path'
import { fileURLToPath } from 'node:url'

const HOW_TO_GET_IT =
  'Get it with `node node_modules/electron/install.js` on a machine that can download it ' +
  '(ELECTRON_MIRROR selects a mirror), then run `npm run dist` again.'

/** Why no installer can be built in `appDir`, or `null` when the Electron binary is there. */
export function missingElectronBinary(appDir) {
  let packageDir
  try {
    packageDir = dirname(
      createRequire(join(appDir, 'package.json')).resolve('electron/package.json'),
    )
  } catch {
    return 'npm run dist: the electron package is not installed. Run `npm install` first.'
  }
  const distDir = join(packageDir, 'dist')
  const pathFile = join(packageDir, 'path.txt')
  const executable = existsSync(pathFile) ? readFileSync(pathFile, 'utf8').trim() : ''
  if (executable && existsSync(join(distDir, executable))) return null
  return (
    `npm run dist: the Electron binary is missing from ${relative(appDir, distDir)}, ` +
    `so no installer can be built. ${HOW_TO_GET_IT}`
  )
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const problem = missingElectronBinary(process.cwd())
  if (problem) {
    process.stderr.write(`${problem}\n`)
    process.exitCode = 1
  }
}
