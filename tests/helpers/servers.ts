import { createServer as createHttpServer, type RequestListener, type Server } from 'node:http'
import { createServer as createHttpsServer, type ServerOptions } from 'node:https'
import type { Socket } from 'node:net'

/**
 * Loopback HTTP/HTTPS servers for tests: `listen(0)` on 127.0.0.1, with every connection tracked
 * so a test can assert that the client closed its sockets, and `close()` that never hangs.
 */
export interface TestServer {
  server: Server
  port: number
  /** `http://127.0.0.1:PORT` or `https://127.0.0.1:PORT` */
  origin: string
  /** Connections accepted so far. */
  readonly connectionCount: number
  /** Connections still open. */
  readonly openConnections: number
  /** Resolves once every connection is closed, or rejects after `timeoutMs`. */
  waitForNoConnections(timeoutMs?: number): Promise<void>
  /** Stops listening and destroys what is still open. */
  close(): Promise<void>
}

export function startHttpServer(handler: RequestListener): Promise<TestServer> {
  return listen(createHttpServer(handler), 'http')
}

/** `tls` takes cert/key and, e.g., `minVersion`/`maxVersion` for an old-TLS-only server. */
export function startHttpsServer(
  handler: RequestListener,
  tls: ServerOptions,
): Promise<TestServer> {
  return listen(createHttpsServer(tls, handler), 'https')
}

async function listen(server: Server, scheme: 'http' | 'https'): Promise<TestServer> {
  const sockets = new Set<Socket>()
  let connectionCount = 0
  const closedWaiters = new Set<() => void>()
  server.on('connection', (socket: Socket) => {
    connectionCount++
    sockets.add(socket)
    socket.once('close', () => {
      sockets.delete(socket)
      if (sockets.size === 0) for (const notify of closedWaiters) notify()
    })
  })
  // A failed TLS handshake is an expected outcome in policy tests, not a server crash.
  server.on('tlsClientError', () => {})
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => resolve())
  })
  const address = server.address()
  const port = typeof address === 'object' && address ? address.port : 0
  return {
    server,
    port,
    origin: `${scheme}://127.0.0.1:${port}`,
    get connectionCount() {
      return connectionCount
    },
    get openConnections() {
      return sockets.size
    },
    waitForNoConnections(timeoutMs = 2000) {
      if (sockets.size === 0) return Promise.resolve()
      return new Promise<void>((resolve, reject) => {
        const timer = setTimeout(() => {
          closedWaiters.delete(done)
          reject(new Error(`${sockets.size} connection(s) still open after ${timeoutMs} ms`))
        }, timeoutMs)
        const done = () => {
          clearTimeout(timer)
          closedWaiters.delete(done)
          resolve()
        }
        closedWaiters.add(done)
      })
    },
    close() {
      for (const socket of sockets) socket.destroy()
      return new Promise<void>((resolve) => server.close(() => resolve()))
    },
  }
}
