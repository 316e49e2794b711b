import type { WebViewDecision } from '../../../../shared/web-view'
import { checkRequestUrl, type DomainList } from './request-policy'
import { parseRequestTarget } from './url-origin'

/**
 * The 业务域名 rule for a `<web-view>` src, as a pure decision: an https origin in the project's
 * `webview` list, with the IP and localhost rules every list shares (LAN addresses of other
 * machines pass, as for requests). Whatever the checks say, a web-view only ever opens http(s).
 */
export interface WebViewPolicyInput {
  src: string
  /** The `webview` list of project.domains.json, compiled by `domainList`. */
  domains: DomainList
  /** This machine's own IP addresses, never an allowed host. */
  ownAddresses: readonly string[]
}

/** The decision with the checks on; also what a phone would decide when they are off. */
export function checkWebViewSrc({
  src,
  domains,
  ownAddresses,
}: WebViewPolicyInput): WebViewDecision {
  const target = parseRequestTarget(src)
  if (!target || (target.origin.scheme !== 'https' && target.origin.scheme !== 'http')) {
    return { allowed: false, rule: 'invalid-url', origin: src }
  }
  const decision = checkRequestUrl({ url: target.origin, domains, ownAddresses })
  if (decision.allowed) return decision
  return { allowed: false, rule: decision.rule, origin: decision.origin }
}
