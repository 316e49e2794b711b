/**
 * Shape checks of the simulator's uploads, downloads, sockets and file calls: they come from
 * another process (or a browser page) relaying an untrusted mini-program, so every field is checked
 * before the engine or the file space sees it. Path rules stay the file space's.
 */
import type {
  EngineDownloadRequest,
  EngineSocketRequest,
  EngineUploadRequest,
} from '../../../shared/network'
import { fail, ok, type Result } from '../../../shared/result'
import type { FileOperation } from '../../../shared/simulator-protocol'

/** Bytes one `saveChosen` may carry: WeChat's own limit on one download. */
const MAX_CHOSEN_BYTES = 200 * 1024 * 1024

function invalid(message: string): Result<never> {
  return fail({ code: 'INVALID_PARAMS', message })
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

const isText = (value: unknown, max = 65536): value is string =>
  typeof value === 'string' && value.length <= max

const isStringMap = (value: unknown): value is Record<string, string> =>
  isRecord(value) && Object.values(value).every((item) => typeof item === 'string')

/** The fields every transfer has: url, header, timeout, page. */
function common(
  value: unknown,
  api: string,
): Result<{ url: string; header: Record<string, string>; timeout?: number; page?: string }> {
  if (!isRecord(value)) return invalid('req must be an object')
  const { url, header, timeout, page } = value
  if (value.api !== api) return invalid(`req.api must be "${api}"`)
  if (!isText(url)) return invalid('req.url must be a string')
  if (!isStringMap(header)) return invalid('req.header must be an object of strings')
  if (timeout !== undefined && (typeof timeout !== 'number' || !Number.isFinite(timeout))) {
    return invalid('req.timeout must be a number')
  }
  if (page !== undefined && !isText(page, 1024)) return invalid('req.page must be a string')
  return ok({
    url,
    header,
    ...(timeout !== undefined && { timeout }),
    ...(page !== undefined && { page }),
  })
}

export function checkUploadRequest(value: unknown): Result<EngineUploadRequest> {
  const base = common(value, 'uploadFile')
  if (!base.ok) return base
  const { filePath, name, formData } = value as Record<string, unknown>
  if (!isText(filePath, 4096)) return invalid('req.filePath must be a string')
  if (!isText(name, 4096)) return invalid('req.name must be a string')
  if (!isStringMap(formData)) return invalid('req.formData must be an object of strings')
  return ok({ api: 'uploadFile', ...base.value, filePath, name, formData })
}

export function checkDownloadRequest(value: unknown): Result<EngineDownloadRequest> {
  const base = common(value, 'downloadFile')
  if (!base.ok) return base
  const { filePath } = value as Record<string, unknown>
  if (filePath !== undefined && !isText(filePath, 4096)) {
    return invalid('req.filePath must be a string')
  }
  return ok({ api: 'downloadFile', ...base.value, ...(filePath !== undefined && { filePath }) })
}

export function checkSocketRequest(value: unknown): Result<EngineSocketRequest> {
  const base = common(value, 'connectSocket')
  if (!base.ok) return base
  const { protocols } = value as Record<string, unknown>
  if (
    protocols !== undefined &&
    !(Array.isArray(protocols) && protocols.every((item) => isText(item, 1024)))
  ) {
    return invalid('req.protocols must be strings')
  }
  return ok({
    api: 'connectSocket',
    ...base.value,
    ...(protocols !== undefined && { protocols: protocols as string[] }),
  })
}

const PATH_OPERATIONS = new Set(['readFile', 'access', 'unlink', 'stat', 'readdir'])

export function checkFileOperation(value: unknown): Result<FileOperation> {
  if (!isRecord(value)) return invalid('operation must be an object')
  const { name, path } = value
  if (typeof name === 'string' && PATH_OPERATIONS.has(name)) {
    if (!isText(path, 4096)) return invalid('operation.path must be a string')
    return ok({ name, path } as FileOperation)
  }
  switch (name) {
    case 'writeFile':
      if (!isText(path, 4096)) return invalid('operation.path must be a string')
      if (!(value.data instanceof Uint8Array)) return invalid('operation.data must be bytes')
      return ok({ name, path, data: value.data, append: value.append === true })
    case 'mkdir':
      if (!isText(path, 4096)) return invalid('operation.path must be a string')
      return ok({ name, path, recursive: value.recursive === true })
    case 'saveFile': {
      const { tempFilePath, filePath } = value
      if (!isText(tempFilePath, 4096)) return invalid('operation.tempFilePath must be a string')
      if (filePath !== undefined && !isText(filePath, 4096)) {
        return invalid('operation.filePath must be a string')
      }
      return ok({ name, tempFilePath, ...(filePath !== undefined && { filePath }) })
    }
    case 'saveChosen': {
      const { files } = value
      if (!Array.isArray(files) || files.length > 20) return invalid('operation.files: at most 20')
      let total = 0
      for (const file of files) {
        if (!isRecord(file) || !isText(file.name, 1024) || !isText(file.type, 256)) {
          return invalid('operation.files: each needs a name and a type')
        }
        if (!(file.data instanceof Uint8Array))
          return invalid('operation.files: data must be bytes')
        total += file.data.byteLength
      }
      if (total > MAX_CHOSEN_BYTES) return invalid('operation.files: over 200 MB')
      return ok({ name, files: files as { name: string; type: string; data: Uint8Array }[] })
    }
    default:
      return invalid('operation.name is not a file operation')
  }
}
