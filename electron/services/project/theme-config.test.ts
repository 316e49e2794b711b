import { promises as fs } from 'node:fs'
import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import type { ProjectInfo } from '../../../shared/project'
import { copyFixture, removeTemporaryFolders } from './copy-fixture'
import { loadProject } from './load-project'

afterEach(removeTemporaryFolders)

/** The theme fixture with `edit` applied to one of its json files. */
async function themeProject(file: string, edit: (json: Record<string, unknown>) => void) {
  const dir = await copyFixture('theme')
  const target = path.join(dir, file)
  const json = JSON.parse(await fs.readFile(target, 'utf8')) as Record<string, unknown>
  edit(json)
  await fs.writeFile(target, JSON.stringify(json, null, 2))
  const loaded = await loadProject(dir)
  if (!loaded.ok) throw new Error(loaded.error.message)
  return loaded.value
}

const problems = (info: ProjectInfo) =>
  info.problems.map(({ file, line, column, message }) => ({ file, line, column, message }))

describe('theme.json and "@name" values', () => {
  it('accepts variables in window, tabBar, tab icons and page json, and keeps darkmode', async () => {
    const info = await themeProject('app.json', () => undefined)
    expect(info.problems).toEqual([])
    expect(info.app?.darkmode).toBe(true)
    expect(info.app?.themeLocation).toBe('theme.json')
    expect(info.app?.window.navigationBarBackgroundColor).toBe('@navBackground')
  })

  it('a variable theme.json lacks is an error located at the value, per theme', async () => {
    const info = await themeProject('theme.json', (json) => {
      delete (json.dark as Record<string, unknown>).navBackground
    })
    expect(problems(info)).toEqual([
      {
        file: 'app.json',
        line: 5,
        column: 37,
        message: 'theme variable "@navBackground" is not defined in the "dark" theme of theme.json',
      },
    ])
  })

  it('a variable in a page json is checked too', async () => {
    const info = await themeProject('pages/index/index.json', (json) => {
      json.navigationBarTitleText = '@title'
    })
    expect(problems(info)).toContainEqual({
      file: 'pages/index/index.json',
      line: 3,
      column: 29,
      message: 'theme variable "@title" is not defined in the "light" theme of theme.json',
    })
  })

  it('a choice key must get an allowed word from every theme', async () => {
    const info = await themeProject('theme.json', (json) => {
      ;(json.dark as Record<string, unknown>).navText = 'grey'
    })
    expect(problems(info)).toEqual([
      expect.objectContaining({
        file: 'app.json',
        line: 6,
        message:
          'navigationBarTextStyle must be one of black, white, not "grey" ("@navText" in the "dark" theme of theme.json)',
      }),
    ])
  })

  it('variables without themeLocation, and a missing theme.json, are located errors', async () => {
    const without = await themeProject('app.json', (json) => {
      delete json.themeLocation
    })
    expect(problems(without)).toContainEqual(
      expect.objectContaining({
        file: 'app.json',
        line: 8,
        column: 37,
        message:
          'navigationBarBackgroundColor uses the theme variable "@navBackground", but app.json has no themeLocation',
      }),
    )
    const missing = await themeProject('app.json', (json) => {
      json.themeLocation = 'nope.json'
    })
    expect(problems(missing)).toContainEqual(
      expect.objectContaining({ file: 'app.json', message: 'nope.json not found' }),
    )
  })
})
