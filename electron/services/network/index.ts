export {
  createRequestEngine,
  type RequestEngine,
  type RequestEngineOptions,
} from './engine/request-engine'
export { MAX_TIMEOUT, requestTimeout } from './engine/request-timeout'
export { downloadExtension, type DownloadTarget } from './engine/transfer-runs'
export { checkRequestUrl, checkTlsHandshake, domainList } from './policy/request-policy'
export { classifyAddress } from './policy/lan-address'
export { isIpHost, isLocalhostName, parseRequestTarget } from './policy/url-origin'
export { parseHostMapping, type HostMapping } from './transport/host-mapping'
