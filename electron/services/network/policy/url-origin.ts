/**
 * The origin of a URL as WeChat compares it: `scheme://host[:port]`, lower-cased, with the port
 * only when the URL spells one out. WHATWG `URL` drops a default port (`:443`), but WeChat refuses
 * `https://a.com:443` when `https://a.com` is listed, so the authority is read from the text.
 */
export interface UrlOrigin {
  scheme: string
  /** Lower-cased; IPv6 keeps its brackets. */
  host: string
  /** Only when written in the URL. */
  port?: string
  /** `scheme://host[:port]` */
  origin: string
}

const AUTHORITY = /^([a-z][a-z0-9+.-]*):\/\/([^/?#\\]*)/i

export function parseUrlOrigin(url: string): UrlOrigin | undefined {
  const match = AUTHORITY.exec(url.trim())
  if (!match) return undefined
  const scheme = match[1].toLowerCase()
  let authority = match[2]
  const at = authority.lastIndexOf('@')
  if (at >= 0) authority = authority.slice(at + 1)
  let host: string
  let port: string | undefined
  if (authority.startsWith('[')) {
    const end = authority.indexOf(']')
    if (end < 0) return undefined
    host = authority.slice(0, end + 1)
    const rest = authority.slice(end + 1)
    if (rest && !rest.startsWith(':')) return undefined
    port = rest.slice(1) || undefined
  } else {
    const colon = authority.lastIndexOf(':')
    host = colon >= 0 ? authority.slice(0, colon) : authority
    port = colon >= 0 ? authority.slice(colon + 1) || undefined : undefined
  }
  if (!host || (port !== undefined && !/^\d+$/.test(port))) return undefined
  host = host.toLowerCase()
  return { scheme, host, port, origin: `${scheme}://${host}${port ? `:${port}` : ''}` }
}

/** A domain-list entry as an origin; an entry written without a scheme means https. */
export function parseListedOrigin(entry: string): UrlOrigin | undefined {
  const text = entry.trim()
  return parseUrlOrigin(/^[a-z][a-z0-9+.-]*:\/\//i.test(text) ? text : `https://${text}`)
}
