import { promises as fs } from 'node:fs'
import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { copyFixture, removeTemporaryFolders } from '../../../tests/helpers/copy-fixture'
import { PRIVATE_CONFIG_DESCRIPTION } from './project-settings'
import { writeDomains, writeSettings } from './settings-writer'

afterEach(removeTemporaryFolders)

const read = (dir: string, file: string) => fs.readFile(path.join(dir, file), 'utf8')
const write = (dir: string, file: string, text: string) => fs.writeFile(path.join(dir, file), text)

describe('writeSettings: urlCheck', () => {
  it('changes only setting.urlCheck in the private file, keeping everything else', async () => {
    const dir = await copyFixture('valid')
    const before = await read(dir, 'project.private.config.json')
    expect(await writeSettings(dir, { urlCheck: true })).toEqual({ ok: true, value: undefined })
    expect(await read(dir, 'project.private.config.json')).toBe(
      before.replace('"urlCheck": false', '"urlCheck": true'),
    )
  })

  it('never touches project.config.json for urlCheck', async () => {
    const dir = await copyFixture('valid')
    const before = await read(dir, 'project.config.json')
    await writeSettings(dir, { urlCheck: false })
    expect(await read(dir, 'project.config.json')).toBe(before)
  })

  it("creates the private file with WeChat's description when it is missing", async () => {
    const dir = await copyFixture('touristappid')
    await writeSettings(dir, { urlCheck: false })
    expect(JSON.parse(await read(dir, 'project.private.config.json'))).toEqual({
      description: PRIVATE_CONFIG_DESCRIPTION,
      setting: { urlCheck: false },
    })
  })

  it('adds setting to a private file that has none, keeping its other keys', async () => {
    const dir = await copyFixture('touristappid')
    await write(dir, 'project.private.config.json', '{\n  "zeta": 1,\n  "alpha": 2\n}\n')
    await writeSettings(dir, { urlCheck: false })
    expect(await read(dir, 'project.private.config.json')).toBe(
      '{\n  "zeta": 1,\n  "alpha": 2,\n  "setting": {\n    "urlCheck": false\n  }\n}\n',
    )
  })

  it('keeps tab indentation', async () => {
    const dir = await copyFixture('touristappid')
    await write(dir, 'project.private.config.json', '{\n\t"setting": {\n\t\t"es6": true\n\t}\n}')
    await writeSettings(dir, { urlCheck: false })
    expect(await read(dir, 'project.private.config.json')).toBe(
      '{\n\t"setting": {\n\t\t"es6": true,\n\t\t"urlCheck": false\n\t}\n}',
    )
  })

  it('keeps 4-space indentation and CRLF line endings', async () => {
    const dir = await copyFixture('touristappid')
    await write(dir, 'project.private.config.json', '{\r\n    "a": 1\r\n}\r\n')
    await writeSettings(dir, { urlCheck: true })
    expect(await read(dir, 'project.private.config.json')).toBe(
      '{\r\n    "a": 1,\r\n    "setting": {\r\n        "urlCheck": true\r\n    }\r\n}\r\n',
    )
  })

  it('keeps a byte order mark', async () => {
    const dir = await copyFixture('touristappid')
    await write(dir, 'project.private.config.json', '\uFEFF{"setting": {"urlCheck": true}}')
    await writeSettings(dir, { urlCheck: false })
    expect(await read(dir, 'project.private.config.json')).toBe(
      '\uFEFF{"setting": {"urlCheck": false}}',
    )
  })

  it('refuses to write into a file with a syntax error and leaves it untouched', async () => {
    const dir = await copyFixture('touristappid')
    const broken = '{\n  "setting": {"urlCheck": true},\n}\n'
    await write(dir, 'project.private.config.json', broken)
    const result = await writeSettings(dir, { urlCheck: false })
    expect(result).toMatchObject({
      ok: false,
      error: { code: 'JSON_SYNTAX', file: 'project.private.config.json', line: 3, column: 1 },
    })
    expect(await read(dir, 'project.private.config.json')).toBe(broken)
  })

  it('refuses when setting is not an object', async () => {
    const dir = await copyFixture('touristappid')
    await write(dir, 'project.private.config.json', '{"setting": "fast"}')
    expect(await writeSettings(dir, { urlCheck: false })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_VALUE' },
    })
  })

  it('rejects a non-boolean urlCheck and unknown keys', async () => {
    const dir = await copyFixture('touristappid')
    expect(await writeSettings(dir, { urlCheck: 'no' })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_SETTINGS' },
    })
    expect(await writeSettings(dir, { libVersion: '1' })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_SETTINGS' },
    })
  })

  it('does not write through a config symlink pointing outside', async () => {
    const dir = await copyFixture('touristappid')
    const outside = path.join(path.dirname(dir), 'outside.json')
    await fs.writeFile(outside, '{"setting": {}}')
    await fs.symlink(outside, path.join(dir, 'project.private.config.json'))
    expect(await writeSettings(dir, { urlCheck: false })).toMatchObject({
      ok: false,
      error: { code: 'OUTSIDE_PROJECT' },
    })
    expect(await fs.readFile(outside, 'utf8')).toBe('{"setting": {}}')
  })
})

describe('writeSettings: appid', () => {
  it('writes appid to project.config.json when the private file has none', async () => {
    const dir = await copyFixture('valid')
    const before = await read(dir, 'project.config.json')
    const privateBefore = await read(dir, 'project.private.config.json')
    await writeSettings(dir, { appid: 'wxaaaaaaaaaaaaaaaa' })
    expect(await read(dir, 'project.config.json')).toBe(
      before.replace('wx1234567890abcdef', 'wxaaaaaaaaaaaaaaaa'),
    )
    expect(await read(dir, 'project.private.config.json')).toBe(privateBefore)
  })

  it('writes appid to the private file when it already has one', async () => {
    const dir = await copyFixture('valid')
    const before = await read(dir, 'project.config.json')
    await write(dir, 'project.private.config.json', '{\n  "appid": "wx0000000000000000"\n}\n')
    await writeSettings(dir, { appid: 'wxaaaaaaaaaaaaaaaa' })
    expect(await read(dir, 'project.private.config.json')).toBe(
      '{\n  "appid": "wxaaaaaaaaaaaaaaaa"\n}\n',
    )
    expect(await read(dir, 'project.config.json')).toBe(before)
  })
})

describe('writeDomains', () => {
  const domains = {
    request: ['https://api.example.com'],
    socket: ['wss://ws.example.com'],
    uploadFile: [],
    downloadFile: [],
    webview: ['https://h5.example.com'],
  }

  it('creates project.domains.json with 2-space indentation', async () => {
    const dir = await copyFixture('touristappid')
    expect(await writeDomains(dir, domains)).toEqual({ ok: true, value: domains })
    expect(await read(dir, 'project.domains.json')).toBe(`${JSON.stringify(domains, null, 2)}\n`)
  })

  it('changes only the lists that differ, keeping the rest of the file', async () => {
    const dir = await copyFixture('valid')
    const before = await read(dir, 'project.domains.json')
    const next = {
      ...domains,
      request: ['https://api.example.com', 'https://data.example.com:8443'],
      webview: [],
    }
    await writeDomains(dir, next)
    // A file from before the webview list gets it added, empty, after the others.
    expect(await read(dir, 'project.domains.json')).toBe(
      before
        .replace('"socket": []', '"socket": [\n    "wss://ws.example.com"\n  ]')
        .replace('"downloadFile": []', '"downloadFile": [],\n  "webview": []'),
    )
  })

  it('rejects invalid lists and writes nothing', async () => {
    const dir = await copyFixture('touristappid')
    const result = await writeDomains(dir, { ...domains, request: ['http://api.example.com'] })
    expect(result).toMatchObject({ ok: false, error: { code: 'INVALID_DOMAINS' } })
    await expect(fs.stat(path.join(dir, 'project.domains.json'))).rejects.toThrow()
  })

  it('refuses to write into a broken project.domains.json', async () => {
    const dir = await copyFixture('touristappid')
    await write(dir, 'project.domains.json', '{"request": [}')
    expect(await writeDomains(dir, domains)).toMatchObject({
      ok: false,
      error: { code: 'JSON_SYNTAX' },
    })
    expect(await read(dir, 'project.domains.json')).toBe('{"request": [}')
  })
})
