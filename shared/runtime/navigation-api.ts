/**
 * `wx.navigateTo`, `redirectTo`, `navigateBack`, `switchTab` and `reLaunch` with WeChat's checks
 * and errMsgs. Like WeChat, a navigation happens after the call returns (after the current
 * macrotask), then `success`/`fail` and `complete` run.
 */
import { apiFailure, parameterError, type ApiFailure } from './api-result'
import type { ApiOptions, LaterInvoker } from './async-api'
import { parsePageUrl } from './app-structure'
import { createEventChannel } from './event-channel'
import type { ErrorSink } from './guarded-call'
import { dirOf, joinPath } from './module-loader'
import { MAX_PAGE_STACK, type PageStack } from './page-stack'

export interface NavigationHost {
  sink: ErrorSink
  invokeLater: LaterInvoker
  defer(fn: () => void): void
  stack: PageStack
  /** Every page route of app.json (subpackages included). */
  routes: readonly string[]
  isTabPage(route: string): boolean
  /**
   * A back the page takes for itself: an open `<page-container>` closes instead of the page
   * (WeChat: the back gesture, Android's back key and `wx.navigateBack`). True when it did.
   */
  backClosesOverlay(): boolean
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

  /** A navigation API; `act` returns its failure, or what `success` gets besides errMsg. */
  const navigation =
    (
      api: string,
      act: (target: Target, opts: ApiOptions) => ApiFailure | Record<string, unknown> | undefined,
    ) =>
    (options: unknown) =>
      host.invokeLater(api, options, (opts, settle) => {
        host.defer(() => {
          const target = targetOf(api, opts)
          if ('errMsg' in target) return settle({ ok: false, failure: target })
          const outcome = act(target, opts)
          if (outcome && 'errMsg' in outcome) settle({ ok: false, failure: outcome as ApiFailure })
          else settle({ ok: true, result: outcome as Record<string, unknown> | undefined })
        })
      })

  return {
    navigateTo: navigation('navigateTo', (target, opts) => {
      if (host.isTabPage(target.route)) {
        return apiFailure('navigateTo', 'can not navigateTo a tabbar page')
      }
      if (stack.pages.length >= MAX_PAGE_STACK) {
        return apiFailure('navigateTo', 'webview count limit exceed')
      }
      const channel = createEventChannel(host.sink, opts.events)
      stack.push(target.route, target.query, channel.opened)
      return { eventChannel: channel.opener }
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
          if (host.backClosesOverlay()) {
            settle({ ok: true })
            return
          }
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
