import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { EngineOutcome, EngineRequest } from '../../../shared/network'
import { startHttpServer, type TestServer } from '../../../tests/helpers/servers'
import { createHarRecorder } from '../har/har-recorder'
import { createRequestEngine, type RequestEngine } from '../network'
import { createHeadlessPort } from './headless-port'
import { createMemoryStorage } from './memory-storage'
import { SIMULATED_SYSTEM_INFO, SIMULATED_USER_AGENT } from './simulated-device'

describe('createHeadlessPort', () => {
  let server: TestServer
  let engine: RequestEngine
  let tempDir: string
  let release: () => void = () => {}

  beforeEach(async () => {
    const held = new Promise<void>((resolve) => (release = resolve))
    server = await startHttpServer((req, res) => {
      res.setHeader('set-cookie', ['a=1', 'b=2'])
      if (req.url === '/held') void held.then(() => res.end('late'))
      else res.end('ok')
    })
    tempDir = await mkdtemp(join(tmpdir(), 'mpdt-port-'))
    engine = createRequestEngine({
      appid: 'touristappid',
      urlCheck: false,
      domains: { request: [], socket: [], uploadFile: [], downloadFile: [] },
      userAgent: SIMULATED_USER_AGENT,
      tempDir,
    })
  })

  afterEach(async () => {
    release()
    await engine.close()
    await server.close()
    await rm(tempDir, { recursive: true, force: true })
  })

  const get = (path: string, body?: string): EngineRequest => ({
    api: 'request',
    url: `${server.origin}${path}`,
    method: body === undefined ? 'GET' : 'POST',
    header: {},
    ...(body !== undefined && { body }),
  })

  const portWith = (har = createHarRecorder()) => {
    const lines: string[] = []
    const port = createHeadlessPort({
      engine,
      storage: createMemoryStorage(),
      console: (level, args) => lines.push(`${level} ${args.join(' ')}`),
      reportError: (error) => lines.push(`error ${error.message}`),
      har,
      appid: 'wx0000000000000001',
    })
    engine.onEvent((event) => har.handle(event))
    return { port, lines, har }
  }

  const send = (port: ReturnType<typeof portWith>['port'], request: EngineRequest) =>
    new Promise<EngineOutcome>((resolve) =>
      port.startTask!(request, (event) => {
        if (event.kind === 'done') resolve(event.outcome)
      }),
    )

  it('lists a request as open until the engine is done with it', async () => {
    const { port } = portWith()
    const done = send(port, get('/held'))
    expect(port.openRequests()).toEqual([{ method: 'GET', url: `${server.origin}/held` }])
    release()
    expect((await done).ok).toBe(true)
    expect(port.openRequests()).toEqual([])
  })

  it('hands the HAR recorder the request body and the raw Set-Cookie values', async () => {
    const { port, har } = portWith()
    await send(port, get('/post', 'name=mp'))
    const [entry] = (await har.toHar({ name: 't', version: '0' })).log.entries
    expect(entry.request.postData?.text).toBe('name=mp')
    expect(entry.response.cookies.map((cookie) => cookie.name)).toEqual(['a', 'b'])
  })

  it('forwards console calls and uncaught errors to the host', () => {
    const { port, lines } = portWith()
    port.console('warn', ['careful', 1], 'miniprogram')
    port.reportError({ message: 'boom', stack: 'Error: boom' })
    expect(lines).toEqual(['warn careful 1', 'error boom'])
  })

  it('keeps storage per appid for the run', () => {
    const { port } = portWith()
    port.saveStorage('wx1', { kind: 'set', key: 'k', item: { type: 'String', data: 'v' } })
    expect(port.loadStorage('wx1')).toEqual({ k: { type: 'String', data: 'v' } })
    expect(port.loadStorage('wx2')).toEqual({})
  })

  it('describes the simulated device and a wifi network', () => {
    const { port } = portWith()
    expect(port.systemInfo()).toBe(SIMULATED_SYSTEM_INFO)
    expect(port.networkType()).toBe('wifi')
  })
})
