/**
 * API Mock (接口 Mock): rules that answer a mini-program's HTTP calls (`wx.request`,
 * `wx.uploadFile`, `wx.downloadFile`) without the network, for a backend that is not ready or an
 * error path that is hard to provoke. Kept in the project's `project.mock.json` (this program's own
 * file, like `project.domains.json`): `{ "enabled": true, "rules": [ … ] }`.
 */

/** How a rule's `url` is compared with the request's full URL (query included). */
export const MOCK_MATCHES = ['exact', 'prefix', 'regex'] as const
export type MockMatch = (typeof MOCK_MATCHES)[number]

/** `ANY`, or one of the methods `wx.request` accepts. */
export const MOCK_METHODS = [
  'ANY',
  'GET',
  'POST',
  'PUT',
  'DELETE',
  'HEAD',
  'OPTIONS',
  'TRACE',
  'CONNECT',
] as const

/** How the body is kept in project.mock.json: a JSON value, or a string sent as it is. */
export const MOCK_BODY_TYPES = ['json', 'text'] as const
export type MockBodyType = (typeof MOCK_BODY_TYPES)[number]

export interface MockRule {
  /** Shown in the Mock panel, the Network panel and the HAR. */
  name: string
  /** @default true */
  enabled: boolean
  /** `ANY` or an upper-case method. @default 'ANY' */
  method: string
  /** @default 'prefix' */
  match: MockMatch
  /** The URL (or its start, or a regular expression) the request's URL is compared with. */
  url: string
  /** @default 200 */
  statusCode: number
  /** Response headers; a missing content-type is set from `bodyType`. @default {} */
  header: Record<string, string>
  /** The response body as text; for `json`, JSON text. @default '' */
  body: string
  /** @default 'json' */
  bodyType: MockBodyType
  /** Milliseconds before the answer (the request's timeout still applies). @default 0 */
  delay: number
}

export interface MockSettings {
  /** The switch for every rule. @default false */
  enabled: boolean
  /** Tried in order; the first enabled rule that matches answers. @default [] */
  rules: MockRule[]
}

export const NO_MOCKS: MockSettings = { enabled: false, rules: [] }

/** Longest delay a rule may have: WeChat's longest timeout. */
export const MAX_MOCK_DELAY = 60_000
/** Largest body a rule may hold. */
export const MAX_MOCK_BODY = 1024 * 1024

export interface MockRuleProblem {
  field: 'name' | 'method' | 'match' | 'url' | 'statusCode' | 'header' | 'body' | 'delay'
  code:
    | 'URL_MISSING'
    | 'URL_NOT_HTTP'
    | 'REGEX_INVALID'
    | 'METHOD_INVALID'
    | 'MATCH_INVALID'
    | 'STATUS_INVALID'
    | 'HEADER_INVALID'
    | 'BODY_NOT_JSON'
    | 'BODY_TOO_LARGE'
    | 'DELAY_INVALID'
    | 'NAME_TOO_LONG'
  message: string
}

const HEADER_NAME = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/

/** Why `rule` cannot be used, or `undefined`. Words for the person who wrote it. */
export function mockRuleProblem(rule: MockRule): MockRuleProblem | undefined {
  if (rule.name.length > 64) {
    return { field: 'name', code: 'NAME_TOO_LONG', message: 'a rule name is at most 64 characters' }
  }
  if (!(MOCK_METHODS as readonly string[]).includes(rule.method)) {
    return {
      field: 'method',
      code: 'METHOD_INVALID',
      message: `method must be one of ${MOCK_METHODS.join(', ')}, not "${rule.method}"`,
    }
  }
  if (!(MOCK_MATCHES as readonly string[]).includes(rule.match)) {
    return {
      field: 'match',
      code: 'MATCH_INVALID',
      message: `match must be one of ${MOCK_MATCHES.join(', ')}, not "${rule.match}"`,
    }
  }
  if (rule.url.trim() === '') {
    return { field: 'url', code: 'URL_MISSING', message: 'a rule needs the URL it answers' }
  }
  if (rule.match === 'regex') {
    try {
      new RegExp(rule.url)
    } catch (error) {
      return {
        field: 'url',
        code: 'REGEX_INVALID',
        message: `not a regular expression: ${(error as Error).message}`,
      }
    }
  } else if (!/^https?:\/\//i.test(rule.url)) {
    return {
      field: 'url',
      code: 'URL_NOT_HTTP',
      message: `"${rule.url}" does not start with https:// or http://`,
    }
  }
  if (!(Number.isInteger(rule.statusCode) && rule.statusCode >= 100 && rule.statusCode <= 599)) {
    return {
      field: 'statusCode',
      code: 'STATUS_INVALID',
      message: `status ${rule.statusCode} is not an HTTP status (100–599)`,
    }
  }
  for (const [name, value] of Object.entries(rule.header)) {
    if (!HEADER_NAME.test(name) || /[\r\n\0]/.test(value)) {
      return {
        field: 'header',
        code: 'HEADER_INVALID',
        message: `"${name}: ${value}" is not a valid header`,
      }
    }
  }
  if (new TextEncoder().encode(rule.body).byteLength > MAX_MOCK_BODY) {
    return { field: 'body', code: 'BODY_TOO_LARGE', message: 'a rule body is at most 1 MB' }
  }
  if (rule.bodyType === 'json' && rule.body.trim() !== '') {
    try {
      JSON.parse(rule.body)
    } catch (error) {
      return {
        field: 'body',
        code: 'BODY_NOT_JSON',
        message: `the body is not JSON: ${(error as Error).message}`,
      }
    }
  }
  if (!(Number.isInteger(rule.delay) && rule.delay >= 0 && rule.delay <= MAX_MOCK_DELAY)) {
    return {
      field: 'delay',
      code: 'DELAY_INVALID',
      message: `delay ${rule.delay} is not a number of milliseconds from 0 to ${MAX_MOCK_DELAY}`,
    }
  }
  return undefined
}

/** A new rule's fields before the person fills them in. */
export function newMockRule(url = ''): MockRule {
  return {
    name: '',
    enabled: true,
    method: 'ANY',
    match: 'prefix',
    url,
    statusCode: 200,
    header: {},
    body: '',
    bodyType: 'json',
    delay: 0,
  }
}

/** How a rule is named where there is little room: its name, else `METHOD url`. */
export function mockRuleLabel(rule: Pick<MockRule, 'name' | 'method' | 'url'>): string {
  return rule.name || `${rule.method} ${rule.url}`
}
