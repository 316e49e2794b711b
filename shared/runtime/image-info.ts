/**
 * `wx.getImageInfo` (width, height, type from the file's header: PNG, JPEG, GIF, WebP),
 * `wx.compressImage` (answers the same file: the simulator keeps pictures as they are) and
 * `wx.saveImageToPhotosAlbum` (asks `scope.writePhotosAlbum`, checks the file is a picture; the
 * simulator has no album, the console says where it would have gone). Images are read through the
 * port's files (`filesLater` first), code package paths included.
 */
import { FILE_WORDS, IMAGE_FAIL_WORDS } from '../wechat-errors'
import { apiFailure } from './api-result'
import type { LaterInvoker } from './async-api'
import type { FileResult } from './file-port'
import type { NativePort } from './native-port'
import type { Authorizations } from './authorization'

export interface ImageSize {
  width: number
  height: number
  type: 'png' | 'jpeg' | 'gif' | 'webp'
}

/** The size and type a picture's first bytes declare, or undefined for other data. */
export function imageSize(bytes: Uint8Array): ImageSize | undefined {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  const ascii = (start: number, length: number) =>
    String.fromCharCode(...bytes.subarray(start, start + length))
  if (bytes.length >= 24 && ascii(1, 3) === 'PNG') {
    return { type: 'png', width: view.getUint32(16), height: view.getUint32(20) }
  }
  if (bytes.length >= 10 && ascii(0, 3) === 'GIF') {
    return { type: 'gif', width: view.getUint16(6, true), height: view.getUint16(8, true) }
  }
  if (bytes.length >= 30 && ascii(0, 4) === 'RIFF' && ascii(8, 4) === 'WEBP') {
    const chunk = ascii(12, 4)
    if (chunk === 'VP8X') {
      const w = 1 + (bytes[24] | (bytes[25] << 8) | (bytes[26] << 16))
      const h = 1 + (bytes[27] | (bytes[28] << 8) | (bytes[29] << 16))
      return { type: 'webp', width: w, height: h }
    }
    if (chunk === 'VP8L') {
      const bits = view.getUint32(21, true)
      return { type: 'webp', width: (bits & 0x3fff) + 1, height: ((bits >> 14) & 0x3fff) + 1 }
    }
    return {
      type: 'webp',
      width: view.getUint16(26, true) & 0x3fff,
      height: view.getUint16(28, true) & 0x3fff,
    }
  }
  if (bytes.length >= 4 && bytes[0] === 0xff && bytes[1] === 0xd8) {
    let offset = 2
    while (offset + 9 < bytes.length) {
      if (bytes[offset] !== 0xff) return undefined
      const marker = bytes[offset + 1]
      const length = view.getUint16(offset + 2)
      // SOF0…SOF15 except DHT (C4), JPG (C8) and DAC (CC) carry the frame size.
      if (marker >= 0xc0 && marker <= 0xcf && ![0xc4, 0xc8, 0xcc].includes(marker)) {
        return {
          type: 'jpeg',
          height: view.getUint16(offset + 5),
          width: view.getUint16(offset + 7),
        }
      }
      offset += 2 + length
    }
  }
  return undefined
}

export interface ImageApiHost {
  port: NativePort
  invokeLater: LaterInvoker
  defer(fn: () => void): void
  authorizations: Pick<Authorizations, 'ask'>
}

/** The members createImageApi makes (created on first use: `LazyGroup` in wx-build.ts). */
export const IMAGE_API_NAMES = ['getImageInfo', 'compressImage', 'saveImageToPhotosAlbum'] as const

export function createImageApi(
  host: ImageApiHost,
): Record<(typeof IMAGE_API_NAMES)[number], unknown> {
  const { port, invokeLater } = host
  const read = (path: string, done: (result: FileResult<Uint8Array>) => void) => {
    if (port.filesLater) port.filesLater.readFile(path, done)
    else if (port.files) {
      const result = port.files.readFile(path)
      host.defer(() => done(result))
    } else host.defer(() => done({ ok: false, message: FILE_WORDS.noSuchFile }))
  }
  /** Project paths are read from the code package's root, as WeChat resolves them. */
  const pathOf = (src: string) => src.replace(/^\/+/, '')

  return {
    getImageInfo: (options: unknown) =>
      invokeLater('getImageInfo', options, (opts, settle) => {
        const src = String(opts.src)
        if (/^https?:\/\//i.test(src)) {
          settle({ ok: false, failure: apiFailure('getImageInfo', IMAGE_FAIL_WORDS.downloadImage) })
          return
        }
        read(pathOf(src), (result) => {
          const size = result.ok ? imageSize(result.value) : undefined
          settle(
            size
              ? { ok: true, result: { ...size, path: src, orientation: 'up' } }
              : { ok: false, failure: apiFailure('getImageInfo', IMAGE_FAIL_WORDS.imageInfo) },
          )
        })
      }),
    compressImage: (options: unknown) =>
      invokeLater('compressImage', options, (opts, settle) => {
        const src = String(opts.src)
        read(pathOf(src), (result) =>
          settle(
            result.ok
              ? { ok: true, result: { tempFilePath: src } }
              : { ok: false, failure: apiFailure('compressImage', IMAGE_FAIL_WORDS.fileNotFound) },
          ),
        )
      }),
    saveImageToPhotosAlbum: (options: unknown) =>
      invokeLater('saveImageToPhotosAlbum', options, (opts, settle) => {
        const fail = (words: string) =>
          settle({ ok: false, failure: apiFailure('saveImageToPhotosAlbum', words) })
        const filePath = String(opts.filePath ?? '')
        if (/^https?:\/\//i.test(filePath)) {
          fail('invalid file type')
          return
        }
        host.authorizations.ask('scope.writePhotosAlbum', (allowed) => {
          if (!allowed) {
            fail('auth deny')
            return
          }
          read(pathOf(filePath), (result) => {
            if (!result.ok) fail('file not found')
            else if (!imageSize(result.value)) fail('invalid file type')
            else {
              port.console(
                'log',
                [`saveImageToPhotosAlbum: ${filePath} (模拟器没有相册，未保存)`],
                'baselib',
              )
              settle({ ok: true })
            }
          })
        })
      }),
  }
}
