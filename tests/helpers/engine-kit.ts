import { tmpdir } from 'node:os'
import type {
  EngineOutcome,
  EngineRequest,
  EngineTask,
  NetworkEvent,
  ResponseHead,
  ToolConsoleMessage,
} from '../../shared/network'
import {
  createRequestEngine,
  type RequestEngine,
  type RequestEngineOptions,
} from '../../electron/services/network/engine/request-engine'

/** Test support for engine specs: an engine with recorded console and events, and calls as promises. */

export const APPID = 'wx0123456789abcdef'
export const USER_AGENT =
  'Mozilla/5.0 (iPhone; CPU iPhone OS 16_0 like Mac OS X) MicroMessenger/8.0.50'

export interface RecordedEngine {
  engine: RequestEngine
  console: ToolConsoleMessage[]
  events: NetworkEvent[]
}

export function recordedEngine(options: Partial<RequestEngineOptions> = {}): RecordedEngine {
  const engine = createRequestEngine({
    appid: APPID,
    urlCheck: true,
    domains: { request: [], socket: [], uploadFile: [], downloadFile: [] },
    userAgent: USER_AGENT,
    tempDir: tmpdir(),
    ownAddresses: ['192.168.1.20'],
    ...options,
  })
  const recorded: RecordedEngine = { engine, console: [], events: [] }
  engine.onConsole((message) => recorded.console.push(message))
  engine.onEvent((event) => recorded.events.push(event))
  return recorded
}

export interface CallResult {
  outcome: EngineOutcome
  head?: ResponseHead
  chunks: Uint8Array[]
}

export interface PendingCall {
  task: EngineTask
  /** Resolves with the outcome; also exposes headers and chunks seen before it. */
  done: Promise<CallResult>
  /** Resolves when headers arrive. */
  headers: Promise<ResponseHead>
}

export function startCall(
  engine: RequestEngine,
  request: Partial<EngineRequest> & { url: string },
): PendingCall {
  const chunks: Uint8Array[] = []
  let head: ResponseHead | undefined
  let gotHeaders!: (head: ResponseHead) => void
  const headers = new Promise<ResponseHead>((resolve) => (gotHeaders = resolve))
  let task!: EngineTask
  const done = new Promise<CallResult>((resolve) => {
    task = engine.request(
      { api: 'request', method: 'GET', header: {}, ...request },
      {
        onHeaders: (h) => {
          head = h
          gotHeaders(h)
        },
        onChunk: (chunk) => chunks.push(chunk),
        onDone: (outcome) => resolve({ outcome, head, chunks }),
      },
    )
  })
  return { task, done, headers }
}

export function call(
  engine: RequestEngine,
  request: Partial<EngineRequest> & { url: string },
): Promise<CallResult> {
  return startCall(engine, request).done
}

export function text(outcome: EngineOutcome): string {
  if (!outcome.ok) throw new Error(`expected success, got ${outcome.errMsg}`)
  return Buffer.from(outcome.body).toString()
}
