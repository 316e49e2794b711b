/**
 * Test support: a mini-program project in a temporary folder whose `node_modules` is assembled at
 * test time from the packages installed with this repository, linked as pnpm and `npm link` do
 * (so 构建 npm must follow symbolic links and write real files).
 */
import { mkdir, symlink, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { copyFixture, temporaryFolder } from './copy-fixture'

/** The repository's own installed packages. */
export const INSTALLED = path.resolve(__dirname, '../../node_modules')

/** Links each installed package into `<folder>/node_modules`, scoped names included. */
export async function linkInstalled(folder: string, names: string[]): Promise<void> {
  for (const name of names) {
    const link = path.join(folder, 'node_modules', ...name.split('/'))
    await mkdir(path.dirname(link), { recursive: true })
    await symlink(path.join(INSTALLED, ...name.split('/')), link, 'dir')
  }
}

/** Writes `files` (path → text or JSON value) under `folder`. */
export async function writeFiles(folder: string, files: Record<string, unknown>): Promise<void> {
  for (const [file, content] of Object.entries(files)) {
    const at = path.join(folder, file)
    await mkdir(path.dirname(at), { recursive: true })
    await writeFile(at, typeof content === 'string' ? content : JSON.stringify(content, null, 2))
  }
}

/** A small project: app.json with one page, and `files` on top. */
export async function npmProject(files: Record<string, unknown>): Promise<string> {
  const dir = await temporaryFolder()
  await writeFiles(dir, {
    'project.config.json': { appid: 'touristappid', compileType: 'miniprogram' },
    'app.json': { pages: ['pages/index/index'] },
    'pages/index/index.wxml': '<view>index</view>',
    'pages/index/index.js': 'Page({})',
    ...files,
  })
  return dir
}

/** Copies fixture project `name` and links `installed` into its mini-program root's node_modules. */
export async function npmFixture(name: string, root: string, installed: string[]): Promise<string> {
  const dir = await copyFixture(name)
  await linkInstalled(path.join(dir, root), installed)
  return dir
}
