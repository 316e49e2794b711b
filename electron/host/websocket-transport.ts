/**
 * The contract's Transport over one WebSocket: JSON text frames, each one WireMessage, with binary
 * data (response chunks and bodies) kept by shared/wire-codec.ts.
 */
import WebSocket from 'ws'
import { isWireMessage, type Transport, type WireMessage } from '../../shared/rpc'
import { decodeWire, encodeWire } from '../../shared/wire-codec'

/**
 * Messages sent in one turn of the event loop leave as one frame (a JSON array, in order): a
 * burst of network events for the panel then costs the browser one message, not thousands.
 */
export function createWebSocketTransport(socket: WebSocket): Transport {
  let outgoing: WireMessage[] = []
  const flush = () => {
    const batch = outgoing
    outgoing = []
    if (socket.readyState !== WebSocket.OPEN) return
    socket.send(encodeWire(batch.length === 1 ? batch[0] : batch))
  }
  return {
    send(message) {
      if (socket.readyState !== WebSocket.OPEN) return
      if (outgoing.push(message) === 1) setImmediate(flush)
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
        for (const item of Array.isArray(message) ? message : [message]) {
          if (isWireMessage(item)) listener(item)
        }
      }
      socket.on('message', onFrame)
      return () => {
        socket.off('message', onFrame)
      }
    },
  }
}
