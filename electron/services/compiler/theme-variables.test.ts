import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { memoryProject } from '../../../tests/helpers/memory-project'
import { compileProject } from './project-compiler'

const THEME_FIXTURE = join(import.meta.dirname, '../../../tests/fixtures/projects/theme')
const JSONS = ['app.json', 'theme.json', 'pages/index/index.json']

/** The theme fixture's jsons (pretty-printed again) with `edit` applied to `file`. */
async function compileThemeProject(file: string, edit: (json: Record<string, unknown>) => void) {
  const files: Record<string, string> = {
    'pages/index/index.wxml': '<view/>',
    'pages/other/other.wxml': '<view/>',
  }
  for (const name of JSONS) {
    const json = JSON.parse(await readFile(join(THEME_FIXTURE, name), 'utf8')) as Record<
      string,
      unknown
    >
    if (name === file) edit(json)
    files[name] = JSON.stringify(json, null, 2)
  }
  const result = await compileProject({
    readFile: memoryProject(files).readFile,
    rpx: { deviceWidth: 375 },
  })
  return result.errors
}

describe('theme.json and "@name" values', () => {
  it('accepts variables in window, tabBar, tab icons and page json', async () => {
    expect(await compileThemeProject('app.json', () => undefined)).toEqual([])
  })

  it('a variable theme.json lacks is an error located at the value, per theme', async () => {
    const errors = await compileThemeProject('theme.json', (json) => {
      delete (json.dark as Record<string, unknown>).navBackground
    })
    expect(errors).toEqual([
      {
        file: 'app.json',
        line: 8,
        column: 37,
        message: 'theme variable "@navBackground" is not defined in the "dark" theme of theme.json',
      },
    ])
  })

  it('a variable in a page json is checked too', async () => {
    const errors = await compileThemeProject('pages/index/index.json', (json) => {
      json.navigationBarTitleText = '@title'
    })
    expect(errors).toContainEqual({
      file: 'pages/index/index.json',
      line: 3,
      column: 29,
      message: 'theme variable "@title" is not defined in the "light" theme of theme.json',
    })
  })

  it('a choice key must get an allowed word from every theme', async () => {
    const errors = await compileThemeProject('theme.json', (json) => {
      ;(json.dark as Record<string, unknown>).navText = 'grey'
    })
    expect(errors).toEqual([
      expect.objectContaining({
        file: 'app.json',
        line: 9,
        message:
          'navigationBarTextStyle must be one of black, white, not "grey" ("@navText" in the "dark" theme of theme.json)',
      }),
    ])
  })

  it('variables without themeLocation, and a missing theme.json, are located errors', async () => {
    const without = await compileThemeProject('app.json', (json) => {
      delete json.themeLocation
    })
    expect(without).toContainEqual({
      file: 'app.json',
      line: 8,
      column: 37,
      message:
        'navigationBarBackgroundColor uses the theme variable "@navBackground", but app.json has no themeLocation',
    })
    const missing = await compileThemeProject('app.json', (json) => {
      json.themeLocation = 'nope.json'
    })
    expect(missing).toContainEqual(
      expect.objectContaining({ file: 'app.json', message: 'nope.json not found' }),
    )
  })
})
