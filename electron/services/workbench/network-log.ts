/**
 * The main-process side of the Network panel: keeps every request's record (the shared fold of
 * its events, `shared/network-record.ts`) with its body by reference (the panel holds only small
 * rows), answers body fetches, HAR exports, replays,
 * `showRequestInfo()` and network conditions. Request bodies and replayable requests are noted
 * when `network.request` hands them to the engine, matched to the engine's `queued` event.
 */
import { readFile } from 'node:fs/promises'
import type { ResponseBodyData } from '../../../shared/contract'
import type { BodyRef, EngineRequest, NetworkEvent } from '../../../shared/network'
import { fail, ok } from '../../../shared/result'
import type { ContractService } from '../../../shared/rpc'
import {
  applyNetworkEvent,
  createNetworkRecord,
  type NetworkRecord,
} from '../../../shared/network-record'
import { buildHar, type HarSource } from '../har/har-recorder'
import type { HarCreator } from '../har/har-types'
import type { RequestEngine } from '../network'

/** Bytes of a body sent to the panel at most; the rest stays in the main process. */
export const BODY_PREVIEW_LIMIT = 5 * 1024 * 1024

interface LoggedRequest {
  /** The shared fold of its events: what the HAR export and body fetches read. */
  record: NetworkRecord
  request?: EngineRequest
}

export type NetworkLogMethods = Pick<
  ContractService,
  | 'network.body'
  | 'network.replay'
  | 'network.exportHar'
  | 'network.securityDetails'
  | 'network.setCondition'
>

export interface NetworkLog {
  methods: NetworkLogMethods
  /** Feed every `network.event` here. */
  handle(event: NetworkEvent): void
  /** Call just before `network.request` hands `req` to the engine. */
  expectRequest(req: EngineRequest): void
}

export interface NetworkLogOptions {
  /** The open project's engine, if any. */
  engine(): RequestEngine | undefined
  creator: HarCreator
}

function requestBytes(body: string | Uint8Array | undefined): Uint8Array | undefined {
  return typeof body === 'string' ? new TextEncoder().encode(body) : body
}

async function responseBytes(ref: BodyRef | undefined): Promise<Uint8Array | undefined> {
  if (!ref) return undefined
  if (ref.kind === 'memory') return ref.data
  try {
    const file = await readFile(ref.path)
    return new Uint8Array(file.buffer, file.byteOffset, file.byteLength)
  } catch {
    return undefined
  }
}

export function createNetworkLog(options: NetworkLogOptions): NetworkLog {
  const requests = new Map<string, LoggedRequest>()
  const expected: EngineRequest[] = []

  function noteQueued(event: Extract<NetworkEvent, { type: 'queued' }>): LoggedRequest {
    // A new engine (another project) numbers its requests from 1 again: the old log is done.
    if (requests.has(event.id)) requests.clear()
    const logged: LoggedRequest = { record: createNetworkRecord(event) }
    if (event.api === 'request') {
      const index = expected.findIndex(
        (req) => req.url === event.url && req.method === event.method,
      )
      if (index >= 0) logged.request = expected.splice(index, 1)[0]
    }
    requests.set(event.id, logged)
    return logged
  }

  return {
    handle(event) {
      if (event.type === 'queued') noteQueued(event)
      else {
        const logged = requests.get(event.id)
        if (logged) applyNetworkEvent(logged.record, event)
      }
    },
    expectRequest(req) {
      expected.push(req)
      // Requests the engine never queued (no project open) must not pile up.
      if (expected.length > 64) expected.shift()
    },
    methods: {
      'network.body': async (params) => {
        const { id, part } = params
        const logged = requests.get(id)
        const bytes =
          part === 'request'
            ? requestBytes(logged?.request?.body)
            : await responseBytes(logged?.record.body)
        if (!bytes) {
          return fail({
            code: 'BODY_UNAVAILABLE',
            message: `No ${part === 'request' ? 'request' : 'response'} body for request ${id}`,
          })
        }
        const sent = bytes.subarray(0, BODY_PREVIEW_LIMIT)
        const data: ResponseBodyData = {
          base64: Buffer.from(sent.buffer, sent.byteOffset, sent.byteLength).toString('base64'),
          size: bytes.byteLength,
          truncated: sent.byteLength < bytes.byteLength,
        }
        return ok(data)
      },
      'network.replay': async (params) => {
        const { id } = params
        const request = requests.get(id)?.request
        if (!request) {
          return fail({
            code: 'NOT_REPLAYABLE',
            message: `Request ${id} is not a recorded wx.request of this project`,
          })
        }
        const engine = options.engine()
        if (!engine) return fail({ code: 'NO_PROJECT', message: 'No project is open' })
        expected.push(request)
        engine.request(request, { onDone: () => undefined })
        return ok(null)
      },
      'network.exportHar': async (params) => {
        const { ids } = params
        const sources: HarSource[] = []
        for (const id of ids) {
          const logged = requests.get(id)
          if (logged) sources.push({ record: logged.record, requestBody: logged.request?.body })
        }
        const har = await buildHar(options.creator, sources)
        return ok({ har: JSON.stringify(har, null, 2) })
      },
      'network.securityDetails': async () => ok(options.engine()?.securityDetails() ?? []),
      'network.setCondition': async (params) => {
        const { condition } = params
        const engine = options.engine()
        if (!engine) return fail({ code: 'NO_PROJECT', message: 'No project is open' })
        engine.update({ networkCondition: condition })
        return ok(null)
      },
    },
  }
}
