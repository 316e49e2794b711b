/**
 * `condition.miniprogram` of one project config file: the custom compile modes (自定义编译模式)
 * and the selected one. A malformed entry is a warning at its position and is left out; it never
 * stops the project from opening. Writing goes through `compileModeEntries` so WeChat's own fields
 * (`launchMode`…) and the ones MP DevTools does not know stay as they were.
 */
import type { JSONPath } from 'jsonc-parser'
import type { CompileMode } from '../../../shared/compile-mode'
import { compileModeProblem } from '../../../shared/compile-mode'
import type { ProjectProblem } from '../../../shared/project'
import { problemAt, type JsonDocument } from './json-document'
import { isPlainObject } from './value-checks'

/** Where the modes live in project.config.json and project.private.config.json. */
export const MODES_PATH = ['condition', 'miniprogram', 'list'] as const
export const CURRENT_MODE_PATH = ['condition', 'miniprogram', 'current'] as const

export interface CompileModesRead {
  /** Present when the file has a `list` (even an empty one): it replaces the other file's. */
  list?: CompileMode[]
  current?: number
  /** Entries of `list` that could not be read (reported as warnings). */
  unreadable: number
}

const KNOWN = new Set(['name', 'pathName', 'query', 'scene'])

/** One raw list entry as a mode, or why it is not one. */
export function parseCompileMode(raw: unknown): CompileMode | string {
  if (!isPlainObject(raw)) return 'must be an object with name and pathName'
  const { name, pathName, query, scene } = raw
  if (typeof pathName !== 'string') return 'needs pathName, the launch page'
  if (name !== undefined && typeof name !== 'string') return 'name must be a string'
  if (query !== undefined && query !== null && typeof query !== 'string') {
    return 'query must be a string such as "a=1&b=2"'
  }
  // WeChat's tool writes scene as a number or null; older files have it as a string.
  const sceneNumber =
    scene === undefined || scene === null || scene === '' ? null : Number(scene as string)
  const other: Record<string, unknown> = {}
  for (const [key, value] of Object.entries(raw)) if (!KNOWN.has(key)) other[key] = value
  const route = pathName.replace(/^\/+/, '')
  const mode: CompileMode = {
    name: name?.trim() || route,
    pathName: route,
    query: (query ?? '').replace(/^\?/, ''),
    scene: sceneNumber,
    ...(Object.keys(other).length > 0 && { other }),
  }
  const problem = compileModeProblem(mode)
  return problem ? problem.message : mode
}

/** The modes of one config file's parsed value; problems are warnings located in `doc`. */
export function readCompileModes(
  doc: JsonDocument,
  value: Record<string, unknown>,
  problems: ProjectProblem[],
): CompileModesRead {
  const read: CompileModesRead = { unreadable: 0 }
  const warn = (path: JSONPath, message: string) =>
    problems.push(problemAt(doc, path, 'INVALID_VALUE', message, 'warning'))
  const condition = value.condition
  if (condition === undefined) return read
  if (!isPlainObject(condition)) {
    warn(['condition'], 'condition must be an object; compile modes are ignored')
    return read
  }
  const miniprogram = condition.miniprogram
  if (miniprogram === undefined) return read
  if (!isPlainObject(miniprogram)) {
    warn(['condition', 'miniprogram'], 'condition.miniprogram must be an object')
    return read
  }
  const { list, current } = miniprogram
  if (Array.isArray(list)) {
    read.list = []
    list.forEach((raw, index) => {
      const mode = parseCompileMode(raw)
      if (typeof mode === 'string') {
        read.unreadable++
        warn([...MODES_PATH, index], `compile mode condition.miniprogram.list[${index}] ${mode}`)
      } else read.list!.push(mode)
    })
  } else if (list !== undefined) {
    warn([...MODES_PATH], 'condition.miniprogram.list must be an array of compile modes')
  }
  if (typeof current === 'number' && Number.isInteger(current)) read.current = current
  else if (current !== undefined && current !== null) {
    warn([...CURRENT_MODE_PATH], 'condition.miniprogram.current must be a number (-1: 普通编译)')
  }
  return read
}

/** The list as it is written to a config file: WeChat's field order, unknown fields kept. */
export function compileModeEntries(modes: readonly CompileMode[]): Record<string, unknown>[] {
  return modes.map((mode) => ({
    name: mode.name,
    pathName: mode.pathName,
    query: mode.query,
    launchMode: 'default',
    scene: mode.scene,
    ...mode.other,
  }))
}
