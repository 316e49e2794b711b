import { describe, expect, test } from 'vitest'
import type { TlsDetails } from '../../../../shared/network'
import type { ConnectionInfo } from '../transport/connection-info'
import { SecurityDetailsTable } from './security-details'

const tls = (protocol: string): TlsDetails => ({
  protocol,
  cipher: 'TLS_AES_128_GCM_SHA256',
  subject: 'CN=api.example.test',
  issuer: 'CN=Test CA',
  validFrom: '',
  validTo: '',
  remoteAddress: '127.0.0.1:443',
  authorized: true,
})

const connection = (remotePort: number, details?: TlsDetails): ConnectionInfo => ({
  dnsMs: 0,
  connectMs: 0,
  tlsMs: 0,
  remoteAddress: '127.0.0.1',
  remotePort,
  httpVersion: 'HTTP/1.1',
  ...(details && { tls: details }),
  requests: 1,
})

describe('SecurityDetailsTable', () => {
  test('one row per origin, the latest response winning, in first-contact order', () => {
    const table = new SecurityDetailsTable()
    table.recordResponse('https://a.example.test', 200, connection(1, tls('TLSv1.3')))
    table.recordResponse('https://b.example.test', 200, connection(2, tls('TLSv1.2')))
    table.recordResponse('https://a.example.test', 404, connection(3, tls('TLSv1.2')))
    expect(table.rows().map((row) => [row.origin, row.statusCode, row.remoteAddress])).toEqual([
      ['https://a.example.test', 404, '127.0.0.1:3'],
      ['https://b.example.test', 200, '127.0.0.1:2'],
    ])
  })

  test('a new connection with the same status still replaces the row', () => {
    const table = new SecurityDetailsTable()
    table.recordResponse('https://a.example.test', 200, connection(1, tls('TLSv1.3')))
    table.recordResponse('https://a.example.test', 200, connection(2, tls('TLSv1.1')))
    expect(table.rows()[0]).toMatchObject({ remoteAddress: '127.0.0.1:2', secureTls: false })
  })

  test('a response after a TLS refusal replaces the refusal', () => {
    const table = new SecurityDetailsTable()
    const used = connection(1, tls('TLSv1.3'))
    table.recordResponse('https://a.example.test', 200, used)
    table.recordTlsRefusal('https://a.example.test/path', tls('TLSv1'))
    expect(table.rows()[0]).toMatchObject({ statusCode: 0, secureTls: false })
    table.recordResponse('https://a.example.test', 200, used)
    expect(table.rows()[0]).toMatchObject({ statusCode: 200, secureTls: true })
  })

  test('plain HTTP rows are neither secure TLS nor a secure certificate', () => {
    const table = new SecurityDetailsTable()
    table.recordResponse('http://127.0.0.1:8080', 200, connection(8080))
    expect(table.rows()[0]).toMatchObject({ secureTls: false, secureCertificate: false })
  })
})
