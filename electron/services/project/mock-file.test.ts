/**
 * project.mock.json read into the project and written back by the Mock panel: bodies kept as what
 * is sent (JSON values and strings), defaults for missing fields, malformed rules as located
 * warnings, the file's other keys and formatting kept, nothing written for an invalid rule.
 */
import { promises as fs } from 'node:fs'
import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { newMockRule, type MockRule } from '../../../shared/mock'
import { copyFixture, removeTemporaryFolders } from '../../../tests/helpers/copy-fixture'
import { loadProject } from './load-project'
import { writeMock } from './settings-writer'

afterEach(removeTemporaryFolders)

const MOCK_FILE = 'project.mock.json'
const read = (dir: string) => fs.readFile(path.join(dir, MOCK_FILE), 'utf8')
const write = (dir: string, text: string) => fs.writeFile(path.join(dir, MOCK_FILE), text)

async function projectOf(dir: string) {
  const loaded = await loadProject(dir)
  if (!loaded.ok) throw new Error(loaded.error.message)
  return loaded.value
}

const ORDERS: MockRule = {
  ...newMockRule('https://api.example.com/orders'),
  name: 'orders',
  body: '{\n  "list": [\n    1\n  ]\n}',
}

describe('reading project.mock.json', () => {
  it('is off with no rules when the file is missing', async () => {
    const project = await projectOf(await copyFixture('valid'))
    expect(project.mock).toEqual({ enabled: false, rules: [] })
  })

  it('reads rules with their defaults; a JSON body is JSON, a string body is text', async () => {
    const dir = await copyFixture('valid')
    await write(
      dir,
      JSON.stringify({
        enabled: true,
        rules: [
          { url: 'https://api.example.com/orders', body: { list: [1] } },
          {
            name: 'html',
            enabled: false,
            method: 'post',
            match: 'exact',
            url: 'https://api.example.com/page',
            statusCode: 503,
            header: { 'Retry-After': 30 },
            body: '<b>busy</b>',
            delay: 250,
          },
          { url: 'https://api.example.com/raw', body: '{"a":1}', bodyType: 'json' },
        ],
      }),
    )
    const project = await projectOf(dir)
    expect(project.problems).toEqual([])
    expect(project.mock).toEqual({
      enabled: true,
      rules: [
        { ...newMockRule('https://api.example.com/orders'), body: '{\n  "list": [\n    1\n  ]\n}' },
        {
          name: 'html',
          enabled: false,
          method: 'POST',
          match: 'exact',
          url: 'https://api.example.com/page',
          statusCode: 503,
          header: { 'Retry-After': '30' },
          body: '<b>busy</b>',
          bodyType: 'text',
          delay: 250,
        },
        { ...newMockRule('https://api.example.com/raw'), body: '{"a":1}', bodyType: 'json' },
      ],
    })
  })

  it('leaves out a rule it cannot use, with a warning at its place, and opens the project', async () => {
    const dir = await copyFixture('valid')
    await write(
      dir,
      '{\n  "enabled": true,\n  "rules": [\n    { "url": "api.example.com/x" },\n    { "url": "https://a.test/", "match": "regex" }\n  ]\n}\n',
    )
    const project = await projectOf(dir)
    expect(project.mock.rules.map((rule) => rule.url)).toEqual(['https://a.test/'])
    expect(project.problems).toEqual([
      {
        code: 'INVALID_VALUE',
        severity: 'warning',
        message: 'mock rule rules[0] "api.example.com/x" does not start with https:// or http://',
        file: MOCK_FILE,
        line: 4,
        column: 5,
      },
    ])
  })

  it('reports a syntax error with its place, as for any project file', async () => {
    const dir = await copyFixture('valid')
    await write(dir, '{ "enabled": true, }')
    const project = await projectOf(dir)
    expect(project.mock).toEqual({ enabled: false, rules: [] })
    expect(project.problems[0]).toMatchObject({ code: 'JSON_SYNTAX', file: MOCK_FILE, line: 1 })
  })
})

describe('writing project.mock.json', () => {
  it('creates the file, the JSON body as a JSON value', async () => {
    const dir = await copyFixture('valid')
    expect(await writeMock(dir, { enabled: true, rules: [ORDERS] })).toMatchObject({ ok: true })
    expect(JSON.parse(await read(dir))).toEqual({
      enabled: true,
      rules: [
        {
          name: 'orders',
          enabled: true,
          method: 'ANY',
          match: 'prefix',
          url: 'https://api.example.com/orders',
          statusCode: 200,
          header: {},
          body: { list: [1] },
          delay: 0,
        },
      ],
    })
    expect((await projectOf(dir)).mock).toEqual({ enabled: true, rules: [ORDERS] })
  })

  it('reads back what it wrote for text bodies, empty JSON bodies and JSON string bodies', async () => {
    const dir = await copyFixture('valid')
    const rules: MockRule[] = [
      { ...ORDERS, bodyType: 'text', body: 'plain' },
      { ...ORDERS, body: '' },
      { ...ORDERS, body: '"just a string"' },
    ]
    await writeMock(dir, { enabled: false, rules })
    expect((await projectOf(dir)).mock).toEqual({ enabled: false, rules })
  })

  it('keeps the file’s other keys and its indentation', async () => {
    const dir = await copyFixture('valid')
    await write(dir, '{\n    "note": "team mocks",\n    "enabled": false\n}\n')
    await writeMock(dir, { enabled: true, rules: [] })
    expect(await read(dir)).toBe(
      '{\n    "note": "team mocks",\n    "enabled": true,\n    "rules": []\n}\n',
    )
  })

  it('refuses an invalid rule and writes nothing', async () => {
    const dir = await copyFixture('valid')
    await write(dir, '{ "enabled": false }\n')
    const result = await writeMock(dir, {
      enabled: true,
      rules: [{ ...ORDERS, match: 'regex', url: '([' }],
    })
    expect(result).toMatchObject({
      ok: false,
      error: {
        code: 'INVALID_MOCK',
        message: expect.stringMatching(/^mock rule 1: not a regular expression/),
      },
    })
    expect(await writeMock(dir, { enabled: true })).toMatchObject({ ok: false })
    expect(await read(dir)).toBe('{ "enabled": false }\n')
  })

  it('refuses to edit a file with a syntax error, naming its place', async () => {
    const dir = await copyFixture('valid')
    await write(dir, '{ "enabled": false, }')
    expect(await writeMock(dir, { enabled: true, rules: [] })).toMatchObject({
      ok: false,
      error: { code: 'JSON_SYNTAX', file: MOCK_FILE, line: 1 },
    })
    expect(await read(dir)).toBe('{ "enabled": false, }')
  })
})
