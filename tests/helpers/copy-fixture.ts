/** Test support: fixtures are copied to a fresh temporary folder so tests never modify them. */
import { promises as fs } from 'node:fs'
import os from 'node:os'
import path from 'node:path'

export const FIXTURES_DIR = path.resolve(__dirname, '../fixtures/projects')

/** A fresh temporary folder; removed by `removeTemporaryFolders`. */
export async function temporaryFolder(): Promise<string> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'mpdt-project-'))
  created.push(dir)
  return fs.realpath(dir)
}

const created: string[] = []

/** Copies fixture `name` into a fresh temporary folder and returns the copy's path. */
export async function copyFixture(name: string): Promise<string> {
  const parent = await temporaryFolder()
  const dir = path.join(parent, name)
  await fs.cp(path.join(FIXTURES_DIR, name), dir, { recursive: true })
  return dir
}

export async function removeTemporaryFolders(): Promise<void> {
  for (const dir of created.splice(0)) await fs.rm(dir, { recursive: true, force: true })
}
