/**
 * Writes the settings the workbench may change, each key alone and atomically, following WeChat's
 * rule: development settings (`setting.urlCheck`) go to project.private.config.json, `appid` to
 * the private file when it already holds one, else to project.config.json.
 */
import path from 'node:path'
import type { JSONPath } from 'jsonc-parser'
import type { SettingsPatch } from '../../../shared/contract'
import { DOMAIN_LIST_KINDS, type DomainLists } from '../../../shared/project'
import { fail, ok, type Result } from '../../../shared/result'
import { writeFileAtomic } from './atomic-write'
import { setJsonValue } from './config-edit'
import { validateDomainLists } from './domain-lists'
import { parseStrictJson } from './json-document'
import { DOMAINS_FILE } from './load-project'
import { NOT_FOUND, readProjectFile, resolveProjectPath } from './project-files'
import { PRIVATE_CONFIG, PRIVATE_CONFIG_DESCRIPTION, PROJECT_CONFIG } from './project-settings'
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

function checkPatch(patch: unknown): Result<SettingsPatch> {
  if (!isPlainObject(patch))
    return fail({ code: 'INVALID_SETTINGS', message: 'settings must be an object' })
  for (const key of Object.keys(patch)) {
    if (key !== 'urlCheck' && key !== 'appid') {
      return fail({ code: 'INVALID_SETTINGS', message: `unknown setting: ${key}` })
    }
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

/** `root` is the project folder's real path. */
export async function writeSettings(root: string, patch: unknown): Promise<Result<void>> {
  const checked = checkPatch(patch)
  if (!checked.ok) return checked
  const { urlCheck, appid } = checked.value
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
  return ok(undefined)
}

/** Validates the lists and writes project.domains.json (2-space indentation when created). */
export async function writeDomains(root: string, domains: unknown): Promise<Result<DomainLists>> {
  const valid = validateDomainLists(domains)
  if (!valid.ok) return valid
  const existing = await readForEdit(root, DOMAINS_FILE)
  if (!existing.ok) return existing
  try {
    if (existing.value.kind === 'missing') {
      await writeFileAtomic(
        path.join(root, DOMAINS_FILE),
        `${JSON.stringify(valid.value, null, 2)}\n`,
      )
      return valid
    }
    const { real, bom, value } = existing.value
    if (!isPlainObject(value)) {
      return fail({
        code: 'INVALID_VALUE',
        message: `${DOMAINS_FILE} must contain a JSON object`,
        file: DOMAINS_FILE,
      })
    }
    let text = existing.value.text
    for (const kind of DOMAIN_LIST_KINDS) {
      if (JSON.stringify(value[kind]) !== JSON.stringify(valid.value[kind])) {
        text = setJsonValue(text, [kind], valid.value[kind])
      }
    }
    await writeFileAtomic(real, bom + text)
    return valid
  } catch (error) {
    return fail({
      code: 'WRITE_FAILED',
      message: `Cannot write ${DOMAINS_FILE}: ${(error as Error).message}`,
      file: DOMAINS_FILE,
    })
  }
}
