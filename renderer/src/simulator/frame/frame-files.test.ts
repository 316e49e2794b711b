import { describe, expect, it } from 'vitest'
import type { FileOperation } from '../../../../shared/simulator-protocol'
import { FrameFiles } from './frame-files'

const bytes = (text: string) => new TextEncoder().encode(text)

function createFiles() {
  const sent: FileOperation[] = []
  const files = new FrameFiles((operation, done) => {
    sent.push(operation)
    done({ ok: true, value: null })
  })
  return { files, sent }
}

describe('FrameFiles', () => {
  it('reads back what it wrote and passes the write on to the main process', () => {
    const { files, sent } = createFiles()
    expect(files.writeFile('wxfile://usr/a.txt', bytes('hi'), false)).toEqual({
      ok: true,
      value: undefined,
    })
    expect(files.writeFile('wxfile://usr/a.txt', bytes('!'), true).ok).toBe(true)
    expect(files.readFile('wxfile://usr/./a.txt')).toEqual({ ok: true, value: bytes('hi!') })
    expect(sent).toEqual([
      { name: 'writeFile', path: 'wxfile://usr/a.txt', data: bytes('hi'), append: false },
      { name: 'writeFile', path: 'wxfile://usr/a.txt', data: bytes('!'), append: true },
    ])
  })

  it('answers a file it never saw as missing, in WeChat’s words', () => {
    const { files } = createFiles()
    expect(files.readFile('wxfile://usr/old.txt')).toEqual({
      ok: false,
      message: 'no such file or directory, open "wxfile://usr/old.txt"',
    })
    expect(files.stat('wxfile://tmp_x.png')).toEqual({
      ok: false,
      message: 'no such file or directory, stat "wxfile://tmp_x.png"',
    })
  })

  it('refuses writes outside user data and paths that climb out', () => {
    const { files, sent } = createFiles()
    expect(files.writeFile('wxfile://tmp_a.png', bytes('x'), false)).toEqual({
      ok: false,
      message: 'permission denied, open "wxfile://tmp_a.png"',
    })
    expect(files.writeFile('wxfile://usr/../../x', bytes('x'), false)).toEqual({
      ok: false,
      message: 'permission denied, open "wxfile://usr/../../x"',
    })
    expect(sent).toEqual([])
  })

  it('makes folders, lists them and unlinks files', () => {
    const { files } = createFiles()
    expect(files.mkdir('wxfile://usr/a/b', false).ok).toBe(false)
    expect(files.mkdir('wxfile://usr/a/b', true).ok).toBe(true)
    expect(files.writeFile('wxfile://usr/a/b/c.txt', bytes('c'), false).ok).toBe(true)
    expect(files.readdir('wxfile://usr/a')).toEqual({ ok: true, value: ['b'] })
    expect(files.readdir('wxfile://usr/a/b')).toEqual({ ok: true, value: ['c.txt'] })
    expect(files.stat('wxfile://usr/a').ok && files.stat('wxfile://usr/a')).toMatchObject({
      value: { isDirectory: true },
    })
    expect(files.unlink('wxfile://usr/a/b/c.txt').ok).toBe(true)
    expect(files.access('wxfile://usr/a/b/c.txt').ok).toBe(false)
  })

  it('saves a temp file into user data under its own name', () => {
    const { files, sent } = createFiles()
    files.remember('wxfile://tmp_a.png', bytes('png'))
    expect(files.saveFile('wxfile://tmp_a.png')).toEqual({
      ok: true,
      value: 'wxfile://usr/tmp_a.png',
    })
    expect(files.readFile('wxfile://usr/tmp_a.png')).toEqual({ ok: true, value: bytes('png') })
    expect(files.access('wxfile://tmp_a.png').ok).toBe(false)
    expect(sent).toEqual([{ name: 'saveFile', tempFilePath: 'wxfile://tmp_a.png' }])
  })

  it('reads the code package’s files from the bundle, and nothing above its root', () => {
    const files = new FrameFiles(() => undefined, {
      files: { 'data/config.json': '{"a":1}' },
      assets: { 'images/dot.png': 'data:image/png;base64,AQID' },
    })
    expect(files.readFile('/data/config.json')).toEqual({ ok: true, value: bytes('{"a":1}') })
    expect(files.readFile('images/dot.png')).toEqual({
      ok: true,
      value: new Uint8Array([1, 2, 3]),
    })
    expect(files.readFile('../data/config.json')).toEqual({
      ok: false,
      message: 'no such file or directory, open "../data/config.json"',
    })
  })

  it('reads a file it does not hold from the main process (for <image>)', () => {
    const files = new FrameFiles((operation, done) =>
      done(
        operation.name === 'readFile'
          ? { ok: true, value: bytes('far') }
          : { ok: false, message: '' },
      ),
    )
    let read: Uint8Array | undefined
    files.read('wxfile://usr/far.png', (data) => (read = data))
    expect(read).toEqual(bytes('far'))
  })
})
