import type { IncomingMessage } from 'node:http'
import type { ServerOptions } from 'node:https'
import { WebSocketServer, type WebSocket } from 'ws'
import { startHttpServer, startHttpsServer, type TestServer } from './servers'

/**
 * Loopback WebSocket servers for tests (ws and wss on 127.0.0.1, port 0). `onConnection` gets
 * each socket and its upgrade request; `close()` ends every socket and the server.
 */
export interface TestWsServer extends TestServer {
  wss: WebSocketServer
  /** Upgrade requests seen so far (their headers tell what the client sent). */
  readonly upgrades: IncomingMessage[]
}

export function startWsServer(
  onConnection: (socket: WebSocket, request: IncomingMessage) => void,
  tls?: ServerOptions,
): Promise<TestWsServer> {
  const notFound = (_req: IncomingMessage, res: import('node:http').ServerResponse) =>
    res.writeHead(404).end()
  return (tls ? startHttpsServer(notFound, tls) : startHttpServer(notFound)).then((base) => {
    const upgrades: IncomingMessage[] = []
    const wss = new WebSocketServer({ server: base.server })
    wss.on('connection', (socket, request) => {
      upgrades.push(request)
      onConnection(socket, request)
    })
    return {
      ...base,
      wss,
      upgrades,
      get connectionCount() {
        return base.connectionCount
      },
      get openConnections() {
        return base.openConnections
      },
      close() {
        for (const client of wss.clients) client.terminate()
        wss.close()
        return base.close()
      },
    }
  })
}
