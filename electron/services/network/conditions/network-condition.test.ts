import { expect, test } from 'vitest'
import { THROTTLE_PROFILES } from '../../../../shared/network'
import { BandwidthPacer, pacedBody, throttleProfileOf } from './network-condition'

test('online and offline have no throttle profile', () => {
  expect(throttleProfileOf('online')).toBeUndefined()
  expect(throttleProfileOf('offline')).toBeUndefined()
  expect(throttleProfileOf(undefined)).toBeUndefined()
})

test('a preset name resolves to its profile and a custom profile is used as is', () => {
  expect(throttleProfileOf('slow-3g')).toBe(THROTTLE_PROFILES['slow-3g'])
  const custom = { latency: 10, download: 1000, upload: 500 }
  expect(throttleProfileOf(custom)).toBe(custom)
})

test('the pacer books bytes on the link and asks to wait for what exceeds the bandwidth', () => {
  let now = 0
  const pacer = new BandwidthPacer(1000, () => now)
  expect(pacer.delayFor(40)).toBe(0) // 40 ms of bandwidth: within the burst allowance
  expect(pacer.delayFor(1000)).toBe(1040)
  now = 2000
  expect(pacer.delayFor(100)).toBe(100)
})

test('a paced body yields every byte in order, in 16 KB slices', async () => {
  const body = new Uint8Array(40 * 1024).map((_, i) => i % 251)
  const parts: Uint8Array[] = []
  for await (const part of pacedBody(body, 1e9)) parts.push(part)
  expect(parts.map((p) => p.byteLength)).toEqual([16384, 16384, 8192])
  expect(Buffer.concat(parts).equals(Buffer.from(body))).toBe(true)
})
