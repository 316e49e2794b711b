/**
 * Builds a SimulatorBundle from a fixture project the way the workbench does: the project's JS and
 * JSON files, app.json, the compiler's result for a 375 px wide device, and images as data URLs.
 */
import { readdir, readFile } from 'node:fs/promises'
import { extname, join, relative } from 'node:path'
import { compileProject } from '../../../electron/services/compiler'
import type { SimulatorBundle } from '../../../shared/simulator-protocol'

export const SIMULATOR_FIXTURES = join(import.meta.dirname, '../../fixtures/simulator')

const IMAGE_TYPES: Record<string, string> = { '.png': 'image/png', '.jpg': 'image/jpeg' }

async function listFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true })
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => relative(dir, join(entry.parentPath, entry.name)).split('\\').join('/'))
}

export async function buildBundle(
  root: string,
  appid = 'wx-simulator-test',
): Promise<SimulatorBundle> {
  const files: Record<string, string> = {}
  const assets: Record<string, string> = {}
  for (const path of await listFiles(root)) {
    const ext = extname(path)
    if (ext === '.js' || ext === '.json') files[path] = await readFile(join(root, path), 'utf8')
    else if (IMAGE_TYPES[ext]) {
      const data = (await readFile(join(root, path))).toString('base64')
      assets[path] = `data:${IMAGE_TYPES[ext]};base64,${data}`
    }
  }
  const compiled = await compileProject({ root, rpx: { deviceWidth: 375 } })
  return {
    appid,
    files,
    appJson: JSON.parse(files['app.json']) as Record<string, unknown>,
    compiled: JSON.parse(JSON.stringify(compiled)) as SimulatorBundle['compiled'],
    assets,
  }
}
