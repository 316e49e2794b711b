/** What the details tabs derive from a request: query, payload views, cookies, chunk texts. */
import type { HeaderMap } from '../../../shared/network'
import type { ChunkRecord } from './network-rows'

export function headerValue(headers: HeaderMap | undefined, name: string): string | undefined {
  if (!headers) return undefined
  const wanted = name.toLowerCase()
  for (const [key, value] of Object.entries(headers)) {
    if (key.toLowerCase() === wanted) return value
  }
  return undefined
}

export function queryParams(url: string): [string, string][] {
  try {
    return [...new URL(url).searchParams.entries()]
  } catch {
    return []
  }
}

/** The body parsed as JSON, or undefined when it is not JSON. */
export function parseJson(text: string): { value: unknown } | undefined {
  const trimmed = text.trim()
  if (!trimmed.startsWith('{') && !trimmed.startsWith('[')) return undefined
  try {
    return { value: JSON.parse(trimmed) }
  } catch {
    return undefined
  }
}

/** `a=1&b=2` bodies as pairs, when the content type says form-urlencoded. */
export function formFields(
  contentType: string | undefined,
  text: string,
): [string, string][] | undefined {
  if (!contentType?.toLowerCase().includes('application/x-www-form-urlencoded')) return undefined
  return [...new URLSearchParams(text).entries()]
}

/** `name=value; name2=value2` from a Cookie header. */
export function requestCookies(header: string | undefined): [string, string][] {
  if (!header) return []
  return header
    .split(';')
    .map((part) => part.trim())
    .filter(Boolean)
    .map((part) => {
      const at = part.indexOf('=')
      return at < 0 ? [part, ''] : [part.slice(0, at), part.slice(at + 1)]
    })
}

/** Name and value of each Set-Cookie (the runtime joins several with ','; dates hold ', ' too). */
export function responseCookies(header: string | undefined): [string, string][] {
  if (!header) return []
  return header
    .split(/,(?=\s*[^;=\s,]+=)/)
    .map((cookie) => cookie.split(';')[0].trim())
    .filter(Boolean)
    .map((pair) => {
      const at = pair.indexOf('=')
      return at < 0 ? [pair, ''] : [pair.slice(0, at), pair.slice(at + 1)]
    })
}

/** The body cut at the chunk boundaries, each with its size and time after the first. */
export function chunkTexts(
  bytes: Uint8Array,
  chunks: ChunkRecord[],
): { text: string; size: number; after: number }[] {
  const decoder = new TextDecoder()
  const first = chunks[0]?.time ?? 0
  let offset = 0
  return chunks.map((chunk) => {
    const slice = bytes.subarray(offset, offset + chunk.size)
    offset += chunk.size
    return { text: decoder.decode(slice), size: chunk.size, after: chunk.time - first }
  })
}

export function bytesToBase64(bytes: Uint8Array): string {
  let binary = ''
  for (let i = 0; i < bytes.length; i += 0x8000) {
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000))
  }
  return btoa(binary)
}
