/**
 * No request without an end: a throw injected at each step of the engine's completion path ends
 * that request once with `request:fail internal error: …`, frees its queue slot, prints our own
 * internal error to the console, and leaves the engine working for the next request.
 */
import { afterAll, afterEach, beforeAll, expect, test, vi } from 'vitest'
import type { EngineCallbacks, EngineOutcome, NetworkEvent } from '../../../../shared/network'
import { startHttpServer, type TestServer } from '../../../../tests/helpers/servers'
import { BodyCollector } from '../body/body-collector'
import { BodyStore } from '../body/body-store'
import { ResponseBody } from '../body/response-body'
import { recordedEngine, type RecordedEngine } from '../../../../tests/helpers/engine-kit'

let server: TestServer
const unhandled: unknown[] = []
const onUnhandled = (reason: unknown) => unhandled.push(reason)

beforeAll(async () => {
  process.on('unhandledRejection', onUnhandled)
  server = await startHttpServer((req, res) => {
    if (req.url === '/stall') return
    res.writeHead(200, { 'content-type': 'text/plain' })
    res.write('one,')
    setTimeout(() => res.end('two'), 10)
  })
})
afterAll(async () => {
  process.off('unhandledRejection', onUnhandled)
  await server.close()
})
afterEach(() => vi.restoreAllMocks())

const boom = () => {
  throw new Error('injected fault')
}

function send(
  { engine }: RecordedEngine,
  path: string,
  callbacks: Partial<EngineCallbacks> = {},
  timeout?: number,
): Promise<{ outcome: EngineOutcome; calls: () => number }> {
  let calls = 0
  return new Promise((resolve) => {
    engine.request(
      {
        api: 'request',
        method: 'GET',
        header: {},
        url: `${server.origin}${path}`,
        enableChunked: true,
        ...(timeout && { timeout }),
      },
      {
        ...callbacks,
        onDone: (outcome) => {
          calls++
          resolve({ outcome, calls: () => calls })
          callbacks.onDone?.(outcome)
        },
      },
    )
  })
}

async function expectInternalFailure(
  recorded: RecordedEngine,
  ended: { outcome: EngineOutcome; calls: () => number },
  errMsg = 'request:fail internal error: injected fault',
): Promise<void> {
  expect(ended.outcome.ok ? 'request:ok' : ended.outcome.errMsg).toBe(errMsg)
  await new Promise((resolve) => setTimeout(resolve, 20))
  expect(ended.calls()).toBe(1)
  expect(recorded.engine.pending()).toBe(0)
  const printed = recorded.console.map((message) => String(message.args[0]))
  expect(printed.some((line) => line.startsWith('MP DevTools internal error (request '))).toBe(true)
  vi.restoreAllMocks()
  const after = await send(recordedWithout(recorded), '/after')
  expect(after.outcome.ok).toBe(true)
  expect(unhandled).toEqual([])
  await recorded.engine.close()
}

/** The same engine, its broken listeners removed. */
function recordedWithout(recorded: RecordedEngine): RecordedEngine {
  for (const off of offs.splice(0)) off()
  return recorded
}
const offs: (() => void)[] = []

function throwingOn(type: NetworkEvent['type']): RecordedEngine {
  const recorded = recordedEngine({ urlCheck: false })
  offs.push(
    recorded.engine.onEvent((event) => {
      if (event.type === type) boom()
    }),
  )
  return recorded
}

for (const type of ['started', 'headers', 'chunk', 'finished'] as const) {
  test(`a Network listener throwing on '${type}' ends the request as our fault`, async () => {
    const recorded = throwingOn(type)
    await expectInternalFailure(recorded, await send(recorded, '/'))
  })
}

test("a listener throwing on 'failed' still lets the failure through", async () => {
  const recorded = throwingOn('failed')
  await expectInternalFailure(
    recorded,
    await send(recorded, '/stall', {}, 100),
    'request:fail timeout',
  )
})

test('the caller’s onHeaders throwing', async () => {
  const recorded = recordedEngine({ urlCheck: false })
  await expectInternalFailure(recorded, await send(recorded, '/', { onHeaders: boom }))
})

test('the caller’s onChunk throwing', async () => {
  const recorded = recordedEngine({ urlCheck: false })
  await expectInternalFailure(recorded, await send(recorded, '/', { onChunk: boom }))
})

test('the caller’s onDone throwing still frees the slot', async () => {
  const recorded = recordedEngine({ urlCheck: false, maxInFlight: 1 })
  await expectInternalFailure(recorded, await send(recorded, '/', { onDone: boom }), 'request:ok')
})

test('collecting the body throwing', async () => {
  vi.spyOn(BodyCollector.prototype, 'push').mockImplementation(boom)
  const recorded = recordedEngine({ urlCheck: false })
  await expectInternalFailure(recorded, await send(recorded, '/'))
})

test('shaping the result throwing', async () => {
  vi.spyOn(ResponseBody.prototype, 'result').mockImplementation(boom)
  const recorded = recordedEngine({ urlCheck: false })
  await expectInternalFailure(recorded, await send(recorded, '/'))
})

test('keeping the body for the Network panel rejecting', async () => {
  vi.spyOn(BodyStore.prototype, 'keep').mockRejectedValue(new Error('injected fault'))
  const recorded = recordedEngine({ urlCheck: false })
  await expectInternalFailure(recorded, await send(recorded, '/'))
})
