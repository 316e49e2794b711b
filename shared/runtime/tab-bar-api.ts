/**
 * `wx.setTabBarItem`/`setTabBarStyle`/`setTabBarBadge`/`removeTabBarBadge`/`showTabBarRedDot`/
 * `hideTabBarRedDot`/`showTabBar`/`hideTabBar`: checked as WeChat checks them (the app must have
 * a tab bar and the current page be one of its pages; the index must be one of its items), then
 * drawn by the simulator (`port.ui.changeTabBar`); headless they succeed with nothing drawn.
 */
import { apiFailure } from './api-result'
import type { NativePort, TabBarChange } from './native-port'
import { ApiError } from './api-result'
import type { NowInvoker } from './wx-api'

export interface TabBarApiHost {
  port: NativePort
  invoke: NowInvoker
  /** How many items app.json's tabBar has (0: no tab bar). */
  itemCount: number
  /** True when the page on top of the stack is a tab page. */
  onTabPage(): boolean
}

/** The members createTabBarApi makes (created on first use: `LazyGroup` in wx-build.ts). */
export const TAB_BAR_API_NAMES = [
  'setTabBarItem',
  'setTabBarStyle',
  'setTabBarBadge',
  'removeTabBarBadge',
  'showTabBarRedDot',
  'hideTabBarRedDot',
  'showTabBar',
  'hideTabBar',
] as const

export function createTabBarApi(
  host: TabBarApiHost,
): Record<(typeof TAB_BAR_API_NAMES)[number], unknown> {
  const { port, invoke } = host
  const change = (
    api: string,
    options: unknown,
    build: (opts: Record<string, unknown>) => TabBarChange,
    indexed: boolean,
  ) =>
    invoke(api, options, (opts) => {
      if (host.itemCount === 0 || !host.onTabPage()) {
        throw new ApiError(apiFailure(api, 'not TabBar page'))
      }
      if (indexed) {
        const index = Number(opts.index)
        if (!Number.isInteger(index) || index < 0 || index >= host.itemCount) {
          throw new ApiError(apiFailure(api, 'tabbar item not found'))
        }
      }
      port.ui?.changeTabBar?.(build(opts))
    })
  const text = (value: unknown) => (value === undefined ? {} : { text: String(value) })
  const pick = (opts: Record<string, unknown>, names: string[]) =>
    Object.fromEntries(names.filter((name) => opts[name] !== undefined).map((n) => [n, opts[n]]))

  return {
    setTabBarItem: (options: unknown) =>
      change(
        'setTabBarItem',
        options,
        (opts) => ({
          kind: 'item',
          index: Number(opts.index),
          ...pick(opts, ['text', 'iconPath', 'selectedIconPath']),
        }),
        true,
      ),
    setTabBarStyle: (options: unknown) =>
      change(
        'setTabBarStyle',
        options,
        (opts) => ({
          kind: 'style',
          ...pick(opts, ['color', 'selectedColor', 'backgroundColor', 'borderStyle']),
        }),
        false,
      ),
    setTabBarBadge: (options: unknown) =>
      change(
        'setTabBarBadge',
        options,
        (opts) => ({ kind: 'badge', index: Number(opts.index), ...text(opts.text) }),
        true,
      ),
    removeTabBarBadge: (options: unknown) =>
      change(
        'removeTabBarBadge',
        options,
        (opts) => ({ kind: 'badge', index: Number(opts.index) }),
        true,
      ),
    showTabBarRedDot: (options: unknown) =>
      change(
        'showTabBarRedDot',
        options,
        (opts) => ({ kind: 'redDot', index: Number(opts.index), shown: true }),
        true,
      ),
    hideTabBarRedDot: (options: unknown) =>
      change(
        'hideTabBarRedDot',
        options,
        (opts) => ({ kind: 'redDot', index: Number(opts.index), shown: false }),
        true,
      ),
    showTabBar: (options: unknown) =>
      change('showTabBar', options, () => ({ kind: 'visible', shown: true }), false),
    hideTabBar: (options: unknown) =>
      change('hideTabBar', options, () => ({ kind: 'visible', shown: false }), false),
  }
}
