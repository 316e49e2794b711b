/**
 * Dark mode in the frame: the system theme the workbench's 浅色/深色 switch chose, the app's theme
 * that follows from it (light without app.json `darkmode: true`), app.json and page jsons with
 * their `"@name"` values resolved from theme.json, and the project's style sheets with
 * `@media (prefers-color-scheme: …)` rewritten for that theme (shared/theme.ts says why).
 */
import {
  appJsonForTheme,
  appTheme,
  parseThemeVariables,
  resolveThemed,
  styleSheetForTheme,
  type Theme,
  type ThemeVariables,
} from '../../../../shared/theme'

export class FrameTheme {
  private readonly variables: ThemeVariables | null
  private current: Theme
  private readonly listeners = new Set<() => void>()

  constructor(
    private readonly rawAppJson: Record<string, unknown>,
    files: Record<string, string>,
    system: Theme,
  ) {
    const location = rawAppJson.themeLocation
    this.variables =
      typeof location === 'string' ? parseThemeVariables(files[location.replace(/^\/+/, '')]) : null
    this.current = appTheme(rawAppJson, system)
  }

  /** The app's theme. */
  get theme(): Theme {
    return this.current
  }

  /** What `systemInfo().theme` reports: the theme with `darkmode: true`, else nothing. */
  get reported(): Theme | undefined {
    return this.rawAppJson.darkmode === true ? this.current : undefined
  }

  /** app.json with window and tabBar resolved for the app's theme. */
  appJson<T extends Record<string, unknown>>(appJson: T): T {
    return appJsonForTheme(appJson, this.variables, this.current)
  }

  /** A page's json with its top-level `"@name"` values resolved. */
  pageJson(json: Record<string, unknown> | undefined): Record<string, unknown> | undefined {
    return json && this.variables ? resolveThemed(json, this.variables[this.current]) : json
  }

  css(css: string): string {
    return styleSheetForTheme(css, this.current)
  }

  /** Switches the system theme; listeners run only when the app's theme changed. */
  setSystemTheme(system: Theme): void {
    const next = appTheme(this.rawAppJson, system)
    if (next === this.current) return
    this.current = next
    for (const listener of [...this.listeners]) listener()
  }

  onChange(listener: () => void): () => void {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }
}
