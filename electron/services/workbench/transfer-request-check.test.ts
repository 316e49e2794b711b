import { describe, expect, it } from 'vitest'
import {
  checkDownloadRequest,
  checkFileOperation,
  checkSocketRequest,
  checkUploadRequest,
} from './transfer-request-check'

const UPLOAD = {
  api: 'uploadFile',
  url: 'https://a.test/up',
  header: { 'x-a': '1' },
  filePath: 'wxfile://usr/a.txt',
  name: 'file',
  formData: { user: 'ann' },
}

describe('transfer request checks', () => {
  it('passes an upload with only the fields the engine knows', () => {
    expect(checkUploadRequest({ ...UPLOAD, timeout: 5000, extra: 'dropped' })).toEqual({
      ok: true,
      value: { ...UPLOAD, timeout: 5000 },
    })
  })

  it('refuses an upload whose header or form values are not strings', () => {
    expect(checkUploadRequest({ ...UPLOAD, header: { a: 1 } })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_PARAMS', message: 'req.header must be an object of strings' },
    })
    expect(checkUploadRequest({ ...UPLOAD, formData: { a: {} } }).ok).toBe(false)
  })

  it('refuses a request of another API under this method', () => {
    expect(checkDownloadRequest({ ...UPLOAD, api: 'request' })).toMatchObject({
      ok: false,
      error: { message: 'req.api must be "downloadFile"' },
    })
  })

  it('passes a download with or without its own filePath', () => {
    const download = { api: 'downloadFile', url: 'https://a.test/f', header: {} }
    expect(checkDownloadRequest(download)).toEqual({ ok: true, value: download })
    expect(checkDownloadRequest({ ...download, filePath: 'wxfile://usr/f' }).ok).toBe(true)
    expect(checkDownloadRequest({ ...download, filePath: 3 }).ok).toBe(false)
  })

  it('passes socket protocols only as strings', () => {
    const socket = { api: 'connectSocket', url: 'wss://a.test/', header: {} }
    expect(checkSocketRequest({ ...socket, protocols: ['chat'] })).toEqual({
      ok: true,
      value: { ...socket, protocols: ['chat'] },
    })
    expect(checkSocketRequest({ ...socket, protocols: [1] }).ok).toBe(false)
  })
})

describe('file operation checks', () => {
  it('passes each operation with its own fields', () => {
    expect(checkFileOperation({ name: 'stat', path: 'wxfile://usr/a' })).toEqual({
      ok: true,
      value: { name: 'stat', path: 'wxfile://usr/a' },
    })
    expect(checkFileOperation({ name: 'mkdir', path: 'wxfile://usr/d', recursive: true })).toEqual({
      ok: true,
      value: { name: 'mkdir', path: 'wxfile://usr/d', recursive: true },
    })
  })

  it('refuses names that are not file operations', () => {
    expect(checkFileOperation({ name: 'rmdirAll', path: '/' })).toMatchObject({
      ok: false,
      error: { message: 'operation.name is not a file operation' },
    })
  })

  it('refuses more than 20 picked files at once', () => {
    const file = { name: 'a.png', type: 'image/png', data: new Uint8Array(1) }
    expect(
      checkFileOperation({ name: 'saveChosen', files: Array.from({ length: 21 }, () => file) }),
    ).toMatchObject({ ok: false, error: { message: 'operation.files: at most 20' } })
    expect(checkFileOperation({ name: 'saveChosen', files: [file] }).ok).toBe(true)
  })
})
