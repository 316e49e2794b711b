import { describe, expect, it } from 'vitest'
import { METHOD_NAMES, type MethodName } from '../../../shared/contract'
import { ok, type Result } from '../../../shared/result'
import type { ContractService } from '../../../shared/rpc'
import {
  checkCondition,
  PARAMS_CHECKS,
  withCheckedParams,
  type ParamsCheck,
} from './contract-params'

/** A service whose every method records the params it was handed. */
function recordingService(): { service: ContractService; seen: [MethodName, unknown][] } {
  const seen: [MethodName, unknown][] = []
  const service = Object.fromEntries(
    METHOD_NAMES.map((method) => [
      method,
      async (params: unknown): Promise<Result<null>> => {
        seen.push([method, params])
        return ok(null)
      },
    ]),
  ) as unknown as ContractService
  return { service, seen }
}

describe('the contract’s parameter checks', () => {
  it('have one check per contract method, and no other', () => {
    expect(Object.keys(PARAMS_CHECKS).sort()).toEqual([...METHOD_NAMES].sort())
  })

  it('refuse bad params with INVALID_PARAMS before any implementation runs', async () => {
    const { service, seen } = recordingService()
    const checked = withCheckedParams(service)
    const bad: [MethodName, unknown][] = [
      ['project.open', { dir: '' }],
      ['project.updateSettings', { urlCheck: 'yes' }],
      ['simulator.bundle', { deviceWidth: 10 }],
      ['wx.call', { method: 'request', taskId: 'a b', params: {} }],
      ['wx.operateTask', { taskId: 't1', operation: { name: 'send', data: 5 } }],
      ['wx.operateTask', { taskId: 't1', operation: { name: 'pause' } }],
      ['network.body', { id: 'r1', part: 'headers' }],
      ['network.exportHar', { ids: [1] }],
      ['network.setCondition', { condition: '5g' }],
      ['automation.answer', { message: 'x' }],
      ['wx.call', { method: 'login' }],
    ]
    for (const [method, params] of bad) {
      const call = checked[method] as (params: unknown) => Promise<Result<unknown>>
      expect(await call(params), method).toMatchObject({
        ok: false,
        error: { code: 'INVALID_PARAMS' },
      })
    }
    expect(seen).toEqual([])
  })

  it('hand the implementation only the checked fields', async () => {
    const { service, seen } = recordingService()
    const checked = withCheckedParams(service)
    await checked['project.open']({ dir: '/p', extra: true } as never)
    await checked['wx.operateTask']({
      taskId: 'task-1',
      operation: { name: 'abort', x: 1 } as never,
    })
    await checked['app.getInfo']({ anything: 1 } as never)
    expect(seen).toEqual([
      ['project.open', { dir: '/p' }],
      ['wx.operateTask', { taskId: 'task-1', operation: { name: 'abort' } }],
      ['app.getInfo', {}],
    ])
  })

  it('accept presets and complete profiles as conditions, and nothing else', () => {
    expect(checkCondition('3g')).toBe('3g')
    expect(checkCondition({ latency: 10, download: 1, upload: 1 })).toEqual({
      latency: 10,
      download: 1,
      upload: 1,
    })
    expect(checkCondition('5g')).toBeUndefined()
    expect(checkCondition({ latency: -1, download: 1, upload: 1 })).toBeUndefined()
  })

  it('are typed against the contract: a table without a method does not compile', () => {
    const { 'app.getInfo': _left, ...rest } = PARAMS_CHECKS
    // @ts-expect-error: 'app.getInfo' is missing (checked by npm run typecheck).
    const incomplete: { [M in MethodName]: ParamsCheck<M> } = rest
    expect(Object.keys(incomplete)).not.toContain('app.getInfo')
  })
})

describe('files.operate params', () => {
  const checkFile = (operation: unknown) => PARAMS_CHECKS['files.operate']({ operation })

  it('pass each operation with its own fields', () => {
    expect(checkFile({ name: 'stat', path: 'wxfile://usr/a', extra: 1 })).toEqual({
      ok: true,
      value: { operation: { name: 'stat', path: 'wxfile://usr/a' } },
    })
    expect(checkFile({ name: 'mkdir', path: 'wxfile://usr/d', recursive: true })).toEqual({
      ok: true,
      value: { operation: { name: 'mkdir', path: 'wxfile://usr/d', recursive: true } },
    })
  })

  it('refuse names that are not file operations', () => {
    expect(checkFile({ name: 'rmdirAll', path: '/' })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_PARAMS', message: 'operation.name is not a file operation' },
    })
  })

  it('refuse more than 20 picked files at once', () => {
    const file = { name: 'a.png', type: 'image/png', data: new Uint8Array(1) }
    expect(
      checkFile({ name: 'saveChosen', files: Array.from({ length: 21 }, () => file) }),
    ).toMatchObject({ ok: false, error: { message: 'operation.files: at most 20' } })
    expect(checkFile({ name: 'saveChosen', files: [file] }).ok).toBe(true)
  })
})
