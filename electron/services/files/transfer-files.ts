/**
 * Where uploads read from and downloads write to, on a WxFileSpace: an upload's `filePath` must be
 * a user or temp file (or a project file), a download goes to a new temp file or to a user path.
 * Refusals come in WeChat's words; the engine never sees a path outside the space.
 */
import { copyFileSync, statSync } from 'node:fs'
import { extname } from 'node:path'
import type { ChosenFile } from '../../../shared/runtime/file-port'
import { FAIL_WORDS, failMsg } from '../../../shared/wechat-errors'
import { downloadExtension, type DownloadTarget } from '../network'
import type { WxFileSpace } from './wx-file-space'

export type UploadSourceResult = { ok: true; path: string } | { ok: false; errMsg: string }

export function uploadSource(space: WxFileSpace, filePath: string): UploadSourceResult {
  const resolved = space.resolve(filePath, 'read')
  if (!resolved.ok) {
    return { ok: false, errMsg: failMsg('uploadFile', FAIL_WORDS.permissionDenied(filePath)) }
  }
  return { ok: true, path: resolved.real }
}

/** A download's file: `filePath` in user data, else a new temp file named after the response. */
export function downloadTarget(space: WxFileSpace, filePath?: string): DownloadTarget {
  return {
    open(head, url) {
      if (filePath === undefined) {
        const file = space.newTempFile(downloadExtension(url, head))
        return { ok: true, real: file.real, path: file.path, temporary: true }
      }
      const resolved = space.resolve(filePath, 'write')
      if (!resolved.ok) {
        return { ok: false, errMsg: failMsg('downloadFile', FAIL_WORDS.permissionDenied(filePath)) }
      }
      return { ok: true, real: resolved.real, path: filePath, temporary: false }
    },
  }
}

const VIDEO_EXTENSIONS = new Set(['.mp4', '.mov', '.m4v', '.webm'])

/** Copies files the user picked on the machine into temp files the mini-program may read. */
export function chooseFromDisk(space: WxFileSpace, sources: readonly string[]): ChosenFile[] {
  return sources.map((source) => {
    const extension = extname(source).toLowerCase()
    const file = space.newTempFile(extension.slice(1))
    copyFileSync(source, file.real)
    return {
      path: file.path,
      size: statSync(file.real).size,
      fileType: VIDEO_EXTENSIONS.has(extension) ? 'video' : 'image',
    }
  })
}
