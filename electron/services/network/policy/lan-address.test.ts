import { describe, expect, test } from 'vitest'
import { classifyAddress, normalizeAddress } from './lan-address'

const OWN = ['192.168.1.20', 'fe80::1c2d:3e4f:5a6b:7c8d%en0', '10.8.0.5']

describe('classifyAddress', () => {
  test.each(['10.1.2.3', '172.16.0.1', '172.31.255.254', '192.168.0.7'])(
    'private IPv4 %s of another machine is LAN',
    (ip) => expect(classifyAddress(ip, OWN)).toBe('lan'),
  )

  test.each(['172.15.0.1', '172.32.0.1', '8.8.8.8', '101.36.73.140', '169.254.1.1'])(
    'IPv4 %s outside the private ranges is public',
    (ip) => expect(classifyAddress(ip, OWN)).toBe('public'),
  )

  test('the machine’s own LAN address is refused as own', () => {
    expect(classifyAddress('192.168.1.20', OWN)).toBe('own')
    expect(classifyAddress('10.8.0.5', OWN)).toBe('own')
  })

  test('loopback is loopback in both families', () => {
    expect(classifyAddress('127.0.0.1', OWN)).toBe('loopback')
    expect(classifyAddress('127.8.9.10', OWN)).toBe('loopback')
    expect(classifyAddress('::1', OWN)).toBe('loopback')
    expect(classifyAddress('[::1]', OWN)).toBe('loopback')
  })

  test('IPv6 unique-local and link-local addresses are LAN', () => {
    expect(classifyAddress('fd12:3456:789a::1', OWN)).toBe('lan')
    expect(classifyAddress('fe80::abcd', OWN)).toBe('lan')
  })

  test('an own IPv6 address matches whatever its spelling or zone', () => {
    expect(classifyAddress('[FE80:0:0:0:1c2d:3e4f:5a6b:7c8d]', OWN)).toBe('own')
  })

  test('global IPv6 is public', () => {
    expect(classifyAddress('2001:db8::1', OWN)).toBe('public')
  })

  test('IPv4-mapped IPv6 is judged by its IPv4 address', () => {
    expect(classifyAddress('::ffff:192.168.3.4', OWN)).toBe('lan')
    expect(classifyAddress('::ffff:127.0.0.1', OWN)).toBe('loopback')
  })
})

test('normalizeAddress expands IPv6 and drops brackets and zone', () => {
  expect(normalizeAddress('[FE80::1%eth0]')).toBe('fe80:0000:0000:0000:0000:0000:0000:0001')
  expect(normalizeAddress('10.0.0.1')).toBe('10.0.0.1')
})
