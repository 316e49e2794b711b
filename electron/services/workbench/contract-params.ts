/**
 * The shape checks of every contract method's params, in one table typed against the contract's
 * method names: a method without a check does not compile. Params arrive from another process
 * (or a browser page relaying an untrusted mini-program), so `withCheckedParams` runs the check
 * before any implementation sees them and answers INVALID_PARAMS for bad input. Value rules
 * (a domain entry, a compile mode, a URL) stay with the code that owns them.
 */
import type { CompileMode } from '../../../shared/compile-mode'
import {
  METHOD_NAMES,
  type MethodName,
  type MethodParams,
  type SettingsPatch,
} from '../../../shared/contract'
import type { MockSettings } from '../../../shared/mock'
import { THROTTLE_PROFILES, type NetworkCondition } from '../../../shared/network'
import type { DomainLists } from '../../../shared/project'
import { fail, ok, type Result } from '../../../shared/result'
import type { ContractService } from '../../../shared/rpc'
import type { FileOperation } from '../../../shared/simulator-protocol'
import type {
  AutomationEvent,
  AutomationReply,
} from '../../../shared/automation/automation-protocol'
import { FRAME_CALLABLE, MAIN_TASKS } from '../../../shared/runtime/wx-api-table'
import type { TaskOperation } from '../../../shared/runtime/wx-task'
import { isTaskId } from '../wx-api/task-request-checks'
import { checkMachineNetwork } from './machine-network-settings'

/** One method's check: its params typed as the contract declares them, or INVALID_PARAMS. */
export type ParamsCheck<M extends MethodName> = (params: unknown) => Result<MethodParams<M>>

/** The longest `<web-view>` src judged; a longer one is not a page address. */
const MAX_WEB_VIEW_SRC = 64 * 1024

/** Device widths a phone or tablet preset may have, in CSS px. */
export const MIN_DEVICE_WIDTH = 240
export const MAX_DEVICE_WIDTH = 1600

function invalid(message: string): Result<never> {
  return fail({ code: 'INVALID_PARAMS', message })
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

/** A recorded request's id, as the Network panel names it. */
const isRequestId = (value: unknown): value is string =>
  typeof value === 'string' && value.length > 0 && value.length <= 64

/** A condition from another process: a preset name, online/offline, or a complete profile. */
export function checkCondition(value: unknown): NetworkCondition | undefined {
  if (value === 'online' || value === 'offline') return value
  if (typeof value === 'string' && Object.hasOwn(THROTTLE_PROFILES, value)) {
    return value as keyof typeof THROTTLE_PROFILES
  }
  if (!isRecord(value)) return undefined
  const { latency, download, upload } = value
  const valid = [latency, download, upload].every(
    (item) => typeof item === 'number' && Number.isFinite(item) && item >= 0,
  )
  return valid
    ? { latency: latency as number, download: download as number, upload: upload as number }
    : undefined
}

const noParams = (): Result<Record<string, never>> => ok({})

function checkSettingsPatch(params: unknown): Result<SettingsPatch> {
  if (!isRecord(params)) return invalid('Settings must be an object')
  const patch: SettingsPatch = {}
  for (const [key, value] of Object.entries(params)) {
    if (key === 'urlCheck') {
      if (typeof value !== 'boolean') return invalid('urlCheck must be a boolean')
      patch.urlCheck = value
    } else if (key === 'appid') {
      if (typeof value !== 'string') return invalid('appid must be a string')
      patch.appid = value
    } else if (key === 'compileModes') {
      // The writer checks each mode; here only the envelope.
      if (!Array.isArray(value)) return invalid('compileModes must be an array')
      patch.compileModes = value as CompileMode[]
    } else if (key === 'compileMode') {
      if (typeof value !== 'number') return invalid('compileMode must be a number')
      patch.compileMode = value
    } else {
      return invalid(`Unknown setting: ${key}`)
    }
  }
  if (Object.keys(patch).length === 0) return invalid('No setting given')
  return ok(patch)
}

const OPERATIONS = new Set<TaskOperation['name']>(['abort', 'send', 'close'])

/** What the mini-program does to a running task: abort, or a socket's send or close. */
function checkOperation(value: unknown): Result<TaskOperation> {
  if (!isRecord(value) || !OPERATIONS.has(value.name as TaskOperation['name'])) {
    return invalid('operation.name must be abort, send or close')
  }
  if (value.name === 'send') {
    const { data } = value
    return typeof data === 'string' || data instanceof Uint8Array
      ? ok({ name: 'send', data })
      : invalid('data must be a string or bytes')
  }
  if (value.name === 'close') {
    const { code, reason } = value
    return typeof code === 'number' && typeof reason === 'string'
      ? ok({ name: 'close', code, reason })
      : invalid('code and reason must be given')
  }
  return ok({ name: 'abort' })
}

const isText = (value: unknown, max = 65536): value is string =>
  typeof value === 'string' && value.length <= max

/** Bytes one `saveChosen` may carry: WeChat's own limit on one download. */
const MAX_CHOSEN_BYTES = 200 * 1024 * 1024

/** A file call of the simulator's frame; path rules stay the file space's. */
const PATH_OPERATIONS = new Set(['readFile', 'access', 'unlink', 'stat', 'readdir'])

function checkFileOperation(value: unknown): Result<FileOperation> {
  if (!isRecord(value)) return invalid('operation must be an object')
  const { name, path } = value
  if (typeof name === 'string' && PATH_OPERATIONS.has(name)) {
    if (!isText(path, 4096)) return invalid('operation.path must be a string')
    return ok({ name, path } as FileOperation)
  }
  switch (name) {
    case 'writeFile':
      if (!isText(path, 4096)) return invalid('operation.path must be a string')
      if (!(value.data instanceof Uint8Array)) return invalid('operation.data must be bytes')
      return ok({ name, path, data: value.data, append: value.append === true })
    case 'mkdir':
      if (!isText(path, 4096)) return invalid('operation.path must be a string')
      return ok({ name, path, recursive: value.recursive === true })
    case 'saveFile': {
      const { tempFilePath, filePath } = value
      if (!isText(tempFilePath, 4096)) return invalid('operation.tempFilePath must be a string')
      if (filePath !== undefined && !isText(filePath, 4096)) {
        return invalid('operation.filePath must be a string')
      }
      return ok({ name, tempFilePath, ...(filePath !== undefined && { filePath }) })
    }
    case 'saveChosen': {
      const { files } = value
      if (!Array.isArray(files) || files.length > 20) return invalid('operation.files: at most 20')
      let total = 0
      for (const file of files) {
        if (!isRecord(file) || !isText(file.name, 1024) || !isText(file.type, 256)) {
          return invalid('operation.files: each needs a name and a type')
        }
        if (!(file.data instanceof Uint8Array))
          return invalid('operation.files: data must be bytes')
        total += file.data.byteLength
      }
      if (total > MAX_CHOSEN_BYTES) return invalid('operation.files: over 200 MB')
      return ok({ name, files: files as { name: string; type: string; data: Uint8Array }[] })
    }
    default:
      return invalid('operation.name is not a file operation')
  }
}

export const PARAMS_CHECKS: { [M in MethodName]: ParamsCheck<M> } = {
  'app.getInfo': noParams,
  'project.open': (params) =>
    isRecord(params) && typeof params.dir === 'string' && params.dir !== ''
      ? ok({ dir: params.dir })
      : invalid('project.open needs { dir: string }'),
  'project.current': noParams,
  'project.reload': noParams,
  'project.recent': noParams,
  'project.chooseFolder': noParams,
  'project.updateSettings': checkSettingsPatch,
  // The store validates each list and entry; here only the envelope is checked.
  'project.setDomains': (params) =>
    isRecord(params) && isRecord(params.domains)
      ? ok({ domains: params.domains as unknown as DomainLists })
      : invalid('project.setDomains needs { domains: DomainLists }'),
  // The store validates the switch and every rule; here only the envelope is checked.
  'project.setMock': (params) =>
    isRecord(params) && isRecord(params.mock)
      ? ok({ mock: params.mock as unknown as MockSettings })
      : invalid('project.setMock needs { mock: MockSettings }'),
  'project.buildNpm': noParams,
  // A task's request is checked by the task registry, which `mpdt run` calls too.
  'wx.call': (params) => {
    if (!isRecord(params) || typeof params.method !== 'string' || !isRecord(params.params)) {
      return invalid('wx.call needs { method: string, params: object }')
    }
    const { method, taskId } = params
    if (!FRAME_CALLABLE.has(method)) {
      return invalid(`wx.call: ${method} is not a main-process wx API`)
    }
    if (MAIN_TASKS.has(method) && params.params.api !== method) {
      return invalid(`params.api must be "${method}"`)
    }
    if (taskId !== undefined && !isTaskId(taskId)) return invalid('taskId must be a short id')
    return ok({ method, params: params.params, ...(taskId !== undefined && { taskId }) })
  },
  'wx.operateTask': (params) => {
    const taskId = isRecord(params) ? params.taskId : undefined
    if (!isTaskId(taskId)) return invalid('taskId must be a short id')
    const operation = checkOperation(isRecord(params) ? params.operation : undefined)
    return operation.ok ? ok({ taskId, operation: operation.value }) : operation
  },
  'simulator.bundle': (params) => {
    const deviceWidth = isRecord(params) ? params.deviceWidth : undefined
    return typeof deviceWidth === 'number' &&
      Number.isFinite(deviceWidth) &&
      deviceWidth >= MIN_DEVICE_WIDTH &&
      deviceWidth <= MAX_DEVICE_WIDTH
      ? ok({ deviceWidth })
      : invalid(`deviceWidth must be a number from ${MIN_DEVICE_WIDTH} to ${MAX_DEVICE_WIDTH}`)
  },
  'network.judgeWebView': (params) => {
    const src = isRecord(params) ? params.src : undefined
    return typeof src === 'string' && src.length <= MAX_WEB_VIEW_SRC
      ? ok({ src })
      : invalid('src must be a string (a URL)')
  },
  'files.operate': (params) => {
    const operation = checkFileOperation(isRecord(params) ? params.operation : undefined)
    return operation.ok ? ok({ operation: operation.value }) : operation
  },
  'network.body': (params) => {
    const { id, part } = isRecord(params) ? params : {}
    if (!isRequestId(id)) return invalid('network.body needs { id: string }')
    if (part !== undefined && part !== 'request' && part !== 'response') {
      return invalid('network.body: part must be "request" or "response"')
    }
    return ok({ id, ...(part !== undefined && { part }) })
  },
  'network.replay': (params) => {
    const id = isRecord(params) ? params.id : undefined
    return isRequestId(id) ? ok({ id }) : invalid('network.replay needs { id: string }')
  },
  'network.exportHar': (params) => {
    const ids = isRecord(params) ? params.ids : undefined
    return Array.isArray(ids) && ids.every(isRequestId)
      ? ok({ ids })
      : invalid('network.exportHar needs { ids: string[] }')
  },
  'network.securityDetails': noParams,
  'network.setCondition': (params) => {
    const condition = checkCondition(isRecord(params) ? params.condition : undefined)
    return condition === undefined
      ? invalid('condition must be online, offline, a preset name or a profile')
      : ok({ condition })
  },
  'settings.machineNetwork': noParams,
  'settings.setMachineNetwork': checkMachineNetwork,
  'automation.answer': (params) => {
    const message = isRecord(params) ? params.message : undefined
    return isRecord(message)
      ? ok({ message: message as unknown as AutomationReply | AutomationEvent })
      : invalid('automation.answer needs { message }')
  },
}

/** The service with each method's params checked (and typed) before its implementation runs. */
export function withCheckedParams(service: ContractService): ContractService {
  const checked: Partial<Record<MethodName, (params: unknown) => Promise<Result<unknown>>>> = {}
  for (const method of METHOD_NAMES) {
    const check = PARAMS_CHECKS[method] as (params: unknown) => Result<unknown>
    const implementation = service[method] as (params: unknown) => Promise<Result<unknown>>
    checked[method] = async (params) => {
      const valid = check(params)
      return valid.ok ? implementation(valid.value) : valid
    }
  }
  return checked as ContractService
}
