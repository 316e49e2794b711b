import { describe, expect, it } from 'vitest'
import {
  checkDownloadRequest,
  checkEngineRequest,
  checkSocketRequest,
  checkTaskRequest,
  checkUploadRequest,
} from './task-request-checks'

const UPLOAD = {
  api: 'uploadFile',
  url: 'https://a.test/up',
  header: { 'x-a': '1' },
  filePath: 'wxfile://usr/a.txt',
  name: 'file',
  formData: { user: 'ann' },
}

describe('task start checks', () => {
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

describe('request start checks', () => {
  const REQUEST = { api: 'request', url: 'https://a.test/r', method: 'POST', header: {} }

  it('passes a request with only the fields the engine knows', () => {
    const req = { ...REQUEST, body: new Uint8Array([1]), timeout: 100, redirect: 'manual' }
    expect(checkEngineRequest({ ...req, extra: true })).toEqual({ ok: true, value: req })
  })

  it('refuses a method, body or redirect of the wrong shape', () => {
    expect(checkEngineRequest({ ...REQUEST, method: 1 })).toMatchObject({
      error: { message: 'req.method must be a string' },
    })
    expect(checkEngineRequest({ ...REQUEST, body: {} })).toMatchObject({
      error: { message: 'req.body must be a string or bytes' },
    })
    expect(checkEngineRequest({ ...REQUEST, redirect: 'error' })).toMatchObject({
      error: { message: 'req.redirect must be "follow" or "manual"' },
    })
  })

  it('dispatches by api and refuses an api that is not a task', () => {
    expect(checkTaskRequest(REQUEST).ok).toBe(true)
    expect(checkTaskRequest({ ...REQUEST, api: 'login' })).toMatchObject({
      error: { code: 'INVALID_PARAMS', message: 'req.api must name a task API' },
    })
  })
})
