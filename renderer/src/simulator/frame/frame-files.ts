/**
 * The mini-program's files as the frame sees them. The real folders live in the main process
 * (`files.operate` through the workbench); the runtime's FilePort is synchronous, so it answers
 * from a mirror of what this session wrote, picked or downloaded, and passes every change on to
 * the main process. A file the frame never saw reads as missing, in WeChat's words (README.md).
 */
import type {
  ChooseFiles,
  ChosenFile,
  FilePort,
  FileResult,
  FileStats,
  LaterFilePort,
  SaveTempFiles,
} from '../../../../shared/runtime/file-port'
import type { FileOperation, FileOperationResult } from '../../../../shared/simulator-protocol'
import { FAIL_WORDS, FILE_WORDS, fileFailWords } from '../../../../shared/wechat-errors'

const USER = 'wxfile://usr'
const TEMP = 'wxfile://tmp_'
/** Files larger than this are not copied into the frame after a download. */
export const MIRROR_LIMIT = 8 * 1024 * 1024

export type FileCall = (
  operation: FileOperation,
  done: (result: FileOperationResult) => void,
) => void

/** `wxfile://usr/a/./b/../c` → `wxfile://usr/a/c`; `undefined` when it climbs out. */
function normalUserPath(path: string): string | undefined {
  if (path !== USER && !path.startsWith(`${USER}/`)) return undefined
  const parts: string[] = []
  for (const part of path.slice(USER.length).split('/')) {
    if (part === '' || part === '.') continue
    if (part === '..') {
      if (parts.length === 0) return undefined
      parts.pop()
    } else parts.push(part)
  }
  return [USER, ...parts].join('/')
}

const isTemp = (path: string) => path.startsWith(TEMP) && !path.includes('/', TEMP.length)

function missing(syscall: string, path: string): { ok: false; message: string } {
  return { ok: false, message: FAIL_WORDS.noSuchFile(path, syscall) }
}

function denied(syscall: string, path: string): { ok: false; message: string } {
  return { ok: false, message: FAIL_WORDS.permissionDenied(path, syscall) }
}

export class FrameFiles implements FilePort {
  private readonly files = new Map<string, { data: Uint8Array; modified: number }>()
  private readonly folders = new Set<string>([USER])

  constructor(
    private readonly call: FileCall,
    /** The code package's files the bundle carries: text by path, images as data URLs. */
    private readonly codePackage: {
      files: Record<string, string>
      assets: Record<string, string>
    } = {
      files: {},
      assets: {},
    },
  ) {}

  /** A code package file (`images/a.png`, `/data/x.json`), read only, from the bundle. */
  private packageFile(path: string): Uint8Array | undefined {
    if (/^[a-z][a-z0-9+.-]*:/i.test(path)) return undefined
    const parts: string[] = []
    for (const part of path.split('/')) {
      if (part === '' || part === '.') continue
      if (part === '..') {
        if (parts.length === 0) return undefined
        parts.pop()
      } else parts.push(part)
    }
    const name = parts.join('/')
    const text = this.codePackage.files[name]
    if (text !== undefined) return new TextEncoder().encode(text)
    const asset = this.codePackage.assets[name]
    if (asset === undefined || !/^data:[^,]*;base64,/.test(asset)) return undefined
    return Uint8Array.from(atob(asset.slice(asset.indexOf(',') + 1)), (char) => char.charCodeAt(0))
  }

  /** Keeps the bytes of a file the main process wrote (a download, a picked file). */
  remember(path: string, data: Uint8Array): void {
    const key = isTemp(path) ? path : normalUserPath(path)
    if (key !== undefined) this.files.set(key, { data, modified: Date.now() })
  }

  /** Forgets a file the main process removed or moved. */
  forget(path: string): void {
    const key = this.key(path)
    if (key !== undefined) this.files.delete(key)
  }

  /** Notes a folder the main process made (with its parents). */
  noteFolder(path: string): void {
    const key = normalUserPath(path)
    if (key === undefined) return
    for (let end = key.indexOf('/', USER.length); end !== -1; end = key.indexOf('/', end + 1)) {
      this.folders.add(key.slice(0, end))
    }
    this.folders.add(key)
  }

  /** The bytes the mirror holds for a file, if any. */
  bytes(path: string): Uint8Array | undefined {
    const key = this.key(path)
    return key === undefined ? undefined : this.files.get(key)?.data
  }

  /** The bytes of a file: the mirror's, else the main process's. */
  read(path: string, done: (data: Uint8Array | undefined) => void): void {
    const known = this.readFile(path)
    if (known.ok) {
      done(known.value)
      return
    }
    this.call({ name: 'readFile', path }, (result) =>
      done(result.ok && result.value instanceof Uint8Array ? result.value : undefined),
    )
  }

  private key(path: string): string | undefined {
    return isTemp(path) ? path : normalUserPath(path)
  }

  readFile(path: string): FileResult<Uint8Array> {
    const key = this.key(path)
    if (key === undefined) {
      const packaged = this.packageFile(path)
      return packaged ? { ok: true, value: packaged } : missing('open', path)
    }
    const file = this.files.get(key)
    return file ? { ok: true, value: file.data } : missing('open', path)
  }

  writeFile(path: string, data: Uint8Array, append: boolean): FileResult<void> {
    const key = normalUserPath(path)
    if (key === undefined) return denied('open', path)
    if (!this.folders.has(key.slice(0, key.lastIndexOf('/')))) return missing('open', path)
    const before = this.files.get(key)
    if (append && !before) return missing('open', path)
    const bytes = append && before ? concat(before.data, data) : data.slice()
    this.files.set(key, { data: bytes, modified: Date.now() })
    this.call({ name: 'writeFile', path: key, data: data.slice(), append }, () => undefined)
    return { ok: true, value: undefined }
  }

  access(path: string): FileResult<void> {
    const key = this.key(path)
    return key !== undefined && (this.files.has(key) || this.folders.has(key))
      ? { ok: true, value: undefined }
      : missing('access', path)
  }

  unlink(path: string): FileResult<void> {
    const key = normalUserPath(path)
    if (key === undefined) return denied('unlink', path)
    if (this.folders.has(key)) {
      return { ok: false, message: fileFailWords(FILE_WORDS.isDirectory, 'unlink', path) }
    }
    if (!this.files.delete(key)) return missing('unlink', path)
    this.call({ name: 'unlink', path: key }, () => undefined)
    return { ok: true, value: undefined }
  }

  stat(path: string): FileResult<FileStats> {
    const key = this.key(path)
    const file = key === undefined ? undefined : this.files.get(key)
    const folder = key !== undefined && this.folders.has(key)
    if (!file && !folder) return missing('stat', path)
    const time = Math.floor((file?.modified ?? Date.now()) / 1000)
    return {
      ok: true,
      value: {
        mode: folder ? 0o40755 : 0o100644,
        size: file?.data.byteLength ?? 0,
        lastAccessedTime: time,
        lastModifiedTime: time,
        isDirectory: folder,
        isFile: !folder,
      },
    }
  }

  readdir(path: string): FileResult<string[]> {
    const key = normalUserPath(path)
    if (key === undefined || !this.folders.has(key)) return missing('scandir', path)
    const names = new Set<string>()
    for (const entry of [...this.files.keys(), ...this.folders]) {
      if (entry.startsWith(`${key}/`)) names.add(entry.slice(key.length + 1).split('/')[0])
    }
    return { ok: true, value: [...names].sort() }
  }

  mkdir(path: string, recursive: boolean): FileResult<void> {
    const key = normalUserPath(path)
    if (key === undefined) return denied('mkdir', path)
    if (this.files.has(key))
      return { ok: false, message: fileFailWords(FILE_WORDS.exists, 'mkdir', path) }
    if (this.folders.has(key)) {
      return recursive
        ? { ok: true, value: undefined }
        : { ok: false, message: fileFailWords(FILE_WORDS.exists, 'mkdir', path) }
    }
    const parent = key.slice(0, key.lastIndexOf('/'))
    if (!recursive && !this.folders.has(parent)) return missing('mkdir', path)
    this.noteFolder(key)
    this.call({ name: 'mkdir', path: key, recursive }, () => undefined)
    return { ok: true, value: undefined }
  }

  saveFile(tempFilePath: string, filePath?: string): FileResult<string> {
    if (!isTemp(tempFilePath)) return denied('open', tempFilePath)
    const file = this.files.get(tempFilePath)
    if (!file) return missing('open', tempFilePath)
    const target = filePath ?? `${USER}/${tempFilePath.slice('wxfile://'.length)}`
    const key = normalUserPath(target)
    if (key === undefined) return denied('open', target)
    this.files.delete(tempFilePath)
    this.files.set(key, { data: file.data, modified: Date.now() })
    this.call(
      { name: 'saveFile', tempFilePath, ...(filePath !== undefined && { filePath: key }) },
      () => undefined,
    )
    return { ok: true, value: target }
  }
}

/**
 * The async file APIs: each call goes to the main process (which holds every file, including
 * those of earlier sessions) and its answer updates the mirror the Sync forms read.
 */
export function laterFiles(files: FrameFiles, call: FileCall): LaterFilePort {
  const run = <T>(
    operation: FileOperation,
    done: (result: FileResult<T>) => void,
    learn?: (value: T) => void,
  ) =>
    call(operation, (result) => {
      if (!result.ok) {
        done(result)
        return
      }
      const value = (result.value ?? undefined) as T
      learn?.(value)
      done({ ok: true, value })
    })
  return {
    readFile: (path, done) =>
      run<Uint8Array>({ name: 'readFile', path }, done, (data) => files.remember(path, data)),
    writeFile: (path, data, append, done) =>
      run<void>({ name: 'writeFile', path, data: data.slice(), append }, done, () => {
        const before = files.bytes(path)
        if (!append) files.remember(path, data.slice())
        else if (before) files.remember(path, concat(before, data))
      }),
    access: (path, done) => run({ name: 'access', path }, done),
    unlink: (path, done) => run<void>({ name: 'unlink', path }, done, () => files.forget(path)),
    stat: (path, done) => run({ name: 'stat', path }, done),
    readdir: (path, done) => run({ name: 'readdir', path }, done),
    mkdir: (path, recursive, done) =>
      run<void>({ name: 'mkdir', path, recursive }, done, () => files.noteFolder(path)),
    saveFile: (tempFilePath, filePath, done) =>
      run<string>(
        { name: 'saveFile', tempFilePath, ...(filePath !== undefined && { filePath }) },
        done,
        (saved) => {
          const data = files.bytes(tempFilePath)
          files.forget(tempFilePath)
          if (data) files.remember(saved, data)
        },
      ),
  }
}

function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
  const joined = new Uint8Array(a.byteLength + b.byteLength)
  joined.set(a)
  joined.set(b, a.byteLength)
  return joined
}

/**
 * New temp files (picked files, `canvasToTempFilePath`'s picture) written by the main process in
 * the project's temp folder, where downloads go too; their bytes are kept in the mirror.
 */
export function tempFileSaver(files: FrameFiles, call: FileCall): SaveTempFiles {
  return (chosen, done) =>
    call({ name: 'saveChosen', files: chosen }, (result) => {
      if (!result.ok || !Array.isArray(result.value)) {
        done(undefined)
        return
      }
      const saved = result.value as ChosenFile[]
      saved.forEach((file, index) => files.remember(file.path, chosen[index].data))
      done(saved)
    })
}

/**
 * `wx.chooseImage`/`wx.chooseMedia`: an `<input type=file>` (`#mp-file-input`) in the frame; the
 * picked bytes become temp files in the main process and are kept in the mirror.
 */
export function fileChooser(doc: Document, save: SaveTempFiles): ChooseFiles {
  return (request, done) => {
    doc.getElementById('mp-file-input')?.remove()
    const input = doc.createElement('input')
    input.type = 'file'
    input.id = 'mp-file-input'
    input.hidden = true
    input.multiple = request.count > 1
    input.accept = request.mediaType.map((type) => `${type}/*`).join(',')
    let answered = false
    const answer = (chosen: ChosenFile[] | undefined) => {
      if (answered) return
      answered = true
      input.remove()
      done(chosen)
    }
    input.addEventListener('cancel', () => answer(undefined))
    input.addEventListener('change', () => {
      const picked = Array.from(input.files ?? []).slice(0, request.count)
      if (picked.length === 0) {
        answer(undefined)
        return
      }
      void Promise.all(
        picked.map(async (file) => ({
          name: file.name,
          type: file.type,
          data: new Uint8Array(await file.arrayBuffer()),
        })),
      ).then((chosen) => save(chosen, answer))
    })
    doc.body.appendChild(input)
    input.click()
  }
}
