/**
 * The origin of a URL as WeChat compares it: `scheme://host[:port]`, lower-cased, with the port
 * only when the URL spells one out. WHATWG `URL` drops a default port (`:443`), but WeChat refuses
 * `https://a.com:443` when `https://a.com` is listed, so a spelled-out port is read from the text.
 */
export interface UrlOrigin {
  scheme: string
  /** As the URL parser prints it: lower-cased, IPv4 dotted, IPv6 in brackets, IDN as punycode. */
  host: string
  /** Only when written in the URL. */
  port?: string
  /** `scheme://host[:port]` */
  origin: string
}

/**
 * A URL parsed once, by the WHATWG parser the connection uses (undici and ws read the same
 * `URL`), with its origin as WeChat compares it. The policy judges `origin` and the connection
 * goes to `url`, so no spelling (`api%2Ehidden.test`, `0x7f.1`, `2130706433`) can be judged as
 * one host and reach another.
 */
export interface RequestTarget {
  url: URL
  origin: UrlOrigin
}

export function parseRequestTarget(text: string): RequestTarget | undefined {
  let url: URL
  try {
    url = new URL(text.trim())
  } catch {
    return undefined
  }
  if (!url.hostname) return undefined
  const scheme = url.protocol.slice(0, -1).toLowerCase()
  const host = url.hostname.toLowerCase()
  const port = url.port || spelledPort(text)
  return {
    url,
    origin: { scheme, host, port, origin: `${scheme}://${host}${port ? `:${port}` : ''}` },
  }
}

const AUTHORITY = /^[a-z][a-z0-9+.-]*:\/\/([^/?#\\]*)/i

/** A default port the URL spells out (`:443`), which the WHATWG parser drops. */
function spelledPort(text: string): string | undefined {
  const authority = AUTHORITY.exec(text.trim())?.[1] ?? ''
  const hostPort = authority.slice(authority.lastIndexOf('@') + 1)
  const port = /:(\d+)$/.exec(hostPort.slice(hostPort.lastIndexOf(']') + 1))?.[1]
  return port === undefined ? undefined : String(Number(port))
}

export function parseUrlOrigin(url: string): UrlOrigin | undefined {
  return parseRequestTarget(url)?.origin
}

/** A domain-list entry as an origin; an entry written without a scheme means https. */
export function parseListedOrigin(entry: string): UrlOrigin | undefined {
  const text = entry.trim()
  return parseUrlOrigin(/^[a-z][a-z0-9+.-]*:\/\//i.test(text) ? text : `https://${text}`)
}

/** The host is an IP address in any spelling the URL parser accepts (it prints them normalized). */
export function isIpHost(host: string): boolean {
  return /^\d{1,3}(\.\d{1,3}){3}$/.test(host) || host.startsWith('[')
}

/** `localhost`, a name under it, with or without the root's trailing dot (`localhost.`). */
export function isLocalhostName(host: string): boolean {
  const name = host.endsWith('.') ? host.slice(0, -1) : host
  return name === 'localhost' || name.endsWith('.localhost')
}
