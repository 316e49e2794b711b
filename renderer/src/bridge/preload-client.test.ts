import { describe, expect, it } from 'vitest'
import type { PreloadApi } from '../../../shared/bridge-api'
import type { ContractEvents } from '../../../shared/contract'
import { ok } from '../../../shared/result'
import { createPreloadClient } from './preload-client'

type ProjectListener = (info: ContractEvents['project.changed']) => void

function preloadWith(methods: Partial<PreloadApi['methods']>) {
  const listeners: ProjectListener[] = []
  // Only the entries these tests use.
  const api = {
    methods,
    events: {
      'project.changed': (listener: ProjectListener) => {
        listeners.push(listener)
        return () => listeners.splice(listeners.indexOf(listener), 1)
      },
    },
    pathForFile: () => '',
  } as unknown as PreloadApi
  return { api, listeners }
}

describe('preload client', () => {
  it('calls the preload function of the method with the params', async () => {
    const seen: unknown[] = []
    const { api } = preloadWith({
      'project.open': async (params) => {
        seen.push(params)
        return ok(null as never)
      },
    })
    await createPreloadClient(api).call('project.open', { dir: '/a' })
    expect(seen).toEqual([{ dir: '/a' }])
  })

  it('turns a rejected IPC call into a TRANSPORT_CLOSED result', async () => {
    const { api } = preloadWith({
      'project.reload': () => Promise.reject(new Error('No handler registered')),
    })
    expect(await createPreloadClient(api).call('project.reload', {})).toEqual({
      ok: false,
      error: { code: 'TRANSPORT_CLOSED', message: 'No handler registered' },
    })
  })

  it('subscribes and unsubscribes through the preload’s event function', () => {
    const { api, listeners } = preloadWith({})
    const off = createPreloadClient(api).on('project.changed', () => undefined)
    expect(listeners).toHaveLength(1)
    off()
    expect(listeners).toHaveLength(0)
  })
})
