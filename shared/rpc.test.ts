import { describe, expect, it } from 'vitest'
import {
  createClient,
  createMemoryPair,
  dispatchCall,
  serveOnTransport,
  type ContractService,
} from './rpc'
import { ok } from './result'

const service = {
  'app.getInfo': async () =>
    ok({
      name: 'MP DevTools',
      version: '0',
      mode: 'browser' as const,
      platform: 'linux',
      locale: 'en-US',
    }),
  'project.current': async () => {
    throw new Error('boom')
  },
} as unknown as ContractService

describe('rpc', () => {
  it('an unknown method answers UNKNOWN_METHOD instead of throwing', async () => {
    const result = await dispatchCall(service, 'fs.readFile', {})
    expect(result).toEqual({
      ok: false,
      error: expect.objectContaining({ code: 'UNKNOWN_METHOD' }),
    })
  })
  it('a thrown error crosses as data with code INTERNAL', async () => {
    const result = await dispatchCall(service, 'project.current', {})
    expect(result).toEqual({ ok: false, error: { code: 'INTERNAL', message: 'boom' } })
  })
  it('a call over an in-memory pair resolves with the service result', async () => {
    const [a, b] = createMemoryPair()
    serveOnTransport(service, b)
    const result = await createClient(a).call('app.getInfo', {})
    expect(result).toEqual({ ok: true, value: expect.objectContaining({ name: 'MP DevTools' }) })
  })
})
