/**
 * `wx.request` and its RequestTask: the base library's checks and serialization
 * (request-options.ts), then the engine through the task core, then WeChat's callbacks with the
 * result request-result.ts shapes. The call's lifecycle (callbacks once, never before
 * `wx.request` returned, faults of ours ending it) is `runTaskCall` in task-core.ts.
 */
import type { EngineOutcome } from '../network'
import { optionsOf } from './async-api'
import { ListenerList } from './listener-list'
import { prepareRequest, type PreparedRequest } from './request-options'
import { headersReceivedResult, requestSuccessResult, toArrayBuffer } from './request-result'
import { failureOf, runTaskCall, type TaskApiHost } from './task-core'

export interface RequestTask {
  /** Queued or in flight: fails with `request:fail abort`. After completion: no effect. */
  abort(): void
  onHeadersReceived(listener: unknown): void
  /** Without a listener: removes all. */
  offHeadersReceived(listener?: unknown): void
  onChunkReceived(listener: unknown): void
  /** Without a listener: removes all. */
  offChunkReceived(listener?: unknown): void
}

function shapeOutcome(outcome: EngineOutcome, prepared: PreparedRequest) {
  if (!outcome.ok) return failureOf(outcome)
  return requestSuccessResult(outcome, outcome.body, prepared.responseType, prepared.dataType)
}

export interface RequestApi {
  /** `wx.request`. */
  request(options: unknown): RequestTask
}

export function createRequestApi(host: TaskApiHost): RequestApi {
  const { sink } = host

  function request(options: unknown): RequestTask {
    const headerListeners = new ListenerList()
    const chunkListeners = new ListenerList()
    const call = runTaskCall(host, {
      api: 'request',
      options: optionsOf(options),
      prepared: prepareRequest(options, host.currentPage()),
      request: (prepared) => prepared.request,
      onEvent(event, prepared) {
        if (event.kind === 'headers') {
          if (!headerListeners.empty) {
            headerListeners.emit(sink, headersReceivedResult(event.head))
          }
        } else if (event.kind === 'chunk') {
          if (!chunkListeners.empty) chunkListeners.emit(sink, { data: toArrayBuffer(event.data) })
        } else if (event.kind === 'done') {
          return shapeOutcome(event.outcome, prepared)
        }
        return undefined
      },
    })
    return {
      abort: call.abort,
      onHeadersReceived: (listener) => headerListeners.add(listener),
      offHeadersReceived: (listener) => headerListeners.remove(listener),
      onChunkReceived: (listener) => chunkListeners.add(listener),
      offChunkReceived: (listener) => chunkListeners.remove(listener),
    }
  }

  return { request }
}
