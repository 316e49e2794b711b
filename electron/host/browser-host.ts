/**
 * Browser mode: serves the built workbench (out/renderer) and the contract over a WebSocket, on
 * 127.0.0.1 only, to whoever holds the per-run token (see request-guard.ts).
 */
import { createReadStream } from 'node:fs'
import { basename } from 'node:path'
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo, Socket } from 'node:net'
import WebSocket, { WebSocketServer } from 'ws'
import { BROWSER_RPC_PATH } from '../../shared/bridge-api'
import { serveOnTransport, type ContractService, type Transport } from '../../shared/rpc'
import type { WorkbenchService } from '../services/workbench'
import {
  createRequestGuard,
  createToken,
  splitTokenPath,
  TOKEN_PATH_PREFIX,
  type GuardVerdict,
} from './request-guard'
import { SECURITY_HEADERS, WORKBENCH_CSP } from './security-headers'
import { lookupStaticFile } from './static-files'
import { createWebSocketTransport } from './websocket-transport'

/** The only address the host listens on. */
export const HOST_ADDRESS = '127.0.0.1'

export interface BrowserHostOptions {
  service: ContractService
  onEvent: WorkbenchService['onEvent']
  /** Folder of the built workbench (out/renderer). */
  rendererDir: string
  /** 0 picks any free port. @default 0 */
  port?: number
  /** For tests; a random per-run token otherwise. */
  token?: string
}

export interface BrowserHost {
  /** `http://127.0.0.1:PORT/?token=…`: the page to open. */
  readonly url: string
  /** The address the server socket is bound to. */
  readonly address: string
  readonly origin: string
  readonly port: number
  readonly token: string
  close(): Promise<void>
}

const MAX_FRAME_BYTES = 4 * 1024 * 1024

function refuse(response: ServerResponse, status: number, text: string): void {
  response.writeHead(status, {
    ...SECURITY_HEADERS,
    'Content-Security-Policy': WORKBENCH_CSP,
    'Content-Type': 'text/plain; charset=utf-8',
    'Cache-Control': 'no-store',
  })
  response.end(`${text}\n`)
}

function refuseUpgrade(socket: Socket, status: 403 | 404): void {
  const text = status === 403 ? 'Forbidden' : 'Not Found'
  socket.end(`HTTP/1.1 ${status} ${text}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`)
}

const REFUSALS: Record<Exclude<GuardVerdict, { allowed: true }>['reason'], string> = {
  host: 'Forbidden: unknown Host',
  origin: 'Forbidden: foreign Origin',
  token: 'Forbidden: missing or wrong token',
}

export async function startBrowserHost(options: BrowserHostOptions): Promise<BrowserHost> {
  const token = options.token ?? createToken()
  const server = createServer()
  const sockets = new Set<WebSocket>()
  const transports = new Set<Transport>()
  const wss = new WebSocketServer({ noServer: true, maxPayload: MAX_FRAME_BYTES })

  await new Promise<void>((resolveListen, rejectListen) => {
    server.once('error', rejectListen)
    server.listen({ host: HOST_ADDRESS, port: options.port ?? 0 }, () => {
      server.off('error', rejectListen)
      resolveListen()
    })
  })
  const { port, address } = server.address() as AddressInfo
  const origin = `http://${HOST_ADDRESS}:${port}`
  const guard = createRequestGuard({ token, port })

  async function serveFile(request: IncomingMessage, response: ServerResponse): Promise<void> {
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      response.setHeader('Allow', 'GET, HEAD')
      refuse(response, 405, 'Method Not Allowed')
      return
    }
    const verdict = guard.check(request, { allowOpaqueOrigin: true })
    if (!verdict.allowed) {
      refuse(response, 403, REFUSALS[verdict.reason])
      return
    }
    const requestPath = (request.url ?? '/').split('?')[0]
    const tokenPath = splitTokenPath(requestPath)
    if (tokenPath === null && requestPath === '/') {
      // The workbench lives under /t/<token>/ so that every file it (and its sandboxed simulator
      // frame) loads by a relative URL carries the token; `?token=` stays for the bridge.
      response.writeHead(302, {
        ...SECURITY_HEADERS,
        Location: `${TOKEN_PATH_PREFIX}${token}/?token=${token}`,
        'Set-Cookie': guard.cookie(),
        'Cache-Control': 'no-store',
      })
      response.end()
      return
    }
    const file = await lookupStaticFile(options.rendererDir, tokenPath?.rest ?? requestPath)
    if (file.kind === 'forbidden') return refuse(response, 403, 'Forbidden')
    if (file.kind === 'missing') return refuse(response, 404, 'Not Found')

    const isPage = file.contentType.startsWith('text/html')
    const headers: Record<string, string | number> = {
      ...SECURITY_HEADERS,
      'Content-Type': file.contentType,
      'Content-Length': file.size,
      // Pages name the current hashed assets: always fetch them anew.
      'Cache-Control': isPage ? 'no-store' : 'no-cache',
    }
    if (basename(file.path) === 'index.html') headers['Content-Security-Policy'] = WORKBENCH_CSP
    if (verdict.tokenFrom === 'query') headers['Set-Cookie'] = guard.cookie()
    // A sandboxed frame's module scripts and styles are CORS requests from the origin `null`.
    if (verdict.opaqueOrigin) headers['Access-Control-Allow-Origin'] = '*'
    response.writeHead(200, headers)
    if (request.method === 'HEAD') {
      response.end()
      return
    }
    const stream = createReadStream(file.path)
    stream.on('error', () => response.destroy())
    stream.pipe(response)
  }

  server.on('request', (request, response) => {
    serveFile(request, response).catch(() => {
      if (!response.headersSent) refuse(response, 500, 'Internal Server Error')
      else response.destroy()
    })
  })

  server.on('upgrade', (request: IncomingMessage, socket: Socket, head: Buffer) => {
    const pathname = (request.url ?? '/').split('?')[0]
    if (pathname !== BROWSER_RPC_PATH) return refuseUpgrade(socket, 404)
    if (!guard.check(request).allowed) return refuseUpgrade(socket, 403)
    wss.handleUpgrade(request, socket, head, (ws) => {
      const transport = createWebSocketTransport(ws)
      const stopServing = serveOnTransport(options.service, transport)
      sockets.add(ws)
      transports.add(transport)
      // A frame over MAX_FRAME_BYTES (or a broken one) makes ws close the connection with 1009 /
      // 1002 and emit 'error'; unheard, that error would end the whole process.
      ws.on('error', () => ws.terminate())
      ws.on('close', () => {
        stopServing()
        sockets.delete(ws)
        transports.delete(transport)
      })
    })
  })

  server.on('clientError', (_error, socket) => socket.destroy())

  const stopEvents = options.onEvent((event, payload) => {
    for (const transport of transports) transport.send({ type: 'event', event, payload })
  })

  return {
    url: `${origin}/?token=${token}`,
    address,
    origin,
    port,
    token,
    async close() {
      stopEvents()
      for (const ws of sockets) ws.terminate()
      await new Promise<void>((resolveClose) => wss.close(() => resolveClose()))
      server.closeAllConnections()
      await new Promise<void>((resolveClose) => server.close(() => resolveClose()))
    },
  }
}
