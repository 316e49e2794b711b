/**
 * The WebSocket echo chat at `wss://api.demo.mpdevtools.test/chat`: a welcome message on open,
 * every text or binary message sent back as it came, and "bye" ends the chat with code 1000.
 */
import { WebSocketServer, type WebSocket } from 'ws'

export const CHAT_PATH = '/chat'
export const WELCOME_MESSAGE = '你好！我是回声机器人：发什么，我就回什么。发送 bye 结束聊天。'
export const BYE_MESSAGE = 'bye'
export const GOODBYE_REASON = 'goodbye'

function chatWith(socket: WebSocket): void {
  socket.send(WELCOME_MESSAGE)
  socket.on('message', (data, isBinary) => {
    if (!isBinary && data.toString() === BYE_MESSAGE) {
      socket.close(1000, GOODBYE_REASON)
      return
    }
    socket.send(data, { binary: isBinary })
  })
}

/** A WebSocket server without its own listener: the demo's HTTPS server hands it upgrades. */
export function createChatSockets(): WebSocketServer {
  const sockets = new WebSocketServer({ noServer: true, maxPayload: 1024 * 1024 })
  sockets.on('connection', chatWith)
  return sockets
}
