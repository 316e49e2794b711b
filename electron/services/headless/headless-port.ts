/**
 * The runtime's NativePort in Node, as `mpdt run` and the benchmark use it: requests go to the
 * request engine, console calls and uncaught exceptions to a printer, storage stays in memory.
 */
import type { EngineRequest } from '../../../shared/network'
import type { NativePort, ReportedError } from '../../../shared/runtime/native-port'
import type { HarRecorder } from '../har/har-recorder'
import type { RequestEngine } from '../network'
import { evaluateScript } from './evaluate-script'
import type { MemoryStorage } from './memory-storage'
import { SIMULATED_SYSTEM_INFO } from './simulated-device'

export interface HeadlessPortOptions {
  engine: Pick<RequestEngine, 'request'>
  storage: MemoryStorage
  /** One console call of the mini-program or of the base library. */
  console(level: string, args: unknown[]): void
  /** An uncaught exception of mini-program code. */
  reportError(error: ReportedError): void
  /** Given when a HAR is written: it also gets the request bodies and raw response cookies. */
  har?: HarRecorder
}

export interface OpenRequest {
  method: string
  url: string
}

export interface HeadlessPort extends NativePort {
  /** Requests the mini-program made that have not completed yet. */
  openRequests(): OpenRequest[]
}

export function createHeadlessPort(options: HeadlessPortOptions): HeadlessPort {
  const { engine, storage, har } = options
  const open = new Set<OpenRequest>()

  return {
    request(req: EngineRequest, callbacks) {
      const entry: OpenRequest = { method: req.method, url: req.url }
      open.add(entry)
      const task = engine.request(req, {
        ...(callbacks.onHeaders && { onHeaders: (head) => callbacks.onHeaders?.(head) }),
        ...(callbacks.onChunk && { onChunk: (data) => callbacks.onChunk?.(data) }),
        onDone(outcome) {
          open.delete(entry)
          if (har && outcome.ok) har.noteResponse(task.id, { cookies: outcome.cookies })
          callbacks.onDone(outcome)
        },
      })
      har?.noteRequestBody(task.id, req.body)
      return task
    },
    console: (level, args) => options.console(level, args),
    evaluate: evaluateScript,
    loadStorage: (appid) => storage.load(appid),
    saveStorage: (appid, change) => storage.save(appid, change),
    systemInfo: () => SIMULATED_SYSTEM_INFO,
    networkType: () => 'wifi',
    reportError: (error) => options.reportError(error),
    openRequests: () => [...open],
  }
}
