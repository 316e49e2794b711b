/**
 * Who may talk to the browser-mode host: a request must name our own host (DNS rebinding), come
 * from our own origin if it comes from a page (other sites' pages), and carry the per-run token,
 * either as `?token=` on the page URL or as the cookie the host sets after that first request.
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto'
import type { IncomingMessage } from 'node:http'

export type GuardVerdict =
  | { allowed: true; tokenFrom: 'query' | 'cookie' }
  | { allowed: false; reason: 'host' | 'origin' | 'token' }

export interface RequestGuard {
  check(request: IncomingMessage): GuardVerdict
  /** The `Set-Cookie` value that lets the page's assets and WebSocket carry the token. */
  cookie(): string
  readonly cookieName: string
}

/** A fresh per-run token: 24 random bytes, base64url. */
export function createToken(): string {
  return randomBytes(24).toString('base64url')
}

/** Constant-time comparison; hashing first makes both sides the same length. */
export function tokensEqual(given: string, expected: string): boolean {
  const a = createHash('sha256').update(given).digest()
  const b = createHash('sha256').update(expected).digest()
  return timingSafeEqual(a, b)
}

function readCookie(header: string | undefined, name: string): string | undefined {
  if (!header) return undefined
  for (const part of header.split(';')) {
    const eq = part.indexOf('=')
    if (eq > 0 && part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim()
  }
  return undefined
}

export function createRequestGuard(options: { token: string; port: number }): RequestGuard {
  const { token, port } = options
  const hosts = new Set([`127.0.0.1:${port}`, `localhost:${port}`])
  const origins = new Set([...hosts].map((host) => `http://${host}`))
  // Cookies are not kept apart by port: the name is, so two hosts on one machine don't collide.
  const cookieName = `mpdt_token_${port}`

  return {
    cookieName,
    check(request) {
      const host = request.headers.host?.toLowerCase()
      if (!host || !hosts.has(host)) return { allowed: false, reason: 'host' }
      const origin = request.headers.origin
      if (origin !== undefined && !origins.has(origin.toLowerCase())) {
        return { allowed: false, reason: 'origin' }
      }
      const queryToken = new URL(request.url ?? '/', 'http://host').searchParams.get('token')
      if (queryToken !== null) {
        return tokensEqual(queryToken, token)
          ? { allowed: true, tokenFrom: 'query' }
          : { allowed: false, reason: 'token' }
      }
      const cookieToken = readCookie(request.headers.cookie, cookieName)
      if (cookieToken !== undefined && tokensEqual(cookieToken, token)) {
        return { allowed: true, tokenFrom: 'cookie' }
      }
      return { allowed: false, reason: 'token' }
    },
    cookie() {
      return `${cookieName}=${token}; Path=/; HttpOnly; SameSite=Strict`
    },
  }
}
