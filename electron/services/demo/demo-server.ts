/**
 * The demo project's API server: HTTPS and WSS on 127.0.0.1 (port 0) for the made-up hosts of
 * `demo-hosts.ts`, with a certificate from the machine's demo CA. Nothing is added to any system
 * trust store: whoever creates the demo project's engine passes `caPem` as its extra CA and
 * `connectTo` as its host mapping.
 */
import { createServer, type Server } from 'node:https'
import type { Socket } from 'node:net'
import { join } from 'node:path'
import { DEMO_CA_CERT_FILE, DEMO_CA_FOLDER, issueDemoLeaf, loadDemoCa } from './demo-ca'
import { DEMO_API_HOST, DEMO_API_ORIGIN, DEMO_OTHER_HOST, DEMO_SOCKET_ORIGIN } from './demo-hosts'
import { drawDemoPhoto } from './demo-photo'
import { createApiRoutes, otherOriginRoute } from './demo-routes'
import { CHAT_PATH, createChatSockets } from './chat-socket'

export interface DemoServerOptions {
  /** The app's per-machine data folder; the CA lives in its `demo-ca/` folder. */
  dataDir: string
}

export interface DemoServer {
  /** `https://api.demo.mpdevtools.test` */
  origin: string
  /** `wss://api.demo.mpdevtools.test` */
  wsOrigin: string
  /** Host mappings in curl's `--connect-to` syntax, one per demo host, to this server. */
  connectTo: string[]
  /** The demo CA's certificate: the one extra CA the demo project's engine trusts. */
  caPem: string
  /** The same certificate as a file, for what takes CA files (`mpdt run --cacert`). */
  caFile: string
  port: number
  /** Stops listening and ends every open connection and chat. */
  close(): Promise<void>
}

/** `Host` without its port, lower-cased. */
function hostName(header: string | undefined): string {
  return (header ?? '').replace(/:\d+$/, '').toLowerCase()
}

export async function startDemoServer(options: DemoServerOptions): Promise<DemoServer> {
  const ca = await loadDemoCa(options.dataDir)
  const leaf = issueDemoLeaf(ca, [DEMO_API_HOST, DEMO_OTHER_HOST])
  const apiRoutes = createApiRoutes({ photo: drawDemoPhoto() })
  const chat = createChatSockets()

  const server: Server = createServer(
    { cert: leaf.cert, key: leaf.key, minVersion: 'TLSv1.2' },
    (request, response) => {
      const url = new URL(request.url ?? '/', 'https://localhost')
      const host = hostName(request.headers.host)
      if (host === DEMO_API_HOST) apiRoutes(request, response, url)
      else if (host === DEMO_OTHER_HOST) otherOriginRoute(request, response, url)
      else {
        response.writeHead(421, { 'content-type': 'text/plain; charset=utf-8' })
        response.end(`This server only answers ${DEMO_API_HOST} and ${DEMO_OTHER_HOST}.\n`)
      }
    },
  )
  server.on('upgrade', (request, socket: Socket, head) => {
    const path = new URL(request.url ?? '/', 'https://localhost').pathname
    if (hostName(request.headers.host) !== DEMO_API_HOST || path !== CHAT_PATH) {
      socket.end('HTTP/1.1 404 Not Found\r\nconnection: close\r\ncontent-length: 0\r\n\r\n')
      return
    }
    chat.handleUpgrade(request, socket, head, (client) => chat.emit('connection', client, request))
  })
  // A client that gives up during the handshake (e.g. one that does not trust the CA) is normal.
  server.on('tlsClientError', () => {})

  const sockets = new Set<Socket>()
  server.on('connection', (socket: Socket) => {
    sockets.add(socket)
    socket.once('close', () => sockets.delete(socket))
  })

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => {
      server.off('error', reject)
      resolve()
    })
  })
  const address = server.address()
  const port = typeof address === 'object' && address ? address.port : 0

  let closing: Promise<void> | undefined
  return {
    origin: DEMO_API_ORIGIN,
    wsOrigin: DEMO_SOCKET_ORIGIN,
    connectTo: [DEMO_API_HOST, DEMO_OTHER_HOST].map((host) => `${host}:443:127.0.0.1:${port}`),
    caPem: ca.cert,
    caFile: join(options.dataDir, DEMO_CA_FOLDER, DEMO_CA_CERT_FILE),
    port,
    close() {
      closing ??= new Promise<void>((resolve) => {
        for (const client of chat.clients) client.terminate()
        chat.close()
        server.close(() => resolve())
        for (const socket of sockets) socket.destroy()
      })
      return closing
    },
  }
}
