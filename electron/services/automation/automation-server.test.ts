import { connect } from 'node:net'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import WebSocket from 'ws'
import { startAutomationServer, type AutomationServer } from './automation-server'

/** Opens a WebSocket with these handshake options; resolves to the answer or the refusal status. */
function handshake(
  url: string,
  options: WebSocket.ClientOptions = {},
): Promise<{ opened: WebSocket } | { status: number }> {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(url, options)
    socket.once('open', () => resolve({ opened: socket }))
    socket.once('unexpected-response', (_request, response) => {
      resolve({ status: response.statusCode ?? 0 })
      socket.terminate()
    })
    socket.once('error', reject)
  })
}

function answerTo(socket: WebSocket, message: object): Promise<unknown> {
  return new Promise((resolve) => {
    socket.once('message', (data) => resolve(JSON.parse(data.toString())))
    socket.send(JSON.stringify(message))
  })
}

describe('the automation WebSocket', () => {
  let server: AutomationServer
  let closedByTool = 0
  let url: string

  beforeEach(async () => {
    closedByTool = 0
    server = await startAutomationServer({
      port: 0,
      handle: async (command) => ({ id: command.id, result: { echo: command.method } }),
      onToolClose: () => closedByTool++,
    })
    url = `ws://127.0.0.1:${server.port}`
  })

  afterEach(async () => {
    await server.close()
  })

  it('answers a command of the automator client (no Origin, no Referer)', async () => {
    const result = await handshake(url)
    if (!('opened' in result)) throw new Error(`refused with ${result.status}`)
    expect(await answerTo(result.opened, { id: 'a1', method: 'Tool.getInfo', params: {} })).toEqual(
      { id: 'a1', result: { echo: 'Tool.getInfo' } },
    )
    result.opened.close()
  })

  it('listens on 127.0.0.1 only: ::1 on the same port is refused', async () => {
    const refused = await new Promise<string>((resolve) => {
      const socket = connect({ host: '::1', port: server.port })
      socket.once('connect', () => {
        socket.destroy()
        resolve('connected')
      })
      socket.once('error', (error: NodeJS.ErrnoException) => resolve(error.code ?? 'error'))
    })
    expect(refused).toMatch(/ECONNREFUSED|EADDRNOTAVAIL|EAFNOSUPPORT/)
  })

  it('refuses a handshake from a web page (any Origin header, null included)', async () => {
    expect(await handshake(url, { origin: 'https://attacker.example' })).toEqual({ status: 403 })
    expect(await handshake(url, { origin: 'null' })).toEqual({ status: 403 })
    expect(await handshake(url, { origin: `http://127.0.0.1:${server.port}` })).toEqual({
      status: 403,
    })
  })

  it('refuses a foreign Host (DNS rebinding)', async () => {
    expect(await handshake(url, { headers: { Host: `attacker.example:${server.port}` } })).toEqual({
      status: 403,
    })
    expect(await handshake(url, { headers: { Host: `127.0.0.1:${server.port + 1}` } })).toEqual({
      status: 403,
    })
  })

  it("refuses the request engine's sockets (they carry WeChat's Referer)", async () => {
    expect(
      await handshake(url, {
        headers: { Referer: 'https://servicewechat.com/touristappid/devtools/page-frame.html' },
      }),
    ).toEqual({ status: 403 })
  })

  it('answers Tool.close itself, then reports it', async () => {
    const result = await handshake(url)
    if (!('opened' in result)) throw new Error(`refused with ${result.status}`)
    expect(await answerTo(result.opened, { id: 'c1', method: 'Tool.close', params: {} })).toEqual({
      id: 'c1',
      result: {},
    })
    await new Promise((resolve) => setTimeout(resolve, 20))
    expect(closedByTool).toBe(1)
    result.opened.close()
  })
})
