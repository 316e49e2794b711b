/**
 * `wx.navigateTo`, `redirectTo`, `navigateBack`, `switchTab` and `reLaunch` with WeChat's checks
 * and errMsgs. Like WeChat, a navigation happens after the call returns (after the current
 * macrotask), then `success`/`fail` and `complete` run.
 */
import { apiFailure, parameterError, type ApiFailure } from './api-result'
import type { ApiOptions, LaterInvoker } from './async-api'
import { parsePageUrl } from './app-structure'
import { dirOf, joinPath } from './module-loader'
import { MAX_PAGE_STACK, type PageStack } from './page-stack'

export interface NavigationHost {
  invokeLater: LaterInvoker
  defer(fn: () => void): void
  stack: PageStack
  /** Every page route of app.json (subpackages included). */
  routes: readonly string[]
  isTabPage(route: string): boolean
}

/**
 * The route and query `url` names, seen from the page at `from`: `/a/b` is from the root, any other
 * path from the current page's folder, as WeChat resolves it.
 */
export function resolvePageUrl(
  url: string,
  from: string | undefined,
): { route: string; query: Record<string, string> } {
  const parsed = parsePageUrl(url)
  if (url.startsWith('/') || from === undefined) return parsed
  return { route: joinPath(dirOf(from), url.split('?')[0]), query: parsed.query }
}

type Target = { route: string; query: Record<string, string> }

export function createNavigationApi(host: NavigationHost): Record<string, unknown> {
  const { stack } = host

  /** The checked target of `opts.url`, or the failure to report. */
  const targetOf = (api: string, opts: ApiOptions): Target | ApiFailure => {
    if (typeof opts.url !== 'string') return parameterError(api, 'url', 'String', opts.url)
    const target = resolvePageUrl(opts.url, stack.top?.route)
    if (!host.routes.includes(target.route)) {
      return apiFailure(api, `page "${target.route}" is not found`)
    }
    return target
  }

  const navigation =
    (api: string, act: (target: Target) => ApiFailure | undefined) => (options: unknown) =>
      host.invokeLater(api, options, (opts, settle) => {
        host.defer(() => {
          const target = targetOf(api, opts)
          const failure = 'errMsg' in target ? target : act(target)
          settle(failure ? { ok: false, failure } : { ok: true })
        })
      })

  return {
    navigateTo: navigation('navigateTo', (target) => {
      if (host.isTabPage(target.route)) {
        return apiFailure('navigateTo', 'can not navigateTo a tabbar page')
      }
      if (stack.pages.length >= MAX_PAGE_STACK) {
        return apiFailure('navigateTo', 'webview count limit exceed')
      }
      stack.push(target.route, target.query)
      return undefined
    }),
    redirectTo: navigation('redirectTo', (target) => {
      if (host.isTabPage(target.route)) {
        return apiFailure('redirectTo', 'can not redirectTo a tabbar page')
      }
      stack.replaceTop(target.route, target.query)
      return undefined
    }),
    switchTab: navigation('switchTab', (target) => {
      if (!host.isTabPage(target.route)) {
        return apiFailure('switchTab', 'can not switch to no-tabBar page')
      }
      stack.switchTab(target.route)
      return undefined
    }),
    reLaunch: navigation('reLaunch', (target) => {
      stack.relaunch(target.route, target.query)
      return undefined
    }),
    navigateBack: (options: unknown) =>
      host.invokeLater('navigateBack', options, (opts, settle) => {
        host.defer(() => {
          if (stack.pages.length <= 1) {
            settle({
              ok: false,
              failure: apiFailure('navigateBack', 'cannot navigate back at first page.'),
            })
            return
          }
          const delta = Math.floor(Number(opts.delta ?? 1))
          stack.back(Number.isFinite(delta) && delta > 1 ? delta : 1)
          settle({ ok: true })
        })
      }),
  }
}
