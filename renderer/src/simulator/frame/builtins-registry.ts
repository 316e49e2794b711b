/**
 * Where built-in components (button, input, image, swiper…) plug into the simulator. A module under
 * `builtins/` calls `registerBuiltins(installer)` when imported; the frame imports `builtins/index.ts`
 * if it exists and, at boot, runs every installer on the project's code space before any page or
 * component loads (e.g. `codeSpace.getComponentSpace()` to define components and
 * `setGlobalUsingComponent` to make them available to every template). Tags without a registered
 * component render as plain elements styled by frame.css.
 */
import type { CodeSpace } from 'glass-easel-miniprogram-adapter'
import type { NavigationBarChange } from './builtins/page-meta'
import type { WebViewDecision } from '../../../../shared/web-view'

export interface BuiltinContext {
  /** Image and other asset files as data URLs by path from the mini-program root. */
  assets: Record<string, string>
  /** The served folders of the extended libraries app.json turns on (their own root for pictures). */
  libraryRoots?: readonly string[]
  /** The device's CSS width (for rpx in built-ins' own styles). */
  deviceWidth: number
  /** app.json's `style` (`'v2'`: WeChat's current look of the built-ins), `''` when unset. */
  style: string
  /** `<navigator>`'s navigation: the runtime's `wx[api](options)`. */
  navigate(
    api: 'navigateTo' | 'redirectTo' | 'switchTab' | 'reLaunch' | 'navigateBack',
    options: { url?: string; delta?: number },
  ): void
  /** Calls `wx[api](options)` of the runtime (what an open-type button asks, e.g. openSetting). */
  callWx(api: string, options: Record<string, unknown>): void
  /** `<navigation-bar>`'s changes to the bar of the page on top (`navigationBarCalls`). */
  setNavigationBar(change: NavigationBarChange): void
  /** The bytes of a mini-program file (`wxfile://…`) for `<image>`; `undefined` when unreadable. */
  readLocalFile?(path: string, done: (data: Uint8Array | undefined) => void): void
  /** Starts an `<image>`'s network request (held until the first page has painted). */
  startRemoteLoad?(load: () => void): void
  /** Calls `listener` with the simulated location (the 位置) now and after each move; returns the stop. */
  watchLocation?(listener: (location: { longitude: number; latitude: number }) => void): () => void
  /** Whether a `<web-view>` may open `src` (the 业务域名 rule, judged by the main process). */
  judgeWebView(src: string, done: (decision: WebViewDecision) => void): void
}

export type BuiltinInstaller = (codeSpace: CodeSpace, context: BuiltinContext) => void

const installers: BuiltinInstaller[] = []

export function registerBuiltins(installer: BuiltinInstaller): void {
  installers.push(installer)
}

/** Runs every registered installer, in registration order. */
export function installBuiltins(codeSpace: CodeSpace, context: BuiltinContext): void {
  for (const install of installers) install(codeSpace, context)
}
