/**
 * The lists of `project.domains.json`: each entry an exact origin, `https://host[:port]` for the
 * request/uploadFile/downloadFile 合法域名 and the webview 业务域名, `wss://host[:port]` for
 * socket, as WeChat configures them.
 */
import type { JSONPath } from 'jsonc-parser'
import { DOMAIN_LIST_KINDS, type DomainListKind, type DomainLists } from '../../../shared/project'
import { fail, ok, type Result } from '../../../shared/result'
import { isIpHost, isLocalhostName, parseRequestTarget } from '../network'

/** WeChat's limit per list (open-platform domain management). */
export const MAX_DOMAINS_PER_LIST = 200

export interface DomainIssue {
  /** JSON path of the offending value inside the domains document. */
  path: JSONPath
  message: string
}

export interface CheckedDomainLists {
  /** The valid entries only; every list present. */
  lists: Required<DomainLists>
  issues: DomainIssue[]
}

const SCHEME: Record<DomainListKind, 'https' | 'wss'> = {
  request: 'https',
  socket: 'wss',
  uploadFile: 'https',
  downloadFile: 'https',
  webview: 'https',
}

const HOST_NAME =
  /^(?=.{1,253}$)[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)*$/
const IPV6_HOST = /^\[[0-9a-f:.]+\]$/
const PORT = /^[1-9][0-9]{0,4}$/

export function emptyDomainLists(): Required<DomainLists> {
  return { request: [], socket: [], uploadFile: [], downloadFile: [], webview: [] }
}

/** Why `entry` is not a valid origin for `kind`, or `null` when it is. */
export function domainEntryError(kind: DomainListKind, entry: string): string | null {
  const scheme = SCHEME[kind]
  const prefix = `${scheme}://`
  if (!entry.toLowerCase().startsWith(prefix)) {
    return `${kind} domains must start with ${prefix}: ${entry}`
  }
  const authority = entry.slice(prefix.length)
  if (/[/?#]/.test(authority))
    return `a domain is an origin without path, query or fragment: ${entry}`
  if (authority.includes('*')) return `wildcards are not supported: ${entry}`
  if (authority.includes('@')) return `a domain cannot contain user information: ${entry}`
  const portAt = authority.lastIndexOf(':')
  const hasPort = portAt > authority.lastIndexOf(']')
  const host = hasPort ? authority.slice(0, portAt) : authority
  const port = hasPort ? authority.slice(portAt + 1) : null
  if (!entry.startsWith(prefix) || host !== host.toLowerCase()) {
    return `a domain must be lower-case: ${entry}`
  }
  if (!HOST_NAME.test(host) && !IPV6_HOST.test(host)) return `invalid host name: ${entry}`
  if (port !== null && (!PORT.test(port) || Number(port) > 65535)) {
    return `invalid port: ${entry}`
  }
  // Judged as the engine's URL parser reads the host, so `2130706433`, `0x7f.1` and
  // `[::ffff:7f00:1]` are the IP addresses they connect to (WeChat's console refuses IPs).
  const parsed = parseRequestTarget(entry)?.origin.host
  if (parsed === undefined) return `invalid host name: ${entry}`
  if (isIpHost(parsed)) return `a domain cannot be an IP address (${parsed}): ${entry}`
  if (isLocalhostName(parsed)) return `a domain cannot be localhost: ${entry}`
  return null
}

/** Checks a parsed `project.domains.json` value; keeps the valid entries and lists the rest. */
export function checkDomainLists(value: unknown): CheckedDomainLists {
  const lists = emptyDomainLists()
  const issues: DomainIssue[] = []
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    issues.push({ path: [], message: 'project.domains.json must be an object of domain lists' })
    return { lists, issues }
  }
  const record = value as Record<string, unknown>
  for (const kind of DOMAIN_LIST_KINDS) {
    const entries = record[kind]
    if (entries === undefined) continue
    if (!Array.isArray(entries)) {
      issues.push({ path: [kind], message: `${kind} must be an array of origins` })
      continue
    }
    if (entries.length > MAX_DOMAINS_PER_LIST) {
      issues.push({
        path: [kind],
        message: `${kind} has ${entries.length} domains; at most ${MAX_DOMAINS_PER_LIST} are allowed`,
      })
    }
    const seen = new Set<string>()
    entries.forEach((entry: unknown, index) => {
      const at = [kind, index]
      if (typeof entry !== 'string') {
        issues.push({ path: at, message: `${kind}[${index}] must be a string` })
        return
      }
      const error = domainEntryError(kind, entry)
      if (error) {
        issues.push({ path: at, message: error })
      } else if (seen.has(entry)) {
        issues.push({ path: at, message: `duplicate domain in ${kind}: ${entry}` })
      } else if (seen.size < MAX_DOMAINS_PER_LIST) {
        seen.add(entry)
        lists[kind].push(entry)
      }
    })
  }
  for (const key of Object.keys(record)) {
    if (!(DOMAIN_LIST_KINDS as readonly string[]).includes(key)) {
      issues.push({
        path: [key],
        message: `unknown list "${key}" (expected ${DOMAIN_LIST_KINDS.join(', ')})`,
      })
    }
  }
  return { lists, issues }
}

/** Validates domain lists given by a caller (e.g. the workbench); missing lists are empty. */
export function validateDomainLists(lists: unknown): Result<DomainLists> {
  const checked = checkDomainLists(lists)
  if (checked.issues.length === 0) return ok(checked.lists)
  return fail({
    code: 'INVALID_DOMAINS',
    message: checked.issues.map((issue) => issue.message).join('; '),
  })
}
