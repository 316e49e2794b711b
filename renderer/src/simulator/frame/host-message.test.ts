import { describe, expect, it } from 'vitest'
import { isHostMessage } from './host-message'

describe('which messages the frame accepts', () => {
  it('accepts the three host message types with their fields', () => {
    expect(
      isHostMessage({
        type: 'wx-host:boot',
        bundle: {},
        systemInfo: {},
        storage: {},
        networkType: 'wifi',
        entry: 'pages/a/a?x=1',
      }),
    ).toBe(true)
    expect(isHostMessage({ type: 'wx-host:task', taskId: 't1', event: { kind: 'done' } })).toBe(
      true,
    )
    expect(isHostMessage({ type: 'wx-host:network-type', networkType: 'none' })).toBe(true)
  })

  it('refuses frame messages, unknown types and non-objects', () => {
    expect(isHostMessage({ type: 'wx-bridge:ready' })).toBe(false)
    expect(isHostMessage({ type: 'wx-host:eval', code: '1' })).toBe(false)
    expect(isHostMessage('wx-host:boot')).toBe(false)
    expect(isHostMessage(null)).toBe(false)
  })

  it('accepts a file answer with its call id and a result', () => {
    expect(
      isHostMessage({ type: 'wx-host:file', callId: 'file-1', result: { ok: true, value: null } }),
    ).toBe(true)
    expect(isHostMessage({ type: 'wx-host:file', callId: 'file-1' })).toBe(false)
    expect(isHostMessage({ type: 'wx-host:file', callId: 2, result: { ok: false } })).toBe(false)
  })

  it('accepts a web-view decision only in one of its shapes', () => {
    const answer = (decision: unknown) =>
      isHostMessage({ type: 'wx-host:web-view', callId: 'web-view-1', decision })
    expect(answer({ allowed: true })).toBe(true)
    expect(answer({ allowed: false, rule: 'not-https', origin: 'http://h5.test' })).toBe(true)
    expect(answer({ allowed: false, rule: 'anything', origin: 'http://h5.test' })).toBe(false)
    expect(answer({ allowed: false, rule: 'not-https' })).toBe(false)
    expect(answer({ allowed: 'yes' })).toBe(false)
    expect(answer(undefined)).toBe(false)
  })

  it('refuses a known type without the fields it needs', () => {
    expect(isHostMessage({ type: 'wx-host:boot', bundle: {} })).toBe(false)
    expect(isHostMessage({ type: 'wx-host:task', taskId: 1, event: {} })).toBe(false)
    expect(isHostMessage({ type: 'wx-host:network-type' })).toBe(false)
  })
})
