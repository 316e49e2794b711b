/**
 * The workbench on the embedded demo writes the user's settings into the user's copy in the data
 * folder; the app's own demo folder (read-only when packaged, tracked by git in a clone) stays
 * byte-identical.
 */
import { mkdtemp, readFile, realpath, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, expect, test } from 'vitest'
import type { ContractEvents } from '../../../shared/contract'
import type { TaskEvent } from '../../../shared/runtime/wx-task'
import { DEMO_API_ORIGIN, demoCopyDir, demoProjectDir, withDemoCopy } from '../demo'
import { folderSnapshot } from '../demo/folder-snapshot'
import { createProjectStore } from '../project'
import type { ProjectStore } from '../project/project-store'
import { createWorkbenchService, type WorkbenchService } from '.'
import { TEST_APP_INFO } from '../../../tests/helpers/workbench-kit'

const APP_ROOT = join(import.meta.dirname, '..', '..', '..')
const SHIPPED_DEMO = demoProjectDir(APP_ROOT)

let dataDir: string
let store: ProjectStore
let workbench: WorkbenchService
let taskEvents: ContractEvents['wx.task'][]

beforeEach(async () => {
  dataDir = await realpath(await mkdtemp(join(tmpdir(), 'mpdt-workbench-demo-')))
  store = withDemoCopy(createProjectStore({ dataDir }), { appRoot: APP_ROOT, dataDir })
  workbench = createWorkbenchService({ store, appInfo: TEST_APP_INFO, dataDir, appRoot: APP_ROOT })
  taskEvents = []
  workbench.onEvent((event, payload) => {
    if (event === 'wx.task') taskEvents.push(payload as ContractEvents['wx.task'])
  })
})
afterEach(async () => {
  await workbench.close()
  await store.close()
  await rm(dataDir, { recursive: true, force: true })
})

async function outcome(taskId: string): Promise<TaskEvent & { kind: 'done' }> {
  for (let i = 0; i < 400; i++) {
    const done = taskEvents.find((item) => item.taskId === taskId && item.event.kind === 'done')
    if (done) return done.event as TaskEvent & { kind: 'done' }
    await new Promise((resolve) => setTimeout(resolve, 25))
  }
  throw new Error(`task ${taskId} never finished`)
}

test('the demo, opened as the copy, reaches its API server over HTTPS with the checks on', async () => {
  await workbench.service['project.open']({ dir: SHIPPED_DEMO })
  await workbench.settled()
  await workbench.service['wx.call']({
    method: 'request',
    taskId: 'echo',
    params: {
      api: 'request',
      url: `${DEMO_API_ORIGIN}/echo`,
      method: 'GET',
      header: {},
      page: 'pages/index/index',
    },
  })
  expect((await outcome('echo')).outcome).toMatchObject({ ok: true, statusCode: 200 })
})

test('ticking urlCheck on the demo writes under the data folder only', async () => {
  const shippedBefore = await folderSnapshot(SHIPPED_DEMO)
  const { service } = workbench
  await service['project.open']({ dir: SHIPPED_DEMO })
  expect(await service['project.updateSettings']({ urlCheck: false })).toMatchObject({
    ok: true,
    value: { dir: demoCopyDir(dataDir), settings: { urlCheck: false } },
  })
  await workbench.settled()

  expect(await folderSnapshot(SHIPPED_DEMO)).toEqual(shippedBefore)
  const written = await readFile(join(demoCopyDir(dataDir), 'project.private.config.json'), 'utf8')
  expect(JSON.parse(written)).toMatchObject({ setting: { urlCheck: false } })
})

test('editing the demo’s domain lists writes under the data folder only', async () => {
  const shippedBefore = await folderSnapshot(SHIPPED_DEMO)
  const { service } = workbench
  await service['project.open']({ dir: SHIPPED_DEMO })
  const domains = { request: [DEMO_API_ORIGIN], socket: [], uploadFile: [], downloadFile: [] }
  expect(await service['project.setDomains']({ domains })).toMatchObject({
    ok: true,
    value: { dir: demoCopyDir(dataDir), domains },
  })
  await workbench.settled()

  expect(await folderSnapshot(SHIPPED_DEMO)).toEqual(shippedBefore)
})
