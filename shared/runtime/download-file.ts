/**
 * `wx.downloadFile`: the base library's checks (transfer-options.ts), the engine through the task
 * core, then `success` with the file's path (`tempFilePath`, or `filePath` when the call named
 * one) and the status code.
 */
import { optionsOf } from './async-api'
import { failureOf, type TaskApiHost } from './task-core'
import { prepareDownload } from './transfer-options'
import { runTransfer, type TransferTask } from './transfer-task'

export function createDownloadFile(host: TaskApiHost): (options: unknown) => TransferTask {
  return (options) => {
    const opts = optionsOf(options)
    const prepared = prepareDownload(opts, host.currentPage())
    return runTransfer(host, 'downloadFile', opts, prepared, (event) => {
      if (event.kind !== 'downloaded') return undefined
      const { outcome } = event
      if (!outcome.ok) return failureOf(outcome)
      return {
        [outcome.temporary ? 'tempFilePath' : 'filePath']: outcome.filePath,
        statusCode: outcome.statusCode,
        errMsg: 'downloadFile:ok',
      }
    })
  }
}
