/**
 * The simulator's files in the main process: the project's own file folder,
 * `<dataDir>/files/<appid>-<hash of the folder>` (`usr` kept between sessions, `tmp` emptied when
 * the project opens), where `files.operate` runs the frame's file calls (their untrusted fields
 * checked first by contract-params.ts) and where uploads read and downloads write (the task registry gets `space()`).
 */
import { createHash } from 'node:crypto'
import { rmSync, writeFileSync } from 'node:fs'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { extname, join } from 'node:path'
import { fail, ok, type Result } from '../../../shared/result'
import type { ContractService } from '../../../shared/rpc'
import type { FileOperation, FileOperationResult } from '../../../shared/simulator-protocol'
import { createNodeFilePort } from '../files/node-file-port'
import { WxFileSpace } from '../files/wx-file-space'
import type { ProjectStore } from '../project/project-store'

export interface FileServiceOptions {
  store: ProjectStore
  /** The app's data folder; absent, files live in a temporary folder deleted on `close()`. */
  dataDir?: string
}

export interface FileService {
  methods: Pick<ContractService, 'files.operate'>
  /** The open project's file space (created on first use). */
  space(): Promise<WxFileSpace | undefined>
  /** Forgets the file space; deletes a temporary folder. */
  close(): Promise<void>
}

const VIDEO_TYPES = /^video\//

/** `touristappid-3f2a9c1b0d4e`: readable, and distinct for two projects with the same appid. */
function folderName(appid: string, dir: string): string {
  const hash = createHash('sha256').update(dir).digest('hex').slice(0, 12)
  return `${appid.replace(/[^\w-]/g, '_')}-${hash}`
}

const noProject = (): Result<never> => fail({ code: 'NO_PROJECT', message: 'No project is open' })

export function createFileService(options: FileServiceOptions): FileService {
  const { store } = options
  let files: { dir: string; space: WxFileSpace } | undefined
  let scratch: Promise<string> | undefined

  async function space(): Promise<WxFileSpace | undefined> {
    const info = store.current()
    if (!info) return undefined
    if (files?.dir === info.dir) return files.space
    scratch ??= mkdtemp(join(tmpdir(), 'mpdt-files-'))
    const parent = options.dataDir ? join(options.dataDir, 'files') : await scratch
    const root = join(parent, folderName(info.settings.appid, info.dir))
    // Temp files do not outlive the mini-program, as on a phone.
    rmSync(join(root, 'tmp'), { recursive: true, force: true })
    const opened = new WxFileSpace({
      root,
      projectRoot: join(info.dir, info.settings.miniprogramRoot),
    })
    files = { dir: info.dir, space: opened }
    return opened
  }

  function runFileOperation(opened: WxFileSpace, op: FileOperation): FileOperationResult {
    const port = createNodeFilePort(opened)
    switch (op.name) {
      case 'readFile':
        return port.readFile(op.path)
      case 'writeFile':
        return nothing(port.writeFile(op.path, op.data, op.append))
      case 'access':
        return nothing(port.access(op.path))
      case 'unlink':
        return nothing(port.unlink(op.path))
      case 'stat':
        return port.stat(op.path)
      case 'readdir':
        return port.readdir(op.path)
      case 'mkdir':
        return nothing(port.mkdir(op.path, op.recursive))
      case 'saveFile':
        return port.saveFile(op.tempFilePath, op.filePath)
      case 'saveChosen':
        return {
          ok: true,
          value: op.files.map((file) => {
            // Temp files are read only to the mini-program; the host writes them itself.
            const created = opened.newTempFile(extname(file.name).slice(1))
            writeFileSync(created.real, file.data)
            return {
              path: created.path,
              size: file.data.byteLength,
              fileType: VIDEO_TYPES.test(file.type) ? ('video' as const) : ('image' as const),
            }
          }),
        }
    }
  }

  return {
    methods: {
      // The contract's check (contract-params.ts) ran before.
      'files.operate': async ({ operation }) => {
        const opened = await space()
        if (!opened) return noProject()
        return ok(runFileOperation(opened, operation))
      },
    },
    space,
    async close() {
      files = undefined
      if (scratch) await rm(await scratch, { recursive: true, force: true })
    },
  }
}

function nothing(result: { ok: true; value: void } | { ok: false; message: string }) {
  return result.ok ? { ok: true as const, value: null } : result
}
