/**
 * What turns `wx.uploadFile` and `wx.downloadFile` into engine runs: the multipart body, progress
 * in WeChat's fields, the download written to its file as it arrives (never held in memory) with
 * WeChat's 200 MB limit, and errMsgs in the API's own name (`uploadFile:fail timeout`).
 */
import { randomBytes } from 'node:crypto'
import { closeSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs'
import { basename, extname } from 'node:path'
import type {
  DownloadCallbacks,
  EngineDownloadRequest,
  EngineOutcome,
  EngineUploadRequest,
  NetworkEvent,
  ResponseHead,
  UploadCallbacks,
} from '../../../../shared/network'
import { headerValue } from '../headers/response-headers'
import { FAIL_WORDS, failMsg, retitle, TRANSFER_ERR_MSG } from '../../../../shared/wechat-errors'
import type { Failure } from './network-failure'
import type { RequestRun, RunExtras, Submission } from './request-run'

/** The file to upload, already resolved from the mini-program's path by the host. */
export interface UploadSource {
  /** Real path on disk. */
  path: string
}

export type OpenedTarget =
  { ok: true; real: string; path: string; temporary: boolean } | { ok: false; errMsg: string }

/** Where a download goes; asked once the response headers are known (for the extension). */
export interface DownloadTarget {
  open(head: ResponseHead, url: string): OpenedTarget
}

/** A prepared run: what the engine submits, and `bind` to learn the run once it exists. */
export interface PreparedTransfer extends Omit<Submission, 'lane' | 'redirect' | 'extras'> {
  extras: RunExtras
  bind(id: string, run: RequestRun): void
}

const MIME_BY_EXTENSION: Record<string, string> = {
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.mp4': 'video/mp4',
  '.txt': 'text/plain',
  '.json': 'application/json',
  '.pdf': 'application/pdf',
}

const EXTENSION_BY_MIME: Record<string, string> = Object.fromEntries(
  Object.entries(MIME_BY_EXTENSION).map(([extension, mime]) => [mime, extension.slice(1)]),
)

const percent = (done: number, total: number): number =>
  total > 0 ? Math.min(100, Math.floor((done / total) * 100)) : 100

function failureOf(outcome: EngineOutcome, api: string): Failure {
  if (outcome.ok) return { errMsg: `${api}:fail` }
  return {
    errMsg: retitle(outcome.errMsg, api),
    ...(outcome.errno !== undefined && { errno: outcome.errno }),
  }
}

/** A multipart/form-data body: the form fields first, then the file, as browsers send them. */
export function multipartBody(
  fields: Record<string, string>,
  file: { field: string; filename: string; contentType: string; data: Uint8Array },
): { body: Uint8Array; contentType: string } {
  const boundary = `----MPDevToolsFormBoundary${randomBytes(12).toString('hex')}`
  const quote = (text: string) => text.replace(/[\r\n"]/g, (c) => encodeURIComponent(c))
  const parts: Buffer[] = []
  for (const [name, value] of Object.entries(fields)) {
    parts.push(
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="${quote(name)}"\r\n\r\n${value}\r\n`,
      ),
    )
  }
  parts.push(
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="${quote(file.field)}"; filename="${quote(file.filename)}"\r\nContent-Type: ${file.contentType}\r\n\r\n`,
    ),
    Buffer.from(file.data.buffer, file.data.byteOffset, file.data.byteLength),
    Buffer.from(`\r\n--${boundary}--\r\n`),
  )
  return { body: Buffer.concat(parts), contentType: `multipart/form-data; boundary=${boundary}` }
}

export function uploadRun(
  request: EngineUploadRequest,
  source: UploadSource,
  callbacks: UploadCallbacks,
  emit: (event: NetworkEvent) => void,
): PreparedTransfer {
  let id = ''
  let data: Uint8Array | undefined
  try {
    data = readFileSync(source.path)
  } catch {
    data = undefined
  }
  const filename = basename(request.filePath)
  const multipart = data
    ? multipartBody(request.formData, {
        field: request.name,
        filename,
        contentType:
          MIME_BY_EXTENSION[extname(filename).toLowerCase()] ?? 'application/octet-stream',
        data,
      })
    : undefined
  const header = Object.fromEntries(
    Object.entries(request.header).filter(([name]) => name.toLowerCase() !== 'content-type'),
  )
  if (multipart) header['content-type'] = multipart.contentType
  return {
    url: request.url,
    method: 'POST',
    header,
    ...(multipart && { body: multipart.body }),
    timeout: request.timeout,
    page: request.page,
    ...(!data && { failure: { errMsg: TRANSFER_ERR_MSG.fileNotFound } }),
    callbacks: {
      onHeaders: (head) => callbacks.onHeaders?.(head),
      onDone: (outcome) =>
        callbacks.onDone(
          outcome.ok ? { ...outcome } : { ok: false, ...failureOf(outcome, 'uploadFile') },
        ),
    },
    extras: {
      onBodySent(sent, total) {
        callbacks.onProgress?.({
          progress: percent(sent, total),
          totalBytesSent: sent,
          totalBytesExpectedToSend: total,
        })
        emit({
          type: 'progress',
          id,
          direction: 'upload',
          loaded: sent,
          total,
          time: Date.now(),
        })
      },
    },
    bind: (runId) => (id = runId),
  }
}

export interface DownloadLimits {
  emit(event: NetworkEvent): void
  /** Bytes a download may write. */
  maxSize: number
}

export function downloadRun(
  request: EngineDownloadRequest,
  target: DownloadTarget,
  callbacks: DownloadCallbacks,
  limits: DownloadLimits,
): PreparedTransfer {
  let id = ''
  let run: RequestRun | undefined
  let file: { fd: number; real: string; path: string; temporary: boolean } | undefined
  let expected = 0
  let written = 0
  let reported = -1

  const report = (): void => {
    const progress = expected > 0 ? percent(written, expected) : 0
    if (progress === reported && written < expected) return
    reported = progress
    callbacks.onProgress?.({
      progress,
      totalBytesWritten: written,
      totalBytesExpectedToWrite: expected,
    })
    limits.emit({
      type: 'progress',
      id,
      direction: 'download',
      loaded: written,
      total: expected,
      time: Date.now(),
    })
  }

  const release = (keep: boolean): void => {
    if (!file) return
    closeSync(file.fd)
    if (!keep) rmSync(file.real, { force: true })
    if (!keep) file = undefined
  }

  return {
    url: request.url,
    method: 'GET',
    header: request.header,
    timeout: request.timeout,
    page: request.page,
    enableChunked: true,
    callbacks: {
      onHeaders(head) {
        const length = Number(headerValue(head.header, 'content-length'))
        expected = Number.isSafeInteger(length) && length > 0 ? length : 0
        if (expected > limits.maxSize) {
          run?.fail({ errMsg: TRANSFER_ERR_MSG.exceedMaxFileSize })
          return
        }
        const opened = target.open(head, request.url)
        if (!opened.ok) {
          run?.fail({ errMsg: opened.errMsg })
          return
        }
        try {
          file = { fd: openSync(opened.real, 'w'), ...opened }
        } catch {
          run?.fail({ errMsg: failMsg('downloadFile', FAIL_WORDS.permissionDenied(opened.path)) })
          return
        }
        callbacks.onHeaders?.(head)
      },
      onChunk(data) {
        if (!file) return
        if (written + data.byteLength > limits.maxSize) {
          run?.fail({ errMsg: TRANSFER_ERR_MSG.exceedMaxFileSize })
          return
        }
        writeSync(file.fd, data)
        written += data.byteLength
        report()
      },
      onDone(outcome) {
        if (!outcome.ok || !file) {
          release(false)
          callbacks.onDone({ ok: false, ...failureOf(outcome, 'downloadFile') })
          return
        }
        const { path, temporary } = file
        release(true)
        if (reported < 100) {
          expected = expected || written
          report()
        }
        const { statusCode, header, cookies } = outcome
        callbacks.onDone({ ok: true, filePath: path, temporary, statusCode, header, cookies })
      },
    },
    extras: { collectBody: false },
    bind(runId, bound) {
      id = runId
      run = bound
    },
  }
}

/** The extension a download's temp file gets: from the URL's path, else from its content-type. */
export function downloadExtension(url: string, head: ResponseHead): string {
  const fromUrl = URL.canParse(url) ? extname(new URL(url).pathname).slice(1) : ''
  if (/^[a-z0-9]{1,8}$/i.test(fromUrl)) return fromUrl
  const mime = (headerValue(head.header, 'content-type') ?? '').split(';')[0].trim().toLowerCase()
  return EXTENSION_BY_MIME[mime] ?? ''
}
