export {
  createRequestEngine,
  MAX_TIMEOUT,
  TOURIST_APPID,
  type RequestEngine,
  type RequestEngineOptions,
} from './engine/request-engine'
export { checkRequestUrl, checkTlsHandshake } from './policy/request-policy'
export { classifyAddress } from './policy/lan-address'
export { parseHostMapping, type HostMapping } from './transport/host-mapping'
