/** "Copy as cURL" and "Copy as fetch", as Chrome DevTools writes them (POSIX shell quoting). */
import type { HeaderMap } from '../../../shared/network'

export interface CopiedRequest {
  url: string
  method: string
  headers: HeaderMap
  body?: string
}

/** One shell word in single quotes; a quote inside becomes '\'' . */
export function shellQuote(value: string): string {
  return `'${value.replace(/'/g, `'\\''`)}'`
}

export function asCurl(request: CopiedRequest): string {
  const parts = [`curl ${shellQuote(request.url)}`]
  const defaultMethod = request.body === undefined ? 'GET' : 'POST'
  if (request.method !== defaultMethod) parts.push(`-X ${shellQuote(request.method)}`)
  for (const [name, value] of Object.entries(request.headers)) {
    parts.push(`-H ${shellQuote(`${name}: ${value}`)}`)
  }
  if (request.body !== undefined) parts.push(`--data-raw ${shellQuote(request.body)}`)
  return parts.join(' \\\n  ')
}

export function asFetch(request: CopiedRequest): string {
  const init: Record<string, unknown> = { method: request.method, headers: request.headers }
  if (request.body !== undefined) init.body = request.body
  return `fetch(${JSON.stringify(request.url)}, ${JSON.stringify(init, null, 2)})`
}
