import { ERR_MSG, ERRNO } from '../../../../shared/wechat-errors'

export interface Failure {
  errMsg: string
  errno?: number
}

/** What the run knew of the response when its transport failed. */
export interface ResponseShape {
  /** The status line and headers had arrived. */
  headers: boolean
  /** `transfer-encoding: chunked`. */
  chunked?: boolean
  /** A `content-length` was given. */
  contentLength?: boolean
}

const net = (name: string): Failure => ({
  errMsg: `request:fail net::${name}`,
  errno: ERRNO.network,
})

/** A body whose content-encoding could not be undone. */
export const DECODING_FAILED: Failure = net('ERR_CONTENT_DECODING_FAILED')

/**
 * A decoded body past the engine's cap (`maxResponseSize`). WeChat documents no limit for
 * `wx.request`; the words follow its download limit's (`downloadFile:fail exceed max file size`).
 */
export const RESPONSE_TOO_LARGE: Failure = { errMsg: ERR_MSG.responseTooLarge }

/** The tool's own fault while completing a request: the request still ends, in its own name. */
export function internalFailure(error: unknown): Failure {
  const message = error instanceof Error ? error.message : String(error)
  return { errMsg: `request:fail internal error: ${message}` }
}

/**
 * A transport error in the words a phone's Chromium network stack uses (`request:fail net::ERR_…`,
 * errno 600001), so what a developer sees here is what they will see on a device. A clean close
 * is told apart from a reset as Chrome does: nothing at all is ERR_EMPTY_RESPONSE, a chunked body
 * cut short ERR_INCOMPLETE_CHUNKED_ENCODING, a sized one ERR_CONTENT_LENGTH_MISMATCH; a
 * malformed status line or header is ERR_INVALID_HTTP_RESPONSE.
 */
export function networkFailure(error: unknown, shape: ResponseShape = { headers: false }): Failure {
  const { code, message, name } = (error ?? {}) as {
    code?: string
    message?: string
    name?: string
  }
  if (name === 'HTTPParserError' || code?.startsWith('HPE_')) {
    return net('ERR_INVALID_HTTP_RESPONSE')
  }
  switch (code) {
    case 'ECONNREFUSED':
      return net('ERR_CONNECTION_REFUSED')
    case 'ECONNRESET':
    case 'EPIPE':
      return net('ERR_CONNECTION_RESET')
    case 'UND_ERR_SOCKET':
      // undici's "other side closed": the peer ended the connection cleanly (a FIN).
      if (!shape.headers) return net('ERR_EMPTY_RESPONSE')
      return net(shape.chunked ? 'ERR_INCOMPLETE_CHUNKED_ENCODING' : 'ERR_CONTENT_LENGTH_MISMATCH')
    case 'UND_ERR_RES_CONTENT_LENGTH_MISMATCH':
    case 'UND_ERR_REQ_CONTENT_LENGTH_MISMATCH':
      return net('ERR_CONTENT_LENGTH_MISMATCH')
    case 'UND_ERR_HEADERS_OVERFLOW':
      return net('ERR_RESPONSE_HEADERS_TOO_BIG')
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return net('ERR_NAME_NOT_RESOLVED')
    case 'EHOSTUNREACH':
    case 'ENETUNREACH':
      return net('ERR_ADDRESS_UNREACHABLE')
    case 'ETIMEDOUT':
    case 'UND_ERR_CONNECT_TIMEOUT':
      return { errMsg: ERR_MSG.timeout }
    case 'UND_ERR_INVALID_ARG':
      return { errMsg: `request:fail ${message ?? 'invalid argument'}` }
  }
  if (code?.startsWith('ERR_SSL') || code === 'EPROTO') return net('ERR_SSL_PROTOCOL_ERROR')
  return net('ERR_FAILED')
}
