/**
 * WeChat's dark mode (DarkMode 适配指南), environment-free so the project loader, the simulator's
 * frame and `mpdt run` resolve it the same way:
 * - app.json `themeLocation` names a theme.json with a `light` and a `dark` table of variables;
 * - a string `"@name"` in app.json `window`, in `tabBar` (its list items' icons included) or at the
 *   top level of a page's json is the variable `name` of the current theme;
 * - the app follows the system theme only with app.json `darkmode: true`; otherwise it is light
 *   whatever the system says;
 * - WXSS `@media (prefers-color-scheme: …)` follows that theme. The simulator's sandboxed frame
 *   cannot be given its own preferred scheme, so `styleSheetForTheme` rewrites each such media
 *   feature into one that is always true or always false before the sheet is inserted.
 */

export const THEMES = ['light', 'dark'] as const
export type Theme = (typeof THEMES)[number]

/** theme.json: each theme's variables (values are strings in WeChat's format). */
export type ThemeVariables = Record<Theme, Record<string, string>>

export function isTheme(value: unknown): value is Theme {
  return value === 'light' || value === 'dark'
}

/** `"@navBg"` → `navBg`; anything else → `null`. */
export function themeVariableName(value: unknown): string | null {
  return typeof value === 'string' && /^@[\w$-]+$/.test(value) ? value.slice(1) : null
}

/** The theme the app shows: the system's with `darkmode: true`, else light. */
export function appTheme(appJson: { darkmode?: unknown } | null | undefined, system: Theme): Theme {
  return appJson?.darkmode === true ? system : 'light'
}

/** theme.json's text as variables; `null` when it is not an object with light/dark tables. */
export function parseThemeVariables(text: string | undefined): ThemeVariables | null {
  if (text === undefined) return null
  let value: unknown
  try {
    value = JSON.parse(text)
  } catch {
    return null
  }
  const table = (theme: Theme): Record<string, string> | null => {
    const entries = (value as Record<string, unknown> | null)?.[theme]
    if (typeof entries !== 'object' || entries === null || Array.isArray(entries)) return null
    const strings: Record<string, string> = {}
    for (const [name, v] of Object.entries(entries)) if (typeof v === 'string') strings[name] = v
    return strings
  }
  const light = table('light')
  const dark = table('dark')
  return light && dark ? { light, dark } : null
}

/** `config` with every top-level `"@name"` string replaced by the theme's value when it has one. */
export function resolveThemed(
  config: Record<string, unknown>,
  variables: Record<string, string>,
): Record<string, unknown> {
  const resolved: Record<string, unknown> = { ...config }
  for (const [key, value] of Object.entries(config)) {
    const name = themeVariableName(value)
    if (name !== null && Object.hasOwn(variables, name)) resolved[key] = variables[name]
  }
  return resolved
}

/** Where `"@name"` values may stand in app.json (page jsons: their top level). */
export function themedAppJsonPlaces(
  appJson: Record<string, unknown>,
): { at: (string | number)[]; config: Record<string, unknown> }[] {
  const places: { at: (string | number)[]; config: Record<string, unknown> }[] = []
  const isObject = (v: unknown): v is Record<string, unknown> =>
    typeof v === 'object' && v !== null && !Array.isArray(v)
  if (isObject(appJson.window)) places.push({ at: ['window'], config: appJson.window })
  const tabBar = appJson.tabBar
  if (isObject(tabBar)) {
    places.push({ at: ['tabBar'], config: tabBar })
    if (Array.isArray(tabBar.list)) {
      tabBar.list.forEach((item, index) => {
        if (isObject(item)) places.push({ at: ['tabBar', 'list', index], config: item })
      })
    }
  }
  return places
}

/** app.json with `window` and `tabBar` resolved for `theme` (unchanged without variables). */
export function appJsonForTheme<T extends Record<string, unknown>>(
  appJson: T,
  variables: ThemeVariables | null,
  theme: Theme,
): T {
  if (!variables) return appJson
  const values = variables[theme]
  const resolved: Record<string, unknown> = { ...appJson }
  const window = appJson.window
  if (typeof window === 'object' && window !== null) {
    resolved.window = resolveThemed(window as Record<string, unknown>, values)
  }
  const tabBar = appJson.tabBar as Record<string, unknown> | undefined
  if (typeof tabBar === 'object' && tabBar !== null) {
    const list = Array.isArray(tabBar.list)
      ? tabBar.list.map((item: unknown) =>
          typeof item === 'object' && item !== null
            ? resolveThemed(item as Record<string, unknown>, values)
            : item,
        )
      : tabBar.list
    resolved.tabBar = { ...resolveThemed(tabBar, values), list }
  }
  return resolved as T
}

const COLOR_SCHEME_FEATURE = /\(\s*prefers-color-scheme\s*:\s*(light|dark)\s*\)/gi
/** Media features that always match and never match, whatever the frame's size. */
export const ALWAYS = '(min-width: 0px)'
export const NEVER = '(max-width: -1px)'

/**
 * `css` with the prelude of every `@media` rule passed through `rewrite` (never declarations or
 * strings inside rules).
 */
export function rewriteMediaPreludes(css: string, rewrite: (prelude: string) => string): string {
  return css.replace(/@media\b([^{;]*)\{/gi, (_rule: string, prelude: string) => {
    return `@media${rewrite(prelude)}{`
  })
}

/**
 * A WXSS sheet for `theme`: in every `@media` prelude, `(prefers-color-scheme: X)` becomes a
 * feature that always matches when X is the theme and never matches otherwise, so `not`, `and`
 * and lists keep their meaning. Only preludes are touched, never declarations or strings in rules.
 */
export function styleSheetForTheme(css: string, theme: Theme): string {
  if (!/prefers-color-scheme/i.test(css)) return css
  return rewriteMediaPreludes(css, (prelude) =>
    prelude.replace(COLOR_SCHEME_FEATURE, (_feature, scheme: string) =>
      scheme.toLowerCase() === theme ? ALWAYS : NEVER,
    ),
  )
}
