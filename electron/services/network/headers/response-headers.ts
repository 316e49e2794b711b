import type { HeaderMap } from '../../../../shared/network'

export interface ResponseHeaders {
  /** Names as the server spelled them; repeated fields joined with ',' as WeChat does. */
  header: HeaderMap
  /** One entry per `Set-Cookie` field line. */
  cookies: string[]
  /** The fields the engine itself acts on, found in the same pass (joined like `header`'s). */
  location?: string
  contentLength?: string
  contentEncoding?: string
  /** `transfer-encoding: chunked`: a cut-short body is then an incomplete chunked encoding. */
  chunked?: boolean
}

/**
 * Reads undici's raw header list (name, value, name, value…) without losing repeats or case, in
 * one pass that also picks out the fields the engine needs: this runs for every response.
 */
export function readRawHeaders(
  raw: readonly (Buffer | string)[] | null | undefined,
): ResponseHeaders {
  const header: HeaderMap = {}
  const cookies: string[] = []
  const result: ResponseHeaders = { header, cookies }
  if (!raw) return result
  // Lower-cased names in first-seen order, beside the spelling used as the key: a response has
  // a handful of fields, so a list beats a Map per response.
  const lowerNames: string[] = []
  const keys: string[] = []
  for (let i = 0; i + 1 < raw.length; i += 2) {
    const nameField = raw[i]
    const name = typeof nameField === 'string' ? nameField : nameField.toString('latin1')
    const field = raw[i + 1]
    const value = typeof field === 'string' ? field : field.toString('utf8')
    const lower = name.toLowerCase()
    if (lower === 'set-cookie') cookies.push(value)
    const seen = lowerNames.indexOf(lower)
    let joined = value
    if (seen === -1) {
      lowerNames.push(lower)
      keys.push(name)
      header[name] = value
    } else {
      joined = `${header[keys[seen]]},${value}`
      header[keys[seen]] = joined
    }
    if (lower === 'location') result.location = joined
    else if (lower === 'content-length') result.contentLength = joined
    else if (lower === 'content-encoding') result.contentEncoding = joined
    else if (lower === 'transfer-encoding') result.chunked = /(^|,)\s*chunked\s*$/i.test(joined)
  }
  return result
}

/** The first value of `name` (any case) from a header map. */
export function headerValue(header: HeaderMap, name: string): string | undefined {
  const lower = name.toLowerCase()
  for (const key of Object.keys(header)) if (key.toLowerCase() === lower) return header[key]
  return undefined
}
