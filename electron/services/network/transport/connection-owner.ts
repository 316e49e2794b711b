import { AsyncLocalStorage } from 'node:async_hooks'
import type { Socket } from 'node:net'

/**
 * The sockets a request is still opening (DNS, TCP connect, TLS handshake). undici hands a
 * request its abort only once a socket is connected, so until then the run itself holds what the
 * connector is opening on its behalf and destroys it when the run ends (timeout, abort, close),
 * rather than leaving it to the Agent's connect timeout.
 */
export class ConnectionOwner {
  private readonly opening = new Set<Socket>()
  /** Between a dispatch and undici's `onRequestStart`: only then is a new socket ours. */
  private awaiting = false

  /** Dispatches `fn` with this owner current, so the connector's sockets are counted as ours. */
  dispatch(fn: () => void): void {
    this.awaiting = true
    owners.run(this, fn)
  }

  /** undici started the request on a socket: from now on its controller aborts it. */
  started(): void {
    this.awaiting = false
  }

  /**
   * The connector started opening `socket` in this owner's context. A socket opened later in the
   * same context (undici reconnecting from a socket event for someone else) is not ours.
   */
  adopt(socket: Socket): void {
    if (this.awaiting) this.opening.add(socket)
  }

  /** The connector is done with `socket` (connected and handed to undici, or failed). */
  release(socket: Socket): void {
    this.opening.delete(socket)
  }

  /** Destroys every socket still opening. */
  end(): void {
    this.awaiting = false
    // With an error, so the connector's callback runs and undici errors the abandoned request.
    for (const socket of this.opening) socket.destroy(new RequestEndedError())
    this.opening.clear()
  }
}

/** Why a socket its request no longer needed was destroyed. */
export class RequestEndedError extends Error {
  readonly code = 'MPDT_REQUEST_ENDED'
  constructor() {
    super('the request ended before its connection was ready')
  }
}

const owners = new AsyncLocalStorage<ConnectionOwner>()

/** The owner of the dispatch in progress (undici connects synchronously or in a microtask). */
export function currentConnectionOwner(): ConnectionOwner | undefined {
  return owners.getStore()
}
