import { describe, expect, test } from 'vitest'
import { parseHostMapping, resolveHostMapping } from './host-mapping'

describe('parseHostMapping', () => {
  test('reads curl’s HOST1:PORT1:HOST2:PORT2', () => {
    expect(parseHostMapping('api.example.test:443:127.0.0.1:8443')).toEqual({
      ok: true,
      mapping: { fromHost: 'api.example.test', fromPort: 443, toHost: '127.0.0.1', toPort: 8443 },
    })
  })

  test('empty fields mean any source or the original target', () => {
    expect(parseHostMapping('::127.0.0.1:')).toEqual({ ok: true, mapping: { toHost: '127.0.0.1' } })
  })

  test('IPv6 addresses are written in brackets', () => {
    expect(parseHostMapping('a.test:443:[::1]:9000')).toEqual({
      ok: true,
      mapping: { fromHost: 'a.test', fromPort: 443, toHost: '::1', toPort: 9000 },
    })
  })

  test.each(['a.test:443:127.0.0.1', 'a.test:443:127.0.0.1:99999', 'a.test:x:b:1', 'a:1:b:2:3'])(
    '%s is refused',
    (text) => expect(parseHostMapping(text).ok).toBe(false),
  )
})

describe('resolveHostMapping', () => {
  const mappings = [
    { fromHost: 'api.example.test', fromPort: 443, toHost: '127.0.0.1', toPort: 8443 },
    { fromPort: 80, toPort: 8080 },
  ]

  test('maps a matching host and port', () => {
    expect(resolveHostMapping(mappings, 'API.example.test', 443)).toEqual({
      host: '127.0.0.1',
      port: 8443,
    })
  })

  test('leaves other ports and hosts alone', () => {
    expect(resolveHostMapping(mappings, 'api.example.test', 444)).toEqual({
      host: 'api.example.test',
      port: 444,
    })
  })

  test('an empty source host matches any host and keeps it', () => {
    expect(resolveHostMapping(mappings, 'b.test', 80)).toEqual({ host: 'b.test', port: 8080 })
  })
})
