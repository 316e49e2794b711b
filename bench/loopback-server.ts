/** The benchmark's one server: plain HTTP on 127.0.0.1, a small JSON body, keep-alive. */
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'

const BODY = Buffer.from('{"ok":true,"message":"hello from the bench server"}')

export interface LoopbackServer {
  origin: string
  requestCount(): number
  close(): Promise<void>
}

export async function startLoopbackServer(): Promise<LoopbackServer> {
  let requests = 0
  const server: Server = createServer((_req, res) => {
    requests++
    res.writeHead(200, { 'content-type': 'application/json', 'content-length': BODY.length })
    res.end(BODY)
  })
  server.keepAliveTimeout = 60_000
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    origin: `http://127.0.0.1:${port}`,
    requestCount: () => requests,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections()
        server.close((error) => (error ? reject(error) : resolve()))
      }),
  }
}
