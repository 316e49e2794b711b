/**
 * The runtime's NativePort in Node, as `mpdt run` and the benchmark use it: tasks (requests,
 * transfers, sockets) go to the task registry on the request engine, console calls and uncaught exceptions to a printer, storage stays in memory.
 */
import { FINAL_TASK_EVENTS } from '../../../shared/runtime/wx-task'
import type {
  MissingPage,
  NativePort,
  ReportedError,
  UserAnswers,
} from '../../../shared/runtime/native-port'
import { createWxMainApi } from '../wx-api/main-api'
import { createTaskRegistry, type TaskRunner } from '../wx-api/task-registry'
import { createNodeFilePort } from '../files/node-file-port'
import { chooseFromDisk } from '../files/transfer-files'
import type { WxFileSpace } from '../files/wx-file-space'
import type { HarRecorder } from '../har/har-recorder'
import type { RequestEngine } from '../network'
import type { NetworkEvent } from '../../../shared/network'
import { evaluateScript } from './evaluate-script'
import type { MemoryStorage } from './memory-storage'
import type { Theme } from '../../../shared/theme'
import { SIMULATED_SYSTEM_INFO } from './simulated-device'
import { startNodeWorker } from './worker-thread'

export interface HeadlessPortOptions {
  engine: Pick<RequestEngine, 'request'> &
    Partial<Pick<RequestEngine, 'uploadFile' | 'downloadFile' | 'connectSocket'>>
  /** The mini-program's files; without it file APIs, uploads and downloads fail. */
  files?: WxFileSpace
  /** What `wx.chooseImage`/`wx.chooseMedia` pick (`--choose-file`); none: they cancel. */
  chosenFiles?: string[]
  storage: MemoryStorage
  /** One console call of the mini-program or of the base library. */
  console(level: string, args: unknown[]): void
  /** An uncaught exception of mini-program code. */
  reportError(error: ReportedError): void
  /** The launch page is missing and nothing opened instead: WeChat would show 页面不存在. */
  pageNotFound?(page: MissingPage): void
  /**
   * Given when a HAR is written: it also gets the request bodies, raw response cookies and the
   * rows of `wx.cloud`'s calls.
   */
  har?: HarRecorder
  /** The project's appid, for the main-process wx APIs (`wx.login`…). */
  appid: string
  /** The simulated user's answers. @default authorization allowed */
  answers?: UserAnswers
  /** The app's theme (`appTheme`: only with app.json `darkmode: true`); absent: none reported. */
  theme?: Theme
  /** The compiled workers bundle (`CompileResult.workers.code`); absent: `wx.createWorker` fails. */
  workerCode?: string
}

export interface OpenRequest {
  method: string
  url: string
}

/** What `openRequests` calls the method of a task that is not a `wx.request`. */
const TASK_METHODS = { uploadFile: 'POST', downloadFile: 'GET', connectSocket: 'WEBSOCKET' }

export interface HeadlessPort extends NativePort {
  /** Requests the mini-program made that have not completed yet. */
  openRequests(): OpenRequest[]
}

export function createHeadlessPort(options: HeadlessPortOptions): HeadlessPort {
  const { engine, storage, har } = options
  const open = new Set<OpenRequest>()

  const { files } = options
  // A HAR gets the main-process calls' rows too (wx.cloud), as the workbench's Network panel does.
  const wxMain = createWxMainApi({
    appid: () => options.appid,
    ...(har && { network: (event: NetworkEvent) => har.handle(event) }),
  })
  const tasks = createTaskRegistry()
  let nextTask = 1
  const runner: TaskRunner = {
    engine: {
      ...engine,
      // A HAR also gets the request body and the raw response cookies.
      request(req, callbacks) {
        const task = engine.request(req, {
          ...callbacks,
          onDone(outcome) {
            if (har && outcome.ok) har.noteResponse(task.id, { cookies: outcome.cookies })
            callbacks.onDone(outcome)
          },
        })
        har?.noteRequestBody(task.id, req.body)
        return task
      },
    },
    ...(files && { files }),
  }

  return {
    ...(files && {
      files: createNodeFilePort(files),
      chooseFiles(request, done) {
        const chosen = options.chosenFiles ?? []
        done(chosen.length > 0 ? chooseFromDisk(files, chosen.slice(0, request.count)) : undefined)
      },
    }),
    startTask(req, onEvent) {
      const taskId = `task-${nextTask++}`
      const entry: OpenRequest = {
        method: req.api === 'request' ? req.method : TASK_METHODS[req.api],
        url: req.url,
      }
      open.add(entry)
      const started = tasks.start(taskId, req, runner, (event) => {
        if (FINAL_TASK_EVENTS.has(event.kind)) open.delete(entry)
        onEvent(event)
      })
      if (!started.ok) {
        open.delete(entry)
        onEvent({ kind: 'refused', errMsg: `${req.api}:fail ${started.error.message}` })
      }
      return { id: taskId, operate: (operation) => tasks.operate(taskId, operation) ?? undefined }
    },
    console: (level, args) => options.console(level, args),
    evaluate: evaluateScript,
    loadStorage: (appid) => storage.load(appid),
    saveStorage: (appid, change) => storage.save(appid, change),
    systemInfo: () =>
      options.theme ? { ...SIMULATED_SYSTEM_INFO, theme: options.theme } : SIMULATED_SYSTEM_INFO,
    networkType: () => 'wifi',
    reportError: (error) => options.reportError(error),
    ...(options.pageNotFound && { pageNotFound: options.pageNotFound }),
    // In-process, answered after the current macrotask as the frame's round trip would be.
    callMain: (method, params, done) => {
      const result = wxMain.call(method, params)
      setTimeout(() => done(result), 0)
    },
    answers: options.answers ?? { authorize: 'allow' },
    ...(options.workerCode !== undefined && {
      startWorker: (onEvent) => startNodeWorker(options.workerCode ?? '', onEvent),
    }),
    openRequests: () => [...open],
  }
}
