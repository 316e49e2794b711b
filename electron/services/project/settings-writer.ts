/**
 * Writes the settings the workbench may change, each key alone and atomically, following WeChat's
 * rule: development settings (`setting.urlCheck`, the compile modes of `condition.miniprogram`)
 * go to project.private.config.json, `appid` to the private file when it already holds one, else
 * to project.config.json.
 */
import path from 'node:path'
import type { JSONPath } from 'jsonc-parser'
import { compileModeProblem, NORMAL_COMPILE, type CompileMode } from '../../../shared/compile-mode'
import type { SettingsPatch } from '../../../shared/contract'
import { mockRuleProblem, type MockRule, type MockSettings } from '../../../shared/mock'
import type { DomainLists } from '../../../shared/project'
import { fail, ok, type Result } from '../../../shared/result'
import { writeFileAtomic } from './atomic-write'
import {
  compileModeEntries,
  CURRENT_MODE_PATH,
  MODES_PATH,
  parseCompileMode,
} from './compile-modes'
import { setJsonValue } from './config-edit'
import { validateDomainLists } from './domain-lists'
import { parseStrictJson } from './json-document'
import { MOCK_FILE, mockRuleEntry } from './mock-file'
import { DOMAINS_FILE } from './load-project'
import { NOT_FOUND, readProjectFile, resolveProjectPath } from './project-files'
import {
  PRIVATE_CONFIG,
  PRIVATE_CONFIG_DESCRIPTION,
  PROJECT_CONFIG,
  readSettings,
} from './project-settings'
import { isPlainObject } from './value-checks'

const APPID = /^[A-Za-z0-9_-]{1,64}$/

type Existing =
  { kind: 'missing' } | { kind: 'ok'; real: string; text: string; bom: string; value: unknown }

/** The current content of a config file at the project root, refusing broken files. */
async function readForEdit(root: string, file: string): Promise<Result<Existing>> {
  const resolved = await resolveProjectPath(root, file)
  if (!resolved.ok) {
    return resolved.error.code === NOT_FOUND ? ok({ kind: 'missing' }) : resolved
  }
  const read = await readProjectFile(root, file)
  if (!read.ok) return read
  const parsed = parseStrictJson(file, read.value)
  if (!parsed.ok) {
    const first = parsed.problems[0]
    return fail({
      code: 'JSON_SYNTAX',
      message: `${file} has a JSON syntax error; fix it before changing settings: ${first.message}`,
      file,
      line: first.line,
      column: first.column,
    })
  }
  const bom = read.value.charCodeAt(0) === 0xfeff ? '\uFEFF' : ''
  return ok({
    kind: 'ok',
    real: resolved.value,
    text: parsed.doc.text,
    bom,
    value: parsed.doc.value,
  })
}

/** Every object on the way to `path` must be an object (or absent) for a one-key edit. */
function containersAreObjects(value: unknown, jsonPath: JSONPath): boolean {
  let current = value
  for (const key of jsonPath.slice(0, -1)) {
    if (!isPlainObject(current)) return false
    current = current[key as string]
    if (current === undefined) return true
  }
  return isPlainObject(current)
}

async function writeKey(
  root: string,
  file: string,
  jsonPath: JSONPath,
  value: unknown,
  newFile: () => Record<string, unknown>,
): Promise<Result<void>> {
  const existing = await readForEdit(root, file)
  if (!existing.ok) return existing
  try {
    if (existing.value.kind === 'missing') {
      const text = `${JSON.stringify(newFile(), null, 2)}\n`
      await writeFileAtomic(path.join(root, file), text)
      return ok(undefined)
    }
    const { real, text, bom, value: current } = existing.value
    if (!containersAreObjects(current, jsonPath)) {
      return fail({
        code: 'INVALID_VALUE',
        message: `${file}: cannot set ${jsonPath.join('.')} because its parent is not an object`,
        file,
      })
    }
    await writeFileAtomic(real, bom + setJsonValue(text, jsonPath, value))
    return ok(undefined)
  } catch (error) {
    return fail({
      code: 'WRITE_FAILED',
      message: `Cannot write ${file}: ${(error as Error).message}`,
      file,
    })
  }
}

const PATCH_KEYS = new Set(['urlCheck', 'appid', 'compileModes', 'compileMode'])

/** Why `value` is not a list of compile modes the workbench may save, or `undefined`. */
function compileModesProblem(value: unknown): string | undefined {
  if (!Array.isArray(value)) return 'compileModes must be an array'
  for (const [index, mode] of value.entries()) {
    const shaped =
      isPlainObject(mode) &&
      typeof mode.name === 'string' &&
      typeof mode.pathName === 'string' &&
      typeof mode.query === 'string' &&
      (mode.scene === null || typeof mode.scene === 'number') &&
      (mode.other === undefined || isPlainObject(mode.other))
    if (!shaped) return `compile mode ${index + 1} must have name, pathName, query and scene`
    const problem = compileModeProblem(mode as unknown as CompileMode)
    if (problem) return `compile mode ${index + 1}: ${problem.message}`
  }
  return undefined
}

function checkPatch(patch: unknown): Result<SettingsPatch> {
  if (!isPlainObject(patch))
    return fail({ code: 'INVALID_SETTINGS', message: 'settings must be an object' })
  for (const key of Object.keys(patch)) {
    if (!PATCH_KEYS.has(key)) {
      return fail({ code: 'INVALID_SETTINGS', message: `unknown setting: ${key}` })
    }
  }
  if (patch.compileModes !== undefined) {
    const problem = compileModesProblem(patch.compileModes)
    if (problem) return fail({ code: 'INVALID_SETTINGS', message: problem })
  }
  if (
    patch.compileMode !== undefined &&
    !(Number.isInteger(patch.compileMode) && (patch.compileMode as number) >= NORMAL_COMPILE)
  ) {
    return fail({
      code: 'INVALID_SETTINGS',
      message: 'compileMode must be -1 (普通编译) or the index of a compile mode',
    })
  }
  if (patch.urlCheck !== undefined && typeof patch.urlCheck !== 'boolean') {
    return fail({ code: 'INVALID_SETTINGS', message: 'urlCheck must be a boolean' })
  }
  if (patch.appid !== undefined && (typeof patch.appid !== 'string' || !APPID.test(patch.appid))) {
    return fail({ code: 'INVALID_SETTINGS', message: 'appid must be letters, digits, "_" or "-"' })
  }
  return ok(patch as SettingsPatch)
}

async function appidFile(root: string): Promise<Result<string>> {
  const local = await readForEdit(root, PRIVATE_CONFIG)
  if (!local.ok) return local
  const holdsAppid =
    local.value.kind === 'ok' && isPlainObject(local.value.value) && 'appid' in local.value.value
  return ok(holdsAppid ? PRIVATE_CONFIG : PROJECT_CONFIG)
}

/**
 * Refuses to replace a private list holding entries the reader could not take (they would be lost
 * silently): the person fixes or removes them in the file first.
 */
async function privateListReadable(root: string): Promise<Result<void>> {
  const existing = await readForEdit(root, PRIVATE_CONFIG)
  if (!existing.ok) return existing
  if (existing.value.kind === 'missing') return ok(undefined)
  let list: unknown = existing.value.value
  for (const key of MODES_PATH) list = isPlainObject(list) ? list[key] : undefined
  if (!Array.isArray(list)) return ok(undefined)
  const broken = list.findIndex((entry) => typeof parseCompileMode(entry) === 'string')
  if (broken === -1) return ok(undefined)
  return fail({
    code: 'INVALID_VALUE',
    message:
      `${PRIVATE_CONFIG}: condition.miniprogram.list[${broken}] is not a compile mode ` +
      'MP DevTools can read; fix or remove it there before saving compile modes',
    file: PRIVATE_CONFIG,
  })
}

async function writeCompileModes(
  root: string,
  modes: CompileMode[] | undefined,
  current: number | undefined,
): Promise<Result<void>> {
  const newFile = (key: 'list' | 'current', value: unknown) => () => ({
    description: PRIVATE_CONFIG_DESCRIPTION,
    condition: { miniprogram: { [key]: value } },
  })
  if (modes !== undefined) {
    const readable = await privateListReadable(root)
    if (!readable.ok) return readable
    const entries = compileModeEntries(modes)
    const written = await writeKey(
      root,
      PRIVATE_CONFIG,
      [...MODES_PATH],
      entries,
      newFile('list', entries),
    )
    if (!written.ok) return written
  }
  if (current !== undefined) {
    const count = modes?.length ?? (await readSettings(root)).settings.compileModes.length
    if (current >= count) {
      return fail({
        code: 'INVALID_SETTINGS',
        message: `compileMode ${current} is not one of the ${count} compile modes`,
      })
    }
    const written = await writeKey(
      root,
      PRIVATE_CONFIG,
      [...CURRENT_MODE_PATH],
      current,
      newFile('current', current),
    )
    if (!written.ok) return written
  }
  return ok(undefined)
}

/** `root` is the project folder's real path. */
export async function writeSettings(root: string, patch: unknown): Promise<Result<void>> {
  const checked = checkPatch(patch)
  if (!checked.ok) return checked
  const { urlCheck, appid, compileModes, compileMode } = checked.value
  if (urlCheck !== undefined) {
    const written = await writeKey(root, PRIVATE_CONFIG, ['setting', 'urlCheck'], urlCheck, () => ({
      description: PRIVATE_CONFIG_DESCRIPTION,
      setting: { urlCheck },
    }))
    if (!written.ok) return written
  }
  if (appid !== undefined) {
    const file = await appidFile(root)
    if (!file.ok) return file
    const newFile = () =>
      file.value === PRIVATE_CONFIG ? { description: PRIVATE_CONFIG_DESCRIPTION, appid } : { appid }
    const written = await writeKey(root, file.value, ['appid'], appid, newFile)
    if (!written.ok) return written
  }
  if (compileModes !== undefined || compileMode !== undefined) {
    return writeCompileModes(root, compileModes, compileMode)
  }
  return ok(undefined)
}

/** Why `value` is not API Mock settings the workbench may save, or `undefined`. */
function mockSettingsProblem(value: unknown): string | undefined {
  if (!isPlainObject(value) || typeof value.enabled !== 'boolean' || !Array.isArray(value.rules)) {
    return 'mock must be { enabled: boolean, rules: MockRule[] }'
  }
  for (const [index, rule] of value.rules.entries()) {
    const shaped =
      isPlainObject(rule) &&
      ['name', 'method', 'match', 'url', 'body', 'bodyType'].every(
        (key) => typeof rule[key] === 'string',
      ) &&
      typeof rule.enabled === 'boolean' &&
      typeof rule.statusCode === 'number' &&
      typeof rule.delay === 'number' &&
      isPlainObject(rule.header) &&
      Object.values(rule.header).every((item) => typeof item === 'string')
    if (!shaped) return `mock rule ${index + 1} is missing fields or has fields of the wrong type`
    const problem = mockRuleProblem(rule as unknown as MockRule)
    if (problem) return `mock rule ${index + 1}: ${problem.message}`
  }
  return undefined
}

/**
 * Sets top-level keys of a JSON file this program owns (project.domains.json, project.mock.json):
 * a new file with 2-space indentation, or only the keys whose value changed, with the rest of the
 * file (other keys, order, indentation, BOM) kept. Refuses a file with a syntax error, with its
 * place, and one that does not hold an object.
 */
async function writeToolFile(
  root: string,
  file: string,
  values: Record<string, unknown>,
): Promise<Result<void>> {
  const existing = await readForEdit(root, file)
  if (!existing.ok) return existing
  try {
    if (existing.value.kind === 'missing') {
      await writeFileAtomic(path.join(root, file), `${JSON.stringify(values, null, 2)}\n`)
      return ok(undefined)
    }
    const { real, bom, value } = existing.value
    if (!isPlainObject(value)) {
      return fail({ code: 'INVALID_VALUE', message: `${file} must contain a JSON object`, file })
    }
    let text = existing.value.text
    for (const [key, wanted] of Object.entries(values)) {
      if (JSON.stringify(value[key]) !== JSON.stringify(wanted)) {
        text = setJsonValue(text, [key], wanted)
      }
    }
    await writeFileAtomic(real, bom + text)
    return ok(undefined)
  } catch (error) {
    return fail({
      code: 'WRITE_FAILED',
      message: `Cannot write ${file}: ${(error as Error).message}`,
      file,
    })
  }
}

/** Validates the API Mock switch and rules and writes project.mock.json. */
export async function writeMock(root: string, mock: unknown): Promise<Result<MockSettings>> {
  const problem = mockSettingsProblem(mock)
  if (problem) return fail({ code: 'INVALID_MOCK', message: problem })
  const settings = mock as MockSettings
  const written = await writeToolFile(root, MOCK_FILE, {
    enabled: settings.enabled,
    rules: settings.rules.map(mockRuleEntry),
  })
  return written.ok ? ok(settings) : written
}

/** Validates the lists and writes project.domains.json (2-space indentation when created). */
export async function writeDomains(root: string, domains: unknown): Promise<Result<DomainLists>> {
  const valid = validateDomainLists(domains)
  if (!valid.ok) return valid
  const written = await writeToolFile(root, DOMAINS_FILE, { ...valid.value })
  return written.ok ? valid : written
}
