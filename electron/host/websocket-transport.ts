/** The contract's Transport over one WebSocket: JSON text frames, each one WireMessage. */
import WebSocket from 'ws'
import { isWireMessage, type Transport } from '../../shared/rpc'

export function createWebSocketTransport(socket: WebSocket): Transport {
  return {
    send(message) {
      if (socket.readyState === WebSocket.OPEN) socket.send(JSON.stringify(message))
    },
    onMessage(listener) {
      const onFrame = (data: WebSocket.RawData, isBinary: boolean) => {
        if (isBinary) return
        let message: unknown
        try {
          message = JSON.parse(data.toString())
        } catch {
          return
        }
        if (isWireMessage(message)) listener(message)
      }
      socket.on('message', onFrame)
      return () => {
        socket.off('message', onFrame)
      }
    },
  }
}
