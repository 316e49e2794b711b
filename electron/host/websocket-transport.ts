/**
 * The contract's Transport over one WebSocket: JSON text frames, each one WireMessage, with binary
 * data (response chunks and bodies) kept by shared/wire-codec.ts.
 */
import WebSocket from 'ws'
import { isWireMessage, type Transport } from '../../shared/rpc'
import { decodeWire, encodeWire } from '../../shared/wire-codec'

export function createWebSocketTransport(socket: WebSocket): Transport {
  return {
    send(message) {
      if (socket.readyState === WebSocket.OPEN) socket.send(encodeWire(message))
    },
    onMessage(listener) {
      const onFrame = (data: WebSocket.RawData, isBinary: boolean) => {
        if (isBinary) return
        let message: unknown
        try {
          message = decodeWire(data.toString())
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
