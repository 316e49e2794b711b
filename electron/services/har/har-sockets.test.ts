import { describe, expect, it } from 'vitest'
import type { NetworkEvent } from '../../../shared/network'
import { createHarRecorder } from './har-recorder'

const T0 = Date.UTC(2026, 10, 21, 12, 0, 0)
const CREATOR = { name: 'MP DevTools', version: '0' }

function socketEvents(): NetworkEvent[] {
  return [
    {
      type: 'queued',
      id: '7',
      api: 'connectSocket',
      url: 'wss://ws.example.test/chat',
      method: 'GET',
      requestHeaders: {},
      requestBodySize: 0,
      time: T0,
    },
    {
      type: 'headers',
      id: '7',
      statusCode: 101,
      statusText: 'Switching Protocols',
      responseHeaders: { upgrade: 'websocket' },
      time: T0 + 5,
    },
    {
      type: 'socket-frame',
      id: '7',
      direction: 'send',
      opcode: 'text',
      size: 2,
      preview: 'hi',
      time: T0 + 10,
    },
    {
      type: 'socket-frame',
      id: '7',
      direction: 'receive',
      opcode: 'binary',
      size: 3,
      preview: '01 02 ff',
      time: T0 + 20,
    },
    { type: 'socket-closed', id: '7', code: 1000, reason: 'normal closure', time: T0 + 30 },
  ]
}

describe('HAR for sockets', () => {
  it('writes every frame in _webSocketMessages, binary as base64, time in seconds', async () => {
    const recorder = createHarRecorder()
    for (const event of socketEvents()) recorder.handle(event)
    const [entry] = (await recorder.toHar(CREATOR)).log.entries
    expect(entry._resourceType).toBe('websocket')
    expect(entry._api).toBe('connectSocket')
    expect(entry._webSocketMessages).toEqual([
      { type: 'send', time: (T0 + 10) / 1000, opcode: 1, data: 'hi' },
      { type: 'receive', time: (T0 + 20) / 1000, opcode: 2, data: 'AQL/' },
    ])
  })

  it('a closed socket is not reported as pending', async () => {
    const recorder = createHarRecorder()
    for (const event of socketEvents()) recorder.handle(event)
    const [entry] = (await recorder.toHar(CREATOR)).log.entries
    expect(entry._error).toBeUndefined()
    expect(entry.comment).toBe('closed: 1000 normal closure')
    expect(entry.response.status).toBe(101)
  })

  it('names the API of uploads and downloads', async () => {
    const recorder = createHarRecorder()
    recorder.handle({
      ...(socketEvents()[0] as object),
      api: 'uploadFile',
      method: 'POST',
    } as NetworkEvent)
    const [entry] = (await recorder.toHar(CREATOR)).log.entries
    expect(entry._api).toBe('uploadFile')
    expect(entry._webSocketMessages).toBeUndefined()
  })
})
