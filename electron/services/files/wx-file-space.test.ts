import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createNodeFilePort } from './node-file-port'
import { WxFileSpace } from './wx-file-space'

let base: string
let space: WxFileSpace
let outside: string

beforeEach(() => {
  base = mkdtempSync(join(tmpdir(), 'mpdt-files-'))
  outside = join(base, 'outside')
  mkdirSync(outside)
  writeFileSync(join(outside, 'secret.txt'), 'secret')
  mkdirSync(join(base, 'project'))
  writeFileSync(join(base, 'project', 'app.json'), '{}')
  space = new WxFileSpace({ root: join(base, 'data'), projectRoot: join(base, 'project') })
})

afterEach(() => rmSync(base, { recursive: true, force: true }))

const bytes = (text: string) => new TextEncoder().encode(text)

describe('WxFileSpace', () => {
  it('maps wxfile://usr paths into the user folder', () => {
    const resolved = space.resolve('wxfile://usr/a/b.txt', 'write')
    expect(resolved).toEqual({ ok: true, real: join(space.userDir, 'a', 'b.txt'), area: 'usr' })
  })

  it('refuses .. that climbs out of the user folder', () => {
    expect(space.resolve('wxfile://usr/../outside/secret.txt', 'read')).toEqual({
      ok: false,
      reason: 'permission',
    })
    expect(space.resolve('wxfile://usr/a/../../x', 'write').ok).toBe(false)
  })

  it('allows .. that stays inside the user folder', () => {
    const resolved = space.resolve('wxfile://usr/a/../b', 'write')
    expect(resolved.ok && resolved.real).toBe(join(space.userDir, 'b'))
  })

  it('reads an absolute path as a project path, inside the project folder', () => {
    const resolved = space.resolve(join(outside, 'secret.txt'), 'read')
    expect(resolved.ok && resolved.real).toBe(join(base, 'project', outside, 'secret.txt'))
  })

  it('refuses other schemes', () => {
    expect(space.resolve('file:///etc/passwd', 'read').ok).toBe(false)
    expect(space.resolve('http://x/y', 'read').ok).toBe(false)
  })

  it('refuses backslashes and NUL bytes', () => {
    expect(space.resolve('wxfile://usr/..\\..\\x', 'write').ok).toBe(false)
    expect(space.resolve('wxfile://usr/a\0b', 'write').ok).toBe(false)
  })

  it('takes percent-encoded dots literally, inside the user folder', () => {
    const resolved = space.resolve('wxfile://usr/%2e%2e/%2e%2e/x', 'write')
    expect(resolved.ok && resolved.real).toBe(join(space.userDir, '%2e%2e', '%2e%2e', 'x'))
  })

  it('refuses a symbolic link inside the user folder that points outside', () => {
    symlinkSync(outside, join(space.userDir, 'link'))
    expect(space.resolve('wxfile://usr/link/secret.txt', 'read').ok).toBe(false)
    expect(space.resolve('wxfile://usr/link/new.txt', 'write').ok).toBe(false)
  })

  it('refuses a dangling symbolic link', () => {
    symlinkSync(join(outside, 'missing'), join(space.userDir, 'dangling'))
    expect(space.resolve('wxfile://usr/dangling', 'write').ok).toBe(false)
  })

  it('makes temp files read only and flat', () => {
    expect(space.resolve('wxfile://tmp_abc', 'read').ok).toBe(true)
    expect(space.resolve('wxfile://tmp_abc', 'write').ok).toBe(false)
    expect(space.resolve('wxfile://tmp_a/../../outside', 'read').ok).toBe(false)
  })

  it('makes project files read only and contained', () => {
    expect(space.resolve('app.json', 'read').ok).toBe(true)
    expect(space.resolve('app.json', 'write').ok).toBe(false)
    expect(space.resolve('../outside/secret.txt', 'read').ok).toBe(false)
  })

  it('names new temp files wxfile://tmp_ with a safe extension', () => {
    const file = space.newTempFile('png')
    expect(file.path).toMatch(/^wxfile:\/\/tmp_[0-9a-f]{24}\.png$/)
    expect(space.newTempFile('../x').path).toMatch(/^wxfile:\/\/tmp_[0-9a-f]{24}$/)
  })
})

describe('the Node file port', () => {
  it('writes and reads back a user file', () => {
    const files = createNodeFilePort(space)
    expect(files.writeFile('wxfile://usr/a.txt', bytes('hi'), false)).toEqual({
      ok: true,
      value: undefined,
    })
    const read = files.readFile('wxfile://usr/a.txt')
    expect(read.ok && new TextDecoder().decode(read.value)).toBe('hi')
  })

  it('says no such file or directory in WeChat words', () => {
    expect(createNodeFilePort(space).readFile('wxfile://usr/x')).toEqual({
      ok: false,
      message: 'no such file or directory, open "wxfile://usr/x"',
    })
  })

  it('says permission denied for a write outside the user folder', () => {
    expect(
      createNodeFilePort(space).writeFile(
        'wxfile://usr/../../outside/secret.txt',
        bytes('x'),
        false,
      ),
    ).toEqual({
      ok: false,
      message: 'permission denied, open "wxfile://usr/../../outside/secret.txt"',
    })
    expect(readFileSync(join(outside, 'secret.txt'), 'utf8')).toBe('secret')
  })

  it('appends only to an existing file', () => {
    const files = createNodeFilePort(space)
    expect(files.writeFile('wxfile://usr/log', bytes('a'), true).ok).toBe(false)
    files.writeFile('wxfile://usr/log', bytes('a'), false)
    files.writeFile('wxfile://usr/log', bytes('b'), true)
    expect(readFileSync(join(space.userDir, 'log'), 'utf8')).toBe('ab')
  })

  it('makes folders, lists them and stats entries', () => {
    const files = createNodeFilePort(space)
    expect(files.mkdir('wxfile://usr/a/b', false).ok).toBe(false)
    expect(files.mkdir('wxfile://usr/a/b', true).ok).toBe(true)
    expect(files.mkdir('wxfile://usr/a', false)).toEqual({
      ok: false,
      message: 'file already exists, mkdir "wxfile://usr/a"',
    })
    files.writeFile('wxfile://usr/a/c.txt', bytes('abc'), false)
    expect(files.readdir('wxfile://usr/a')).toEqual({ ok: true, value: ['b', 'c.txt'] })
    const stats = files.stat('wxfile://usr/a/c.txt')
    expect(stats.ok && [stats.value.size, stats.value.isFile, stats.value.isDirectory]).toEqual([
      3,
      true,
      false,
    ])
  })

  it('unlinks files but not folders', () => {
    const files = createNodeFilePort(space)
    files.writeFile('wxfile://usr/f', bytes('x'), false)
    expect(files.unlink('wxfile://usr/f').ok).toBe(true)
    expect(files.access('wxfile://usr/f').ok).toBe(false)
    files.mkdir('wxfile://usr/d', false)
    expect(files.unlink('wxfile://usr/d')).toEqual({
      ok: false,
      message: 'illegal operation on a directory, unlink "wxfile://usr/d"',
    })
  })

  it('saves a temp file into user data and removes the temp file', () => {
    const files = createNodeFilePort(space)
    const temp = space.newTempFile('txt')
    writeFileSync(temp.real, 'kept')
    const saved = files.saveFile(temp.path)
    expect(saved.ok && saved.value).toMatch(/^wxfile:\/\/usr\/tmp_[0-9a-f]{24}\.txt$/)
    expect(files.access(temp.path).ok).toBe(false)
    const read = saved.ok ? files.readFile(saved.value) : undefined
    expect(read?.ok && new TextDecoder().decode(read.value)).toBe('kept')
  })

  it('refuses to save a user file as if it were a temp file', () => {
    const files = createNodeFilePort(space)
    files.writeFile('wxfile://usr/a', bytes('x'), false)
    expect(files.saveFile('wxfile://usr/a', 'wxfile://usr/b').ok).toBe(false)
  })
})
