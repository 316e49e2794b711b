/**
 * One fold for every consumer of the engine's events: requests made through the real engine
 * against a loopback HTTPS server are shown by the Network panel's model; their HAR export
 * (the workbench's network log), opened again as a file, gives the same rows.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { createCertificateAuthority } from '../helpers/certificates'
import { startHttpsServer, type TestServer } from '../helpers/servers'
import { call, recordedEngine, type RecordedEngine } from '../helpers/engine-kit'
import { createNetworkLog } from '../../electron/services/workbench/network-log'
import { importHar } from '../../renderer/src/network/har-import'
import { NetworkLogModel } from '../../renderer/src/network/network-rows'

const ca = createCertificateAuthority()
let server: TestServer
let current: RecordedEngine | undefined

beforeAll(async () => {
  server = await startHttpsServer(
    (req, res) => {
      if (req.url === '/moved') {
        res.writeHead(302, { location: '/items?page=2' })
        res.end()
      } else if (req.url === '/missing') {
        res.writeHead(404, { 'content-type': 'text/plain' })
        res.end('no such thing')
      } else {
        res.writeHead(200, { 'content-type': 'application/json; charset=utf-8' })
        res.end(JSON.stringify({ items: [1, 2, 3] }))
      }
    },
    ca.issue({ hosts: ['api.example.test'] }),
  )
})
afterAll(() => server.close())
afterEach(async () => {
  await current?.engine.close()
  current = undefined
})

describe('the Network panel, HAR export and HAR import share one fold of the events', () => {
  it('a HAR exported from live requests opens as the same rows', async () => {
    current = recordedEngine({
      domains: {
        request: ['https://api.example.test'],
        socket: [],
        uploadFile: [],
        downloadFile: [],
      },
      connectTo: [`api.example.test:443:127.0.0.1:${server.port}`],
      extraCaPem: ca.cert,
    })
    const { engine, events } = current
    await call(engine, { url: 'https://api.example.test/items?page=1' })
    await call(engine, { url: 'https://api.example.test/moved', method: 'POST', body: 'a=1' })
    await call(engine, { url: 'https://api.example.test/missing' })
    await call(engine, { url: 'https://unlisted.example.test/x' })

    const live = new NetworkLogModel()
    for (const event of events) live.apply(event)
    expect(live.rows.map((row) => [row.name, row.state, row.status])).toEqual([
      ['items?page=1', 'done', 200],
      ['items?page=2', 'done', 200],
      ['missing', 'done', 404],
      ['x', 'blocked', 0],
    ])

    const log = createNetworkLog({
      engine: () => engine,
      creator: { name: 'MP DevTools', version: 'test' },
    })
    for (const event of events) log.handle(event)
    const exported = await log.methods['network.exportHar']({ ids: live.rows.map((r) => r.id) })
    if (!exported.ok) throw new Error(exported.error.message)
    const imported = importHar(exported.value.har)
    if (!imported.ok) throw new Error(imported.message)
    const reopened = new NetworkLogModel()
    for (const request of imported.requests) {
      for (const event of request.events) reopened.apply(event)
    }

    const shown = (model: NetworkLogModel) =>
      model.rows.map(({ name, url, method, type, page, status, state, reason, mock, size }) => ({
        name,
        url,
        method,
        type,
        page,
        status,
        state,
        reason,
        mock,
        size,
      }))
    expect(shown(reopened)).toEqual(shown(live))
    const liveRedirected = live.details.get(live.rows[1].id)!
    const reopenedRedirected = reopened.details.get(reopened.rows[1].id)!
    expect(reopenedRedirected.redirects).toEqual(liveRedirected.redirects)
    expect(reopenedRedirected.responseHeaders).toEqual(liveRedirected.responseHeaders)
    expect(reopened.details.get(reopened.rows[3].id)!.blockRule).toBe('domain-list')
  })
})
