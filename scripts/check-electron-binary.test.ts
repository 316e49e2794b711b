import { spawnSync } from 'node:child_process'
import { chmod, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterEach, beforeEach, expect, test } from 'vitest'

const SCRIPT = fileURLToPath(new URL('./check-electron-binary.mjs', import.meta.url))

let appDir: string
beforeEach(async () => {
  appDir = await mkdtemp(join(tmpdir(), 'mpdt-dist-check-'))
  await writeFile(join(appDir, 'package.json'), '{ "name": "app", "version": "1.0.0" }')
})
afterEach(async () => {
  await rm(appDir, { recursive: true, force: true })
})

/** An installed electron package; with `binary`, also the executable its path.txt names. */
async function installElectronPackage(binary: boolean): Promise<void> {
  const packageDir = join(appDir, 'node_modules', 'electron')
  await mkdir(join(packageDir, 'dist'), { recursive: true })
  await writeFile(join(packageDir, 'package.json'), '{ "name": "electron", "version": "45.0.0" }')
  if (!binary) return
  await writeFile(join(packageDir, 'path.txt'), 'electron')
  await writeFile(join(packageDir, 'dist', 'electron'), '')
  await chmod(join(packageDir, 'dist', 'electron'), 0o755)
}

function runCheck() {
  return spawnSync(process.execPath, [SCRIPT], { cwd: appDir, encoding: 'utf8', timeout: 10_000 })
}

test('without the Electron binary it fails with one message that says how to get it', async () => {
  await installElectronPackage(false)
  const { status, stdout, stderr } = runCheck()
  expect(status).toBe(1)
  expect(stdout).toBe('')
  expect(stderr).toBe(
    `npm run dist: the Electron binary is missing from ${join('node_modules', 'electron', 'dist')}, ` +
      'so no installer can be built. Get it with `node node_modules/electron/install.js` on a ' +
      'machine that can download it (ELECTRON_MIRROR selects a mirror), then run `npm run dist` again.\n',
  )
})

test('without the electron package it says to run npm install', () => {
  const { status, stderr } = runCheck()
  expect(status).toBe(1)
  expect(stderr).toBe(
    'npm run dist: the electron package is not installed. Run `npm install` first.\n',
  )
})

test('with the Electron binary it passes silently', async () => {
  await installElectronPackage(true)
  const { status, stdout, stderr } = runCheck()
  expect([status, stdout, stderr]).toEqual([0, '', ''])
})
