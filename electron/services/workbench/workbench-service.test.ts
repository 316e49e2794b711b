import { cp, mkdtemp, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { NetworkEvent } from '../../../shared/network'
import type { ProjectInfo } from '../../../shared/project'
import { CLOUD_ERRORS } from '../../../shared/wechat-errors'
import { createProjectStore } from '../project'
import type { ProjectStore } from '../project/project-store'
import { createWorkbenchService } from '.'

const FIXTURE = join(__dirname, '../../../tests/fixtures/projects/valid')
const APP_INFO = {
  name: 'MP DevTools',
  version: '0.0.0',
  mode: 'electron' as const,
  platform: 'linux',
  locale: 'en-US',
}

let scratch: string
let project: string
let store: ProjectStore

beforeEach(async () => {
  scratch = await mkdtemp(join(tmpdir(), 'mpdt-workbench-'))
  project = join(scratch, 'valid')
  await cp(FIXTURE, project, { recursive: true })
  store = createProjectStore({ dataDir: join(scratch, 'data') })
})

afterEach(async () => {
  await store.close()
  await rm(scratch, { recursive: true, force: true })
})

describe('workbench service', () => {
  it('forwards every change of the store as project.changed until unsubscribed', async () => {
    const { service, onEvent } = createWorkbenchService({ store, appInfo: APP_INFO })
    const heard: [string, ProjectInfo][] = []
    const off = onEvent((event, payload) => {
      if (event === 'project.changed') heard.push([event, payload as ProjectInfo])
    })
    await service['project.open']({ dir: project })
    expect(heard.map(([event, info]) => [event, info.dir])).toEqual([['project.changed', project]])
    off()
    await service['project.updateSettings']({ urlCheck: true })
    expect(heard).toHaveLength(1)
  })

  it('answers a wx.cloud call with WeChat’s failure and shows it in the Network events as cloud', async () => {
    const { service, onEvent, close } = createWorkbenchService({ store, appInfo: APP_INFO })
    const rows: NetworkEvent[] = []
    onEvent((event, payload) => {
      if (event === 'network.event') rows.push(payload as NetworkEvent)
    })
    await service['project.open']({ dir: project })
    const params = { call: 'callFunction', env: 'prod-1', target: 'add' }
    expect(await service['wx.call']({ method: 'cloud', params })).toEqual({
      ok: true,
      value: {
        ok: false,
        errMsg: `cloud.callFunction:fail ${CLOUD_ERRORS.noEnvironment}`,
        errCode: -601034,
      },
    })
    expect(rows.map((row) => row.type)).toEqual(['queued', 'failed'])
    expect(rows[0]).toMatchObject({ api: 'cloud', url: 'cloud://prod-1/callFunction/add' })
    await close()
  })

  it('refuses an unknown setting before writing anything', async () => {
    const { service } = createWorkbenchService({ store, appInfo: APP_INFO })
    await service['project.open']({ dir: project })
    const privateFile = join(project, 'project.private.config.json')
    const before = await readFile(privateFile, 'utf8')
    const result = await service['project.updateSettings']({
      urlCheck: true,
      libVersion: 'x',
    } as never)
    expect(result).toMatchObject({ ok: false, error: { code: 'INVALID_PARAMS' } })
    expect(await readFile(privateFile, 'utf8')).toBe(before)
  })

  it('refuses an empty settings patch', async () => {
    const { service } = createWorkbenchService({ store, appInfo: APP_INFO })
    await service['project.open']({ dir: project })
    expect(await service['project.updateSettings']({})).toMatchObject({
      ok: false,
      error: { code: 'INVALID_PARAMS' },
    })
  })

  it('answers NO_PROJECT to a settings change with no project open', async () => {
    const { service } = createWorkbenchService({ store, appInfo: APP_INFO })
    expect(await service['project.updateSettings']({ appid: 'wx0' })).toMatchObject({
      ok: false,
      error: { code: 'NO_PROJECT' },
    })
  })

  it('refuses domain lists that are not an object', async () => {
    const { service } = createWorkbenchService({ store, appInfo: APP_INFO })
    await service['project.open']({ dir: project })
    const result = await service['project.setDomains']({ domains: ['https://a.example'] } as never)
    expect(result).toMatchObject({ ok: false, error: { code: 'INVALID_PARAMS' } })
  })

  it("passes the store's refusal of a bad domain entry through as data", async () => {
    const { service } = createWorkbenchService({ store, appInfo: APP_INFO })
    await service['project.open']({ dir: project })
    const domains = {
      request: ['http://plain.example'],
      socket: [],
      uploadFile: [],
      downloadFile: [],
    }
    const result = await service['project.setDomains']({ domains })
    expect(result.ok).toBe(false)
  })

  it("answers the folder picker's choice, and null when it is cancelled", async () => {
    const choices = ['/picked', null]
    const { service } = createWorkbenchService({
      store,
      appInfo: APP_INFO,
      chooseFolder: async () => choices.shift() ?? null,
    })
    expect(await service['project.chooseFolder']({})).toEqual({ ok: true, value: '/picked' })
    expect(await service['project.chooseFolder']({})).toEqual({ ok: true, value: null })
  })
})
