#!/usr/bin/env node
// `mpdt`: builds out/ with electron-vite when it is missing or older than the sources (in a source
// checkout), then runs the bundled command line, out/main/cli.js.
import { spawnSync } from 'node:child_process'
import {
  existsSync,
  mkdirSync,
  readFileSync,
  readdirSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'

const root = fileURLToPath(new URL('..', import.meta.url))
const outputs = [
  'out/main/cli.js',
  'out/main/index.js',
  'out/preload/index.cjs',
  'out/renderer/index.html',
]
const sourceDirs = ['electron', 'shared', 'renderer']
const sourceFiles = ['electron.vite.config.ts', 'scripts/vite-simulator-frame.ts']
const electronVite = join(root, 'node_modules', '.bin', 'electron-vite')
// Per checkout (out/ is): worktrees share node_modules through a symlink, and one build's lock
// there would hold up every other checkout's.
const lockDir = join(root, '.cache', 'mpdt-build.lock')
const lockPatienceMs = 5 * 60_000

function mtimeOf(path) {
  try {
    return statSync(path).mtimeMs
  } catch {
    return -1
  }
}

/** Newest modification time under the sources; tests and docs do not go into the build. */
function newestSource(dir) {
  let newest = -1
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === 'node_modules' || entry.name.startsWith('.')) continue
    const path = join(dir, entry.name)
    if (entry.isDirectory()) newest = Math.max(newest, newestSource(path))
    else if (!/\.test\.ts$|\.md$/.test(entry.name)) newest = Math.max(newest, mtimeOf(path))
  }
  return newest
}

function isSourceCheckout() {
  return existsSync(join(root, 'electron.vite.config.ts')) && existsSync(electronVite)
}

function needsBuild() {
  const oldestOutput = Math.min(...outputs.map((path) => mtimeOf(join(root, path))))
  if (oldestOutput < 0) return true
  if (!isSourceCheckout()) return false
  const sources = [
    ...sourceDirs.map((dir) => newestSource(join(root, dir))),
    ...sourceFiles.map((file) => mtimeOf(join(root, file))),
  ]
  return Math.max(...sources) > oldestOutput
}

function sleep(ms) {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms)
}

function isAlive(pid) {
  try {
    process.kill(pid, 0)
    return true
  } catch (error) {
    return error.code === 'EPERM'
  }
}

/** A lock whose builder died (killed mid-build) is stale; so is one older than the patience. */
function isStale() {
  let pid = NaN
  try {
    pid = Number(readFileSync(join(lockDir, 'pid'), 'utf8'))
  } catch {
    // Taken an instant ago and not yet written: judged by age alone.
  }
  if (Number.isInteger(pid) && pid > 0 && !isAlive(pid)) return true
  return Date.now() - mtimeOf(lockDir) > lockPatienceMs
}

/** One build at a time: another `mpdt` started meanwhile waits, then finds out/ fresh. */
function buildOnce() {
  mkdirSync(join(lockDir, '..'), { recursive: true })
  const giveUpAt = Date.now() + lockPatienceMs
  for (;;) {
    try {
      mkdirSync(lockDir)
      writeFileSync(join(lockDir, 'pid'), String(process.pid))
      break
    } catch (error) {
      if (error.code !== 'EEXIST') throw error
      if (isStale()) rmSync(lockDir, { recursive: true, force: true })
      else if (Date.now() > giveUpAt) throw new Error(`mpdt: another build holds ${lockDir}`)
      else sleep(250)
    }
  }
  try {
    if (!needsBuild()) return
    process.stderr.write('mpdt: building the app (out/ is missing or older than the sources)…\n')
    const result = spawnSync(electronVite, ['build'], { cwd: root, stdio: ['ignore', 2, 2] })
    if (result.status !== 0) {
      if (!outputs.every((path) => existsSync(join(root, path)))) {
        process.stderr.write('mpdt: the build failed, see above\n')
        process.exit(1)
      }
      process.stderr.write('mpdt: the build failed, see above; using the previous build\n')
    }
  } finally {
    rmSync(lockDir, { recursive: true, force: true })
  }
}

if (needsBuild()) {
  if (!isSourceCheckout()) {
    process.stderr.write('mpdt: out/ is missing and electron-vite is not installed to build it\n')
    process.exit(1)
  }
  buildOnce()
}

const { main } = await import(pathToFileURL(join(root, 'out/main/cli.js')).href)
process.exitCode = await main(process.argv.slice(2))
// A handle left open by a dependency must not keep a finished command alive.
setTimeout(() => process.exit(), 2000).unref()
