/**
 * The app's demo project as a set of files and one fingerprint of them, read in one pass: the
 * fingerprint tells whether a user's copy still matches this version of the app, the files are
 * what a fresh copy is written from (a few dozen small files, so they are held in memory).
 */
import { createHash } from 'node:crypto'
import { readdir, readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { PRIVATE_CONFIG } from '../project/project-settings'

export interface DemoFiles {
  /** Paths relative to the demo folder with `/` separators, sorted. */
  files: Map<string, Buffer>
  /** sha256 (hex) of every path and content: changes whenever the app's demo does. */
  fingerprint: string
}

/** Bumped if what the fingerprint covers ever changes, so old copies are refreshed once. */
const FINGERPRINT_FORMAT = 'mp-devtools demo 1'

async function collect(root: string, relative: string, into: Map<string, Buffer>): Promise<void> {
  const entries = await readdir(join(root, relative), { withFileTypes: true })
  for (const entry of entries) {
    const path = relative === '' ? entry.name : `${relative}/${entry.name}`
    // Local settings a developer's clone may have picked up belong to nobody's copy.
    if (path === PRIVATE_CONFIG) continue
    if (entry.isDirectory()) await collect(root, path, into)
    else if (entry.isFile()) into.set(path, await readFile(join(root, path)))
  }
}

export async function readDemoFiles(demoDir: string): Promise<DemoFiles> {
  const found = new Map<string, Buffer>()
  await collect(demoDir, '', found)
  const files = new Map([...found].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
  const hash = createHash('sha256').update(FINGERPRINT_FORMAT)
  for (const [path, content] of files) {
    hash.update(`\0${path}\0${content.length}\0`).update(content)
  }
  return { files, fingerprint: hash.digest('hex') }
}
