/** Type checks on parsed JSON values that report the value's position when the type is wrong. */
import type { JSONPath } from 'jsonc-parser'
import type { ProjectProblem } from '../../../shared/project'
import { problemAt, type JsonDocument } from './json-document'

export type ValueKind = 'string' | 'boolean' | 'number' | 'object' | 'array' | 'string[]'

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

export function hasKind(value: unknown, kind: ValueKind): boolean {
  switch (kind) {
    case 'object':
      return isPlainObject(value)
    case 'array':
      return Array.isArray(value)
    case 'string[]':
      return Array.isArray(value) && value.every((item) => typeof item === 'string')
    case 'number':
      return typeof value === 'number' && Number.isFinite(value)
    default:
      return typeof value === kind
  }
}

const KIND_NAMES: Record<ValueKind, string> = {
  string: 'a string',
  boolean: 'a boolean (true or false)',
  number: 'a number',
  object: 'an object',
  array: 'an array',
  'string[]': 'an array of strings',
}

function describe(value: unknown): string {
  if (value === null) return 'null'
  if (Array.isArray(value)) return 'an array'
  return `a ${typeof value}`
}

/** Collects INVALID_VALUE problems for one document. */
export class ValueChecker {
  readonly problems: ProjectProblem[] = []

  constructor(readonly doc: JsonDocument) {}

  /** The value at `path` when it is present and of `kind`; `undefined` (with a problem if present) otherwise. */
  get<T>(container: Record<string, unknown>, path: JSONPath, kind: ValueKind): T | undefined {
    const value = container[path[path.length - 1] as string]
    if (value === undefined) return undefined
    if (hasKind(value, kind)) return value as T
    this.report(path, `${displayKey(path)} must be ${KIND_NAMES[kind]}, not ${describe(value)}`)
    return undefined
  }

  /** The value at `path` when it is present and one of `allowed`. */
  oneOf<T extends string>(
    container: Record<string, unknown>,
    path: JSONPath,
    allowed: readonly T[],
  ): T | undefined {
    const value = this.get<string>(container, path, 'string')
    if (value === undefined) return undefined
    if ((allowed as readonly string[]).includes(value)) return value as T
    this.report(path, `${displayKey(path)} must be one of ${allowed.join(', ')}, not "${value}"`)
    return undefined
  }

  report(path: JSONPath, message: string, code = 'INVALID_VALUE'): void {
    this.problems.push(problemAt(this.doc, path, code, message))
  }
}

export function displayKey(path: JSONPath): string {
  if (path.length === 0) return 'the document'
  return path
    .map((segment, index) =>
      typeof segment === 'number' ? `[${segment}]` : index === 0 ? segment : `.${segment}`,
    )
    .join('')
}
