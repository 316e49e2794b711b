import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { ResponseHead } from '../../../shared/network'
import { downloadTarget, uploadSource } from './transfer-files'
import { WxFileSpace } from './wx-file-space'

let base: string
let space: WxFileSpace
beforeEach(() => {
  base = mkdtempSync(join(tmpdir(), 'mpdt-transfer-files-'))
  space = new WxFileSpace({ root: join(base, 'data'), projectRoot: join(base, 'project') })
})
afterEach(() => rmSync(base, { recursive: true, force: true }))

const head = (contentType?: string): ResponseHead => ({
  statusCode: 200,
  header: contentType ? { 'Content-Type': contentType } : {},
  cookies: [],
})

describe('upload sources', () => {
  it('reads user and temp files from the space', () => {
    expect(uploadSource(space, 'wxfile://usr/a.png')).toEqual({
      ok: true,
      path: join(space.userDir, 'a.png'),
    })
    expect(uploadSource(space, 'wxfile://tmp_1.png')).toEqual({
      ok: true,
      path: join(space.tempDir, 'tmp_1.png'),
    })
  })

  it('refuses a path that leaves the space, in WeChat words', () => {
    expect(uploadSource(space, 'wxfile://usr/../../../etc/passwd')).toEqual({
      ok: false,
      errMsg: 'uploadFile:fail permission denied, open "wxfile://usr/../../../etc/passwd"',
    })
  })
})

describe('download targets', () => {
  it('names a temp file after the URL extension', () => {
    const opened = downloadTarget(space).open(head('text/plain'), 'https://x.test/a/photo.JPG?v=1')
    expect(opened.ok && opened.path).toMatch(/^wxfile:\/\/tmp_[0-9a-f]+\.jpg$/)
    expect(opened.ok && opened.temporary).toBe(true)
  })

  it('names a temp file after the content-type when the URL has no extension', () => {
    const opened = downloadTarget(space).open(head('image/png; q=1'), 'https://x.test/avatar')
    expect(opened.ok && opened.path).toMatch(/\.png$/)
  })

  it('writes a chosen filePath in user data', () => {
    const opened = downloadTarget(space, 'wxfile://usr/d.txt').open(head(), 'https://x.test/d')
    expect(opened).toEqual({
      ok: true,
      real: join(space.userDir, 'd.txt'),
      path: 'wxfile://usr/d.txt',
      temporary: false,
    })
  })

  it('refuses a filePath in the code package or among temp files', () => {
    for (const filePath of ['images/a.png', 'wxfile://tmp_x']) {
      expect(downloadTarget(space, filePath).open(head(), 'https://x.test/d')).toEqual({
        ok: false,
        errMsg: `downloadFile:fail permission denied, open "${filePath}"`,
      })
    }
  })
})
