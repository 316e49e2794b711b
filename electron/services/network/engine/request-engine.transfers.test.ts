import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import type { IncomingMessage, ServerResponse } from 'node:http'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import busboy from 'busboy'
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest'
import type {
  DownloadOutcome,
  DownloadProgress,
  EngineTask,
  UploadOutcome,
  UploadProgress,
} from '../../../../shared/network'
import type { DomainLists } from '../../../../shared/project'
import { createCertificateAuthority } from '../../../../tests/helpers/certificates'
import { startHttpsServer, type TestServer } from '../../../../tests/helpers/servers'
import { recordedEngine, type RecordedEngine } from '../../../../tests/helpers/engine-kit'
import type { RequestEngineOptions } from './request-engine'
import type { DownloadTarget } from './transfer-runs'

const ca = createCertificateAuthority()
let server: TestServer
let dir: string

/** `/upload` answers the parsed multipart form as JSON; `/file?size=N` sends N bytes. */
function handler(req: IncomingMessage, res: ServerResponse) {
  const url = new URL(req.url ?? '/', 'http://x')
  if (url.pathname === '/upload') {
    const fields: Record<string, string> = {}
    const files: { field: string; filename?: string; mimeType: string; size: number }[] = []
    const form = busboy({ headers: req.headers })
    form.on('field', (name, value) => (fields[name] = value))
    form.on('file', (field, stream, info) => {
      let size = 0
      stream.on('data', (chunk: Buffer) => (size += chunk.length))
      stream.on('end', () => files.push({ field, ...info, size }))
    })
    form.on('close', () => res.end(JSON.stringify({ fields, files, referer: req.headers.referer })))
    req.pipe(form)
    return
  }
  if (url.pathname === '/file') {
    const size = Number(url.searchParams.get('size') ?? 10)
    const status = Number(url.searchParams.get('status') ?? 200)
    const headers: Record<string, string> = { 'content-type': 'image/png' }
    if (url.searchParams.get('length') !== 'no') headers['content-length'] = String(size)
    res.writeHead(status, headers)
    const chunk = Buffer.alloc(16 * 1024, 7)
    let sent = 0
    const pump = () => {
      while (sent < size) {
        const part = chunk.subarray(0, Math.min(chunk.length, size - sent))
        sent += part.length
        if (!res.write(part)) return void res.once('drain', pump)
      }
      res.end()
    }
    pump()
    return
  }
  if (url.pathname === '/redirect') {
    res.writeHead(302, { location: url.searchParams.get('to') ?? '/' }).end()
    return
  }
  if (url.pathname === '/hang') return
  res.writeHead(404).end()
}

beforeAll(async () => {
  server = await startHttpsServer(
    handler,
    ca.issue({ hosts: ['up.example.test', 'down.example.test', 'other.example.test'] }),
  )
})
afterAll(() => server.close())

const DOMAINS: DomainLists = {
  request: ['https://other.example.test'],
  socket: [],
  uploadFile: ['https://up.example.test'],
  downloadFile: ['https://down.example.test'],
}

let current: RecordedEngine | undefined
function engineWith(options: Partial<RequestEngineOptions> = {}): RecordedEngine {
  dir = mkdtempSync(join(tmpdir(), 'mpdt-transfer-'))
  current = recordedEngine({
    domains: DOMAINS,
    extraCaPem: ca.cert,
    connectTo: [`::127.0.0.1:${server.port}`],
    ...options,
  })
  return current
}
afterEach(async () => {
  await current?.engine.close()
  current = undefined
  rmSync(dir, { recursive: true, force: true })
})

function sourceFile(size: number): string {
  const path = join(dir, 'photo.png')
  writeFileSync(path, Buffer.alloc(size, 1))
  return path
}

interface UploadCall {
  task: EngineTask
  done: Promise<UploadOutcome>
  progress: UploadProgress[]
}

function upload(
  recorded: RecordedEngine,
  url: string,
  path: string,
  extra: { timeout?: number } = {},
): UploadCall {
  const progress: UploadProgress[] = []
  let task!: EngineTask
  const done = new Promise<UploadOutcome>((resolve) => {
    task = recorded.engine.uploadFile(
      {
        api: 'uploadFile',
        url,
        header: { 'content-type': 'text/plain', referer: 'https://evil.test' },
        filePath: 'wxfile://tmp_photo.png',
        name: 'photo',
        formData: { user: 'ada', note: '笔记' },
        ...extra,
      },
      { path },
      { onProgress: (p) => progress.push(p), onDone: resolve },
    )
  })
  return { task, done, progress }
}

const text = (body: Uint8Array) => new TextDecoder().decode(body)

describe('uploadFile', () => {
  test('sends the file and the form fields as multipart/form-data', async () => {
    const recorded = engineWith()
    const { done } = upload(recorded, 'https://up.example.test/upload', sourceFile(1000))
    const outcome = await done
    expect(outcome.ok).toBe(true)
    if (!outcome.ok) return
    expect(outcome.statusCode).toBe(200)
    expect(JSON.parse(text(outcome.body))).toEqual({
      fields: { user: 'ada', note: '笔记' },
      files: [
        {
          field: 'photo',
          filename: 'tmp_photo.png',
          encoding: '7bit',
          mimeType: 'image/png',
          size: 1000,
        },
      ],
      referer: 'https://servicewechat.com/wx0123456789abcdef/devtools/page-frame.html',
    })
  })

  test('reports progress in order, ending at 100 with every byte sent', async () => {
    const recorded = engineWith()
    const call = upload(recorded, 'https://up.example.test/upload', sourceFile(1024 * 1024))
    await call.done
    const percents = call.progress.map((p) => p.progress)
    expect(percents.length).toBeGreaterThan(3)
    expect([...percents].sort((a, b) => a - b)).toEqual(percents)
    const last = call.progress.at(-1)!
    expect(last.progress).toBe(100)
    expect(last.totalBytesSent).toBe(last.totalBytesExpectedToSend)
    expect(last.totalBytesExpectedToSend).toBeGreaterThan(1024 * 1024)
    expect(recorded.events.some((e) => e.type === 'progress' && e.direction === 'upload')).toBe(
      true,
    )
  })

  test('checks the uploadFile list, not the request list', async () => {
    const recorded = engineWith()
    const outcome = await upload(recorded, 'https://other.example.test/upload', sourceFile(10)).done
    expect(outcome).toEqual({
      ok: false,
      errMsg: 'uploadFile:fail url not in domain list',
      errno: 600002,
    })
    expect(recorded.console[0]).toMatchObject({ level: 'group' })
    expect(String(recorded.console[0].args[0])).toMatch(/ uploadFile 合法域名校验出错$/)
  })

  test('fails with file not found when the source is missing', async () => {
    const recorded = engineWith()
    const outcome = await upload(recorded, 'https://up.example.test/upload', join(dir, 'none')).done
    expect(outcome).toEqual({ ok: false, errMsg: 'uploadFile:fail file not found' })
  })

  test('aborts in flight with uploadFile:fail abort', async () => {
    const recorded = engineWith()
    const call = upload(recorded, 'https://up.example.test/hang', sourceFile(10))
    setTimeout(() => call.task.abort(), 50)
    expect(await call.done).toEqual({ ok: false, errMsg: 'uploadFile:fail abort' })
  })

  test('aborts while queued behind ten uploads', async () => {
    const recorded = engineWith()
    const path = sourceFile(10)
    const running = Array.from({ length: 10 }, () =>
      upload(recorded, 'https://up.example.test/hang', path),
    )
    const queued = upload(recorded, 'https://up.example.test/upload', path)
    queued.task.abort()
    expect(await queued.done).toEqual({ ok: false, errMsg: 'uploadFile:fail abort' })
    for (const call of running) call.task.abort()
    await Promise.all(running.map((call) => call.done))
  })

  test('times out after app.json networkTimeout.uploadFile', async () => {
    const recorded = engineWith({ networkTimeout: { uploadFile: 100 } })
    const outcome = await upload(recorded, 'https://up.example.test/hang', sourceFile(10)).done
    expect(outcome).toEqual({ ok: false, errMsg: 'uploadFile:fail timeout' })
  })

  test('aborts while the body is being sent', async () => {
    const recorded = engineWith({
      networkCondition: { latency: 0, download: 0, upload: 200_000 },
    })
    const call = upload(recorded, 'https://up.example.test/upload', sourceFile(1024 * 1024))
    for (let i = 0; i < 200 && call.progress.length === 0; i++) {
      await new Promise((resolve) => setTimeout(resolve, 10))
    }
    expect(call.progress.length).toBeGreaterThan(0)
    call.task.abort()
    expect(await call.done).toEqual({ ok: false, errMsg: 'uploadFile:fail abort' })
    expect(call.progress.at(-1)!.progress).toBeLessThan(100)
  })

  test('has its own queue: ten requests in flight do not hold it back', async () => {
    const recorded = engineWith()
    const requests = Array.from({ length: 10 }, () =>
      recorded.engine.request(
        { api: 'request', url: 'https://other.example.test/hang', method: 'GET', header: {} },
        { onDone: () => undefined },
      ),
    )
    const outcome = await upload(recorded, 'https://up.example.test/upload', sourceFile(10)).done
    expect(outcome.ok).toBe(true)
    for (const task of requests) task.abort()
  })

  test('goes anywhere with urlCheck off', async () => {
    const recorded = engineWith({ urlCheck: false })
    const outcome = await upload(recorded, 'https://other.example.test/upload', sourceFile(10)).done
    expect(outcome.ok).toBe(true)
  })
})

interface DownloadCall {
  task: EngineTask
  done: Promise<DownloadOutcome>
  progress: DownloadProgress[]
  real: string
}

function download(recorded: RecordedEngine, url: string, timeout?: number): DownloadCall {
  const progress: DownloadProgress[] = []
  const real = join(dir, 'tmp_download')
  const target: DownloadTarget = {
    open: () => ({ ok: true, real, path: 'wxfile://tmp_download', temporary: true }),
  }
  let task!: EngineTask
  const done = new Promise<DownloadOutcome>((resolve) => {
    task = recorded.engine.downloadFile(
      { api: 'downloadFile', url, header: {}, ...(timeout && { timeout }) },
      target,
      { onProgress: (p) => progress.push(p), onDone: resolve },
    )
  })
  return { task, done, progress, real }
}

describe('downloadFile', () => {
  test('writes the body to the target file and reports its path', async () => {
    const recorded = engineWith()
    const call = download(recorded, 'https://down.example.test/file?size=5000')
    const outcome = await call.done
    expect(outcome).toMatchObject({
      ok: true,
      filePath: 'wxfile://tmp_download',
      temporary: true,
      statusCode: 200,
    })
    expect(readFileSync(call.real).length).toBe(5000)
  })

  test('succeeds for a 404 too, with its body written', async () => {
    const recorded = engineWith()
    const call = download(recorded, 'https://down.example.test/file?size=3&status=404')
    expect(await call.done).toMatchObject({ ok: true, statusCode: 404 })
    expect(readFileSync(call.real).length).toBe(3)
  })

  test('reports progress in order, ending at 100 with every byte written', async () => {
    const recorded = engineWith()
    const call = download(recorded, 'https://down.example.test/file?size=1048576')
    await call.done
    const percents = call.progress.map((p) => p.progress)
    expect(percents.length).toBeGreaterThan(3)
    expect([...percents].sort((a, b) => a - b)).toEqual(percents)
    expect(call.progress.at(-1)).toEqual({
      progress: 100,
      totalBytesWritten: 1048576,
      totalBytesExpectedToWrite: 1048576,
    })
  })

  test('reaches 100 when the server sends no content-length', async () => {
    const recorded = engineWith()
    const call = download(recorded, 'https://down.example.test/file?size=40000&length=no')
    await call.done
    expect(call.progress.at(-1)).toEqual({
      progress: 100,
      totalBytesWritten: 40000,
      totalBytesExpectedToWrite: 40000,
    })
  })

  test('checks the downloadFile list', async () => {
    const recorded = engineWith()
    const outcome = await download(recorded, 'https://up.example.test/file').done
    expect(outcome).toEqual({
      ok: false,
      errMsg: 'downloadFile:fail url not in domain list',
      errno: 600002,
    })
  })

  test('refuses a redirect to a host outside the list', async () => {
    const recorded = engineWith()
    const to = encodeURIComponent('https://other.example.test/file')
    const outcome = await download(recorded, `https://down.example.test/redirect?to=${to}`).done
    expect(outcome).toEqual({
      ok: false,
      errMsg: 'downloadFile:fail redirect url not in domain list',
      errno: 600002,
    })
  })

  test('refuses a body over the size limit announced by content-length', async () => {
    const recorded = engineWith({ maxDownloadSize: 1000 })
    const call = download(recorded, 'https://down.example.test/file?size=1001')
    expect(await call.done).toEqual({ ok: false, errMsg: 'downloadFile:fail exceed max file size' })
    expect(existsSync(call.real)).toBe(false)
  })

  test('stops a body without content-length once it passes the size limit', async () => {
    const recorded = engineWith({ maxDownloadSize: 50_000 })
    const call = download(recorded, 'https://down.example.test/file?size=200000&length=no')
    expect(await call.done).toEqual({ ok: false, errMsg: 'downloadFile:fail exceed max file size' })
    expect(existsSync(call.real)).toBe(false)
  })

  test('aborts while the body arrives and removes the partial file', async () => {
    const recorded = engineWith()
    const call = download(recorded, 'https://down.example.test/file?size=50000000')
    const firstProgress = new Promise<void>((resolve) => {
      const timer = setInterval(() => {
        if (call.progress.length > 0) {
          clearInterval(timer)
          resolve()
        }
      }, 5)
    })
    await firstProgress
    call.task.abort()
    expect(await call.done).toEqual({ ok: false, errMsg: 'downloadFile:fail abort' })
    expect(existsSync(call.real)).toBe(false)
  })

  test('aborts before the headers arrive', async () => {
    const recorded = engineWith()
    const call = download(recorded, 'https://down.example.test/hang')
    setTimeout(() => call.task.abort(), 50)
    expect(await call.done).toEqual({ ok: false, errMsg: 'downloadFile:fail abort' })
  })

  test('times out after the call timeout', async () => {
    const recorded = engineWith()
    const outcome = await download(recorded, 'https://down.example.test/hang', 100).done
    expect(outcome).toEqual({ ok: false, errMsg: 'downloadFile:fail timeout' })
  })

  test('goes anywhere with urlCheck off', async () => {
    const recorded = engineWith({ urlCheck: false })
    const outcome = await download(recorded, 'https://other.example.test/file?size=5').done
    expect(outcome).toMatchObject({ ok: true, statusCode: 200 })
  })

  test('the Network panel sees it queued as a downloadFile', async () => {
    const recorded = engineWith()
    await download(recorded, 'https://down.example.test/file?size=10').done
    expect(recorded.events[0]).toMatchObject({ type: 'queued', api: 'downloadFile', method: 'GET' })
  })
})
