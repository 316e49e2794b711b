import { afterEach, describe, expect, it } from 'vitest'
import { memoryProject } from '../../../tests/helpers/memory-project'
import { compileProject, ProjectCompiler } from './project-compiler'
import type { CompileResult } from './types'

const IPHONE_SE = { deviceWidth: 375 }
const PLUGINS = { typescript: true, less: true, sass: false }

/** A small project with ES modules, TypeScript, Less, a shared template and a WXS module. */
function sources(): Record<string, string> {
  return {
    'app.json': JSON.stringify({ pages: ['pages/a/a', 'pages/b/b'] }),
    'app.js': "import { start } from './utils/start'\nApp({ onLaunch: start })\n",
    'app.wxss': '.app { margin: 8rpx; }\n',
    'utils/start.js': 'export function start() { return 1 }\n',
    'utils/format.ts': 'export const format = (n: number): string => `#${n}`\n',
    'pages/a/a.json': '{}',
    'pages/a/a.ts':
      "import { format } from '../../utils/format'\nPage({ data: { t: format(1) } })\n",
    'pages/a/a.wxml': '<import src="/templates/card.wxml"/><template is="card" data="{{t}}"/>\n',
    'pages/a/a.less': '@w: 10rpx;\n.a { width: @w; }\n',
    'pages/b/b.json': '{}',
    'pages/b/b.js': "const m = require('../../utils/start')\nPage({ data: { n: m.start() } })\n",
    'pages/b/b.wxml': '<wxs module="f" src="/utils/f.wxs"/><view>{{f.x}}</view>\n',
    'pages/b/b.wxss': '.b { height: 20rpx; }\n',
    'templates/card.wxml': '<template name="card"><text>{{t}}</text></template>\n',
    'utils/f.wxs': 'module.exports = { x: 1 }\n',
  }
}

function compilerFor(files: Record<string, string>) {
  const project = memoryProject(files)
  let listings = 0
  const compiler = new ProjectCompiler({
    readFile: project.readFile,
    listFiles: async () => {
      listings++
      return Object.keys(files).sort()
    },
    rpx: IPHONE_SE,
    plugins: PLUGINS,
  })
  return { ...project, compiler, listings: () => listings }
}

/**
 * A result with its templates' generated code in path order: the group emits them in the order
 * they were added, which differs between a cold compile and a recompile but not in meaning.
 */
function canonical(result: CompileResult): CompileResult {
  const end = 'return G})()'
  expect(result.groupListCode.endsWith(end)).toBe(true)
  const [runtime, ...templates] = result.groupListCode
    .slice(0, -end.length)
    .split(/(?=G\["[^"]+"\]=\(\(\)=>)/)
  return { ...result, groupListCode: [runtime, ...templates.sort(), end].join('') }
}

/** What a cold compile of the same files gives. */
async function cold(files: Record<string, string>): Promise<CompileResult> {
  const project = memoryProject({ ...files })
  const result = await compileProject({
    readFile: project.readFile,
    listFiles: async () => Object.keys(files).sort(),
    rpx: IPHONE_SE,
    plugins: PLUGINS,
  })
  return canonical(result)
}

describe('recompiling after one save', () => {
  let compiler: ProjectCompiler | undefined
  afterEach(() => compiler?.dispose())

  it.each([
    ['a .ts script', 'utils/format.ts', 'export const format = (n: number): string => `n${n}`\n'],
    ['a .js ES module', 'utils/start.js', 'export function start() { return 2 }\n'],
    [
      'a page .wxml',
      'pages/b/b.wxml',
      '<wxs module="f" src="/utils/f.wxs"/><text>{{f.x}}</text>\n',
    ],
    [
      'a shared template',
      'templates/card.wxml',
      '<template name="card"><view>{{t}}</view></template>\n',
    ],
    ['a .wxss', 'pages/b/b.wxss', '.b { height: 30rpx; }\n'],
    ['a .less', 'pages/a/a.less', '@w: 12rpx;\n.a { width: @w; }\n'],
    ['a page .json', 'pages/b/b.json', '{ "navigationBarTitleText": "B" }'],
  ])(
    'of %s reads only that file, lists nothing and equals a cold compile',
    async (_, path, text) => {
      const live = compilerFor(sources())
      compiler = live.compiler
      const first = await live.compiler.compile()
      expect(first.errors).toEqual([])
      live.files[path] = text
      live.reads.length = 0
      const result = await live.compiler.recompileFile(path)
      expect(live.reads).toEqual([path])
      expect(live.listings()).toBe(1)
      expect(canonical(result)).toEqual(await cold(live.files))
      expect(result).not.toEqual(first)
    },
  )

  it('lists the folder again when a saved file is new, and compiles it', async () => {
    const live = compilerFor(sources())
    compiler = live.compiler
    await live.compiler.compile()
    live.files['pages/b/b.js'] = "require('../../utils/extra')\nPage({})\n"
    live.files['utils/extra.js'] = 'module.exports = 3\n'
    live.compiler.forgetSaved(['pages/b/b.js', 'utils/extra.js'])
    const result = await live.compiler.compile()
    expect(live.listings()).toBe(2)
    expect(result.scripts['utils/extra.js']).toBe('module.exports = 3\n')
    expect(canonical(result)).toEqual(await cold(live.files))
  })

  it('lists the folder again when a saved file was deleted, and drops it', async () => {
    const live = compilerFor(sources())
    compiler = live.compiler
    await live.compiler.compile()
    delete live.files['utils/format.ts']
    const result = await live.compiler.recompileFile('utils/format.ts')
    expect(live.listings()).toBe(2)
    expect(result.scripts['utils/format.js']).toBeUndefined()
    expect(canonical(result)).toEqual(await cold(live.files))
  })
})
