/** Cookie headers as HAR cookie objects. */
import type { HarCookie } from './har-types'

/** `Cookie: a=1; b=2` → one cookie per pair. */
export function parseCookieHeader(header: string | undefined): HarCookie[] {
  if (!header) return []
  return header
    .split(';')
    .map((pair) => pair.trim())
    .filter((pair) => pair !== '')
    .map((pair) => {
      const eq = pair.indexOf('=')
      return eq === -1
        ? { name: pair, value: '' }
        : { name: pair.slice(0, eq).trim(), value: pair.slice(eq + 1).trim() }
    })
}

/** One `Set-Cookie` value with its attributes; unknown attributes are left out. */
export function parseSetCookie(setCookie: string): HarCookie {
  const [pair, ...attributes] = setCookie.split(';')
  const eq = pair.indexOf('=')
  const cookie: HarCookie =
    eq === -1
      ? { name: pair.trim(), value: '' }
      : { name: pair.slice(0, eq).trim(), value: pair.slice(eq + 1).trim() }
  for (const attribute of attributes) {
    const at = attribute.indexOf('=')
    const key = (at === -1 ? attribute : attribute.slice(0, at)).trim().toLowerCase()
    const value = at === -1 ? '' : attribute.slice(at + 1).trim()
    if (key === 'path') cookie.path = value
    else if (key === 'domain') cookie.domain = value
    else if (key === 'expires') {
      const date = new Date(value)
      if (!Number.isNaN(date.getTime())) cookie.expires = date.toISOString()
    } else if (key === 'httponly') cookie.httpOnly = true
    else if (key === 'secure') cookie.secure = true
  }
  return cookie
}
