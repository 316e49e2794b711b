/**
 * Dark mode in a project's config: app.json `themeLocation` (a theme.json with `light` and `dark`
 * tables) and the `"@name"` values of app.json `window`/`tabBar` and of page jsons. Every variable
 * used must be in both themes, and a variable standing for a choice (`navigationBarTextStyle`…)
 * must hold an allowed word in both; each problem is a compile error at the value in its json, so
 * the rest of the project still compiles and runs (`mpdt check`, `mpdt run`, the workbench).
 */
import type { JSONPath } from 'jsonc-parser'
import {
  parseThemeVariables,
  THEMES,
  themedAppJsonPlaces,
  themeVariableName,
  type ThemeVariables,
} from '../../../shared/theme'
import { errorAt, type JsonFile, parseJsonFile } from './json-file'
import type { CompileError, ReadProjectFile } from './types'

/** theme.json's variables and the file they come from (root-relative). */
export interface ProjectTheme {
  variables: ThemeVariables
  file: string
}

/** The keys whose value must be one of a few words, themed or not. */
const THEMED_CHOICES: Record<string, readonly string[]> = {
  navigationBarTextStyle: ['black', 'white'],
  backgroundTextStyle: ['dark', 'light'],
  borderStyle: ['black', 'white'],
}

/** Reads the theme.json app.json names; `null` (with an error) when it is missing or unusable. */
export async function readProjectTheme(
  app: JsonFile,
  read: ReadProjectFile,
  errors: CompileError[],
): Promise<ProjectTheme | null> {
  const location = app.value.themeLocation
  if (location === undefined) return null
  if (typeof location !== 'string' || location === '') {
    errors.push(errorAt(app, ['themeLocation'], 'themeLocation must be a path'))
    return null
  }
  const file = location.replace(/^\/+/, '')
  const source = await read(file)
  if (source === null) {
    errors.push(errorAt(app, ['themeLocation'], `${file} not found`))
    return null
  }
  const parsed = parseJsonFile(file, source)
  if (parsed.error) {
    errors.push(parsed.error)
    return null
  }
  const variables = parseThemeVariables(source)
  if (!variables) {
    errors.push(errorAt(parsed.json, [], `${file} must have a "light" and a "dark" object`))
    return null
  }
  return { variables, file }
}

/** Checks app.json's `window`, `tabBar` and tab items. */
export function checkAppThemeValues(
  app: JsonFile,
  theme: ProjectTheme | null,
  errors: CompileError[],
): void {
  for (const { at, config } of themedAppJsonPlaces(app.value)) {
    checkThemedValues(app, at, config, theme, errors)
  }
}

/**
 * Checks the `"@name"` values of `config` (found at `at` in `json`): defined in both themes, and an
 * allowed word in both where the key takes a choice.
 */
export function checkThemedValues(
  json: JsonFile,
  at: JSONPath,
  config: Record<string, unknown>,
  theme: ProjectTheme | null,
  errors: CompileError[],
): void {
  for (const [key, value] of Object.entries(config)) {
    const name = themeVariableName(value)
    if (name === null) continue
    const path = [...at, key]
    if (!theme) {
      const message = `${key} uses the theme variable "@${name}", but app.json has no themeLocation`
      errors.push(errorAt(json, path, message))
      continue
    }
    for (const mode of THEMES) {
      const resolved = theme.variables[mode][name]
      if (resolved === undefined) {
        const message = `theme variable "@${name}" is not defined in the "${mode}" theme of ${theme.file}`
        errors.push(errorAt(json, path, message))
        continue
      }
      const allowed = THEMED_CHOICES[key]
      if (allowed && !allowed.includes(resolved)) {
        const message = `${key} must be one of ${allowed.join(', ')}, not "${resolved}" ("@${name}" in the "${mode}" theme of ${theme.file})`
        errors.push(errorAt(json, path, message))
      }
    }
  }
}
