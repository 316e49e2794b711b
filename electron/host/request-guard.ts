/**
 * Who may talk to the browser-mode host: a request must name our own host (DNS rebinding), come
 * from our own origin if it comes from a page (other sites' pages), and carry the per-run token:
 * as `?token=` on the page URL, as the cookie the host sets after that first request, or as the
 * `/t/<token>/` path prefix under which the workbench is served. The path form is what lets the
 * simulator's sandboxed frame (an opaque origin: `Origin: null`, no cookies) load its own files.
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto'
import type { IncomingMessage } from 'node:http'

export type GuardVerdict =
  | { allowed: true; tokenFrom: 'path' | 'query' | 'cookie'; opaqueOrigin: boolean }
  | { allowed: false; reason: 'host' | 'origin' | 'token' }

export interface RequestGuard {
  /**
   * `allowOpaqueOrigin`: accept `Origin: null` (a sandboxed frame) when the token is in the path;
   * for files only, never for the WebSocket.
   */
  check(request: IncomingMessage, options?: { allowOpaqueOrigin?: boolean }): GuardVerdict
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

/** The prefix of paths that carry the token: `/t/<token>/…`. */
export const TOKEN_PATH_PREFIX = '/t/'

/** Splits `/t/<token>/rest` into the token and `/rest`; null for any other path. */
export function splitTokenPath(pathname: string): { token: string; rest: string } | null {
  if (!pathname.startsWith(TOKEN_PATH_PREFIX)) return null
  const end = pathname.indexOf('/', TOKEN_PATH_PREFIX.length)
  if (end < 0) return null
  return { token: pathname.slice(TOKEN_PATH_PREFIX.length, end), rest: pathname.slice(end) }
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
    check(request, { allowOpaqueOrigin = false } = {}) {
      const host = request.headers.host?.toLowerCase()
      if (!host || !hosts.has(host)) return { allowed: false, reason: 'host' }
      const origin = request.headers.origin?.toLowerCase()
      const opaqueOrigin = origin === 'null' && allowOpaqueOrigin
      if (origin !== undefined && !origins.has(origin) && !opaqueOrigin) {
        return { allowed: false, reason: 'origin' }
      }
      const url = new URL(request.url ?? '/', 'http://host')
      const pathToken = splitTokenPath(url.pathname)
      if (pathToken !== null) {
        return tokensEqual(pathToken.token, token)
          ? { allowed: true, tokenFrom: 'path', opaqueOrigin }
          : { allowed: false, reason: 'token' }
      }
      // A sandboxed frame is let in only by the path token, never by the page's cookie.
      if (opaqueOrigin) return { allowed: false, reason: 'origin' }
      const queryToken = url.searchParams.get('token')
      if (queryToken !== null) {
        return tokensEqual(queryToken, token)
          ? { allowed: true, tokenFrom: 'query', opaqueOrigin }
          : { allowed: false, reason: 'token' }
      }
      const cookieToken = readCookie(request.headers.cookie, cookieName)
      if (cookieToken !== undefined && tokensEqual(cookieToken, token)) {
        return { allowed: true, tokenFrom: 'cookie', opaqueOrigin }
      }
      return { allowed: false, reason: 'token' }
    },
    cookie() {
      return `${cookieName}=${token}; Path=/; HttpOnly; SameSite=Strict`
    },
  }
}
