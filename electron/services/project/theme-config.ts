/**
 * Dark mode in a project's config: app.json `themeLocation` (a theme.json with `light` and `dark`
 * tables) and the `"@name"` values of app.json `window`/`tabBar` and of page jsons. Every variable
 * used must be in both themes, and a variable standing for a choice (`navigationBarTextStyle`…)
 * must hold an allowed value in both; each problem is located at the value in its json.
 */
import type { JSONPath } from 'jsonc-parser'
import type { ProjectProblem } from '../../../shared/project'
import {
  parseThemeVariables,
  THEMES,
  themeVariableName,
  type ThemeVariables,
} from '../../../shared/theme'
import { problemAt, type JsonDocument } from './json-document'
import { displayPath } from './project-files'
import { readJson } from './read-json'
import { isPlainObject } from './value-checks'

/** theme.json's variables and the file they come from (project-relative). */
export interface ProjectTheme {
  variables: ThemeVariables
  file: string
}

/** The keys whose value must be one of a few words, themed or not. */
export const THEMED_CHOICES: Record<string, readonly string[]> = {
  navigationBarTextStyle: ['black', 'white'],
  backgroundTextStyle: ['dark', 'light'],
  borderStyle: ['black', 'white'],
}

const THEME_CODE = 'THEME_VARIABLE'

/** Reads the theme.json app.json names; `null` (with a problem) when it is missing or unusable. */
export async function readProjectTheme(
  root: string,
  miniprogramRoot: string,
  appDoc: JsonDocument,
  problems: ProjectProblem[],
): Promise<ProjectTheme | null> {
  const location = isPlainObject(appDoc.value) ? appDoc.value.themeLocation : undefined
  if (location === undefined) return null
  if (typeof location !== 'string' || location === '') {
    problems.push(
      problemAt(appDoc, ['themeLocation'], 'INVALID_VALUE', 'themeLocation must be a path'),
    )
    return null
  }
  const file = displayPath(miniprogramRoot, location)
  const read = await readJson(root, file)
  if (read.kind === 'missing') {
    problems.push(problemAt(appDoc, ['themeLocation'], 'THEME_MISSING', `${file} not found`))
    return null
  }
  if (read.kind === 'broken') {
    problems.push(...read.problems)
    return null
  }
  const variables = parseThemeVariables(read.doc.text)
  if (!variables) {
    problems.push(
      problemAt(read.doc, [], 'INVALID_VALUE', `${file} must have a "light" and a "dark" object`),
    )
    return null
  }
  return { variables, file }
}

/**
 * Checks the `"@name"` values of `config` (found at `at` in `doc`): defined in both themes, and an
 * allowed word in both where the key takes a choice.
 */
export function checkThemedValues(
  doc: JsonDocument,
  at: JSONPath,
  config: Record<string, unknown>,
  theme: ProjectTheme | null,
  problems: ProjectProblem[],
): void {
  for (const [key, value] of Object.entries(config)) {
    const name = themeVariableName(value)
    if (name === null) continue
    const path = [...at, key]
    if (!theme) {
      const message = `${key} uses the theme variable "@${name}", but app.json has no themeLocation`
      problems.push(problemAt(doc, path, THEME_CODE, message))
      continue
    }
    for (const mode of THEMES) {
      const resolved = theme.variables[mode][name]
      if (resolved === undefined) {
        const message = `theme variable "@${name}" is not defined in the "${mode}" theme of ${theme.file}`
        problems.push(problemAt(doc, path, THEME_CODE, message))
        continue
      }
      const allowed = THEMED_CHOICES[key]
      if (allowed && !allowed.includes(resolved)) {
        const message = `${key} must be one of ${allowed.join(', ')}, not "${resolved}" ("@${name}" in the "${mode}" theme of ${theme.file})`
        problems.push(problemAt(doc, path, 'INVALID_VALUE', message))
      }
    }
  }
}
