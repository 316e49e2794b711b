/**
 * The user's copy of the demo in the data folder (`<dataDir>/demo-project`), made from the app's
 * demo on first use and remade when the app ships a different demo, keeping the user's local
 * settings (project.private.config.json).
 *
 * A copy is never seen half-made: it is written into a temporary sibling folder, stamped with the
 * app demo's fingerprint last, and renamed into place. Replacing a copy takes two renames (a
 * folder cannot be renamed over a non-empty one): the old copy aside, the new one in. Folders a
 * stopped process left behind are named after its pid; the next call removes them, or puts an
 * old copy back if it stopped between the two renames.
 */
import { randomBytes } from 'node:crypto'
import { mkdir, readdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises'
import { basename, dirname, join } from 'node:path'
import { PRIVATE_CONFIG } from '../project/project-settings'
import { readDemoFiles, type DemoFiles } from './demo-files'
import { demoCopyDir, demoProjectDir, type DemoLocation } from './demo-project'

/** The file in a copy holding the fingerprint of the app's demo it was made from. */
export const DEMO_COPY_STAMP = '.mpdt-demo-source'

type LeftoverKind = 'tmp' | 'old'

/** This process's temporary and old folders that are still in use. */
const inUse = new Set<string>()

/** `.demo-project.<pid>.<random>.<kind>` beside the copy, marked in use until `release`. */
function leftoverPath(copy: string, kind: LeftoverKind): string {
  const random = randomBytes(6).toString('hex')
  const path = join(dirname(copy), `.${basename(copy)}.${process.pid}.${random}.${kind}`)
  inUse.add(path)
  return path
}

async function release(path: string): Promise<void> {
  await rm(path, { recursive: true, force: true })
  inUse.delete(path)
}

function leftoverPattern(copy: string): RegExp {
  const name = basename(copy).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
  return new RegExp(`^\\.${name}\\.(\\d+)\\.[0-9a-f]+\\.(tmp|old)$`)
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM'
  }
}

async function exists(path: string): Promise<boolean> {
  return stat(path).then(
    () => true,
    () => false,
  )
}

async function readStamp(copy: string): Promise<string | undefined> {
  return readFile(join(copy, DEMO_COPY_STAMP), 'utf8').catch(() => undefined)
}

/** Removes what stopped processes left; an old copy comes back if no copy took its place. */
async function settleLeftovers(copy: string): Promise<void> {
  const pattern = leftoverPattern(copy)
  const names = await readdir(dirname(copy)).catch(() => [])
  for (const name of names) {
    const match = pattern.exec(name)
    const path = join(dirname(copy), name)
    if (!match || inUse.has(path)) continue
    if (Number(match[1]) !== process.pid && isRunning(Number(match[1]))) continue
    // Best effort: what cannot be tidied now is tried again next time.
    if (match[2] === 'old' && !(await exists(copy))) await rename(path, copy).catch(() => undefined)
    else await rm(path, { recursive: true, force: true }).catch(() => undefined)
  }
}

async function writeDemo(folder: string, demo: DemoFiles, privateConfig?: Buffer): Promise<void> {
  await mkdir(folder)
  for (const [path, content] of demo.files) {
    const target = join(folder, ...path.split('/'))
    await mkdir(dirname(target), { recursive: true })
    await writeFile(target, content)
  }
  if (privateConfig) await writeFile(join(folder, PRIVATE_CONFIG), privateConfig)
  // Last, so that a folder with a stamp is a whole copy.
  await writeFile(join(folder, DEMO_COPY_STAMP), demo.fingerprint)
}

/** Puts the whole folder `fresh` where `copy` is, the previous copy (if any) removed. */
async function swapIn(fresh: string, copy: string, fingerprint: string): Promise<void> {
  // Another call got there first with the same demo.
  if ((await readStamp(copy)) === fingerprint) return
  const previous = leftoverPath(copy, 'old')
  const movedAside = await rename(copy, previous).then(
    () => true,
    (error: NodeJS.ErrnoException) => {
      if (error.code === 'ENOENT') return false
      throw error
    },
  )
  try {
    await rename(fresh, copy)
  } catch (error) {
    if (movedAside) await rename(previous, copy).catch(() => undefined)
    // Another process put the same demo in place first: theirs is as good as ours.
    if ((await readStamp(copy)) !== fingerprint) {
      // If the old copy could not be put back, the next call does.
      inUse.delete(previous)
      throw error
    }
  }
  await release(previous)
}

/**
 * Makes sure the user's copy of the demo exists and matches the app's demo, and returns its
 * folder. Throws if the data folder cannot be written.
 */
export async function ensureDemoCopy(location: DemoLocation): Promise<string> {
  const copy = demoCopyDir(location.dataDir)
  const demo = await readDemoFiles(demoProjectDir(location.appRoot))
  await mkdir(location.dataDir, { recursive: true })
  await settleLeftovers(copy)
  if ((await readStamp(copy)) === demo.fingerprint) return copy

  const privateConfig = await readFile(join(copy, PRIVATE_CONFIG)).catch(() => undefined)
  const fresh = leftoverPath(copy, 'tmp')
  try {
    await writeDemo(fresh, demo, privateConfig)
    await swapIn(fresh, copy, demo.fingerprint)
  } finally {
    await release(fresh)
  }
  return copy
}
