import type { ToolConsoleMessage } from '../../../../shared/network'
import type { UrlRule } from './request-policy'

/**
 * WeChat's own words for the tool's console blocks about requests (docs/wechat-behaviour.md
 * §2.3–2.6). The errMsgs and errnos the calls answer with are in `shared/wechat-errors.ts`.
 */

export const DOC_URL =
  'https://developers.weixin.qq.com/miniprogram/dev/framework/ability/network.html'

/** The list names WeChat prints in its domain-check block. */
export type DomainListType = 'request' | 'uploadFile' | 'downloadFile' | 'socket'

const group = (title: string): ToolConsoleMessage => ({ level: 'group', args: [title] })
const groupEnd: ToolConsoleMessage = { level: 'groupEnd', args: [] }
const stamp = (now: Date) => `${now}`

/** `合法域名校验出错` block: the origin and the configured list as a table. */
export function domainCheckBlock(
  origin: string,
  domains: readonly string[],
  now = new Date(),
  type: DomainListType = 'request',
) {
  return [
    group(`${stamp(now)} ${type} 合法域名校验出错`),
    {
      level: 'info',
      args: [
        '如若已在管理后台更新域名配置，请刷新项目配置后重新编译项目，操作路径：“详情-域名信息”',
      ],
    },
    {
      level: 'error',
      args: [` ${origin} 不在以下 ${type} 合法域名列表中，请参考文档：${DOC_URL}`],
    },
    { level: 'table', args: [domains.map((domain) => [domain])] },
    groupEnd,
  ] satisfies ToolConsoleMessage[]
}

/** Printed when the target is this machine itself (localhost, loopback, own IP). */
export function localhostBlock(): ToolConsoleMessage[] {
  return [{ level: 'error', args: ['Cannot send network request to localhost.'] }]
}

export function tlsVersionBlock(origin: string, tlsLabel: string, now = new Date()) {
  return [
    group(`${stamp(now)} wx.request 错误`),
    {
      level: 'error',
      args: [
        `${origin} 对应的服务器 TLS 为 ${tlsLabel} ，小程序要求的 TLS 版本必须大于等于 1.2 。控制台输入 showRequestInfo() 可以获取更详细信息。`,
      ],
    },
    groupEnd,
  ] satisfies ToolConsoleMessage[]
}

export function certificateBlock(origin: string, now = new Date()) {
  return [
    group(`${stamp(now)} wx.request 错误`),
    {
      level: 'error',
      args: [`${origin} 对应的服务器证书无效。控制台输入 showRequestInfo() 可以获取更详细信息。`],
    },
    groupEnd,
  ] satisfies ToolConsoleMessage[]
}

/** Once per engine when urlCheck is off. */
export function checksOffBlock(now = new Date()) {
  return [
    group(`${stamp(now)} 配置中关闭合法域名、web-view（业务域名）、TLS 版本以及 HTTPS 证书检查`),
    {
      level: 'warn',
      args: ['工具未校验合法域名、web-view（业务域名）、TLS 版本以及 HTTPS 证书。'],
    },
    groupEnd,
  ] satisfies ToolConsoleMessage[]
}

/** Once per engine for `touristappid`, instead of the urlCheck-off block. */
export function touristBlock() {
  return [
    group('无 AppID 关联'),
    { level: 'warn', args: [`工具未检查合法域名，更多请参考文档：${DOC_URL}`] },
    groupEnd,
  ] satisfies ToolConsoleMessage[]
}

export function offlineBlock(url: string) {
  return [
    group('无网络状态模拟'),
    {
      level: 'error',
      args: [
        `已开启无网络状态模拟，网络请求 ${url} 已被阻止；在模拟器工具栏切换网络状态，可恢复网络请求。`,
      ],
    },
    groupEnd,
  ] satisfies ToolConsoleMessage[]
}

/** Where a phone's lists are edited: the fix for every list rule. */
const SERVER_DOMAINS = '小程序管理后台「开发管理 → 开发设置 → 服务器域名」'

/** What a phone would refuse while the tool's checks are off, with what the line needs to say. */
export type PhoneFinding =
  | {
      rule: UrlRule
      /** The URL is a redirect hop (the phone refuses the redirect). */
      redirect: boolean
      list: DomainListType
    }
  | { rule: 'tls-version'; tlsLabel: string }
  | { rule: 'certificate'; reason?: string }

function phoneProblem(origin: string, finding: PhoneFinding): [problem: string, fix: string] {
  switch (finding.rule) {
    case 'tls-version':
      return [
        `${origin} 对应的服务器 TLS 为 ${finding.tlsLabel} ，小程序要求的 TLS 版本必须大于等于 1.2`,
        '请将服务器升级到 TLS 1.2 或更高版本',
      ]
    case 'certificate':
      return [
        `${origin} 对应的服务器证书无效${finding.reason ? `（${finding.reason}）` : ''}`,
        '请为该域名配置受信任 CA 签发、在有效期内且与域名一致的完整证书链',
      ]
  }
  const target = finding.redirect ? `重定向的目标 ${origin}` : origin
  const secure = finding.list === 'socket' ? 'wss' : 'https'
  switch (finding.rule) {
    case 'not-https':
      return [`${target} 不是 ${secure} 地址`, `请改用 ${secure}:// 地址`]
    case 'ip-or-localhost':
      return [
        `${target} 是 IP 地址或 localhost，真机不能请求本机，也不能请求未配置的 IP`,
        `请改用 ${secure} 域名，并在${SERVER_DOMAINS}中添加该域名`,
      ]
    case 'port':
      return [
        `${target} 的端口与 ${finding.list} 合法域名列表中该域名的端口不同`,
        `请在${SERVER_DOMAINS}中添加带此端口的地址`,
      ]
    case 'domain-list':
      return [`${target} 不在 ${finding.list} 合法域名列表中`, `请在${SERVER_DOMAINS}中添加该域名`]
  }
}

/**
 * The one console line per origin and rule while the checks are off: the request went through
 * here, a phone would refuse it with `errMsg`, and how to fix that.
 */
export function phoneWarningLine(
  origin: string,
  finding: PhoneFinding,
  errMsg: string,
): ToolConsoleMessage {
  const [problem, fix] = phoneProblem(origin, finding)
  return {
    level: 'warn',
    args: [`真机上会失败：${problem}，真机返回 “${errMsg}”。${fix}。`],
  }
}
