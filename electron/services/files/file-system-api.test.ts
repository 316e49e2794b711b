/**
 * `wx.getFileSystemManager()`, `wx.saveFile`, `wx.chooseImage`, and `wx.getImageInfo` and
 * `wx.saveImageToPhotosAlbum` on a temp picture (as `canvasToTempFilePath` and picks leave one), of
 * the runtime on the real Node file port: what a mini-program sees, in WeChat's words, with the
 * sandbox underneath.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createLaterInvoker } from '../../../shared/runtime/async-api'
import { Authorizations } from '../../../shared/runtime/authorization'
import { createImageApi } from '../../../shared/runtime/image-info'
import { createFileApi } from '../../../shared/runtime/file-system'
import { PendingWork } from '../../../shared/runtime/pending-work'
import { png } from '../../../tests/helpers/pictures'
import { TestingPort } from '../../../tests/helpers/runtime-port'
import { createTimers, type TimerControl } from '../../../shared/runtime/timers'
import { createNodeFilePort } from './node-file-port'
import { chooseFromDisk } from './transfer-files'
import { WxFileSpace } from './wx-file-space'

type Fn = (...args: unknown[]) => unknown
let base: string
let control: TimerControl

beforeEach(() => {
  base = mkdtempSync(join(tmpdir(), 'mpdt-fsapi-'))
})
afterEach(() => {
  control?.clearAll()
  rmSync(base, { recursive: true, force: true })
})

/** A port with the Node file port on a fresh space, `extra` members added, and its invoker. */
function portOn(extra: (space: WxFileSpace) => object = () => ({})) {
  const space = new WxFileSpace({ root: join(base, 'data') })
  const port = new TestingPort()
  Object.assign(port, { files: createNodeFilePort(space), ...extra(space) })
  const pending = new PendingWork()
  const sink = (error: unknown) => {
    throw error
  }
  control = createTimers(pending, sink)
  return { space, port, defer: control.defer, invokeLater: createLaterInvoker(sink, pending) }
}

function setup(chosen: string[] = []) {
  const { space, port, defer, invokeLater } = portOn((space) => ({
    chooseFiles: (_request: unknown, done: (files: unknown) => void) =>
      done(chosen.length > 0 ? chooseFromDisk(space, chosen) : undefined),
  }))
  const api = createFileApi({ port, defer, invokeLater })
  const fs = (api.getFileSystemManager as () => Record<string, Fn>)()
  return { api, fs, space }
}

describe('the FileSystemManager', () => {
  it('exposes USER_DATA_PATH as wxfile://usr', () => {
    expect(setup().api.env).toEqual({ USER_DATA_PATH: 'wxfile://usr' })
  })

  it('writes and reads text, base64 and ArrayBuffer', () => {
    const { fs } = setup()
    fs.writeFileSync('wxfile://usr/a.txt', '你好', 'utf8')
    expect(fs.readFileSync('wxfile://usr/a.txt', 'utf8')).toBe('你好')
    expect(fs.readFileSync('wxfile://usr/a.txt', 'base64')).toBe('5L2g5aW9')
    fs.writeFileSync('wxfile://usr/b.bin', new Uint8Array([0, 255]).buffer)
    const data = fs.readFileSync('wxfile://usr/b.bin') as ArrayBuffer
    expect([...new Uint8Array(data)]).toEqual([0, 255])
    expect(fs.readFileSync('wxfile://usr/b.bin', 'hex')).toBe('00ff')
  })

  it('throws WeChat words from the Sync forms', () => {
    const { fs } = setup()
    expect(() => fs.readFileSync('wxfile://usr/x')).toThrow(
      'readFileSync:fail no such file or directory, open "wxfile://usr/x"',
    )
    expect(() => fs.writeFileSync('wxfile://usr/../x', 'a')).toThrow(
      'writeFileSync:fail permission denied, open "wxfile://usr/../x"',
    )
    expect(() => fs.writeFileSync('/etc/passwd', 'a')).toThrow(
      'writeFileSync:fail permission denied, open "/etc/passwd"',
    )
  })

  it('calls back the async forms after the call, or resolves a Promise', async () => {
    const { fs } = setup()
    const seen: unknown[] = []
    fs.writeFile({
      filePath: 'wxfile://usr/c.txt',
      data: 'c',
      success: (res: unknown) => seen.push(res),
    })
    expect(seen).toEqual([])
    await new Promise((resolve) => setTimeout(resolve, 5))
    expect(seen).toEqual([{ errMsg: 'writeFile:ok' }])
    await expect(
      fs.readFile({ filePath: 'wxfile://usr/c.txt', encoding: 'utf8' }),
    ).resolves.toEqual({ data: 'c', errMsg: 'readFile:ok' })
    await expect(fs.access({ path: 'wxfile://usr/none' })).rejects.toEqual({
      errMsg: 'access:fail no such file or directory, access "wxfile://usr/none"',
    })
  })

  it('stats with isFile/isDirectory and lists folders', () => {
    const { fs } = setup()
    fs.mkdirSync('wxfile://usr/d/e', true)
    fs.writeFileSync('wxfile://usr/d/f.txt', 'abc')
    const stats = fs.statSync('wxfile://usr/d/f.txt') as Record<string, Fn>
    expect([stats.size, stats.isFile(), stats.isDirectory()]).toEqual([3, true, false])
    expect(fs.readdirSync('wxfile://usr/d')).toEqual(['e', 'f.txt'])
    fs.unlinkSync('wxfile://usr/d/f.txt')
    expect(fs.readdirSync('wxfile://usr/d')).toEqual(['e'])
  })

  it('refuses an unknown encoding', () => {
    const { fs } = setup()
    fs.writeFileSync('wxfile://usr/a', 'x')
    expect(() => fs.readFileSync('wxfile://usr/a', 'klingon')).toThrow(
      'readFileSync:fail invalid encoding "klingon"',
    )
  })
})

describe('wx.chooseImage and wx.saveFile', () => {
  it('picks files as temp files the mini-program can save', async () => {
    const picked = join(base, 'photo.png')
    writeFileSync(picked, 'png!')
    const { api, fs } = setup([picked])
    const chosen = (await (api.chooseImage as Fn)({})) as { tempFilePaths: string[] }
    expect(chosen.tempFilePaths[0]).toMatch(/^wxfile:\/\/tmp_[0-9a-f]+\.png$/)
    const saved = (await (api.saveFile as Fn)({ tempFilePath: chosen.tempFilePaths[0] })) as {
      savedFilePath: string
    }
    expect(saved.savedFilePath).toMatch(/^wxfile:\/\/usr\//)
    expect(fs.readFileSync(saved.savedFilePath, 'utf8')).toBe('png!')
  })

  it('cancels when nothing is picked', async () => {
    const { api } = setup()
    await expect((api.chooseMedia as Fn)({})).rejects.toEqual({ errMsg: 'chooseMedia:fail cancel' })
  })

  it('will not save a file that is not a temp file', async () => {
    const { api, fs } = setup()
    fs.writeFileSync('wxfile://usr/a', 'x')
    await expect((api.saveFile as Fn)({ tempFilePath: 'wxfile://usr/a' })).rejects.toEqual({
      errMsg: 'saveFile:fail permission denied, open "wxfile://usr/a"',
    })
  })
})

function imageSetup(authorize: 'allow' | 'deny') {
  const { space, port, defer, invokeLater } = portOn(() => ({ answers: { authorize } }))
  const authorizations = new Authorizations(port, defer)
  const api = createImageApi({ port, defer, invokeLater, authorizations }) as unknown as Record<
    string,
    (options: Record<string, unknown>) => Promise<unknown>
  >
  /** A temp file as the host writes one (`saveChosen`: picks and canvas pictures). */
  const tempFile = (bytes: Buffer, extension: string) => {
    const created = space.newTempFile(extension)
    writeFileSync(created.real, bytes)
    return created.path
  }
  return { api, port, tempFile }
}

describe('pictures in the temp files', () => {
  it('getImageInfo reads a temp picture; saveImageToPhotosAlbum takes it once allowed', async () => {
    const { api, port, tempFile } = imageSetup('allow')
    const path = tempFile(png(40, 30), 'png')
    expect(await api.getImageInfo({ src: path })).toMatchObject({
      width: 40,
      height: 30,
      type: 'png',
      path,
      errMsg: 'getImageInfo:ok',
    })
    expect(await api.saveImageToPhotosAlbum({ filePath: path })).toEqual({
      errMsg: 'saveImageToPhotosAlbum:ok',
    })
    expect(port.logs.some((log) => String(log.args[0]).includes(path))).toBe(true)
  })

  it('saveImageToPhotosAlbum fails on a missing file, other bytes, a URL, and a refusal', async () => {
    const allowed = imageSetup('allow')
    await expect(
      allowed.api.saveImageToPhotosAlbum({ filePath: 'wxfile://tmp_missing.png' }),
    ).rejects.toEqual({ errMsg: 'saveImageToPhotosAlbum:fail file not found' })
    const text = allowed.tempFile(Buffer.from('not a picture'), 'png')
    await expect(allowed.api.saveImageToPhotosAlbum({ filePath: text })).rejects.toEqual({
      errMsg: 'saveImageToPhotosAlbum:fail invalid file type',
    })
    await expect(
      allowed.api.saveImageToPhotosAlbum({ filePath: 'https://example.invalid/a.png' }),
    ).rejects.toEqual({ errMsg: 'saveImageToPhotosAlbum:fail invalid file type' })

    const denied = imageSetup('deny')
    const path = denied.tempFile(png(4, 4), 'png')
    await expect(denied.api.saveImageToPhotosAlbum({ filePath: path })).rejects.toEqual({
      errMsg: 'saveImageToPhotosAlbum:fail auth deny',
    })
  })
})
