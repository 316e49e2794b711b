/**
 * Compiled scripts as the runtime runs them: ES modules and TypeScript side by side with plain
 * CommonJS, stack frames named by the source file, broken files failing alone.
 */
import { readdir, readFile } from 'node:fs/promises'
import { join, relative } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { createRuntime, type Runtime } from '../../../shared/runtime/runtime'
import { TestingPort } from '../../../tests/helpers/runtime-port'
import { chooseScriptSources, ScriptCompiler } from './scripts'

const running: Runtime[] = []
afterEach(() => {
  for (const runtime of running.splice(0)) runtime.dispose()
})

async function compileAndStart(sources: Record<string, string>, pages: string[]) {
  const compiled = await new ScriptCompiler().compileAll(
    chooseScriptSources(Object.keys(sources), true),
    async (file) => sources[file] ?? null,
  )
  const port = new TestingPort()
  const runtime = createRuntime({
    port,
    appid: 'wx00000000000000bb',
    files: compiled.scripts,
    appJson: { pages },
  })
  running.push(runtime)
  runtime.launch()
  return { port, compiled }
}

describe('compiled scripts in the runtime', () => {
  it('runs ES modules, TypeScript and CommonJS together with default interop', async () => {
    const { port, compiled } = await compileAndStart(
      {
        'app.js': `import { greet } from './utils/greet'\nApp({ globalData: { hello: greet('app') } })`,
        'utils/greet.ts': `export function greet(who: string): string { return 'hi ' + who }`,
        'utils/legacy.js': `module.exports = function legacy() { return 'legacy' }`,
        'utils/index.js': `export * from './greet'\nexport { default as legacy } from './legacy'`,
        'pages/index/index.ts': `import legacy from '../../utils/legacy'
import * as utils from '../../utils/index'
interface Data { text: string }
const data: Data = { text: utils.greet('page') + ' ' + legacy() + ' ' + utils.legacy() }
console.log(data.text, getApp().globalData.hello)
Page({ data })`,
      },
      ['pages/index/index'],
    )
    expect(compiled.errors).toEqual([])
    expect(port.errors).toEqual([])
    expect(port.lines()).toEqual(['log: hi page legacy legacy hi app'])
  })

  it('names the TypeScript source, line and column in stack frames', async () => {
    const { port } = await compileAndStart(
      {
        'app.js': 'App({})',
        'pages/index/index.ts': `import { fail } from './fail'
type Query = Record<string, string>
Page({
  onLoad(query: Query) {
    fail(query)
  },
})`,
        'pages/index/fail.ts': `export function fail(query: object): never {
  const kind: string = typeof query
  throw new Error('failed with ' + kind)
}`,
      },
      ['pages/index/index'],
    )
    expect(port.errors).toHaveLength(1)
    const stack = port.errors[0].stack
    expect(stack).toContain('failed with object')
    expect(stack).toContain('pages/index/fail.ts:3:9')
    expect(stack).toContain('pages/index/index.ts:5:5')
    expect(stack).not.toContain('fail.js')
  })

  it('reports a broken file where it is broken and runs the rest', async () => {
    const { port, compiled } = await compileAndStart(
      {
        'app.js': 'App({})',
        'pages/a/a.ts': `console.log('a runs')\nPage({})`,
        'pages/b/b.ts': `const x: number = \nconst y = 2\nPage({})`,
      },
      ['pages/a/a', 'pages/b/b'],
    )
    expect(compiled.errors).toEqual([
      { file: 'pages/b/b.ts', line: 2, column: 1, message: 'Unexpected "const"' },
    ])
    expect(port.lines()).toEqual(['log: a runs'])
    expect(port.errors[0].message).toBe('pages/b/b.ts:2:1: Unexpected "const"')
  })

  it('locates a broken module that another requires at its source, and says why the page is missing', async () => {
    const { port } = await compileAndStart(
      {
        'app.js': 'App({})',
        'utils/broken.ts': 'export const total: number = 1 +\n',
        'pages/other/other.ts': `import { total } from '../../utils/broken'\nPage({ data: { total } })`,
      },
      ['pages/other/other'],
    )
    const [thrown, missing] = port.errors
    expect(thrown.message).toBe('utils/broken.ts:2:1: Unexpected end of file')
    const frames = thrown.stack.split('\n').slice(1)
    expect(frames[0]).toMatch(/\(utils\/broken\.ts:2:1\)$/)
    expect(thrown.stack).toMatch(/\(pages\/other\/other\.ts:1:\d+\)$/m)
    expect(thrown.stack).not.toContain('broken.js')
    expect(missing.stack).toBe(
      'Page "pages/other/other" has not been registered yet. ' +
        'Its module stopped before Page(): SyntaxError: utils/broken.ts:2:1: Unexpected end of file',
    )
  })
})

describe("TDesign's published miniprogram_dist", () => {
  it('compiles every script (minified ESM importing tslib) without errors', async () => {
    const dist = join(process.cwd(), 'node_modules/tdesign-miniprogram/miniprogram_dist')
    const files = (await readdir(dist, { recursive: true }))
      .map((file) => relative(dist, join(dist, file)).split('\\').join('/'))
      .filter((file) => file.endsWith('.js'))
    expect(files).toContain('button/button.js')
    const compiled = await new ScriptCompiler().compileAll(
      chooseScriptSources(files, false),
      (file) => readFile(join(dist, file), 'utf8'),
    )
    expect(compiled.errors).toEqual([])
    const button = compiled.scripts['button/button.js']
    expect(button).toContain('require("tslib")')
    expect(button).toContain('__esModule')
  })
})
