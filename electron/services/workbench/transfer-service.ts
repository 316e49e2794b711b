/**
 * The simulator's uploads, downloads, sockets and files in the main process: each runs on the open
 * project's request engine (the same one as `network.request`, so the Network panel sees them) and
 * on the project's own file folder, `<dataDir>/files/<appid>-<hash of the folder>` (`usr` kept
 * between sessions, `tmp` emptied when the project opens). Callbacks go back as `network.task`
 * events, as for requests; the frame's untrusted fields are checked first.
 */
import { createHash } from 'node:crypto'
import { rmSync, writeFileSync } from 'node:fs'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { extname, join } from 'node:path'
import type { EngineSocket, EngineTask } from '../../../shared/network'
import { fail, ok, type Result } from '../../../shared/result'
import type { ContractService } from '../../../shared/rpc'
import { FAIL_WORDS } from '../../../shared/wechat-errors'
import type {
  FileOperation,
  FileOperationResult,
  TaskEvent,
} from '../../../shared/simulator-protocol'
import { createNodeFilePort } from '../files/node-file-port'
import { downloadTarget, uploadSource } from '../files/transfer-files'
import { WxFileSpace } from '../files/wx-file-space'
import type { RequestEngine } from '../network'
import type { ProjectStore } from '../project/project-store'
import { isTaskId } from './engine-request-check'
import {
  checkDownloadRequest,
  checkFileOperation,
  checkSocketRequest,
  checkUploadRequest,
} from './transfer-request-check'
import type { ContractEventListener } from '../../../shared/contract'

export interface TransferServiceOptions {
  store: ProjectStore
  emit: ContractEventListener
  /** The open project's engine, once configured. */
  engine(): RequestEngine | undefined
  /** Resolves once the last project change reached the engine. */
  settled(): Promise<void>
  /** The app's data folder; absent, files live in a temporary folder deleted on `close()`. */
  dataDir?: string
}

type TransferMethod =
  | 'network.uploadFile'
  | 'network.downloadFile'
  | 'network.connectSocket'
  | 'network.socketSend'
  | 'network.socketClose'
  | 'files.operate'

export interface TransferService {
  methods: Pick<ContractService, TransferMethod>
  /** Aborts an upload or download of this service; false when the id is not one of them. */
  abort(taskId: string): boolean
  /** The open project's file space (created on first use). */
  space(): Promise<WxFileSpace | undefined>
  /** Aborts transfers and forgets sockets (the engine closes them); deletes a temporary folder. */
  close(): Promise<void>
}

const VIDEO_TYPES = /^video\//

/** `touristappid-3f2a9c1b0d4e`: readable, and distinct for two projects with the same appid. */
function folderName(appid: string, dir: string): string {
  const hash = createHash('sha256').update(dir).digest('hex').slice(0, 12)
  return `${appid.replace(/[^\w-]/g, '_')}-${hash}`
}

const noProject = (): Result<never> => fail({ code: 'NO_PROJECT', message: 'No project is open' })
const badTaskId = (): Result<never> =>
  fail({ code: 'INVALID_PARAMS', message: 'taskId must be a short id' })

export function createTransferService(options: TransferServiceOptions): TransferService {
  const { store, emit } = options
  const transfers = new Map<string, EngineTask>()
  const sockets = new Map<string, EngineSocket>()
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

  /** The engine and file space for a new task, or why there is none. */
  async function ready(
    taskId: unknown,
  ): Promise<Result<{ taskId: string; engine: RequestEngine; space: WxFileSpace }>> {
    if (!isTaskId(taskId)) return badTaskId()
    if (transfers.has(taskId) || sockets.has(taskId)) {
      return fail({ code: 'INVALID_PARAMS', message: `taskId ${taskId} is in use` })
    }
    await options.settled()
    const engine = options.engine()
    const opened = await space()
    if (!engine || !opened) return noProject()
    return ok({ taskId, engine, space: opened })
  }

  const send = (taskId: string, event: TaskEvent) => emit('network.task', { taskId, event })

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
      'network.uploadFile': async (params) => {
        const { taskId, req } = (params ?? {}) as { taskId?: unknown; req?: unknown }
        const checked = checkUploadRequest(req)
        if (!checked.ok) return checked
        const context = await ready(taskId)
        if (!context.ok) return context
        const { engine, space: opened } = context.value
        const id = context.value.taskId
        const source = uploadSource(opened, checked.value.filePath)
        if (!source.ok) {
          send(id, { kind: 'done', outcome: { ok: false, errMsg: source.errMsg } })
          return ok({ taskId: id })
        }
        let finished = false
        const task = engine.uploadFile(checked.value, source, {
          onHeaders: (head) => send(id, { kind: 'headers', head }),
          onProgress: (progress) => send(id, { kind: 'progress', progress }),
          onDone: (outcome) => {
            finished = true
            transfers.delete(id)
            send(id, { kind: 'done', outcome })
          },
        })
        if (!finished) transfers.set(id, task)
        return ok({ taskId: id })
      },
      'network.downloadFile': async (params) => {
        const { taskId, req } = (params ?? {}) as { taskId?: unknown; req?: unknown }
        const checked = checkDownloadRequest(req)
        if (!checked.ok) return checked
        const context = await ready(taskId)
        if (!context.ok) return context
        const { engine, space: opened } = context.value
        const id = context.value.taskId
        let finished = false
        const task = engine.downloadFile(
          checked.value,
          downloadTarget(opened, checked.value.filePath),
          {
            onHeaders: (head) => send(id, { kind: 'headers', head }),
            onProgress: (progress) => send(id, { kind: 'progress', progress }),
            onDone: (outcome) => {
              finished = true
              transfers.delete(id)
              send(id, { kind: 'downloaded', outcome })
            },
          },
        )
        if (!finished) transfers.set(id, task)
        return ok({ taskId: id })
      },
      'network.connectSocket': async (params) => {
        const { taskId, req } = (params ?? {}) as { taskId?: unknown; req?: unknown }
        const checked = checkSocketRequest(req)
        if (!checked.ok) return checked
        const context = await ready(taskId)
        if (!context.ok) return context
        const id = context.value.taskId
        const started = context.value.engine.connectSocket(checked.value, {
          onOpen: ({ header }) => send(id, { kind: 'socket-open', header }),
          onMessage: (data) => send(id, { kind: 'socket-message', data }),
          onError: (errMsg) => send(id, { kind: 'socket-error', errMsg }),
          onClose: (code, reason) => {
            sockets.delete(id)
            send(id, { kind: 'socket-close', code, reason })
          },
        })
        if (started.ok) {
          sockets.set(id, started.socket)
          send(id, { kind: 'socket-accepted' })
        } else {
          send(id, {
            kind: 'socket-refused',
            errMsg: started.errMsg,
            ...(started.errno !== undefined && { errno: started.errno }),
          })
        }
        return ok({ taskId: id })
      },
      'network.socketSend': async (params) => {
        const { taskId, data } = (params ?? {}) as { taskId?: unknown; data?: unknown }
        if (!isTaskId(taskId)) return badTaskId()
        if (typeof data !== 'string' && !(data instanceof Uint8Array)) {
          return fail({ code: 'INVALID_PARAMS', message: 'data must be a string or bytes' })
        }
        const socket = sockets.get(taskId)
        return ok(socket ? (socket.send(data) ?? null) : FAIL_WORDS.socketNotOpen)
      },
      'network.socketClose': async (params) => {
        const { taskId, code, reason } = (params ?? {}) as Record<string, unknown>
        if (!isTaskId(taskId)) return badTaskId()
        if (typeof code !== 'number' || typeof reason !== 'string') {
          return fail({ code: 'INVALID_PARAMS', message: 'code and reason must be given' })
        }
        const socket = sockets.get(taskId)
        return ok(socket ? (socket.close(code, reason) ?? null) : FAIL_WORDS.socketNotOpen)
      },
      'files.operate': async (params) => {
        const operation = checkFileOperation((params as { operation?: unknown } | null)?.operation)
        if (!operation.ok) return operation
        const opened = await space()
        if (!opened) return noProject()
        return ok(runFileOperation(opened, operation.value))
      },
    },
    abort(taskId) {
      const task = transfers.get(taskId)
      if (!task) return false
      task.abort()
      return true
    },
    space,
    async close() {
      for (const task of [...transfers.values()]) task.abort()
      transfers.clear()
      sockets.clear()
      files = undefined
      if (scratch) await rm(await scratch, { recursive: true, force: true })
    },
  }
}

function nothing(result: { ok: true; value: void } | { ok: false; message: string }) {
  return result.ok ? { ok: true as const, value: null } : result
}
