/**
 * The FilePort in Node (`mpdt run`, the workbench's main process): the mini-program's file calls
 * on a WxFileSpace, with failures in WeChat's words (`no such file or directory, open "<path>"`).
 */
import {
  accessSync,
  appendFileSync,
  copyFileSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  statSync,
  unlinkSync,
  writeFileSync,
} from 'node:fs'
import { basename, dirname } from 'node:path'
import type { FilePort, FileResult, FileStats } from '../../../shared/runtime/file-port'
import { FILE_WORDS, fileFailWords } from '../../../shared/wechat-errors'
import type { Access, WxFileSpace } from './wx-file-space'

/** Node's error codes as WeChat's messages word them. */
const WORDS: Record<string, string> = {
  ENOENT: FILE_WORDS.noSuchFile,
  EEXIST: FILE_WORDS.exists,
  ENOTDIR: FILE_WORDS.notDirectory,
  EISDIR: FILE_WORDS.isDirectory,
  ENOTEMPTY: FILE_WORDS.notEmpty,
  EACCES: FILE_WORDS.permissionDenied,
  EPERM: FILE_WORDS.permissionDenied,
}

function failure(words: string, syscall: string, path: string): { ok: false; message: string } {
  return { ok: false, message: fileFailWords(words, syscall, path) }
}

export function createNodeFilePort(space: WxFileSpace): FilePort {
  /** Runs `act` on the real path of `path`, turning refusals and fs errors into WeChat's text. */
  function on<T>(
    path: string,
    access: Access,
    syscall: string,
    act: (real: string) => T,
  ): FileResult<T> {
    const resolved = space.resolve(path, access)
    if (!resolved.ok) {
      return failure(
        resolved.reason === 'permission' ? FILE_WORDS.permissionDenied : FILE_WORDS.invalidPath,
        syscall,
        path,
      )
    }
    try {
      return { ok: true, value: act(resolved.real) }
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code ?? ''
      return failure(WORDS[code] ?? FILE_WORDS.notPermitted, syscall, path)
    }
  }

  return {
    readFile: (path) => on(path, 'read', 'open', (real) => new Uint8Array(readFileSync(real))),
    writeFile: (path, data, append) =>
      on(path, 'write', 'open', (real) => {
        if (append) {
          statSync(real)
          appendFileSync(real, data)
        } else writeFileSync(real, data)
      }),
    access: (path) => on(path, 'read', 'access', (real) => accessSync(real)),
    unlink: (path) =>
      on(path, 'write', 'unlink', (real) => {
        if (statSync(real).isDirectory()) {
          throw Object.assign(new Error('directory'), { code: 'EISDIR' })
        }
        unlinkSync(real)
      }),
    stat: (path) => on(path, 'read', 'stat', (real) => toStats(real)),
    readdir: (path) => on(path, 'read', 'scandir', (real) => readdirSync(real).sort()),
    mkdir: (path, recursive) =>
      on(path, 'write', 'mkdir', (real) => {
        if (recursive) statOrMissing(real)
        mkdirSync(real, { recursive })
      }),
    saveFile(tempFilePath, filePath) {
      const source = space.resolve(tempFilePath, 'read')
      if (!source.ok || source.area !== 'tmp') {
        return failure(FILE_WORDS.permissionDenied, 'open', tempFilePath)
      }
      const target = filePath ?? `${space.userPathOf(space.userDir)}/${basename(source.real)}`
      return on(target, 'write', 'open', (real) => {
        statSync(source.real)
        statSync(dirname(real))
        moveFile(source.real, real)
        return target
      })
    },
  }
}

/** A recursive mkdir of an existing folder is not an error; of an existing file it is. */
function statOrMissing(real: string): void {
  try {
    if (!statSync(real).isDirectory()) {
      throw Object.assign(new Error('exists'), { code: 'EEXIST' })
    }
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error
  }
}

function moveFile(from: string, to: string): void {
  try {
    renameSync(from, to)
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EXDEV') throw error
    copyFileSync(from, to)
    unlinkSync(from)
  }
}

function toStats(real: string): FileStats {
  const stats = statSync(real)
  return {
    mode: stats.mode,
    size: stats.size,
    lastAccessedTime: Math.floor(stats.atimeMs / 1000),
    lastModifiedTime: Math.floor(stats.mtimeMs / 1000),
    isDirectory: stats.isDirectory(),
    isFile: stats.isFile(),
  }
}
