import { promises as fs } from 'node:fs'
import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import type { ProjectInfo } from '../../../shared/project'
import {
  copyFixture,
  removeTemporaryFolders,
  temporaryFolder,
} from '../../../tests/helpers/copy-fixture'
import { createProjectStore } from './project-store'
import type { ProjectStore } from './project-store'

const stores: ProjectStore[] = []

afterEach(async () => {
  for (const store of stores.splice(0)) await store.close()
  await removeTemporaryFolders()
})

async function openStore(fixture: string, debounceMs?: number) {
  const store = createProjectStore({ dataDir: await temporaryFolder(), debounceMs })
  stores.push(store)
  const dir = await copyFixture(fixture)
  const opened = await store.open(dir)
  if (!opened.ok) throw new Error(opened.error.message)
  const events: ProjectInfo[] = []
  store.onChanged((info) => events.push(info))
  return { store, dir, events }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

/** Waits (at most 3 s) until `events` holds an entry matching `predicate`. */
async function waitFor(events: ProjectInfo[], predicate: (info: ProjectInfo) => boolean) {
  for (let waited = 0; waited < 3000; waited += 20) {
    const found = events.find(predicate)
    if (found) return found
    await sleep(20)
  }
  throw new Error('no matching change within 3 s')
}

const watcherCount = () =>
  process.getActiveResourcesInfo().filter((resource) => resource === 'FSEventWrap').length

describe('ProjectStore: open', () => {
  it('returns the project, makes it current and tells listeners', async () => {
    const store = createProjectStore({ dataDir: await temporaryFolder() })
    stores.push(store)
    const heard: string[] = []
    store.onChanged((info) => heard.push(info.name))
    const result = await store.open(await copyFixture('valid'))
    expect(result.ok && result.value.settings.appid).toBe('wx1234567890abcdef')
    expect(store.current()?.name).toBe('valid-fixture')
    expect(heard).toEqual(['valid-fixture'])
  })

  it('puts the opened project first in the recent list', async () => {
    const store = createProjectStore({ dataDir: await temporaryFolder() })
    stores.push(store)
    const first = await copyFixture('valid')
    const second = await copyFixture('touristappid')
    await store.open(first)
    await store.open(second)
    expect((await store.recent()).map((entry) => entry.dir)).toEqual([second, first])
  })

  it('fails with NOT_A_FOLDER and keeps the current project', async () => {
    const { store } = await openStore('valid')
    const result = await store.open(path.join(await temporaryFolder(), 'missing'))
    expect(result).toMatchObject({ ok: false, error: { code: 'NOT_A_FOLDER' } })
    expect(store.current()?.name).toBe('valid-fixture')
  })

  it('opens even when the data folder cannot hold recent.json', async () => {
    const dataFile = path.join(await temporaryFolder(), 'data')
    await fs.writeFile(dataFile, 'a file, not a folder')
    const store = createProjectStore({ dataDir: dataFile })
    stores.push(store)
    expect((await store.open(await copyFixture('valid'))).ok).toBe(true)
  })
})

describe('ProjectStore: reload', () => {
  it('re-reads the open project on request', async () => {
    const { store, dir } = await openStore('valid', 60_000)
    await fs.writeFile(path.join(dir, 'project.config.json'), '{"projectname": "renamed"}')
    const result = await store.reload()
    expect(result.ok && result.value.name).toBe('renamed')
    expect(store.current()?.name).toBe('renamed')
  })

  it('answers NO_PROJECT when nothing is open', async () => {
    const store = createProjectStore({ dataDir: await temporaryFolder() })
    expect(await store.reload()).toMatchObject({ ok: false, error: { code: 'NO_PROJECT' } })
  })
})

describe('ProjectStore: writing settings', () => {
  it('writes urlCheck and returns the re-read project', async () => {
    const { store } = await openStore('valid')
    const result = await store.updateSettings({ urlCheck: true })
    expect(result.ok && result.value.settings.urlCheck).toBe(true)
    expect(store.current()?.settings.urlCheck).toBe(true)
  })

  it('announces its own write exactly once', async () => {
    const { store, events } = await openStore('valid')
    await store.updateSettings({ urlCheck: true })
    await sleep(400)
    expect(events.map((info) => info.settings.urlCheck)).toEqual([true])
  })

  it('writes domain lists', async () => {
    const { store } = await openStore('touristappid')
    const domains = {
      request: ['https://a.example.com'],
      socket: [],
      uploadFile: [],
      downloadFile: [],
      webview: ['https://h5.example.com'],
    }
    const result = await store.setDomains(domains)
    expect(result.ok && result.value.domains).toEqual(domains)
  })

  it('answers NO_PROJECT when nothing is open', async () => {
    const store = createProjectStore({ dataDir: await temporaryFolder() })
    expect(await store.updateSettings({ urlCheck: false })).toMatchObject({
      ok: false,
      error: { code: 'NO_PROJECT' },
    })
  })
})

describe('ProjectStore: watching', () => {
  it('re-reads after project.config.json is edited on disk', async () => {
    const { dir, events } = await openStore('valid')
    await fs.writeFile(path.join(dir, 'project.config.json'), '{"appid": "wxbbbbbbbbbbbbbbbb"}')
    await waitFor(events, (info) => info.settings.appid === 'wxbbbbbbbbbbbbbbbb')
  })

  it('re-reads after an editor saves app.json by rename', async () => {
    const { dir, events } = await openStore('valid')
    const temporary = path.join(dir, '.app.json.swp')
    await fs.writeFile(temporary, '{"pages": ["pages/index/index"]}')
    await fs.rename(temporary, path.join(dir, 'app.json'))
    await waitFor(events, (info) => info.pages.length === 1)
  })

  it('re-reads after a page json changes', async () => {
    const { dir, events } = await openStore('valid')
    await fs.writeFile(path.join(dir, 'pages/logs/logs.json'), '{"navigationBarTitleText": "Logs"}')
    await waitFor(events, (info) => info.pages[1].config.navigationBarTitleText === 'Logs')
  })

  it('re-reads after project.domains.json is deleted', async () => {
    const { dir, events } = await openStore('valid')
    await fs.rm(path.join(dir, 'project.domains.json'))
    await waitFor(events, (info) => info.domains.request.length === 0)
  })

  it('re-reads after the private config is created', async () => {
    const { dir, events } = await openStore('touristappid')
    await fs.writeFile(
      path.join(dir, 'project.private.config.json'),
      '{"setting": {"urlCheck": false}}',
    )
    await waitFor(events, (info) => info.settings.urlCheck === false)
  })

  it('reports a syntax error typed into app.json', async () => {
    const { dir, events } = await openStore('valid')
    await fs.writeFile(path.join(dir, 'app.json'), '{"pages": [}')
    await waitFor(events, (info) => info.problems.some((problem) => problem.code === 'JSON_SYNTAX'))
  })

  it('watches a page folder created after opening', async () => {
    const { dir, events } = await openStore('missing-page')
    await fs.mkdir(path.join(dir, 'pages/gone'))
    await fs.writeFile(path.join(dir, 'pages/gone/gone.js'), 'Page({})')
    await fs.writeFile(path.join(dir, 'pages/gone/gone.wxml'), '<view/>')
    await waitFor(events, (info) => info.problems.length === 0)
    await fs.writeFile(path.join(dir, 'pages/gone/gone.json'), '{"title": 1}')
    await waitFor(events, (info) => info.pages[1].config.title === 1)
  })

  it('debounces edits closer together than the quiet time into one re-read', async () => {
    const { dir, events } = await openStore('valid', 600)
    for (let i = 1; i <= 5; i++) {
      await fs.writeFile(
        path.join(dir, 'project.config.json'),
        `{"appid": "wx000000000000000${i}"}`,
      )
      await sleep(20)
    }
    await waitFor(events, (info) => info.settings.appid === 'wx0000000000000005')
    await sleep(700)
    expect(events.map((info) => info.settings.appid)).toEqual(['wx0000000000000005'])
  })

  it('close stops every watcher: no handle stays open and no event comes', async () => {
    const before = watcherCount()
    const { store, dir, events } = await openStore('valid')
    expect(watcherCount()).toBeGreaterThan(before)
    await store.close()
    await sleep(50)
    expect(watcherCount()).toBe(before)
    await fs.writeFile(path.join(dir, 'project.config.json'), '{"appid": "wxcccccccccccccccc"}')
    await sleep(400)
    expect(events).toEqual([])
    expect(store.current()).toBeNull()
  })

  it('opening another project stops watching the first', async () => {
    const { store, dir, events } = await openStore('valid')
    await store.open(await copyFixture('touristappid'))
    events.length = 0
    await fs.writeFile(path.join(dir, 'project.config.json'), '{"appid": "wxdddddddddddddddd"}')
    await sleep(400)
    expect(events).toEqual([])
  })
})
