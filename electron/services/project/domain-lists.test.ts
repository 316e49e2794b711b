import { describe, expect, it } from 'vitest'
import { checkDomainLists, MAX_DOMAINS_PER_LIST, validateDomainLists } from './domain-lists'

const lists = (request: unknown[], socket: unknown[] = [], webview: unknown[] = []) => ({
  request,
  socket,
  uploadFile: [],
  downloadFile: [],
  webview,
})

function rejects(value: unknown): string {
  const result = validateDomainLists(value)
  if (result.ok) throw new Error('expected the lists to be rejected')
  expect(result.error.code).toBe('INVALID_DOMAINS')
  return result.error.message
}

describe('validateDomainLists', () => {
  it('accepts https origins with and without port, and wss for socket', () => {
    const value = lists(
      ['https://api.example.com', 'https://api.example.com:8443'],
      ['wss://ws.example.com'],
    )
    expect(validateDomainLists(value)).toEqual({ ok: true, value })
  })

  it('treats missing lists as empty', () => {
    expect(validateDomainLists({ request: ['https://a.example.com'] })).toEqual({
      ok: true,
      value: lists(['https://a.example.com']),
    })
  })

  it('accepts https origins in the webview (业务域名) list and refuses http there', () => {
    const value = lists([], [], ['https://h5.example.com', 'https://h5.example.com:8443'])
    expect(validateDomainLists(value)).toEqual({ ok: true, value })
    expect(rejects(lists([], [], ['http://h5.example.com']))).toContain(
      'webview domains must start with https://',
    )
    expect(rejects(lists([], [], ['https://127.0.0.1']))).toContain('IP address')
    expect(rejects(lists([], [], ['https://localhost:8443']))).toContain('localhost')
  })

  it('rejects http for request', () => {
    expect(rejects(lists(['http://api.example.com']))).toContain('https://')
  })

  it('rejects https for socket', () => {
    expect(rejects(lists([], ['https://ws.example.com']))).toContain('wss://')
  })

  it('rejects a path', () => {
    expect(rejects(lists(['https://api.example.com/v1']))).toContain('without path')
  })

  it('rejects a trailing slash', () => {
    expect(rejects(lists(['https://api.example.com/']))).toContain('without path')
  })

  it('rejects a query', () => {
    expect(rejects(lists(['https://api.example.com?x=1']))).toContain('query')
  })

  it('rejects a wildcard', () => {
    expect(rejects(lists(['https://*.example.com']))).toContain('wildcard')
  })

  it('rejects an upper-case host', () => {
    expect(rejects(lists(['https://API.example.com']))).toContain('lower-case')
  })

  it('rejects an upper-case scheme', () => {
    expect(rejects(lists(['HTTPS://api.example.com']))).toContain('lower-case')
  })

  it('rejects a bad port', () => {
    expect(rejects(lists(['https://api.example.com:99999']))).toContain('port')
  })

  it('rejects duplicates', () => {
    expect(rejects(lists(['https://a.example.com', 'https://a.example.com']))).toContain(
      'duplicate',
    )
  })

  it(`rejects more than ${MAX_DOMAINS_PER_LIST} entries in a list`, () => {
    const many = Array.from(
      { length: MAX_DOMAINS_PER_LIST + 1 },
      (_, i) => `https://h${i}.example.com`,
    )
    expect(rejects(lists(many))).toContain('at most 200')
  })

  it(`accepts exactly ${MAX_DOMAINS_PER_LIST} entries`, () => {
    const many = Array.from({ length: MAX_DOMAINS_PER_LIST }, (_, i) => `https://h${i}.example.com`)
    expect(validateDomainLists(lists(many)).ok).toBe(true)
  })

  it('rejects a non-string entry', () => {
    expect(rejects(lists([42]))).toContain('must be a string')
  })

  it('rejects an unknown list', () => {
    expect(rejects({ ...lists([]), udp: [] })).toContain('unknown list')
  })

  it('rejects a value that is not an object', () => {
    expect(rejects(['https://a.example.com'])).toContain('object')
  })
})

describe('checkDomainLists', () => {
  it('keeps the valid entries and points at each bad one', () => {
    const checked = checkDomainLists(lists(['https://a.example.com', 'ftp://b.example.com']))
    expect(checked.lists.request).toEqual(['https://a.example.com'])
    expect(checked.issues.map((issue) => issue.path)).toEqual([['request', 1]])
  })
})

describe('IP addresses and localhost are refused as domains, in any spelling', () => {
  for (const entry of [
    'https://127.0.0.1',
    'https://2130706433',
    'https://0x7f.1',
    'https://0177.0.0.1:8443',
    'https://[::ffff:7f00:1]',
    'https://[::1]',
  ]) {
    it(`${entry} (read and edited alike)`, () => {
      expect(rejects(lists([entry]))).toContain('cannot be an IP address')
      expect(checkDomainLists(lists([entry])).lists.request).toEqual([])
    })
  }

  it('wss://2130706433 in the socket list', () => {
    expect(rejects(lists([], ['wss://2130706433']))).toContain(
      'cannot be an IP address (127.0.0.1)',
    )
  })

  it('localhost and names under it', () => {
    expect(rejects(lists(['https://localhost']))).toContain('cannot be localhost')
    expect(rejects(lists(['https://api.localhost:8443']))).toContain('cannot be localhost')
  })
})
