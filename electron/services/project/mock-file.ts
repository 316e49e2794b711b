/**
 * `project.mock.json`, the API Mock rules of a project (this program's own file, beside
 * `project.domains.json`). A body is kept as what is sent: a string as it is (text), any other
 * JSON value as JSON (`bodyType: "json"` marks a string that holds JSON text). A malformed rule is
 * a located warning and is left out; the project still opens.
 */
import type { JSONPath } from 'jsonc-parser'
import {
  MOCK_BODY_TYPES,
  mockRuleProblem,
  NO_MOCKS,
  type MockRule,
  type MockSettings,
} from '../../../shared/mock'
import type { ProjectProblem } from '../../../shared/project'
import { problemAt, type JsonDocument } from './json-document'
import { isPlainObject } from './value-checks'

export const MOCK_FILE = 'project.mock.json'

/** One rule as written in the file, or why it is not one. */
export function parseMockRule(raw: unknown): MockRule | string {
  if (!isPlainObject(raw)) return 'must be an object with at least url'
  if (typeof raw.url !== 'string') return 'needs url, the URL it answers'
  const stringOr = <T>(value: unknown, fallback: T) =>
    typeof value === 'string' ? value : fallback
  const header: Record<string, string> = {}
  if (raw.header !== undefined) {
    if (!isPlainObject(raw.header)) return 'header must be an object of names and values'
    for (const [name, value] of Object.entries(raw.header)) {
      if (typeof value !== 'string' && typeof value !== 'number') {
        return `header ${name} must be a string`
      }
      header[name] = String(value)
    }
  }
  const declared = stringOr(raw.bodyType, undefined)
  if (declared !== undefined && !(MOCK_BODY_TYPES as readonly string[]).includes(declared)) {
    return `bodyType must be json or text, not "${declared}"`
  }
  const body =
    raw.body === undefined
      ? { text: '', type: declared ?? 'json' }
      : typeof raw.body === 'string'
        ? { text: raw.body, type: declared ?? 'text' }
        : { text: JSON.stringify(raw.body, null, 2), type: 'json' }
  const rule: MockRule = {
    name: stringOr(raw.name, ''),
    enabled: raw.enabled !== false,
    method: stringOr(raw.method, 'ANY').toUpperCase(),
    match: stringOr(raw.match, 'prefix') as MockRule['match'],
    url: raw.url,
    statusCode: raw.statusCode === undefined ? 200 : Number(raw.statusCode),
    header,
    body: body.text,
    bodyType: body.type as MockRule['bodyType'],
    delay: raw.delay === undefined ? 0 : Number(raw.delay),
  }
  return mockRuleProblem(rule)?.message ?? rule
}

/** The settings of a parsed project.mock.json; problems are located warnings. */
export function readMockDocument(doc: JsonDocument, problems: ProjectProblem[]): MockSettings {
  const warn = (path: JSONPath, message: string) =>
    problems.push(problemAt(doc, path, 'INVALID_VALUE', message, 'warning'))
  const value = doc.value
  if (!isPlainObject(value)) {
    warn([], `${MOCK_FILE} must contain an object { "enabled": …, "rules": [ … ] }`)
    return NO_MOCKS
  }
  if (value.enabled !== undefined && typeof value.enabled !== 'boolean') {
    warn(['enabled'], 'enabled must be true or false')
  }
  const rules: MockRule[] = []
  if (Array.isArray(value.rules)) {
    value.rules.forEach((raw, index) => {
      const rule = parseMockRule(raw)
      if (typeof rule === 'string') warn(['rules', index], `mock rule rules[${index}] ${rule}`)
      else rules.push(rule)
    })
  } else if (value.rules !== undefined) {
    warn(['rules'], 'rules must be an array of mock rules')
  }
  return { enabled: value.enabled === true, rules }
}

/** A rule as the file keeps it: WeChat-like field order, the body as what is sent. */
export function mockRuleEntry(rule: MockRule): Record<string, unknown> {
  const entry: Record<string, unknown> = {
    name: rule.name,
    enabled: rule.enabled,
    method: rule.method,
    match: rule.match,
    url: rule.url,
    statusCode: rule.statusCode,
    header: rule.header,
  }
  if (rule.bodyType === 'text' || rule.body.trim() === '') {
    entry.body = rule.body
    if (rule.bodyType === 'json') entry.bodyType = 'json'
  } else {
    const parsed: unknown = JSON.parse(rule.body)
    entry.body = typeof parsed === 'string' ? rule.body : parsed
    if (typeof parsed === 'string') entry.bodyType = 'json'
  }
  entry.delay = rule.delay
  return entry
}
