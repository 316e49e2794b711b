import type { HeaderMap } from '../../../../shared/network'

export interface ResponseHeaders {
  /** Names as the server spelled them; repeated fields joined with ',' as WeChat does. */
  header: HeaderMap
  /** One entry per `Set-Cookie` field line. */
  cookies: string[]
}

/** Reads undici's raw header list (name, value, name, value…) without losing repeats or case. */
export function readRawHeaders(
  raw: readonly (Buffer | string)[] | null | undefined,
): ResponseHeaders {
  const header: HeaderMap = {}
  const spelling = new Map<string, string>()
  const cookies: string[] = []
  if (!raw) return { header, cookies }
  for (let i = 0; i + 1 < raw.length; i += 2) {
    const name = raw[i].toString()
    const field = raw[i + 1]
    const value = typeof field === 'string' ? field : field.toString('utf8')
    const lower = name.toLowerCase()
    if (lower === 'set-cookie') cookies.push(value)
    const key = spelling.get(lower)
    if (key === undefined) {
      spelling.set(lower, name)
      header[name] = value
    } else {
      header[key] = `${header[key]},${value}`
    }
  }
  return { header, cookies }
}

/** The first value of `name` (any case) from a header map. */
export function headerValue(header: HeaderMap, name: string): string | undefined {
  const lower = name.toLowerCase()
  for (const key of Object.keys(header)) if (key.toLowerCase() === lower) return header[key]
  return undefined
}
