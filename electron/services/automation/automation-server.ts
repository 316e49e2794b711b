/**
 * The automation WebSocket `miniprogram-automator` connects to: on 127.0.0.1 only, one JSON
 * command per text frame, answers and events back to every client.
 *
 * Who may connect: the automator client is a Node program, and it sends neither `Origin` nor
 * `Referer`. A handshake carrying `Origin` is a web page (cross-site WebSocket hijacking: any site
 * the developer visits may try `new WebSocket('ws://127.0.0.1:9420')`); one carrying `Referer`
 * comes from the request engine, which forces WeChat's Referer on every socket the mini-program
 * opens; a `Host` other than our own address and port is DNS rebinding. All are refused with 403
 * before the upgrade.
 */
import { createServer, type IncomingMessage } from 'node:http'
import type { AddressInfo } from 'node:net'
import { WebSocketServer, type WebSocket } from 'ws'
import {
  parseAutomationCommand,
  type AutomationCommand,
  type AutomationEvent,
  type AutomationReply,
} from '../../../shared/automation/automation-protocol'

export interface AutomationServerOptions {
  /** The port to listen on (127.0.0.1); 0 picks a free one. */
  port: number
  /** Answers one command (`Tool.close` is the server's own). */
  handle(command: AutomationCommand): Promise<AutomationReply>
  /** The client sent `Tool.close` (after its answer left): the tool should quit. */
  onToolClose?(): void
}

export interface AutomationServer {
  readonly port: number
  /** Sends an event to every connected client. */
  broadcast(event: AutomationEvent): void
  close(): Promise<void>
}

export type HandshakeVerdict = { allowed: true } | { allowed: false; reason: string }

/** Whether an upgrade request may open the automation channel on `port`. */
export function checkAutomationHandshake(request: IncomingMessage, port: number): HandshakeVerdict {
  const host = request.headers.host?.toLowerCase()
  if (host !== `127.0.0.1:${port}` && host !== `localhost:${port}`) {
    return { allowed: false, reason: `foreign Host ${JSON.stringify(host ?? '')}` }
  }
  if (request.headers.origin !== undefined) {
    return { allowed: false, reason: 'a web page (Origin header) may not drive the mini-program' }
  }
  if (request.headers.referer !== undefined) {
    return { allowed: false, reason: 'the mini-program (Referer header) may not drive itself' }
  }
  return { allowed: true }
}

export async function startAutomationServer(
  options: AutomationServerOptions,
): Promise<AutomationServer> {
  const http = createServer((_request, response) => {
    response.writeHead(426, { 'content-type': 'text/plain' }).end('WebSocket only\n')
  })
  let port = options.port
  const wss = new WebSocketServer({
    server: http,
    maxPayload: 64 * 1024 * 1024,
    verifyClient: ({ req }, done) => {
      const verdict = checkAutomationHandshake(req, port)
      if (verdict.allowed) done(true)
      else done(false, 403, `Forbidden: ${verdict.reason}`)
    },
  })
  const clients = new Set<WebSocket>()
  wss.on('connection', (socket) => {
    clients.add(socket)
    socket.on('close', () => clients.delete(socket))
    socket.on('message', (data, isBinary) => {
      if (isBinary) return
      const command = parseAutomationCommand(data.toString())
      if (!command) return
      if (command.method === 'Tool.close') {
        socket.send(JSON.stringify({ id: command.id, result: {} }), () => options.onToolClose?.())
        return
      }
      void options.handle(command).then((reply) => {
        if (socket.readyState === socket.OPEN) socket.send(JSON.stringify(reply))
      })
    })
  })
  await new Promise<void>((resolve, reject) => {
    http.once('error', reject)
    http.listen(options.port, '127.0.0.1', () => {
      http.off('error', reject)
      resolve()
    })
  })
  port = (http.address() as AddressInfo).port
  return {
    port,
    broadcast(event) {
      const text = JSON.stringify(event)
      for (const socket of clients) if (socket.readyState === socket.OPEN) socket.send(text)
    },
    async close() {
      for (const socket of clients) socket.terminate()
      await new Promise<void>((resolve) => wss.close(() => resolve()))
      await new Promise<void>((resolve) => http.close(() => resolve()))
    },
  }
}
