import { ERR_MSG, ERRNO } from '../policy/wechat-messages'

export interface Failure {
  errMsg: string
  errno?: number
}

/**
 * A transport error in the words a phone uses (`request:fail net::ERR_…`, errno 600001), so what a
 * developer sees here is what they will see on a device.
 */
/** A body whose content-encoding could not be undone. */
export const DECODING_FAILED: Failure = {
  errMsg: 'request:fail net::ERR_CONTENT_DECODING_FAILED',
  errno: ERRNO.network,
}

export function networkFailure(error: unknown): Failure {
  const { code, message } = (error ?? {}) as { code?: string; message?: string }
  const net = (name: string): Failure => ({
    errMsg: `request:fail net::${name}`,
    errno: ERRNO.network,
  })
  switch (code) {
    case 'ECONNREFUSED':
      return net('ERR_CONNECTION_REFUSED')
    case 'ECONNRESET':
    case 'EPIPE':
    case 'UND_ERR_SOCKET':
      return net('ERR_CONNECTION_RESET')
    case 'UND_ERR_RES_CONTENT_LENGTH_MISMATCH':
    case 'UND_ERR_REQ_CONTENT_LENGTH_MISMATCH':
      return net('ERR_CONTENT_LENGTH_MISMATCH')
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
