/**
 * The user's copy of the demo, against real folders: an app root holding a copy of the shipped
 * demo (so a test can change it, as a new version of the app would) and a fresh data folder.
 */
import { cp, mkdir, mkdtemp, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, test } from 'vitest'
import { DEMO_COPY_STAMP, ensureDemoCopy } from './demo-copy'
import { demoCopyDir, demoProjectDir, type DemoLocation } from './demo-project'
import { folderSnapshot } from './folder-snapshot'

const SHIPPED_DEMO = demoProjectDir(join(import.meta.dirname, '..', '..', '..'))
const PRIVATE_CONFIG = 'project.private.config.json'
const LOCAL_SETTINGS = '{ "setting": { "urlCheck": false } }\n'
/** Above Linux's largest pid_max (2^22): no process has it, as after a crash. */
const STOPPED_PID = 4_194_305

let scratch: string
let location: DemoLocation
let appDemo: string
let copy: string

beforeEach(async () => {
  scratch = await mkdtemp(join(tmpdir(), 'mpdt-demo-copy-'))
  location = { appRoot: join(scratch, 'app'), dataDir: join(scratch, 'data') }
  appDemo = demoProjectDir(location.appRoot)
  copy = demoCopyDir(location.dataDir)
  await cp(SHIPPED_DEMO, appDemo, {
    recursive: true,
    filter: (source) => !source.endsWith(PRIVATE_CONFIG),
  })
})
afterEach(() => rm(scratch, { recursive: true, force: true }))

/** The copy's files but its stamp. */
async function copiedFiles(): Promise<Record<string, string>> {
  const { [DEMO_COPY_STAMP]: stamp, ...files } = await folderSnapshot(copy)
  expect(stamp, 'the copy is stamped').toBeDefined()
  return files
}

async function dataFolder(): Promise<string[]> {
  return (await readdir(location.dataDir)).sort()
}

describe('ensureDemoCopy', () => {
  test('the first call makes the copy in the data folder: every file of the app’s demo', async () => {
    expect(await ensureDemoCopy(location)).toBe(copy)
    expect(await copiedFiles()).toEqual(await folderSnapshot(appDemo))
    expect(await dataFolder()).toEqual(['demo-project'])
  })

  test('a second call reuses the copy as the user left it', async () => {
    await ensureDemoCopy(location)
    await writeFile(join(copy, 'project.domains.json'), '{ "request": [] }\n')
    await writeFile(join(copy, PRIVATE_CONFIG), LOCAL_SETTINGS)
    expect(await ensureDemoCopy(location)).toBe(copy)
    expect(await readFile(join(copy, 'project.domains.json'), 'utf8')).toBe('{ "request": [] }\n')
    expect(await readFile(join(copy, PRIVATE_CONFIG), 'utf8')).toBe(LOCAL_SETTINGS)
    expect(await dataFolder()).toEqual(['demo-project'])
  })

  test('a changed app demo refreshes the copy and keeps project.private.config.json', async () => {
    await ensureDemoCopy(location)
    await writeFile(join(copy, PRIVATE_CONFIG), LOCAL_SETTINGS)
    await writeFile(join(copy, 'project.domains.json'), '{ "request": [] }\n')
    await writeFile(join(appDemo, 'app.js'), 'App({})\n')
    await writeFile(join(appDemo, 'pages', 'new.js'), 'Page({})\n')

    await ensureDemoCopy(location)
    expect(await copiedFiles()).toEqual({
      ...(await folderSnapshot(appDemo)),
      [PRIVATE_CONFIG]: Buffer.from(LOCAL_SETTINGS).toString('base64'),
    })
    expect(await dataFolder()).toEqual(['demo-project'])
  })

  test('a file the app no longer ships leaves the copy when it is refreshed', async () => {
    await ensureDemoCopy(location)
    await rm(join(appDemo, 'config.js'))
    await ensureDemoCopy(location)
    expect(await copiedFiles()).toEqual(await folderSnapshot(appDemo))
  })

  test('local settings in the app’s own demo folder are not copied', async () => {
    await writeFile(join(appDemo, PRIVATE_CONFIG), LOCAL_SETTINGS)
    await ensureDemoCopy(location)
    expect(Object.keys(await copiedFiles())).not.toContain(PRIVATE_CONFIG)
  })

  test('a half-made copy a stopped process left is removed, never used', async () => {
    const leftover = join(location.dataDir, `.demo-project.${STOPPED_PID}.0a1b2c.tmp`)
    await mkdir(join(leftover, 'pages'), { recursive: true })
    await writeFile(join(leftover, 'app.js'), 'App({})\n')
    await ensureDemoCopy(location)
    expect(await copiedFiles()).toEqual(await folderSnapshot(appDemo))
    expect(await dataFolder()).toEqual(['demo-project'])
  })

  test('a folder in the copy’s place without a stamp is replaced, keeping its local settings', async () => {
    await mkdir(copy, { recursive: true })
    await writeFile(join(copy, 'app.js'), 'App({})\n')
    await writeFile(join(copy, PRIVATE_CONFIG), LOCAL_SETTINGS)
    await ensureDemoCopy(location)
    expect(await copiedFiles()).toEqual({
      ...(await folderSnapshot(appDemo)),
      [PRIVATE_CONFIG]: Buffer.from(LOCAL_SETTINGS).toString('base64'),
    })
  })

  test('a copy set aside by a refresh that stopped before the new one was in place comes back with its local settings', async () => {
    await ensureDemoCopy(location)
    await writeFile(join(copy, PRIVATE_CONFIG), LOCAL_SETTINGS)
    await rename(copy, join(location.dataDir, `.demo-project.${STOPPED_PID}.0a1b2c.old`))
    await writeFile(join(appDemo, 'app.js'), 'App({})\n')

    await ensureDemoCopy(location)
    expect(await copiedFiles()).toEqual({
      ...(await folderSnapshot(appDemo)),
      [PRIVATE_CONFIG]: Buffer.from(LOCAL_SETTINGS).toString('base64'),
    })
    expect(await dataFolder()).toEqual(['demo-project'])
  })

  test('a folder of a process still running is left alone', async () => {
    const busy = `.demo-project.${process.ppid}.0a1b2c.tmp`
    await mkdir(join(location.dataDir, busy), { recursive: true })
    await ensureDemoCopy(location)
    expect(await dataFolder()).toEqual([busy, 'demo-project'])
  })

  test('two calls at once agree on one whole copy', async () => {
    const [first, second] = await Promise.all([ensureDemoCopy(location), ensureDemoCopy(location)])
    expect([first, second]).toEqual([copy, copy])
    expect(await copiedFiles()).toEqual(await folderSnapshot(appDemo))
    expect(await dataFolder()).toEqual(['demo-project'])
  })

  test('a data folder that cannot hold the copy fails the call and leaves the app’s demo as it was', async () => {
    await writeFile(location.dataDir, '')
    const before = await folderSnapshot(appDemo)
    await expect(ensureDemoCopy(location)).rejects.toThrow()
    expect(await folderSnapshot(appDemo)).toEqual(before)
  })
})
