import { describe, expect, test } from 'vitest'
import {
  checkRequestUrl,
  checkSocketUrl,
  checkTlsHandshake,
  checkTouristUrl,
  domainList,
  tlsVersionLabel,
} from './request-policy'
import { parseRequestTarget, parseUrlOrigin } from './url-origin'

const OWN = ['192.168.1.20']
const check = (url: string, domains: string[] = ['https://api.example.test']) =>
  checkRequestUrl({ url, domains: domainList(domains), ownAddresses: OWN })

describe('checkRequestUrl (urlCheck on)', () => {
  test('a listed https origin is allowed', () => {
    expect(check('https://api.example.test/v1/items?id=1')).toEqual({ allowed: true })
  })

  test('the host is compared lower-cased', () => {
    expect(check('https://API.Example.TEST/v1')).toEqual({ allowed: true })
    expect(check('https://api.example.test/', ['https://API.example.test/'])).toEqual({
      allowed: true,
    })
  })

  test('an unlisted origin is refused by the domain list with its origin', () => {
    expect(check('https://other.example.test/a')).toEqual({
      allowed: false,
      rule: 'domain-list',
      origin: 'https://other.example.test',
    })
  })

  test('a subdomain of a listed domain is not covered', () => {
    expect(check('https://v2.api.example.test/').allowed).toBe(false)
  })

  test('http is refused even for a listed host', () => {
    expect(check('http://api.example.test/')).toMatchObject({ allowed: false, rule: 'not-https' })
  })

  test('a port in the URL is refused when the listed origin has none, even :443', () => {
    expect(check('https://api.example.test:443/')).toMatchObject({
      allowed: false,
      rule: 'port',
      origin: 'https://api.example.test:443',
    })
    expect(check('https://api.example.test:8443/')).toMatchObject({ rule: 'port' })
  })

  test('a listed origin with a port allows exactly that port', () => {
    const domains = ['https://api.example.test:8443']
    expect(check('https://api.example.test:8443/x', domains)).toEqual({ allowed: true })
    expect(check('https://api.example.test/x', domains)).toMatchObject({ rule: 'port' })
    expect(check('https://api.example.test:9443/x', domains)).toMatchObject({ rule: 'port' })
  })

  test('localhost is refused as the local machine', () => {
    expect(check('https://localhost/', ['https://localhost'])).toEqual({
      allowed: false,
      rule: 'ip-or-localhost',
      origin: 'https://localhost',
      localMachine: true,
    })
  })

  test('loopback and own IPs are refused as the local machine', () => {
    expect(check('https://127.0.0.1:8080/')).toMatchObject({ localMachine: true })
    expect(check('http://192.168.1.20/')).toMatchObject({ localMachine: true })
    expect(check('https://[::1]/')).toMatchObject({ localMachine: true })
  })

  test('a public IP literal is refused even when listed', () => {
    expect(check('https://101.36.73.140/', ['https://101.36.73.140'])).toEqual({
      allowed: false,
      rule: 'ip-or-localhost',
      origin: 'https://101.36.73.140',
    })
  })

  test('a LAN IP of another machine is allowed without a list entry, http included', () => {
    expect(check('http://192.168.1.30:3000/api', [])).toEqual({ allowed: true })
    expect(check('https://10.0.0.8/api', [])).toEqual({ allowed: true })
    expect(check('http://[fd00::8]:3000/', [])).toEqual({ allowed: true })
  })

  test('a list entry written without a scheme means https', () => {
    expect(check('https://api.example.test/', ['api.example.test'])).toEqual({ allowed: true })
  })

  test('an unparsable URL is refused', () => {
    expect(check('not a url')).toMatchObject({ allowed: false, rule: 'domain-list' })
  })
})

describe('parseUrlOrigin', () => {
  test('keeps an explicit default port that WHATWG URL would drop', () => {
    expect(parseUrlOrigin('https://a.test:443/x')?.origin).toBe('https://a.test:443')
  })

  test('ignores user info, path, query and fragment', () => {
    expect(parseUrlOrigin('HTTPS://u:p@A.test:8080/p?q#f')).toEqual({
      scheme: 'https',
      host: 'a.test',
      port: '8080',
      origin: 'https://a.test:8080',
    })
  })

  test('reads bracketed IPv6 hosts', () => {
    expect(parseUrlOrigin('https://[FD00::1]:3000/')?.origin).toBe('https://[fd00::1]:3000')
  })
})

describe('checkSocketUrl (urlCheck on)', () => {
  const socket = (url: string, domains: string[]) =>
    checkSocketUrl({ url, domains: domainList(domains), ownAddresses: OWN })

  test('a listed wss domain allows every port', () => {
    expect(socket('wss://ws.example.test:7001/chat', ['wss://ws.example.test'])).toEqual({
      allowed: true,
    })
  })

  test('an entry without a scheme means wss', () => {
    expect(socket('wss://ws.example.test/', ['ws.example.test'])).toEqual({ allowed: true })
  })

  test('an https entry does not list a socket', () => {
    expect(socket('wss://ws.example.test/', ['https://ws.example.test'])).toMatchObject({
      rule: 'domain-list',
    })
  })

  test('ws is refused as not secure', () => {
    expect(socket('ws://ws.example.test/', ['wss://ws.example.test'])).toMatchObject({
      rule: 'not-https',
    })
  })
})

describe('checkTouristUrl (no AppID: no lists, only the scheme)', () => {
  const tourist = (url: string, scheme: 'https' | 'wss' = 'https') =>
    checkTouristUrl({ url, ownAddresses: OWN }, scheme)

  test('any https origin is allowed, listed or not', () => {
    expect(tourist('https://anything.example.test:8443/a')).toEqual({ allowed: true })
  })

  test('http is refused as not https, IP and localhost included', () => {
    expect(tourist('http://api.example.test/a')).toEqual({
      allowed: false,
      rule: 'not-https',
      origin: 'http://api.example.test',
    })
    expect(tourist('http://127.0.0.1:3000/')).toMatchObject({ rule: 'not-https' })
    expect(tourist('http://localhost/')).toMatchObject({ rule: 'not-https' })
  })

  test('http to a LAN address of another machine is allowed', () => {
    expect(tourist('http://192.168.1.30:8080/')).toEqual({ allowed: true })
  })

  test('sockets need wss', () => {
    expect(tourist('ws://api.example.test/', 'wss')).toMatchObject({ rule: 'not-https' })
    expect(tourist('wss://api.example.test/', 'wss')).toEqual({ allowed: true })
  })
})

describe('checkTlsHandshake', () => {
  test.each(['TLSv1', 'TLSv1.1'])('%s is below 1.2 and refused', (protocol) => {
    expect(checkTlsHandshake({ protocol, authorized: true })).toEqual({
      allowed: false,
      rule: 'tls-version',
    })
  })

  test.each(['TLSv1.2', 'TLSv1.3'])('%s with a valid certificate is allowed', (protocol) => {
    expect(checkTlsHandshake({ protocol, authorized: true })).toEqual({ allowed: true })
  })

  test('an unauthorized certificate is refused', () => {
    expect(checkTlsHandshake({ protocol: 'TLSv1.3', authorized: false })).toEqual({
      allowed: false,
      rule: 'certificate',
    })
  })

  test('versions are labelled the way Chrome and WeChat print them', () => {
    expect(tlsVersionLabel('TLSv1')).toBe('TLS 1.0')
    expect(tlsVersionLabel('TLSv1.1')).toBe('TLS 1.1')
  })
})

describe('the policy judges the URL the connection uses (parsed once)', () => {
  const LOOPBACK = { allowed: false, rule: 'ip-or-localhost', localMachine: true }

  test('a percent-encoded host is judged as the host it connects to', () => {
    expect(parseRequestTarget('https://api%2Ehidden.test/x')?.url.hostname).toBe('api.hidden.test')
    expect(check('https://api%2Ehidden.test/x', ['https://api.hidden.test'])).toEqual({
      allowed: true,
    })
    expect(check('https://api%2Ehidden.test/x', ['https://other.test'])).toMatchObject({
      origin: 'https://api.hidden.test',
    })
  })

  for (const url of ['https://2130706433/', 'https://0x7f.1/', 'https://[::ffff:7f00:1]/']) {
    test(`${url} is this machine, even when a list names it`, () => {
      const listed = url.slice(0, -1)
      expect(check(url, [listed])).toMatchObject(LOOPBACK)
      expect(domainList([listed]).origins.size).toBe(0)
    })
  }

  test('a trailing-dot localhost. is localhost', () => {
    expect(check('https://localhost./a')).toMatchObject({
      ...LOOPBACK,
      origin: 'https://localhost.',
    })
    expect(check('https://api.localhost./a')).toMatchObject(LOOPBACK)
    expect(
      checkSocketUrl({ url: 'wss://localhost./', domains: domainList([]), ownAddresses: OWN }),
    ).toMatchObject(LOOPBACK)
  })
})
