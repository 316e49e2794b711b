/**
 * Custom compile modes (condition.miniprogram) read from the project's config files and written
 * back by the workbench: WeChat's shape, the private file's list winning, bad entries as located
 * warnings, unknown fields kept, and nothing written when a mode is invalid.
 */
import { promises as fs } from 'node:fs'
import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { copyFixture, removeTemporaryFolders } from '../../../tests/helpers/copy-fixture'
import { loadProject } from './load-project'
import { writeSettings } from './settings-writer'

afterEach(removeTemporaryFolders)

const read = (dir: string, file: string) => fs.readFile(path.join(dir, file), 'utf8')
const write = (dir: string, file: string, value: unknown) =>
  fs.writeFile(path.join(dir, file), `${JSON.stringify(value, null, 2)}\n`)

async function settingsOf(dir: string) {
  const loaded = await loadProject(dir)
  if (!loaded.ok) throw new Error(loaded.error.message)
  return { settings: loaded.value.settings, problems: loaded.value.problems }
}

const DETAIL = {
  name: '详情页',
  pathName: 'pages/detail/detail',
  query: 'id=3',
  launchMode: 'default',
  scene: 1047,
}

describe('reading compile modes', () => {
  it('reads condition.miniprogram.list and current as WeChat writes them', async () => {
    const dir = await copyFixture('touristappid')
    await write(dir, 'project.private.config.json', {
      condition: { miniprogram: { list: [DETAIL], current: 0 } },
    })
    const { settings, problems } = await settingsOf(dir)
    expect(settings.compileModes).toEqual([
      {
        name: '详情页',
        pathName: 'pages/detail/detail',
        query: 'id=3',
        scene: 1047,
        other: { launchMode: 'default' },
      },
    ])
    expect(settings.compileMode).toBe(0)
    expect(problems).toEqual([])
  })

  it('has none and 普通编译 selected when the files say nothing', async () => {
    const { settings } = await settingsOf(await copyFixture('touristappid'))
    expect(settings.compileModes).toEqual([])
    expect(settings.compileMode).toBe(-1)
  })

  it("takes the private file's list over the shared one, and the shared one otherwise", async () => {
    const dir = await copyFixture('touristappid')
    const shared = JSON.parse(await read(dir, 'project.config.json'))
    shared.condition = { miniprogram: { list: [{ ...DETAIL, name: 'shared' }], current: 0 } }
    await write(dir, 'project.config.json', shared)
    expect((await settingsOf(dir)).settings.compileModes.map((mode) => mode.name)).toEqual([
      'shared',
    ])
    await write(dir, 'project.private.config.json', {
      condition: { miniprogram: { list: [] } },
    })
    const { settings } = await settingsOf(dir)
    expect(settings.compileModes).toEqual([])
    expect(settings.compileMode).toBe(-1)
  })

  it('accepts the older forms: a leading slash, a "?" query, scene as a string, no name', async () => {
    const dir = await copyFixture('touristappid')
    await write(dir, 'project.private.config.json', {
      condition: {
        miniprogram: {
          current: -1,
          list: [{ id: -1, pathName: '/pages/a/a', query: '?x=1', scene: '1011' }],
        },
      },
    })
    expect((await settingsOf(dir)).settings.compileModes).toEqual([
      { name: 'pages/a/a', pathName: 'pages/a/a', query: 'x=1', scene: 1011, other: { id: -1 } },
    ])
  })

  it('leaves out an entry it cannot read, with a warning at its line, and opens the project', async () => {
    const dir = await copyFixture('touristappid')
    await write(dir, 'project.private.config.json', {
      condition: { miniprogram: { list: [{ name: 'no page' }, DETAIL], current: 1 } },
    })
    const { settings, problems } = await settingsOf(dir)
    expect(settings.compileModes.map((mode) => mode.name)).toEqual(['详情页'])
    expect(settings.compileMode).toBe(-1)
    expect(problems).toEqual([
      {
        code: 'INVALID_VALUE',
        severity: 'warning',
        message: 'compile mode condition.miniprogram.list[0] needs pathName, the launch page',
        file: 'project.private.config.json',
        line: 5,
        column: 9,
      },
    ])
  })

  it('selects 普通编译 when current points past the list', async () => {
    const dir = await copyFixture('touristappid')
    await write(dir, 'project.private.config.json', {
      condition: { miniprogram: { list: [DETAIL], current: 4 } },
    })
    expect((await settingsOf(dir)).settings.compileMode).toBe(-1)
  })
})

describe('writing compile modes', () => {
  const mode = { name: 'share', pathName: 'pages/detail/detail', query: 'from=share', scene: 1007 }

  it("writes the list in WeChat's shape to the private file, keeping its other keys", async () => {
    const dir = await copyFixture('valid')
    const shared = await read(dir, 'project.config.json')
    expect(await writeSettings(dir, { compileModes: [mode], compileMode: 0 })).toEqual({
      ok: true,
      value: undefined,
    })
    const written = JSON.parse(await read(dir, 'project.private.config.json'))
    expect(written.setting).toEqual({ urlCheck: false })
    expect(written.condition).toEqual({
      miniprogram: {
        list: [
          {
            name: 'share',
            pathName: 'pages/detail/detail',
            query: 'from=share',
            launchMode: 'default',
            scene: 1007,
          },
        ],
        current: 0,
      },
    })
    expect(await read(dir, 'project.config.json')).toBe(shared)
    const { settings } = await settingsOf(dir)
    expect(settings.compileModes).toEqual([{ ...mode, other: { launchMode: 'default' } }])
    expect(settings.compileMode).toBe(0)
  })

  it('writes back the fields it does not know', async () => {
    const dir = await copyFixture('touristappid')
    await write(dir, 'project.private.config.json', {
      condition: {
        miniprogram: { list: [{ ...DETAIL, launchMode: 'singlePage', referrerInfo: { a: 1 } }] },
      },
    })
    const [read0] = (await settingsOf(dir)).settings.compileModes
    await writeSettings(dir, { compileModes: [{ ...read0, name: 'renamed' }] })
    const written = JSON.parse(await read(dir, 'project.private.config.json'))
    expect(written.condition.miniprogram.list).toEqual([
      { ...DETAIL, name: 'renamed', launchMode: 'singlePage', referrerInfo: { a: 1 } },
    ])
  })

  it('creates the private file with its description when there is none', async () => {
    const dir = await copyFixture('touristappid')
    await writeSettings(dir, { compileModes: [mode] })
    const written = JSON.parse(await read(dir, 'project.private.config.json'))
    expect(written.description).toContain('项目私有配置文件')
    expect(written.condition.miniprogram.list).toHaveLength(1)
  })

  it('refuses a mode without a name or with a page that is not a route, writing nothing', async () => {
    const dir = await copyFixture('valid')
    const before = await read(dir, 'project.private.config.json')
    expect(await writeSettings(dir, { compileModes: [{ ...mode, name: ' ' }] })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_SETTINGS', message: 'compile mode 1: a compile mode needs a name' },
    })
    expect(
      await writeSettings(dir, { compileModes: [{ ...mode, pathName: 'pages/a/a?x=1' }] }),
    ).toMatchObject({ ok: false, error: { message: expect.stringContaining('not a page route') } })
    expect(await writeSettings(dir, { compileModes: [{ ...mode, scene: 12 }] })).toMatchObject({
      ok: false,
      error: { message: 'compile mode 1: scene 12 is not a scene value (1000–9999)' },
    })
    expect(await read(dir, 'project.private.config.json')).toBe(before)
  })

  it('refuses to select a mode that does not exist', async () => {
    const dir = await copyFixture('valid')
    await writeSettings(dir, { compileModes: [mode] })
    expect(await writeSettings(dir, { compileMode: 1 })).toMatchObject({
      ok: false,
      error: { message: 'compileMode 1 is not one of the 1 compile modes' },
    })
    expect(await writeSettings(dir, { compileMode: -2 })).toMatchObject({ ok: false })
    expect(await writeSettings(dir, { compileMode: -1 })).toEqual({ ok: true, value: undefined })
  })

  it('refuses to replace a private list with an entry it cannot read, so nothing is lost', async () => {
    const dir = await copyFixture('touristappid')
    await write(dir, 'project.private.config.json', {
      condition: { miniprogram: { list: [{ name: 'broken' }] } },
    })
    const before = await read(dir, 'project.private.config.json')
    expect(await writeSettings(dir, { compileModes: [mode] })).toMatchObject({
      ok: false,
      error: {
        code: 'INVALID_VALUE',
        message: expect.stringContaining('condition.miniprogram.list[0] is not a compile mode'),
      },
    })
    expect(await read(dir, 'project.private.config.json')).toBe(before)
  })
})
