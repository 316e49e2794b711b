import { createServer as createNetServer, type Server, type Socket } from 'node:net'
import { createServer as createTlsServer, type TlsOptions } from 'node:tls'

/**
 * Loopback servers that speak raw bytes, for fault tests: a handshake that never completes,
 * headers that never come, a body that stalls, drips or is cut short, resets, malformed responses.
 * `listen(0)` on 127.0.0.1; every connection is tracked with the time the client closed it, so a
 * test can assert that the engine let go of its socket and when.
 */
export interface RawServer {
  port: number
  /** `http://127.0.0.1:PORT` (or `https://` for a TLS server) */
  origin: string
  /** Connections accepted so far. */
  readonly connectionCount: number
  /** Connections still open. */
  readonly openConnections: number
  /** `performance.now()` of the last connection's close, once every connection is closed. */
  lastClosedAt(): number | undefined
  /** Resolves with the close time of the last connection once all are closed; rejects after `timeoutMs`. */
  waitForNoConnections(timeoutMs?: number): Promise<number>
  close(): Promise<void>
}

/**
 * `onConnection` gets every accepted socket (after the TLS handshake for `tls`); with a plain
 * server and no handler the socket just stays silent, as a server whose TLS never answers.
 */
export function startRawServer(
  onConnection: (socket: Socket) => void = () => {},
  tls?: TlsOptions,
): Promise<RawServer> {
  const sockets = new Set<Socket>()
  let connectionCount = 0
  let lastClosed: number | undefined
  const waiters = new Set<() => void>()
  const track = (socket: Socket) => {
    connectionCount++
    sockets.add(socket)
    lastClosed = undefined
    // Fault servers reset and write after close on purpose; their socket errors are expected.
    socket.on('error', () => {})
    socket.once('close', () => {
      sockets.delete(socket)
      if (sockets.size > 0) return
      lastClosed = performance.now()
      for (const notify of [...waiters]) notify()
    })
  }
  let server: Server
  if (tls) {
    server = createTlsServer(tls, onConnection)
    server.on('connection', track)
    server.on('tlsClientError', () => {})
  } else {
    server = createNetServer((socket) => {
      track(socket)
      // Reading is what notices the client's FIN: a silent server must still see the close.
      socket.resume()
      onConnection(socket)
    })
  }
  return new Promise((resolve, reject) => {
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const address = server.address()
      const port = typeof address === 'object' && address ? address.port : 0
      resolve({
        port,
        origin: `${tls ? 'https' : 'http'}://127.0.0.1:${port}`,
        get connectionCount() {
          return connectionCount
        },
        get openConnections() {
          return sockets.size
        },
        lastClosedAt: () => (sockets.size === 0 ? lastClosed : undefined),
        waitForNoConnections(timeoutMs = 2000) {
          if (sockets.size === 0) return Promise.resolve(lastClosed ?? performance.now())
          return new Promise<number>((done, fail) => {
            const timer = setTimeout(() => {
              waiters.delete(notify)
              fail(new Error(`${sockets.size} connection(s) still open after ${timeoutMs} ms`))
            }, timeoutMs)
            const notify = () => {
              clearTimeout(timer)
              waiters.delete(notify)
              done(lastClosed ?? performance.now())
            }
            waiters.add(notify)
          })
        },
        close() {
          for (const socket of sockets) socket.destroy()
          return new Promise<void>((done) => server.close(() => done()))
        },
      })
    })
  })
}

/** Reads one request's head (up to the blank line) from `socket`, then calls `then`. */
export function afterRequestHead(socket: Socket, then: (head: string) => void): void {
  let text = ''
  const onData = (chunk: Buffer) => {
    text += chunk.toString('latin1')
    const end = text.indexOf('\r\n\r\n')
    if (end < 0) return
    socket.off('data', onData)
    then(text.slice(0, end))
  }
  socket.on('data', onData)
}
