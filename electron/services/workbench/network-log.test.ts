import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { ContractEvents } from '../../../shared/contract'
import type { EngineRequest, NetworkEvent } from '../../../shared/network'
import { startHttpServer, type TestServer } from '../../../tests/helpers/servers'
import type { WorkbenchService } from '.'
import { galleryWorkbench, type GalleryWorkbench } from '../../../tests/helpers/workbench-kit'

let gallery: GalleryWorkbench
let workbench: WorkbenchService
let server: TestServer
let events: NetworkEvent[]
let hits: number

beforeEach(async () => {
  hits = 0
  server = await startHttpServer((request, response) => {
    hits++
    response.writeHead(200, { 'content-type': 'application/json' })
    response.end(JSON.stringify({ path: request.url }))
  })
  events = []
  gallery = await galleryWorkbench('mpdt-network-log-', {
    onEvent: (event, payload) => {
      if (event === 'network.event') events.push(payload as ContractEvents['network.event'])
    },
  })
  workbench = gallery.workbench
})

afterEach(async () => {
  await gallery.close()
  await server.close()
})

function post(url: string): EngineRequest {
  return {
    api: 'request',
    url,
    method: 'POST',
    header: { 'content-type': 'application/json' },
    body: '{"a":1}',
    page: 'pages/index/index',
  }
}

async function finishedCount(count: number): Promise<string[]> {
  for (let i = 0; i < 400; i++) {
    const ids = events.filter((event) => event.type === 'finished').map((event) => event.id)
    if (ids.length >= count) return ids
    await new Promise((resolve) => setTimeout(resolve, 25))
  }
  throw new Error(`fewer than ${count} requests finished`)
}

describe('network log', () => {
  it('answers a finished request’s body on demand, in base64', async () => {
    await workbench.service['wx.call']({
      method: 'request',
      taskId: 'b1',
      params: { ...post(`${server.origin}/x`) },
    })
    const [id] = await finishedCount(1)
    const body = await workbench.service['network.body']({ id })
    expect(body.ok && Buffer.from(body.value.base64, 'base64').toString()).toBe('{"path":"/x"}')
    expect(body.ok && body.value).toMatchObject({ size: 13, truncated: false })
  })

  it('answers the request body the mini-program sent when asked for it', async () => {
    await workbench.service['wx.call']({
      method: 'request',
      taskId: 'q1',
      params: { ...post(`${server.origin}/q`) },
    })
    const [id] = await finishedCount(1)
    const body = await workbench.service['network.body']({ id, part: 'request' })
    expect(body.ok && Buffer.from(body.value.base64, 'base64').toString()).toBe('{"a":1}')
  })

  it('says BODY_UNAVAILABLE for an id it never saw', async () => {
    const body = await workbench.service['network.body']({ id: '999' })
    expect(!body.ok && body.error.code).toBe('BODY_UNAVAILABLE')
  })

  it('exports the chosen requests as HAR 1.2 with the request body', async () => {
    await workbench.service['wx.call']({
      method: 'request',
      taskId: 'h1',
      params: { ...post(`${server.origin}/one`) },
    })
    await workbench.service['wx.call']({
      method: 'request',
      taskId: 'h2',
      params: { ...post(`${server.origin}/two`) },
    })
    const ids = await finishedCount(2)
    const exported = await workbench.service['network.exportHar']({ ids: [ids[1]] })
    expect(exported.ok).toBe(true)
    const har = JSON.parse(exported.ok ? exported.value.har : '{}')
    expect(har.log.version).toBe('1.2')
    expect(har.log.entries).toHaveLength(1)
    expect(har.log.entries[0].request.url).toBe(`${server.origin}/two`)
    expect(har.log.entries[0].request.postData.text).toBe('{"a":1}')
    expect(har.log.entries[0].response.status).toBe(200)
  })

  it('exports what a phone would refuse of a request the checks (off) let through', async () => {
    await workbench.service['wx.call']({
      method: 'request',
      taskId: 'p1',
      params: { ...post(`${server.origin}/p`) },
    })
    const [id] = await finishedCount(1)
    const exported = await workbench.service['network.exportHar']({ ids: [id] })
    const har = JSON.parse(exported.ok ? exported.value.har : '{}')
    // The gallery fixture is a tourist app: no lists, but a phone still wants https.
    expect(har.log.entries[0]._phoneWarnings).toEqual([
      {
        rule: 'not-https',
        errMsg: 'request:fail url not in domain list',
        url: `${server.origin}/p`,
      },
    ])
  })

  it('replays a recorded request through the engine as a new request', async () => {
    await workbench.service['wx.call']({
      method: 'request',
      taskId: 'r1',
      params: { ...post(`${server.origin}/again`) },
    })
    const [id] = await finishedCount(1)
    expect(await workbench.service['network.replay']({ id })).toEqual({ ok: true, value: null })
    const ids = await finishedCount(2)
    expect(ids[1]).not.toBe(id)
    expect(hits).toBe(2)
    const queued = events.filter((event) => event.type === 'queued')
    expect(queued.map((event) => event.type === 'queued' && event.method)).toEqual(['POST', 'POST'])
  })

  it('makes the next request fail offline after setCondition offline', async () => {
    expect(await workbench.service['network.setCondition']({ condition: 'offline' })).toEqual({
      ok: true,
      value: null,
    })
    await workbench.service['wx.call']({
      method: 'request',
      taskId: 'o1',
      params: { ...post(`${server.origin}/o`) },
    })
    for (let i = 0; i < 200 && !events.some((e) => e.type === 'blocked'); i++) {
      await new Promise((resolve) => setTimeout(resolve, 25))
    }
    expect(events.find((event) => event.type === 'blocked')).toMatchObject({ rule: 'offline' })
    expect(hits).toBe(0)
  })

  it('lists the origins contacted for showRequestInfo()', async () => {
    await workbench.service['wx.call']({
      method: 'request',
      taskId: 's1',
      params: { ...post(`${server.origin}/s`) },
    })
    await finishedCount(1)
    const details = await workbench.service['network.securityDetails']({})
    expect(details.ok && details.value.map((row) => row.origin)).toEqual([server.origin])
  })
})
