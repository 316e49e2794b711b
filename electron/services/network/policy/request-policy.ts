import type { BlockRule } from '../../../../shared/network'
import { classifyAddress } from './lan-address'
import {
  isIpHost,
  isLocalhostName,
  parseListedOrigin,
  parseUrlOrigin,
  type UrlOrigin,
} from './url-origin'

/**
 * WeChat's request policy as pure decisions (no I/O): which URLs may be requested when the
 * project's urlCheck is on, and which TLS connections are acceptable. The engine applies it before
 * connecting, on every redirect hop, and right after each TLS handshake.
 */

/** The rules a URL alone can break (TLS ones need a handshake; redirects are the engine's). */
export type UrlRule = Extract<BlockRule, 'domain-list' | 'not-https' | 'ip-or-localhost' | 'port'>

export type UrlDecision =
  | { allowed: true }
  | {
      allowed: false
      rule: UrlRule
      /** `scheme://host[:port]` as WeChat prints it in the console block. */
      origin: string
      /** The host is this machine (localhost, loopback, one of its own addresses). */
      localMachine?: boolean
    }

export interface UrlPolicyInput {
  /** The origin the connection will use (from `parseRequestTarget`), or URL text to parse so. */
  url: string | UrlOrigin
  /** The lane's list of project.domains.json, compiled once by `domainList`. */
  domains: DomainList
  /** This machine's own IP addresses (from `os.networkInterfaces()`), never connected to. */
  ownAddresses: readonly string[]
}

/**
 * One list of project.domains.json parsed once (when the project's settings change), so that
 * judging a request is a few set lookups rather than parsing every entry again.
 */
export interface DomainList {
  /** The entries as written, for WeChat's console table. */
  readonly entries: readonly string[]
  /** `scheme://host[:port]` of each entry (an entry without a scheme means https). */
  readonly origins: ReadonlySet<string>
  /** `scheme://host` of each entry: a listed domain on another port is the `port` rule. */
  readonly places: ReadonlySet<string>
  /** Hosts of the wss entries (an entry without a scheme means wss for sockets). */
  readonly socketHosts: ReadonlySet<string>
}

export function domainList(entries: readonly string[]): DomainList {
  const origins = new Set<string>()
  const places = new Set<string>()
  const socketHosts = new Set<string>()
  for (const entry of entries) {
    const listed = parseListedOrigin(entry)
    // WeChat's console refuses IPs and localhost as domains; one that slipped in allows nothing.
    if (listed && (isIpHost(listed.host) || isLocalhostName(listed.host))) continue
    if (listed) {
      origins.add(listed.origin)
      places.add(`${listed.scheme}://${listed.host}`)
    }
    const text = entry.trim()
    const socket = parseUrlOrigin(/^[a-z][a-z0-9+.-]*:\/\//i.test(text) ? text : `wss://${text}`)
    if (socket?.scheme === 'wss') socketHosts.add(socket.host)
  }
  return { entries, origins, places, socketHosts }
}

/** The IP and localhost rules every API shares; undefined when the host is a name. */
function checkAddress(origin: string, host: string, ownAddresses: readonly string[]) {
  if (isLocalhostName(host)) {
    return { allowed: false, rule: 'ip-or-localhost', origin, localMachine: true } as const
  }
  if (!isIpHost(host)) return undefined
  const bare = host.startsWith('[') ? host.slice(1, -1) : host
  const kind = classifyAddress(bare, ownAddresses)
  // LAN addresses of other machines are allowed without a list entry, http included, as on a phone.
  if (kind === 'lan') return { allowed: true } as const
  const localMachine = kind === 'own' || kind === 'loopback'
  return {
    allowed: false,
    rule: 'ip-or-localhost',
    origin,
    ...(localMachine && { localMachine }),
  } as const
}

/**
 * Decides whether a socket `url` may be opened with urlCheck on: wss only, and a listed wss
 * domain allows every port ("对于 wss 域名，无需配置端口，默认允许请求该域名下所有端口").
 */
export function checkSocketUrl({ url, domains, ownAddresses }: UrlPolicyInput): UrlDecision {
  const target = originOf(url)
  if (!target) return { allowed: false, rule: 'domain-list', origin: String(url) }
  const { origin, host } = target
  const address = checkAddress(origin, host, ownAddresses)
  if (address) return address
  if (target.scheme !== 'wss') return { allowed: false, rule: 'not-https', origin }
  if (domains.socketHosts.has(host)) return { allowed: true }
  return { allowed: false, rule: 'domain-list', origin }
}

/** Decides whether `url` may be requested with urlCheck on. */
export function checkRequestUrl({ url, domains, ownAddresses }: UrlPolicyInput): UrlDecision {
  const target = originOf(url)
  if (!target) return { allowed: false, rule: 'domain-list', origin: String(url) }
  const { origin, host } = target
  const address = checkAddress(origin, host, ownAddresses)
  if (address) return address
  if (target.scheme !== 'https') return { allowed: false, rule: 'not-https', origin }
  if (domains.origins.has(origin)) return { allowed: true }
  const samePlace = domains.places.has(`${target.scheme}://${host}`)
  return { allowed: false, rule: samePlace ? 'port' : 'domain-list', origin }
}

/**
 * What a phone requires of a tourist app (`touristappid`), which has no domain lists anywhere:
 * only the secure scheme (`https`, `wss` for sockets); LAN addresses of other machines stay
 * allowed over plain http, as for every app.
 */
export function checkTouristUrl(
  { url, ownAddresses }: Omit<UrlPolicyInput, 'domains'>,
  secureScheme: 'https' | 'wss',
): UrlDecision {
  const target = originOf(url)
  if (!target || target.scheme === secureScheme) return { allowed: true }
  const { origin, host } = target
  const bare = host.startsWith('[') ? host.slice(1, -1) : host
  if (isIpHost(host) && classifyAddress(bare, ownAddresses) === 'lan') return { allowed: true }
  return { allowed: false, rule: 'not-https', origin }
}

function originOf(url: string | UrlOrigin): UrlOrigin | undefined {
  return typeof url === 'string' ? parseUrlOrigin(url) : url
}

/** What the engine learns about a TLS connection right after the handshake. */
export interface TlsHandshake {
  /** Node's `getProtocol()`: `TLSv1`, `TLSv1.1`, `TLSv1.2`, `TLSv1.3`. */
  protocol: string
  /** Chain verified against the trusted roots and valid for the requested host name. */
  authorized: boolean
}

export type TlsDecision =
  { allowed: true } | { allowed: false; rule: 'tls-version' | 'certificate' }

/** WeChat requires TLS 1.2 or newer and a valid certificate; the version is judged first. */
export function checkTlsHandshake({ protocol, authorized }: TlsHandshake): TlsDecision {
  if (tlsVersionNumber(protocol) < 1.2) return { allowed: false, rule: 'tls-version' }
  if (!authorized) return { allowed: false, rule: 'certificate' }
  return { allowed: true }
}

/** `TLSv1` → 1.0, `TLSv1.3` → 1.3; an unknown protocol counts as too old. */
export function tlsVersionNumber(protocol: string): number {
  const match = /^TLSv(\d+(?:\.\d+)?)$/.exec(protocol)
  return match ? parseFloat(match[1]) : 0
}

/** Chrome's spelling, which WeChat prints: `TLSv1` → `TLS 1.0`. */
export function tlsVersionLabel(protocol: string): string {
  const number = tlsVersionNumber(protocol)
  return number ? `TLS ${number.toFixed(1)}` : protocol
}
