/** The contract client over the Electron preload's `window.mpdtBridge` (one function per entry). */
import type { PreloadApi } from '../../../shared/bridge-api'
import type { ContractClient } from '../../../shared/rpc'
import { fail, type Result } from '../../../shared/result'
import type { MethodName, MethodParams, MethodResult } from '../../../shared/contract'

export function createPreloadClient(api: PreloadApi): ContractClient {
  return {
    async call<M extends MethodName>(
      method: M,
      params: MethodParams<M>,
    ): Promise<Result<MethodResult<M>>> {
      const invoke = api.methods[method] as (p: MethodParams<M>) => Promise<Result<MethodResult<M>>>
      try {
        return await invoke(params)
      } catch (error) {
        // IPC rejects when the main process is gone or the handler is missing: data, not a throw.
        return fail({
          code: 'TRANSPORT_CLOSED',
          message: error instanceof Error ? error.message : String(error),
        })
      }
    },
    on(event, listener) {
      return api.events[event](listener)
    },
  }
}
