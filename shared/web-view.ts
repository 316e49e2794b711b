/**
 * `<web-view>` and the 业务域名 rule: what the main process answers when the simulator asks whether
 * a web-view may open its `src`, and the words the phone shows when it may not. WeChat's refusal
 * line is the one its clients show (quoted in docs/simulator-phone.md); the reason under it is
 * ours, to say which rule the `src` broke.
 */

/** Which rule a refused `src` broke. */
export type WebViewRule =
  /** Not an http(s) URL at all: refused even with the checks off. */
  | 'invalid-url'
  | 'not-https'
  | 'ip-or-localhost'
  /** A listed domain on another port (WeChat matches the exact origin, port included). */
  | 'port'
  | 'domain-list'
  /** The workbench could not ask (no project open, the service failed): nothing is opened. */
  | 'unchecked'

export type WebViewDecision =
  | {
      allowed: true
      /**
       * With the checks on, the origins (`scheme://host[:port]`, the 业务域名 list) the page may go
       * on to without asking again; a navigation elsewhere is stopped and judged. Absent with the
       * checks off: it may go anywhere.
       */
      admits?: string[]
    }
  | {
      allowed: false
      rule: WebViewRule
      /**
       * `scheme://host[:port]` of the `src`, the `src` itself when it has none, or for `unchecked`
       * why it could not be judged.
       */
      origin: string
    }

export const WEB_VIEW_RULES: readonly WebViewRule[] = [
  'invalid-url',
  'not-https',
  'ip-or-localhost',
  'port',
  'domain-list',
  'unchecked',
]

export function isWebViewDecision(value: unknown): value is WebViewDecision {
  if (typeof value !== 'object' || value === null) return false
  const decision = value as Record<string, unknown>
  if (decision.allowed === true) {
    return (
      decision.admits === undefined ||
      (Array.isArray(decision.admits) &&
        decision.admits.every((origin) => typeof origin === 'string'))
    )
  }
  return (
    decision.allowed === false &&
    WEB_VIEW_RULES.includes(decision.rule as WebViewRule) &&
    typeof decision.origin === 'string'
  )
}

/** WeChat's refusal, as its clients show it for a `src` outside the 业务域名. */
export function webViewRefusalText(src: string): string {
  return `不支持打开非业务域名 ${src}，请重新配置`
}

/** Why, in one line under WeChat's refusal. */
export function webViewReasonText(rule: WebViewRule, origin: string): string {
  switch (rule) {
    case 'invalid-url':
      return `web-view 只能打开 http(s) 网页：${origin}`
    case 'not-https':
      return `web-view 的网页必须是 https：${origin}`
    case 'ip-or-localhost':
      return `业务域名不能是 IP 地址或 localhost：${origin}`
    case 'port':
      return `${origin} 的端口与 project.domains.json 的 webview 列表中的不一致`
    case 'domain-list':
      return `${origin} 不在 project.domains.json 的 webview（业务域名）列表中`
    case 'unchecked':
      return `模拟器未能校验业务域名：${origin}`
  }
}

/** The web-view guard's messages to its web-view: the page loaded; the page was stopped going to `origin`. */
export const WEB_VIEW_GUARD_LOAD = 'wx-web-view:load'
export const WEB_VIEW_GUARD_LEFT = 'wx-web-view:left'
