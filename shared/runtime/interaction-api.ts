/**
 * The APIs drawn on the phone: toast, loading, modal, action sheet, navigation bar, page scrolling
 * and pull-down refresh. They reach the host through `port.ui` and `port.screen`; without them
 * (headless) they still answer, as documented in README.md: toasts, loading, navigation bar,
 * scrolling and refresh succeed with nothing shown, `showModal` confirms (an editable one with an
 * empty `content`), and `showActionSheet` fails with `showActionSheet:fail cancel` (nobody picks).
 */
import { apiFailure, parameterError, type ApiFailure } from './api-result'
import type { ApiOptions, LaterInvoker, Settle } from './async-api'
import type { NativePort, ToastIcon } from './native-port'
import type { PageStack } from './page-stack'

export interface InteractionHost {
  port: NativePort
  invokeLater: LaterInvoker
  defer(fn: () => void): void
  stack: PageStack
}

const TOAST_ICONS: readonly ToastIcon[] = ['success', 'error', 'loading', 'none']
const DEFAULT_TOAST_MS = 1500
const DEFAULT_SCROLL_MS = 300
const ACTION_SHEET_MAX_ITEMS = 6
const NAVIGATION_FRONT_COLORS = ['#ffffff', '#000000']

/** The failure for the first option that is present but not a string, if any. */
function stringOptionFailure(
  api: string,
  opts: ApiOptions,
  names: string[],
): ApiFailure | undefined {
  for (const name of names) {
    const value = opts[name]
    if (value !== undefined && typeof value !== 'string') {
      return parameterError(api, name, 'String', value)
    }
  }
  return undefined
}

function textOption(value: unknown, fallback: string): string {
  return typeof value === 'string' ? value : fallback
}

export function createInteractionApi(host: InteractionHost): Record<string, unknown> {
  const { port, stack } = host

  /** An API that acts at once and settles after the current macrotask. */
  const immediate =
    (api: string, act: (opts: ApiOptions) => ApiFailure | void) => (options: unknown) =>
      host.invokeLater(api, options, (opts, settle) => {
        const failure = act(opts)
        host.defer(() => settle(failure ? { ok: false, failure } : { ok: true }))
      })

  /** An API acting on the current page's navigation bar. */
  const navigationBar = (
    api: string,
    act: (opts: ApiOptions, pageId: number) => ApiFailure | void,
  ) =>
    immediate(api, (opts) => {
      const top = stack.top
      return top ? act(opts, top.id) : undefined
    })

  const settleAfterMacrotask =
    (settle: Settle): Settle =>
    (outcome) =>
      host.defer(() => settle(outcome))

  return {
    showToast: immediate('showToast', (opts) => {
      if (typeof opts.title !== 'string') {
        return parameterError('showToast', 'title', 'String', opts.title)
      }
      const icon = TOAST_ICONS.find((name) => name === opts.icon) ?? 'success'
      const duration = Number(opts.duration ?? DEFAULT_TOAST_MS)
      port.ui?.showToast({
        title: opts.title,
        icon,
        image: typeof opts.image === 'string' && opts.image !== '' ? opts.image : undefined,
        duration: Number.isFinite(duration) && duration >= 0 ? duration : DEFAULT_TOAST_MS,
        mask: opts.mask === true,
      })
    }),
    hideToast: immediate('hideToast', () => port.ui?.hideToast()),
    showLoading: immediate('showLoading', (opts) => {
      if (typeof opts.title !== 'string') {
        return parameterError('showLoading', 'title', 'String', opts.title)
      }
      port.ui?.showToast({
        title: opts.title,
        icon: 'loading',
        duration: Number.POSITIVE_INFINITY,
        mask: opts.mask === true,
      })
    }),
    hideLoading: immediate('hideLoading', () => port.ui?.hideToast()),

    showModal: (options: unknown) =>
      host.invokeLater('showModal', options, (opts, settle) => {
        const later = settleAfterMacrotask(settle)
        const failure = stringOptionFailure('showModal', opts, [
          'title',
          'content',
          'cancelText',
          'confirmText',
          'placeholderText',
        ])
        if (failure) return later({ ok: false, failure })
        const editable = opts.editable === true
        const answer = (confirm: boolean, content?: string): void =>
          settle({
            ok: true,
            result: { confirm, cancel: !confirm, ...(editable ? { content: content ?? '' } : {}) },
          })
        if (!port.ui) return later({ ok: true, result: headlessModalResult(editable) })
        port.ui.showModal(
          {
            title: textOption(opts.title, ''),
            content: textOption(opts.content, ''),
            showCancel: opts.showCancel !== false,
            cancelText: textOption(opts.cancelText, '取消'),
            cancelColor: textOption(opts.cancelColor, '#000000'),
            confirmText: textOption(opts.confirmText, '确定'),
            confirmColor: textOption(opts.confirmColor, '#576B95'),
            editable,
            placeholderText: textOption(opts.placeholderText, ''),
          },
          (result) => answer(result.confirm, result.content),
        )
        return undefined
      }),

    showActionSheet: (options: unknown) =>
      host.invokeLater('showActionSheet', options, (opts, settle) => {
        const later = settleAfterMacrotask(settle)
        const items = opts.itemList
        if (!Array.isArray(items)) {
          return later({
            ok: false,
            failure: parameterError('showActionSheet', 'itemList', 'Array', items),
          })
        }
        if (items.length > ACTION_SHEET_MAX_ITEMS) {
          return later({
            ok: false,
            failure: apiFailure(
              'showActionSheet',
              `parameter error: parameter.itemList should have at most ${ACTION_SHEET_MAX_ITEMS} items;`,
            ),
          })
        }
        const cancel = { ok: false, failure: apiFailure('showActionSheet', 'cancel') } as const
        if (!port.ui) return later(cancel)
        port.ui.showActionSheet(
          {
            itemList: items.map((item) => String(item)),
            itemColor: textOption(opts.itemColor, '#000000'),
            alertText: typeof opts.alertText === 'string' ? opts.alertText : undefined,
          },
          (tapIndex) =>
            settle(tapIndex === undefined ? cancel : { ok: true, result: { tapIndex } }),
        )
        return undefined
      }),

    setNavigationBarTitle: navigationBar('setNavigationBarTitle', (opts, pageId) => {
      if (typeof opts.title !== 'string') {
        return parameterError('setNavigationBarTitle', 'title', 'String', opts.title)
      }
      port.ui?.setNavigationBar(pageId, { title: opts.title })
    }),
    setNavigationBarColor: navigationBar('setNavigationBarColor', (opts, pageId) => {
      const failure = stringOptionFailure('setNavigationBarColor', opts, [
        'frontColor',
        'backgroundColor',
      ])
      if (failure) return failure
      const frontColor = String(opts.frontColor ?? '').toLowerCase()
      if (!NAVIGATION_FRONT_COLORS.includes(frontColor)) {
        return apiFailure(
          'setNavigationBarColor',
          `invalid frontColor "${String(opts.frontColor)}"`,
        )
      }
      port.ui?.setNavigationBar(pageId, {
        frontColor,
        ...(typeof opts.backgroundColor === 'string'
          ? { backgroundColor: opts.backgroundColor }
          : {}),
      })
    }),
    showNavigationBarLoading: navigationBar('showNavigationBarLoading', (_opts, pageId) =>
      port.ui?.setNavigationBar(pageId, { loading: true }),
    ),
    hideNavigationBarLoading: navigationBar('hideNavigationBarLoading', (_opts, pageId) =>
      port.ui?.setNavigationBar(pageId, { loading: false }),
    ),

    pageScrollTo: immediate('pageScrollTo', (opts) => {
      const hasTop = opts.scrollTop !== undefined
      if (hasTop && typeof opts.scrollTop !== 'number') {
        return parameterError('pageScrollTo', 'scrollTop', 'Number', opts.scrollTop)
      }
      if (opts.selector !== undefined && typeof opts.selector !== 'string') {
        return parameterError('pageScrollTo', 'selector', 'String', opts.selector)
      }
      const top = stack.top
      if (!top) return undefined
      const duration = Number(opts.duration ?? DEFAULT_SCROLL_MS)
      port.screen?.scrollTo(top.id, {
        scrollTop: hasTop ? (opts.scrollTop as number) : undefined,
        selector: opts.selector as string | undefined,
        offsetTop: typeof opts.offsetTop === 'number' ? opts.offsetTop : undefined,
        duration: Number.isFinite(duration) && duration >= 0 ? duration : DEFAULT_SCROLL_MS,
      })
      return undefined
    }),
    startPullDownRefresh: immediate('startPullDownRefresh', () => {
      const top = stack.top
      if (top) stack.pullDownRefresh(top.id)
    }),
    stopPullDownRefresh: immediate('stopPullDownRefresh', () => {
      const top = stack.top
      if (top) port.screen?.setRefreshing(top.id, false)
    }),
  }
}

/** What `showModal` answers when there is no screen to ask on: the user confirmed. */
function headlessModalResult(editable: boolean): Record<string, unknown> {
  return { confirm: true, cancel: false, ...(editable ? { content: '' } : {}) }
}
