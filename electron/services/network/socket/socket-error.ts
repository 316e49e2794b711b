import { ERR_MSG } from '../../../../shared/wechat-errors'
import { networkFailure } from '../engine/network-failure'

const CERTIFICATE_CODES = new Set([
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'SELF_SIGNED_CERT_IN_CHAIN',
  'CERT_HAS_EXPIRED',
  'CERT_NOT_YET_VALID',
  'ERR_TLS_CERT_ALTNAME_INVALID',
])

const withoutPrefix = (errMsg: string) => errMsg.replace(/^request:fail ?/, '')

/** What `SocketTask.onError` gets for a failed socket: the same words as a request's failure. */
export function socketErrorMessage(error: unknown): string {
  const { code, message } = (error ?? {}) as { code?: string; message?: string }
  if (code && CERTIFICATE_CODES.has(code)) return withoutPrefix(ERR_MSG.certificate)
  if (code === 'ERR_SSL_UNSUPPORTED_PROTOCOL' || code === 'ERR_SSL_TLSV1_ALERT_PROTOCOL_VERSION') {
    return withoutPrefix(ERR_MSG.tlsVersion)
  }
  if (message?.startsWith('Unexpected server response')) return message
  // A frame over ws's 100 MiB maxPayload is refused from its header, before it is buffered.
  if (code === 'WS_ERR_UNSUPPORTED_MESSAGE_LENGTH') return 'max payload size exceeded'
  return withoutPrefix(networkFailure(error).errMsg)
}
