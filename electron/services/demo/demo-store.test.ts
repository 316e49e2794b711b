/**
 * The store the workbench and the CLI open projects through: the demo, asked for by its shipped
 * folder or by the copy, opens as the user's copy in the data folder; other projects as they are.
 */
import { mkdtemp, readFile, realpath, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, test } from 'vitest'
import { createProjectStore } from '../project'
import { copyFixture, removeTemporaryFolders } from '../../../tests/helpers/copy-fixture'
import type { ProjectStore } from '../project/project-store'
import { demoCopyDir, demoProjectDir, type DemoLocation } from './demo-project'
import { withDemoCopy } from './demo-store'

const APP_ROOT = join(import.meta.dirname, '..', '..', '..')
const SHIPPED_DEMO = demoProjectDir(APP_ROOT)

let dataDir: string
let location: DemoLocation
let store: ProjectStore

beforeEach(async () => {
  dataDir = await realpath(await mkdtemp(join(tmpdir(), 'mpdt-demo-store-')))
  location = { appRoot: APP_ROOT, dataDir }
  store = withDemoCopy(createProjectStore({ dataDir }), location)
})
afterEach(async () => {
  await store.close()
  await rm(dataDir, { recursive: true, force: true })
  await removeTemporaryFolders()
})

describe('withDemoCopy', () => {
  test('opening the shipped demo opens the user’s copy in the data folder', async () => {
    const opened = await store.open(SHIPPED_DEMO)
    expect(opened).toMatchObject({
      ok: true,
      value: { dir: demoCopyDir(dataDir), name: 'MP DevTools 演示', problems: [] },
    })
  })

  test('opening the copy itself reuses it as the user left it', async () => {
    await store.open(SHIPPED_DEMO)
    await store.updateSettings({ urlCheck: false })
    await store.open(demoCopyDir(dataDir))
    expect(store.current()).toMatchObject({
      dir: demoCopyDir(dataDir),
      settings: { urlCheck: false },
    })
  })

  test('opening a deleted copy makes it again', async () => {
    await store.open(SHIPPED_DEMO)
    await store.close()
    await rm(demoCopyDir(dataDir), { recursive: true })
    expect(await store.open(demoCopyDir(dataDir))).toMatchObject({
      ok: true,
      value: { dir: demoCopyDir(dataDir), problems: [] },
    })
  })

  test('another project opens as it is', async () => {
    const project = await copyFixture('valid')
    expect(await store.open(project)).toMatchObject({ ok: true, value: { dir: project } })
  })

  test('the recent list names the demo once, by its usual name, however it was opened', async () => {
    const project = await copyFixture('valid')
    await store.open(SHIPPED_DEMO)
    await store.open(project)
    await store.open(demoCopyDir(dataDir))
    const recent = await store.recent()
    expect(recent.map(({ dir, name }) => ({ dir, name }))).toEqual([
      { dir: demoCopyDir(dataDir), name: 'MP DevTools 演示' },
      { dir: project, name: expect.any(String) },
    ])
  })

  test('a recent entry of the shipped demo, from before copies, is listed as the copy', async () => {
    const entry = { dir: SHIPPED_DEMO, name: 'MP DevTools 演示', openedAt: 1 }
    await writeFile(join(dataDir, 'recent.json'), JSON.stringify([entry]))
    expect(await store.recent()).toEqual([{ ...entry, dir: demoCopyDir(dataDir) }])
  })

  test('a recent entry of the shipped demo beside one of the copy lists the demo once', async () => {
    await store.open(SHIPPED_DEMO)
    const [copyEntry] = await store.recent()
    const shippedEntry = { dir: SHIPPED_DEMO, name: 'MP DevTools 演示', openedAt: 1 }
    await writeFile(join(dataDir, 'recent.json'), JSON.stringify([copyEntry, shippedEntry]))
    expect(await store.recent()).toEqual([copyEntry])
  })

  test('a copy that cannot be made answers DEMO_COPY_FAILED and opens nothing', async () => {
    const blocked = join(dataDir, 'not-a-folder')
    await writeFile(blocked, '')
    const failing = withDemoCopy(createProjectStore({ dataDir }), {
      appRoot: APP_ROOT,
      dataDir: blocked,
    })
    expect(await failing.open(SHIPPED_DEMO)).toMatchObject({
      ok: false,
      error: { code: 'DEMO_COPY_FAILED' },
    })
    expect(failing.current()).toBeNull()
    await failing.close()
  })

  test('settings ticked on the demo are written into the copy', async () => {
    await store.open(SHIPPED_DEMO)
    await store.updateSettings({ urlCheck: false })
    const written = await readFile(
      join(demoCopyDir(dataDir), 'project.private.config.json'),
      'utf8',
    )
    expect(JSON.parse(written)).toMatchObject({ setting: { urlCheck: false } })
  })
})
