import { promises as fs } from 'node:fs'
import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import type { ProjectInfo } from '../../../shared/project'
import {
  copyFixture,
  FIXTURES_DIR,
  removeTemporaryFolders,
  temporaryFolder,
} from '../../../tests/helpers/copy-fixture'
import { loadProject } from './load-project'

afterEach(removeTemporaryFolders)

async function load(dir: string): Promise<ProjectInfo> {
  const result = await loadProject(dir)
  if (!result.ok) throw new Error(`expected a project, got ${result.error.code}`)
  return result.value
}

async function write(dir: string, file: string, text: string): Promise<void> {
  await fs.mkdir(path.dirname(path.join(dir, file)), { recursive: true })
  await fs.writeFile(path.join(dir, file), text)
}

const codes = (info: ProjectInfo) => info.problems.map((problem) => problem.code)

describe('loadProject: a valid project', () => {
  it('reads appid and name with no problems', async () => {
    const info = await load(path.join(FIXTURES_DIR, 'valid'))
    expect(info.problems).toEqual([])
    expect(info.settings.appid).toBe('wx1234567890abcdef')
    expect(info.name).toBe('valid-fixture')
  })

  it('lists app.json pages then subpackage pages, with their files and json', async () => {
    const info = await load(path.join(FIXTURES_DIR, 'valid'))
    expect(info.pages.map((page) => page.route)).toEqual([
      'pages/index/index',
      'pages/logs/logs',
      'packageA/pages/detail/detail',
    ])
    expect(info.pages[0].files).toEqual({ js: true, wxml: true, wxss: true, json: true })
    expect(info.pages[0].config).toEqual({ navigationBarTitleText: 'Home' })
    expect(info.pages[2].subpackage).toBe('packageA')
  })

  it('reads window, tabBar and networkTimeout', async () => {
    const info = await load(path.join(FIXTURES_DIR, 'valid'))
    expect(info.app?.window.navigationBarTitleText).toBe('Valid fixture')
    expect(info.app?.tabBar?.list.map((item) => item.pagePath)).toEqual([
      'pages/index/index',
      'pages/logs/logs',
    ])
    expect(info.app?.networkTimeout).toEqual({ request: 5000 })
  })

  it('reads the domain lists', async () => {
    const info = await load(path.join(FIXTURES_DIR, 'valid'))
    expect(info.domains.request).toEqual([
      'https://api.example.com',
      'https://data.example.com:8443',
    ])
  })

  it('lets the private file win for urlCheck and says where each value came from', async () => {
    const info = await load(path.join(FIXTURES_DIR, 'valid'))
    expect(info.settings.urlCheck).toBe(false)
    expect(info.settings.sources).toEqual({ appid: 'project', urlCheck: 'private' })
  })

  it('merges setting key by key, keeping project keys the private file does not set', async () => {
    const info = await load(path.join(FIXTURES_DIR, 'valid'))
    expect(info.settings.setting).toMatchObject({ urlCheck: false, es6: true, minified: true })
  })
})

describe('loadProject: defaults', () => {
  it('defaults urlCheck to true', async () => {
    const info = await load(path.join(FIXTURES_DIR, 'touristappid'))
    expect(info.settings.urlCheck).toBe(true)
    expect(info.settings.sources.urlCheck).toBe('default')
  })

  it('gives empty domain lists when project.domains.json is missing', async () => {
    const info = await load(path.join(FIXTURES_DIR, 'touristappid'))
    expect(info.domains).toEqual({
      request: [],
      socket: [],
      uploadFile: [],
      downloadFile: [],
      webview: [],
    })
  })

  it('uses the folder name when there is no projectname', async () => {
    const dir = await copyFixture('touristappid')
    await write(dir, 'project.config.json', '{"appid": "touristappid"}')
    expect((await load(dir)).name).toBe('touristappid')
  })

  it('takes appid from the private file when it has one', async () => {
    const dir = await copyFixture('valid')
    await write(dir, 'project.private.config.json', '{"appid": "wxffffffffffffffff"}')
    const info = await load(dir)
    expect(info.settings.appid).toBe('wxffffffffffffffff')
    expect(info.settings.sources.appid).toBe('private')
  })
})

describe('loadProject: miniprogramRoot', () => {
  it('reads app.json and pages from miniprogramRoot', async () => {
    const info = await load(path.join(FIXTURES_DIR, 'miniprogram-root'))
    expect(info.problems).toEqual([])
    expect(info.settings.miniprogramRoot).toBe('miniprogram')
    expect(info.pages[0]).toMatchObject({
      route: 'pages/index/index',
      files: { js: true, wxml: true },
    })
  })

  it('honours the legacy alias client', async () => {
    const dir = await copyFixture('miniprogram-root')
    await write(dir, 'project.config.json', '{"appid": "touristappid", "client": "miniprogram"}')
    const info = await load(dir)
    expect(info.settings.miniprogramRoot).toBe('miniprogram')
    expect(info.problems).toEqual([])
  })

  it('reports a miniprogramRoot that escapes the project folder at its value', async () => {
    const dir = await copyFixture('miniprogram-root')
    await write(dir, 'project.config.json', '{\n  "miniprogramRoot": "../"\n}\n')
    const info = await load(dir)
    expect(info.problems).toMatchObject([
      { code: 'MINIPROGRAM_ROOT_OUTSIDE', file: 'project.config.json', line: 2, column: 22 },
    ])
    expect(info.app).toBeNull()
  })

  it('reports a miniprogramRoot that does not exist', async () => {
    const dir = await copyFixture('miniprogram-root')
    await write(dir, 'project.config.json', '{"miniprogramRoot": "src/"}')
    expect(codes(await load(dir))).toEqual(['MINIPROGRAM_ROOT_MISSING'])
  })
})

describe('loadProject: problems', () => {
  it('fails with NOT_A_FOLDER for a path that does not exist', async () => {
    const result = await loadProject(path.join(await temporaryFolder(), 'nothing-here'))
    expect(result).toMatchObject({ ok: false, error: { code: 'NOT_A_FOLDER' } })
  })

  it('fails with NOT_A_FOLDER for a file', async () => {
    const result = await loadProject(path.join(FIXTURES_DIR, 'valid', 'app.json'))
    expect(result).toMatchObject({ ok: false, error: { code: 'NOT_A_FOLDER' } })
  })

  it('reports the line and column of a JSON syntax error in app.json', async () => {
    const info = await load(path.join(FIXTURES_DIR, 'broken-json'))
    expect(info.problems).toEqual([
      {
        code: 'JSON_SYNTAX',
        severity: 'error',
        message: "JSON syntax error: expected ',' (CommaExpected)",
        file: 'app.json',
        line: 3,
        column: 3,
      },
    ])
    expect(info.app).toBeNull()
  })

  it('reports a comment as a syntax error, as WeChat does', async () => {
    const dir = await copyFixture('touristappid')
    await write(dir, 'project.config.json', '{\n  // my app\n  "appid": "touristappid"\n}')
    expect((await load(dir)).problems).toMatchObject([
      { code: 'JSON_SYNTAX', file: 'project.config.json', line: 2, column: 3 },
    ])
  })

  it('reports a trailing comma as a syntax error', async () => {
    const dir = await copyFixture('touristappid')
    await write(dir, 'project.domains.json', '{\n  "request": [],\n}')
    expect((await load(dir)).problems).toMatchObject([
      { code: 'JSON_SYNTAX', file: 'project.domains.json', line: 3, column: 1 },
    ])
  })

  it('reports syntax errors in the private config and in a page json', async () => {
    const dir = await copyFixture('valid')
    await write(dir, 'project.private.config.json', '{"setting": {"urlCheck": false}')
    await write(dir, 'pages/index/index.json', '{"a" 1}')
    expect((await load(dir)).problems).toMatchObject([
      { code: 'JSON_SYNTAX', file: 'project.private.config.json', line: 1, column: 32 },
      { code: 'JSON_SYNTAX', file: 'pages/index/index.json', line: 1, column: 6 },
    ])
  })

  it('reports APP_JSON_MISSING', async () => {
    const info = await load(path.join(FIXTURES_DIR, 'missing-app-json'))
    expect(info.problems).toMatchObject([{ code: 'APP_JSON_MISSING', file: 'app.json' }])
    expect(info.app).toBeNull()
  })

  it('reports a page whose files are missing at its entry in app.json', async () => {
    const info = await load(path.join(FIXTURES_DIR, 'missing-page'))
    expect(info.problems).toEqual([
      {
        code: 'PAGE_FILES_MISSING',
        severity: 'error',
        message: 'page "pages/gone/gone" is missing pages/gone/gone.js and pages/gone/gone.wxml',
        file: 'app.json',
        line: 4,
        column: 5,
      },
    ])
    expect(info.pages[1].files).toEqual({ js: false, wxml: false, wxss: false, json: false })
  })

  it('takes a page whose script is its .ts with the TypeScript plugin, and says so', async () => {
    const dir = await copyFixture('valid')
    await fs.rename(path.join(dir, 'pages/index/index.js'), path.join(dir, 'pages/index/index.ts'))
    expect(codes(await load(dir))).toEqual(['PAGE_FILES_MISSING'])
    const config = JSON.parse(await fs.readFile(path.join(dir, 'project.config.json'), 'utf8'))
    config.setting = { ...config.setting, useCompilerPlugins: ['typescript'] }
    await write(dir, 'project.config.json', JSON.stringify(config))
    const info = await load(dir)
    expect(info.problems).toEqual([])
    expect(info.pages[0]).toMatchObject({ route: 'pages/index/index', script: 'ts' })
    expect(info.pages[0].files.js).toBe(true)
    expect(info.pages[1].script).toBeUndefined()
  })

  it('reports a missing subpackage page', async () => {
    const dir = await copyFixture('valid')
    await fs.rm(path.join(dir, 'packageA/pages/detail/detail.wxml'))
    expect((await load(dir)).problems).toMatchObject([
      { code: 'PAGE_FILES_MISSING', file: 'app.json', line: 7 },
    ])
  })

  it('reports a wrongly typed value at the value', async () => {
    const dir = await copyFixture('touristappid')
    await write(dir, 'app.json', '{\n  "pages": "pages/index/index"\n}')
    expect((await load(dir)).problems).toMatchObject([
      {
        code: 'INVALID_VALUE',
        file: 'app.json',
        line: 2,
        column: 12,
        message: expect.stringContaining('pages must be an array'),
      },
    ])
  })

  it('reports a non-string page entry', async () => {
    const dir = await copyFixture('touristappid')
    await write(dir, 'app.json', '{"pages": ["pages/index/index", 7]}')
    expect((await load(dir)).problems).toMatchObject([
      { code: 'INVALID_VALUE', file: 'app.json', line: 1, column: 33 },
    ])
  })

  it('reports setting.urlCheck that is not a boolean', async () => {
    const dir = await copyFixture('touristappid')
    await write(dir, 'project.config.json', '{\n  "setting": {\n    "urlCheck": "no"\n  }\n}')
    const info = await load(dir)
    expect(info.problems).toMatchObject([
      { code: 'INVALID_VALUE', file: 'project.config.json', line: 3, column: 17 },
    ])
    expect(info.settings.urlCheck).toBe(true)
  })

  it('reports a networkTimeout that is not a number', async () => {
    const dir = await copyFixture('touristappid')
    await write(
      dir,
      'app.json',
      '{"pages": ["pages/index/index"], "networkTimeout": {"request": "5s"}}',
    )
    expect(codes(await load(dir))).toEqual(['INVALID_VALUE'])
  })

  it('reports a bad domain entry at the entry and keeps the good ones', async () => {
    const dir = await copyFixture('touristappid')
    await write(
      dir,
      'project.domains.json',
      '{\n  "request": [\n    "https://ok.example.com",\n    "http://plain.example.com"\n  ]\n}',
    )
    const info = await load(dir)
    expect(info.problems).toMatchObject([
      { code: 'INVALID_DOMAIN', file: 'project.domains.json', line: 4, column: 5 },
    ])
    expect(info.domains.request).toEqual(['https://ok.example.com'])
  })

  it('reports UNREADABLE for a folder where app.json should be', async () => {
    const dir = await copyFixture('touristappid')
    await fs.rm(path.join(dir, 'app.json'))
    await fs.mkdir(path.join(dir, 'app.json'))
    expect((await load(dir)).problems).toMatchObject([
      { code: 'UNREADABLE', file: 'app.json', message: expect.stringContaining('EISDIR') },
    ])
  })

  it('reports UNREADABLE for a folder where a page .js should be', async () => {
    const dir = await copyFixture('touristappid')
    await fs.rm(path.join(dir, 'pages/index/index.js'))
    await fs.mkdir(path.join(dir, 'pages/index/index.js'))
    expect((await load(dir)).problems).toMatchObject([
      { code: 'UNREADABLE', file: 'pages/index/index.js' },
    ])
  })

  it('reports UNREADABLE for a config file that is a symlink loop', async () => {
    const dir = await copyFixture('touristappid')
    await fs.symlink('project.private.config.json', path.join(dir, 'project.private.config.json'))
    expect((await load(dir)).problems).toMatchObject([
      { code: 'UNREADABLE', file: 'project.private.config.json' },
    ])
  })
})

describe('loadProject: nothing outside the project is read', () => {
  it('turns a page route with ../ into a problem', async () => {
    const dir = await copyFixture('touristappid')
    await write(dir, 'app.json', '{"pages": ["pages/index/index", "../../etc/passwd"]}')
    const info = await load(dir)
    expect(info.problems).toMatchObject([
      { code: 'PAGE_ROUTE_INVALID', file: 'app.json', column: 33 },
    ])
    expect(info.pages.map((page) => page.route)).toEqual(['pages/index/index'])
  })

  it('turns an absolute page route into a problem', async () => {
    const dir = await copyFixture('touristappid')
    await write(dir, 'app.json', '{"pages": ["/etc/passwd"]}')
    expect(codes(await load(dir))).toEqual(['PAGE_ROUTE_INVALID'])
  })

  it('turns a subpackage root with ../ into a problem', async () => {
    const dir = await copyFixture('touristappid')
    await write(
      dir,
      'app.json',
      '{"pages": ["pages/index/index"], "subpackages": [{"root": "../outside", "pages": ["p"]}]}',
    )
    expect(codes(await load(dir))).toEqual(['PAGE_ROUTE_INVALID'])
  })

  it('does not read a page json that is a symlink to a file outside', async () => {
    const outside = await temporaryFolder()
    await write(outside, 'secret.json', '{"secret": true}')
    const dir = await copyFixture('touristappid')
    await fs.symlink(path.join(outside, 'secret.json'), path.join(dir, 'pages/index/index.json'))
    const info = await load(dir)
    expect(info.pages[0].config).toEqual({})
    expect(info.problems).toMatchObject([{ code: 'OUTSIDE_PROJECT', file: 'app.json' }])
  })

  it('does not read app.json through a miniprogramRoot symlinked outside', async () => {
    const outside = await copyFixture('touristappid')
    const dir = await copyFixture('miniprogram-root')
    await fs.rm(path.join(dir, 'miniprogram'), { recursive: true })
    await fs.symlink(outside, path.join(dir, 'miniprogram'))
    const info = await load(dir)
    expect(codes(info)).toEqual(['MINIPROGRAM_ROOT_OUTSIDE'])
    expect(info.app).toBeNull()
  })

  it('reports a page folder symlinked outside once, without reading its files', async () => {
    const outside = await copyFixture('touristappid')
    const dir = await copyFixture('touristappid')
    await fs.rm(path.join(dir, 'pages/index'), { recursive: true })
    await fs.symlink(path.join(outside, 'pages/index'), path.join(dir, 'pages/index'))
    const info = await load(dir)
    expect(info.problems).toMatchObject([{ code: 'OUTSIDE_PROJECT', file: 'app.json', line: 2 }])
    expect(info.pages[0].files).toEqual({ js: false, wxml: false, wxss: false, json: false })
  })

  it('reads a config file that is a symlink to another file inside', async () => {
    const dir = await copyFixture('touristappid')
    await write(dir, 'config/domains.json', '{"request": ["https://linked.example.com"]}')
    await fs.symlink('config/domains.json', path.join(dir, 'project.domains.json'))
    const info = await load(dir)
    expect(info.problems).toEqual([])
    expect(info.domains.request).toEqual(['https://linked.example.com'])
  })
})
