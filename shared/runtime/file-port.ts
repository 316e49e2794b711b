/**
 * What the runtime needs from its host for the mini-program's files (`wx.getFileSystemManager()`,
 * `wx.saveFile`, upload sources, download targets). Paths are the mini-program's own:
 * `wxfile://usr/…` (user data, read and write), `wxfile://tmp_…` (temp files, read only) and
 * project paths such as `images/a.png` (the code package, read only). The host maps them to real
 * folders it owns and refuses anything that would leave them. Synchronous, like the port.
 */

/** `wx.env.USER_DATA_PATH` */
export const USER_DATA_PATH = 'wxfile://usr'

/** `message` is WeChat's text after `<api>:fail `, e.g. `no such file or directory, open "wxfile://usr/x"`. */
export type FileResult<T> = { ok: true; value: T } | { ok: false; message: string }

/** What `stat` tells: sizes in bytes, times in seconds, as WeChat's `Stats`. */
export interface FileStats {
  mode: number
  size: number
  lastAccessedTime: number
  lastModifiedTime: number
  isDirectory: boolean
  isFile: boolean
}

export interface FilePort {
  readFile(path: string): FileResult<Uint8Array>
  /** Creates or replaces the file (appends with `append`); user data only. */
  writeFile(path: string, data: Uint8Array, append: boolean): FileResult<void>
  access(path: string): FileResult<void>
  unlink(path: string): FileResult<void>
  stat(path: string): FileResult<FileStats>
  readdir(path: string): FileResult<string[]>
  mkdir(path: string, recursive: boolean): FileResult<void>
  /** Moves a temp file into user data (`wx.saveFile`); resolves to its new path. */
  saveFile(tempFilePath: string, filePath?: string): FileResult<string>
}

/**
 * The FilePort's calls with a callback instead of a return value, for a host whose files live in
 * another process (the simulator): the async file APIs go there, the Sync forms use `FilePort`.
 */
export type LaterFilePort = {
  [K in keyof FilePort]: (
    ...args: [...Parameters<FilePort[K]>, done: (result: ReturnType<FilePort[K]>) => void]
  ) => void
}

/** One file the user picked (`wx.chooseImage`/`wx.chooseMedia`), already copied to a temp file. */
export interface ChosenFile {
  /** `wxfile://tmp_…` */
  path: string
  size: number
  fileType: 'image' | 'video'
}

export interface ChooseRequest {
  /** At most this many files. */
  count: number
  /** Which kinds may be picked. */
  mediaType: ('image' | 'video')[]
}

/** The files picked, or `undefined` when the user cancelled (or nobody can pick, headless). */
export type ChooseFiles = (
  request: ChooseRequest,
  done: (files: ChosenFile[] | undefined) => void,
) => void

/** Bytes to keep as a new temp file (`name` gives its extension, `type` its MIME type). */
export interface NewTempFile {
  name: string
  type: string
  data: Uint8Array
}

/**
 * Writes new temp files where the host keeps them (one store with downloads and picks) and answers
 * their `wxfile://tmp_…` paths, or `undefined` when they could not be written.
 */
export type SaveTempFiles = (
  files: NewTempFile[],
  done: (saved: ChosenFile[] | undefined) => void,
) => void
