/**
 * The contract's wire over a browser WebSocket (browser mode): JSON `WireMessage` frames (binary
 * data kept by shared/wire-codec.ts), sends queued until the socket opens, one `onOpen` signal
 * when it does, and one `onClose` signal when this socket is gone (bridge/index.ts opens another).
 */
import { isWireMessage, type Transport, type WireMessage } from '../../../shared/rpc'
import { decodeWire, encodeWire } from '../../../shared/wire-codec'

/** The part of the DOM `WebSocket` this transport uses (so tests can hand in their own socket). */
export interface BrowserSocket {
  readonly readyState: number
  send(data: string): void
  close(): void
  addEventListener(type: 'open' | 'close' | 'error', listener: () => void): void
  addEventListener(type: 'message', listener: (event: { data: unknown }) => void): void
}

export interface SocketTransport extends Transport {
  /** Whether the socket has closed (or failed to open); nothing is delivered after that. */
  readonly closed: boolean
  onOpen(listener: () => void): () => void
  onClose(listener: () => void): () => void
}

const OPEN = 1

export function createSocketTransport(socket: BrowserSocket): SocketTransport {
  const queue: string[] = []
  const messageListeners = new Set<(message: WireMessage) => void>()
  const openListeners = new Set<() => void>()
  const closeListeners = new Set<() => void>()
  let closed = false

  socket.addEventListener('open', () => {
    for (const frame of queue.splice(0)) socket.send(frame)
    openListeners.forEach((listener) => listener())
  })
  socket.addEventListener('message', (event) => {
    if (typeof event.data !== 'string') return
    let message: unknown
    try {
      message = decodeWire(event.data)
    } catch {
      return
    }
    // The host coalesces what it sends in one turn of its event loop into one array frame.
    for (const item of Array.isArray(message) ? message : [message]) {
      if (isWireMessage(item)) messageListeners.forEach((listener) => listener(item))
    }
  })
  const markClosed = () => {
    if (closed) return
    closed = true
    queue.length = 0
    closeListeners.forEach((listener) => listener())
  }
  socket.addEventListener('close', markClosed)
  socket.addEventListener('error', markClosed)

  return {
    get closed() {
      return closed
    },
    send(message) {
      if (closed) return
      const frame = encodeWire(message)
      if (socket.readyState === OPEN) socket.send(frame)
      else queue.push(frame)
    },
    onMessage(listener) {
      messageListeners.add(listener)
      return () => messageListeners.delete(listener)
    },
    onOpen(listener) {
      openListeners.add(listener)
      return () => openListeners.delete(listener)
    },
    onClose(listener) {
      closeListeners.add(listener)
      return () => closeListeners.delete(listener)
    },
  }
}

/** `ws(s)://<host>/rpc?token=…` for the page at `location` (the token comes from its query). */
export function rpcSocketUrl(
  location: { protocol: string; host: string; search: string },
  path: string,
): string {
  const scheme = location.protocol === 'https:' ? 'wss:' : 'ws:'
  const token = new URLSearchParams(location.search).get('token')
  const query = token === null ? '' : `?token=${encodeURIComponent(token)}`
  return `${scheme}//${location.host}${path}${query}`
}
