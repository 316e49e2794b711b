import type { HeaderMap } from '../../../../shared/network'

/**
 * Headers the engine owns: Referer and User-Agent are forced, and the connection-level ones are
 * undici's to write (a caller's value would corrupt the framing), like Chromium's unsafe headers.
 */
const ENGINE_OWNED = new Set([
  'referer',
  'user-agent',
  'host',
  'connection',
  'keep-alive',
  'transfer-encoding',
  'content-length',
  'upgrade',
  'expect',
  'te',
  'trailer',
])

export interface OutgoingHeaders {
  headers: HeaderMap
  /** Caller headers the engine refused (other than Referer/User-Agent, which WeChat forbids). */
  refused: string[]
}

/** The headers actually sent: the caller's minus engine-owned ones, plus WeChat's fixed ones. */
export function buildRequestHeaders(
  callerHeaders: HeaderMap,
  appid: string,
  userAgent: string,
): OutgoingHeaders {
  const headers: HeaderMap = {}
  const refused: string[] = []
  let hasAcceptEncoding = false
  for (const [name, value] of Object.entries(callerHeaders)) {
    const lower = name.toLowerCase()
    if (ENGINE_OWNED.has(lower)) {
      if (lower !== 'referer' && lower !== 'user-agent') refused.push(name)
      continue
    }
    if (lower === 'accept-encoding') hasAcceptEncoding = true
    headers[name] = value
  }
  if (!hasAcceptEncoding) headers['accept-encoding'] = 'gzip, deflate, br'
  headers['user-agent'] = userAgent
  headers.referer = `https://servicewechat.com/${appid}/devtools/page-frame.html`
  return { headers, refused }
}
