/**
 * `POST /upload`: a multipart/form-data body read with busboy. Answers with the first file's name,
 * size and type and every text field, as JSON: what the demo's upload button shows.
 */
import type { IncomingMessage } from 'node:http'
import busboy from 'busboy'

/** Larger uploads are refused with 413: the demo never needs more. */
export const MAX_UPLOAD_BYTES = 20 * 1024 * 1024

export interface UploadSummary {
  /** The file's form field name (wx.uploadFile's `name`). */
  field: string
  /** The file name the client sent. */
  name: string
  size: number
  mimeType: string
  /** Text fields (wx.uploadFile's `formData`). */
  fields: Record<string, string>
}

export type UploadReading =
  { ok: true; summary: UploadSummary } | { ok: false; status: 400 | 413 | 415; message: string }

export function readUpload(request: IncomingMessage): Promise<UploadReading> {
  return new Promise((resolve) => {
    let parser: busboy.Busboy
    try {
      parser = busboy({
        headers: request.headers,
        limits: { files: 1, fileSize: MAX_UPLOAD_BYTES, fields: 50 },
      })
    } catch {
      resolve({ ok: false, status: 415, message: 'expected a multipart/form-data body' })
      return
    }
    const fields: Record<string, string> = {}
    let file: Omit<UploadSummary, 'fields'> | undefined
    let tooLarge = false
    parser.on('field', (name, value) => (fields[name] = value))
    parser.on('file', (field, stream, info) => {
      const summary = { field, name: info.filename ?? '', size: 0, mimeType: info.mimeType }
      file = summary
      stream.on('data', (data: Buffer) => (summary.size += data.length))
      stream.on('limit', () => (tooLarge = true))
    })
    parser.on('error', (error: Error) =>
      resolve({ ok: false, status: 400, message: `malformed multipart body: ${error.message}` }),
    )
    parser.on('close', () => {
      if (tooLarge) resolve({ ok: false, status: 413, message: 'the file is over 20 MB' })
      else if (!file) resolve({ ok: false, status: 400, message: 'no file in the form' })
      else resolve({ ok: true, summary: { ...file, fields } })
    })
    request.pipe(parser)
  })
}
