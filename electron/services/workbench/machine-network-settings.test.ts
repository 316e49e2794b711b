import { readFile, readdir } from 'node:fs/promises'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { ContractEvents } from '../../../shared/contract'
import { startHttpServer, type TestServer } from '../../../tests/helpers/servers'
import type { WorkbenchService } from '.'
import { galleryWorkbench, type GalleryWorkbench } from '../../../tests/helpers/workbench-kit'
import { checkMachineNetwork, MACHINE_NETWORK_FILE } from './machine-network-settings'

let gallery: GalleryWorkbench
let project: string
let dataDir: string
let workbench: WorkbenchService
let server: TestServer
let outcomes: ContractEvents['wx.task'][]

beforeEach(async () => {
  server = await startHttpServer((request, response) => {
    response.writeHead(200, { 'content-type': 'text/plain' })
    response.end(`reached ${request.headers.host}`)
  })
  outcomes = []
  gallery = await galleryWorkbench('mpdt-machine-network-', {
    machineSettings: true,
    onEvent: (event, payload) => {
      if (event === 'wx.task') outcomes.push(payload as ContractEvents['wx.task'])
    },
  })
  ;({ project, dataDir, workbench } = gallery)
})

afterEach(async () => {
  await gallery.close()
  await server.close()
})

async function done(taskId: string) {
  for (let i = 0; i < 400; i++) {
    const found = outcomes.find((item) => item.taskId === taskId && item.event.kind === 'done')
    if (found && found.event.kind === 'done') return found.event.outcome
    await new Promise((resolve) => setTimeout(resolve, 25))
  }
  throw new Error(`task ${taskId} never finished`)
}

describe('host mapping kept per machine', () => {
  it('is saved in the data folder, not in the project', async () => {
    const settings = { connectTo: [`api.machine.test:80:127.0.0.1:${server.port}`], extraCa: '' }
    expect(await workbench.service['settings.setMachineNetwork'](settings)).toEqual({
      ok: true,
      value: settings,
    })
    const saved = JSON.parse(await readFile(join(dataDir, MACHINE_NETWORK_FILE), 'utf8'))
    expect(saved).toEqual(settings)
    expect(await readdir(project)).not.toContain(MACHINE_NETWORK_FILE)
    expect(await workbench.service['settings.machineNetwork']({})).toEqual({
      ok: true,
      value: settings,
    })
  })

  it('sends the next request of the open project to the mapped address', async () => {
    await workbench.service['settings.setMachineNetwork']({
      connectTo: [`api.machine.test:80:127.0.0.1:${server.port}`],
      extraCa: '',
    })
    await workbench.service['wx.call']({
      method: 'request',
      taskId: 'm1',
      params: { api: 'request', url: 'http://api.machine.test/x', method: 'GET', header: {} },
    })
    const outcome = await done('m1')
    expect(outcome.ok && new TextDecoder().decode(outcome.body)).toBe('reached api.machine.test')
  })

  it('refuses a mapping line that is not curl’s syntax and keeps the old settings', async () => {
    const refused = await workbench.service['settings.setMachineNetwork']({
      connectTo: ['api.machine.test->127.0.0.1'],
      extraCa: '',
    })
    expect(!refused.ok && refused.error.code).toBe('INVALID_MACHINE_NETWORK')
    expect(await workbench.service['settings.machineNetwork']({})).toEqual({
      ok: true,
      value: { connectTo: [], extraCa: '' },
    })
  })
})

describe('checkMachineNetwork', () => {
  it('drops blank lines and accepts PEM text or an absolute path as the extra CA', () => {
    expect(
      checkMachineNetwork({ connectTo: ['', ' a.test:443:127.0.0.1:8443 '], extraCa: '/ca.pem' }),
    ).toEqual({
      ok: true,
      value: { connectTo: ['a.test:443:127.0.0.1:8443'], extraCa: '/ca.pem' },
    })
  })

  it('refuses a relative CA path', () => {
    const checked = checkMachineNetwork({ connectTo: [], extraCa: 'certs/ca.pem' })
    expect(checked.ok).toBe(false)
  })
})
