/**
 * `wx.uploadFile`: the base library's checks (transfer-options.ts), the engine through the task
 * core, then `success` with the server's answer as text (one BOM stripped) and its status code.
 */
import { optionsOf } from './async-api'
import { stripOneBom } from './request-result'
import { failureOf, type TaskApiHost } from './task-core'
import { prepareUpload } from './transfer-options'
import { runTransfer, type TransferTask } from './transfer-task'

const utf8 = new TextDecoder('utf-8', { ignoreBOM: true })

export function createUploadFile(host: TaskApiHost): (options: unknown) => TransferTask {
  return (options) => {
    const opts = optionsOf(options)
    return runTransfer(
      host,
      'uploadFile',
      opts,
      prepareUpload(opts, host.currentPage()),
      (event) => {
        if (event.kind !== 'done') return undefined
        const { outcome } = event
        if (!outcome.ok) return failureOf(outcome)
        return {
          data: stripOneBom(utf8.decode(outcome.body)),
          statusCode: outcome.statusCode,
          errMsg: 'uploadFile:ok',
        }
      },
    )
  }
}
