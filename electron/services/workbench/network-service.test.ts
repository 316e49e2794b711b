import { writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { ContractEvents, EventName } from '../../../shared/contract'
import type { EngineRequest } from '../../../shared/network'
import type { TaskEvent } from '../../../shared/runtime/wx-task'
import { startHttpServer, type TestServer } from '../../../tests/helpers/servers'
import type { WorkbenchService } from '.'
import { galleryWorkbench, type GalleryWorkbench } from '../../../tests/helpers/workbench-kit'

let gallery: GalleryWorkbench
let project: string
let workbench: WorkbenchService
let server: TestServer
let heard: { event: EventName; payload: unknown }[]
/** Requests that reached the loopback server, by path. */
let arrived: string[]

beforeEach(async () => {
  arrived = []
  server = await startHttpServer((request, response) => {
    arrived.push(request.url ?? '')
    if (request.url === '/hang') return
    response.writeHead(200, { 'content-type': 'application/json' })
    response.end(JSON.stringify({ message: 'hi', host: request.headers.host }))
  })
  heard = []
  gallery = await galleryWorkbench('mpdt-network-service-', {
    open: false,
    onEvent: (event, payload) => heard.push({ event, payload }),
  })
  ;({ project, workbench } = gallery)
})

afterEach(async () => {
  await gallery.close()
  await server.close()
})

function get(url: string): EngineRequest {
  return { api: 'request', url, method: 'GET', header: {}, page: 'pages/index/index' }
}

function taskEvents(taskId: string): TaskEvent[] {
  return heard
    .filter((item) => item.event === 'wx.task')
    .map((item) => item.payload as ContractEvents['wx.task'])
    .filter((item) => item.taskId === taskId)
    .map((item) => item.event)
}

async function done(taskId: string): Promise<TaskEvent & { kind: 'done' }> {
  for (let i = 0; i < 400; i++) {
    const last = taskEvents(taskId).find((event) => event.kind === 'done')
    if (last) return last as TaskEvent & { kind: 'done' }
    await new Promise((resolve) => setTimeout(resolve, 25))
  }
  throw new Error(`task ${taskId} never finished`)
}

async function openProject(): Promise<void> {
  const opened = await workbench.service['project.open']({ dir: project })
  expect(opened.ok).toBe(true)
  await workbench.settled()
}

describe('network.request', () => {
  it('runs the request in the engine and reports headers, then done with the body', async () => {
    await openProject()
    const started = await workbench.service['wx.call']({
      method: 'request',
      taskId: 't1',
      params: { ...get(`${server.origin}/hello`) },
    })
    expect(started).toEqual({ ok: true, value: { ok: true, value: { taskId: 't1' } } })
    const outcome = await done('t1')
    expect(taskEvents('t1').map((event) => event.kind)).toEqual(['headers', 'done'])
    expect(outcome.outcome.ok).toBe(true)
    if (!outcome.outcome.ok) return
    expect(outcome.outcome.statusCode).toBe(200)
    expect(JSON.parse(new TextDecoder().decode(outcome.outcome.body))).toMatchObject({
      message: 'hi',
    })
  })

  it('forwards the engine’s events for the Network panel, tagged with the page', async () => {
    await openProject()
    await workbench.service['wx.call']({
      method: 'request',
      taskId: 't2',
      params: { ...get(`${server.origin}/a`) },
    })
    await done('t2')
    const events = heard
      .filter((item) => item.event === 'network.event')
      .map((item) => item.payload as ContractEvents['network.event'])
    expect(events.map((event) => event.type)).toEqual(
      expect.arrayContaining(['queued', 'started', 'headers', 'finished']),
    )
    expect(events.find((event) => event.type === 'queued')).toMatchObject({
      page: 'pages/index/index',
      url: `${server.origin}/a`,
    })
  })

  it('applies the urlCheck checkbox to the next request without a restart', async () => {
    await writeFile(
      join(project, 'project.config.json'),
      JSON.stringify({ appid: 'wx1234567890abcdef', setting: { urlCheck: true } }),
    )
    await openProject()
    await workbench.service['wx.call']({
      method: 'request',
      taskId: 'checked',
      params: { ...get(`${server.origin}/x`) },
    })
    const refused = await done('checked')
    expect(refused.outcome).toMatchObject({ ok: false })
    expect(arrived).toEqual([])
    expect(heard.some((item) => item.event === 'network.console')).toBe(true)

    await workbench.service['project.updateSettings']({ urlCheck: false })
    await workbench.settled()
    await workbench.service['wx.call']({
      method: 'request',
      taskId: 'free',
      params: { ...get(`${server.origin}/y`) },
    })
    expect((await done('free')).outcome).toMatchObject({ ok: true, statusCode: 200 })
    expect(arrived).toEqual(['/y'])
  })

  it('maps hosts with the project-local connectTo setting', async () => {
    await writeFile(
      join(project, 'project.private.config.json'),
      JSON.stringify({ mpdt: { connectTo: [`api.gallery.test:80:127.0.0.1:${server.port}`] } }),
    )
    await openProject()
    await workbench.service['wx.call']({
      method: 'request',
      taskId: 'mapped',
      params: { ...get('http://api.gallery.test/hello') },
    })
    const outcome = await done('mapped')
    expect(outcome.outcome).toMatchObject({ ok: true, statusCode: 200 })
    expect(arrived).toEqual(['/hello'])
  })

  it('aborts an in-flight task on network.abort', async () => {
    await openProject()
    await workbench.service['wx.call']({
      method: 'request',
      taskId: 'slow',
      params: { ...get(`${server.origin}/hang`) },
    })
    for (let i = 0; i < 200 && arrived.length === 0; i++) {
      await new Promise((resolve) => setTimeout(resolve, 10))
    }
    expect(
      await workbench.service['wx.operateTask']({ taskId: 'slow', operation: { name: 'abort' } }),
    ).toEqual({
      ok: true,
      value: null,
    })
    expect((await done('slow')).outcome).toMatchObject({ ok: false, errMsg: 'request:fail abort' })
  })

  it('aborts what is in flight when the workbench closes', async () => {
    await openProject()
    await workbench.service['wx.call']({
      method: 'request',
      taskId: 'open',
      params: { ...get(`${server.origin}/hang`) },
    })
    for (let i = 0; i < 200 && arrived.length === 0; i++) {
      await new Promise((resolve) => setTimeout(resolve, 10))
    }
    await workbench.close()
    expect((await done('open')).outcome).toMatchObject({ ok: false })
  })

  it('answers NO_PROJECT before a project is open', async () => {
    const result = await workbench.service['wx.call']({
      method: 'request',
      taskId: 'none',
      params: { ...get(`${server.origin}/z`) },
    })
    expect(result).toMatchObject({ ok: false, error: { code: 'NO_PROJECT' } })
  })

  it('refuses a malformed request before it reaches the engine', async () => {
    await openProject()
    const result = await workbench.service['wx.call']({
      method: 'request',
      taskId: 'bad',
      params: { ...get(`${server.origin}/z`), header: { a: 1 } } as never,
    })
    expect(result).toMatchObject({ ok: false, error: { code: 'INVALID_PARAMS' } })
    const badId = await workbench.service['wx.call']({
      method: 'request',
      taskId: '../../x y',
      params: { ...get(`${server.origin}/z`) },
    })
    expect(badId).toMatchObject({ ok: false, error: { code: 'INVALID_PARAMS' } })
    expect(arrived).toEqual([])
  })
})
