/**
 * project.config.json overlaid by project.private.config.json, as WeChat merges them: the private
 * file wins for the same keys and `setting` is merged key by key.
 */
import { NORMAL_COMPILE } from '../../../shared/compile-mode'
import type { ProjectProblem, ProjectSettings } from '../../../shared/project'
import { readCompileModes, type CompileModesRead } from './compile-modes'
import type { JsonDocument } from './json-document'
import { readJson } from './read-json'
import { isPlainObject, ValueChecker } from './value-checks'

export const PROJECT_CONFIG = 'project.config.json'
export const PRIVATE_CONFIG = 'project.private.config.json'

/** The description WeChat writes into a new project.private.config.json. */
export const PRIVATE_CONFIG_DESCRIPTION =
  '项目私有配置文件。此文件中的内容将覆盖 project.config.json 中的相同字段。项目的改动优先同步到此文件中。详见文档：https://developers.weixin.qq.com/miniprogram/dev/devtools/projectconfig.html'

/** The checked values of one config file. */
interface ConfigLayer {
  appid?: string
  projectname?: string
  miniprogramRoot?: string
  /** Where `miniprogramRoot` (or its legacy alias `client`) is written, for problems. */
  miniprogramRootAt?: { doc: JsonDocument; key: 'miniprogramRoot' | 'client' }
  libVersion?: string
  compileType?: string
  setting: Record<string, unknown>
  urlCheck?: boolean
  compileModes?: CompileModesRead
}

export interface SettingsRead {
  settings: ProjectSettings
  miniprogramRootAt?: { doc: JsonDocument; key: 'miniprogramRoot' | 'client' }
  problems: ProjectProblem[]
}

function checkLayer(doc: JsonDocument, problems: ProjectProblem[]): ConfigLayer {
  const checker = new ValueChecker(doc)
  const layer: ConfigLayer = { setting: {} }
  if (!isPlainObject(doc.value)) {
    checker.report([], `${doc.file} must contain a JSON object`)
    problems.push(...checker.problems)
    return layer
  }
  const value = doc.value
  layer.appid = checker.get<string>(value, ['appid'], 'string')
  layer.projectname = checker.get<string>(value, ['projectname'], 'string')
  layer.libVersion = checker.get<string>(value, ['libVersion'], 'string')
  layer.compileType = checker.get<string>(value, ['compileType'], 'string')
  for (const key of ['miniprogramRoot', 'client'] as const) {
    const root = checker.get<string>(value, [key], 'string')
    if (root !== undefined && layer.miniprogramRoot === undefined) {
      layer.miniprogramRoot = root
      layer.miniprogramRootAt = { doc, key }
    }
  }
  const setting = checker.get<Record<string, unknown>>(value, ['setting'], 'object')
  if (setting) {
    layer.setting = setting
    layer.urlCheck = checker.get<boolean>(setting, ['setting', 'urlCheck'], 'boolean')
  }
  problems.push(...checker.problems)
  layer.compileModes = readCompileModes(doc, value, problems)
  return layer
}

function deepMerge(
  base: Record<string, unknown>,
  over: Record<string, unknown>,
): Record<string, unknown> {
  const merged: Record<string, unknown> = { ...base }
  for (const [key, value] of Object.entries(over)) {
    const current = merged[key]
    merged[key] = isPlainObject(current) && isPlainObject(value) ? deepMerge(current, value) : value
  }
  return merged
}

async function readLayer(root: string, file: string, problems: ProjectProblem[]) {
  const read = await readJson(root, file)
  if (read.kind === 'broken') problems.push(...read.problems)
  return read.kind === 'ok' ? checkLayer(read.doc, problems) : undefined
}

/** Normalizes `miniprogram/`, `./miniprogram` and `.` to `miniprogram` and `''`. */
export function normalizeRoot(root: string): string {
  const trimmed = root
    .replace(/\\/g, '/')
    .replace(/\/+$/, '')
    .replace(/^(\.\/)+/, '')
  return trimmed === '.' ? '' : trimmed
}

export async function readSettings(root: string): Promise<SettingsRead> {
  const problems: ProjectProblem[] = []
  const project = await readLayer(root, PROJECT_CONFIG, problems)
  const local = await readLayer(root, PRIVATE_CONFIG, problems)
  const pick = <K extends keyof ConfigLayer>(key: K) => local?.[key] ?? project?.[key]
  const source = (key: 'appid' | 'urlCheck') =>
    local?.[key] !== undefined ? 'private' : project?.[key] !== undefined ? 'project' : 'default'
  const setting = deepMerge(project?.setting ?? {}, local?.setting ?? {})
  const urlCheck = pick('urlCheck') ?? true
  const compileModes = local?.compileModes?.list ?? project?.compileModes?.list ?? []
  const current = local?.compileModes?.current ?? project?.compileModes?.current
  const settings: ProjectSettings = {
    appid: pick('appid') ?? '',
    projectname: pick('projectname') ?? '',
    miniprogramRoot: normalizeRoot(pick('miniprogramRoot') ?? ''),
    compileType: pick('compileType') ?? 'miniprogram',
    urlCheck,
    setting: { ...setting, urlCheck },
    compileModes,
    compileMode:
      current !== undefined && current >= 0 && current < compileModes.length
        ? current
        : NORMAL_COMPILE,
    sources: { appid: source('appid'), urlCheck: source('urlCheck') },
  }
  const libVersion = pick('libVersion')
  if (libVersion !== undefined) settings.libVersion = libVersion
  return { settings, miniprogramRootAt: pick('miniprogramRootAt'), problems }
}
