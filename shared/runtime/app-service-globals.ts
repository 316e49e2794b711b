/**
 * The globals WeChat's app service gives every module besides `wx`, `App`, `Page`, `Component`,
 * `getApp` and `getCurrentPages`: `global` (one object all modules share: webpack-built output of
 * uni-app and Taro keeps its chunk list there), `__wxConfig` (app.json as WeChat shapes it) and
 * `requirePlugin`.
 */
import type { RuntimeAppJson } from './app-structure'
import { pageRoutes } from './app-structure'

/** app.json's plugins: alias → `{ version, provider }`. */
type PluginDeclarations = Record<string, unknown>

export interface AppServiceGlobals {
  global: Record<string, unknown>
  __wxConfig: Record<string, unknown>
  requirePlugin: (name: unknown) => never
}

export function createAppServiceGlobals(
  appJson: RuntimeAppJson,
  appid: string,
  entry: { route: string; query: Record<string, string>; scene: number },
): AppServiceGlobals {
  const { pages: _pages, window, tabBar, subpackages, ...rest } = appJson
  const wxConfig: Record<string, unknown> = {
    ...rest,
    pages: pageRoutes(appJson),
    entryPagePath: `${entry.route}.html`,
    global: { window: { ...(window ?? {}) } },
    ...(tabBar ? { tabBar } : {}),
    subPackages: subpackages ?? [],
    envVersion: 'develop',
    platform: 'devtools',
    accountInfo: { appId: appid, icon: '', nickname: '' },
    appLaunchInfo: { scene: entry.scene, path: entry.route, query: { ...entry.query } },
  }
  const plugins = (appJson.plugins ?? {}) as PluginDeclarations
  return {
    global: {},
    __wxConfig: wxConfig,
    requirePlugin: (name) => {
      const plugin = String(name)
      if (!Object.prototype.hasOwnProperty.call(plugins, plugin)) {
        throw new Error(`Plugin ${plugin} is not defined, please check app.json "plugins"`)
      }
      // A declared plugin's code lives on WeChat's servers, which a local tool cannot fetch.
      throw new Error(`Plugin ${plugin} cannot run in MP DevTools: its code is not available`)
    },
  }
}
