import { isIP } from 'node:net'

/**
 * How WeChat treats an IP literal in a request URL: LAN addresses of other machines are allowed
 * ("从基础库 2.4.0 开始，网络接口允许与局域网 IP 通信，但要注意不允许与本机 IP 通信"), the machine's own
 * addresses and loopback are refused, every other (public) IP is refused like an unlisted domain.
 */
export type AddressKind = 'own' | 'loopback' | 'lan' | 'public'

/** Classifies `ip` given the machine's own addresses; pure, never connects. */
export function classifyAddress(ip: string, ownAddresses: readonly string[]): AddressKind {
  const normalized = normalizeAddress(ip)
  if (ownAddresses.some((own) => normalizeAddress(own) === normalized)) return 'own'
  const v4 = isIP(normalized) === 4 ? normalized : mappedIPv4(normalized)
  if (v4) return classifyIPv4(v4)
  const first = parseInt(normalized.slice(0, 4), 16)
  if (normalized === '0000:0000:0000:0000:0000:0000:0000:0001') return 'loopback'
  if ((first & 0xfe00) === 0xfc00) return 'lan' // fc00::/7 unique local
  if ((first & 0xffc0) === 0xfe80) return 'lan' // fe80::/10 link-local
  return 'public'
}

function classifyIPv4(ip: string): AddressKind {
  const [a, b] = ip.split('.').map(Number)
  if (a === 127) return 'loopback'
  if (a === 10) return 'lan'
  if (a === 172 && b >= 16 && b <= 31) return 'lan'
  if (a === 192 && b === 168) return 'lan'
  return 'public'
}

/** `::ffff:10.0.0.1` (already expanded) → `10.0.0.1`. */
function mappedIPv4(expanded: string): string | undefined {
  if (!expanded.startsWith('0000:0000:0000:0000:0000:ffff:')) return undefined
  const [hi, lo] = expanded
    .slice(30)
    .split(':')
    .map((h) => parseInt(h, 16))
  return [hi >> 8, hi & 0xff, lo >> 8, lo & 0xff].join('.')
}

/**
 * One spelling per address so that comparisons work: IPv4 as is, IPv6 without brackets or zone,
 * fully expanded and lower-cased (`fe80::1%eth0` → `fe80:0000:…:0001`).
 */
export function normalizeAddress(ip: string): string {
  let address = ip.trim().toLowerCase()
  if (address.startsWith('[') && address.endsWith(']')) address = address.slice(1, -1)
  const zone = address.indexOf('%')
  if (zone >= 0) address = address.slice(0, zone)
  if (isIP(address) !== 6) return address
  const tail = /(\d+)\.(\d+)\.(\d+)\.(\d+)$/.exec(address)
  if (tail) {
    const [a, b, c, d] = tail.slice(1).map(Number)
    const hex = `${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`
    address = address.slice(0, tail.index) + hex
  }
  const [head, rest] = address.split('::')
  const headGroups = head ? head.split(':') : []
  const restGroups = rest !== undefined && rest !== '' ? rest.split(':') : []
  const missing = 8 - headGroups.length - restGroups.length
  const groups =
    rest === undefined ? headGroups : [...headGroups, ...Array(missing).fill('0'), ...restGroups]
  return groups.map((g) => g.padStart(4, '0')).join(':')
}
