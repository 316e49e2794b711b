import { mkdtemp, mkdir, rm, symlink, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { memoryProject } from '../../../tests/helpers/memory-project'
import { ProjectCompiler, compileProject } from './project-compiler'
import { createRootReader } from './project-root-reader'
import type { CompileResult, ReadProjectFile } from './types'

const FIXTURES = join(import.meta.dirname, '../../../tests/fixtures/compiler')
const IPHONE_SE = { deviceWidth: 375 }

const evaluateGroupList = (result: CompileResult) =>
  new Function(`return ${result.groupListCode}`)() as Record<string, unknown>

describe('a project with broken files', () => {
  let result: CompileResult

  beforeAll(async () => {
    result = await compileProject({ root: join(FIXTURES, 'broken'), rpx: IPHONE_SE })
  })

  it('reports a WXML syntax error with file, line and column of the original markup', () => {
    expect(result.errors).toContainEqual({
      file: 'pages/bad-wxml/bad-wxml.wxml',
      line: 2,
      column: 33,
      message: 'unexpected character inside expression',
    })
  })

  it('reports a WXSS syntax error with file, line and column', () => {
    expect(result.errors).toContainEqual({
      file: 'pages/bad-wxss/bad-wxss.wxss',
      line: 2,
      column: 1,
      message: 'Unclosed block',
    })
  })

  it('reports an inline WXS syntax error at its line in the .wxml', () => {
    expect(result.errors).toContainEqual(
      expect.objectContaining({ file: 'pages/bad-wxs/bad-wxs.wxml', line: 3, column: 14 }),
    )
  })

  it('reports a .wxs file syntax error at its line', () => {
    expect(result.errors).toContainEqual(
      expect.objectContaining({ file: 'pages/bad-wxs/broken.wxs', line: 2, column: 9 }),
    )
  })

  it('reports a JSON syntax error with its position', () => {
    expect(result.errors).toContainEqual({
      file: 'pages/bad-json/bad-json.json',
      line: 4,
      column: 3,
      message:
        'JSON syntax error: expected a property name in double quotes (no trailing comma) (PropertyNameExpected)',
    })
  })

  it('still compiles the pages that are fine, and their styles', () => {
    expect(result.templates).toContain('pages/good/good')
    expect(result.templates).toContain('pages/bad-wxss/bad-wxss')
    expect(result.styles['pages/good/good']).toBe('.ok { width: 50px; }\n')
  })

  it('leaves the page with broken markup out of the templates', () => {
    expect(result.templates).not.toContain('pages/bad-wxml/bad-wxml')
  })

  it('keeps a page whose WXS is broken or missing, with those modules exporting nothing', () => {
    expect(result.templates).toContain('pages/bad-wxs/bad-wxs')
    const logged = vi.spyOn(console, 'error').mockImplementation(() => {})
    expect(Object.keys(evaluateGroupList(result))).toContain('pages/bad-wxs/bad-wxs')
    logged.mockRestore()
  })

  it('reports a missing <wxs src> file at its src', () => {
    expect(result.errors).toContainEqual({
      file: 'pages/bad-wxs/bad-wxs.wxml',
      line: 7,
      column: 22,
      message: 'pages/bad-wxs/missing.wxs not found',
    })
  })
})

describe('errors never escape compileProject', () => {
  it('a missing app.json is an error in the result', async () => {
    const { readFile } = memoryProject({})
    const result = await compileProject({ readFile, rpx: IPHONE_SE })
    expect(result.errors).toEqual([
      { file: 'app.json', line: 1, column: 1, message: 'app.json not found' },
    ])
  })

  it('a reader that throws reads as missing files', async () => {
    const result = await compileProject({
      readFile: async () => {
        throw new Error('disk on fire')
      },
      rpx: IPHONE_SE,
    })
    expect(result.errors[0]?.file).toBe('app.json')
  })
})

describe('missing files', () => {
  it('a missing <import> or <wxs src> is reported at its src value', async () => {
    const { readFile } = memoryProject({
      'app.json': '{"pages":["p/p"]}',
      'p/p.wxml': '<view/>\n<import src="./gone.wxml"/>\n  <wxs module="m" src="/lib/none.wxs"/>',
    })
    const result = await compileProject({ readFile, rpx: IPHONE_SE })
    expect(result.errors).toEqual([
      { file: 'p/p.wxml', line: 2, column: 14, message: 'p/gone.wxml not found' },
      { file: 'p/p.wxml', line: 3, column: 24, message: 'lib/none.wxs not found' },
    ])
  })

  it('a missing require() in a .wxs file is reported at the call', async () => {
    const { readFile } = memoryProject({
      'app.json': '{"pages":["p"]}',
      'p.wxml': '<wxs module="m" src="m.wxs"/>',
      'm.wxs': 'var x = 1\nvar n = require("./n.wxs")\nmodule.exports = {}',
    })
    const result = await compileProject({ readFile, rpx: IPHONE_SE })
    expect(result.errors).toEqual([
      { file: 'm.wxs', line: 2, column: 18, message: 'n.wxs not found' },
    ])
  })
})

describe('usingComponents', () => {
  it('resolves relative, root-absolute, folder-index and miniprogram_npm paths', async () => {
    const { readFile } = memoryProject({
      'app.json': '{"pages":["pages/a/a"]}',
      'pages/a/a.wxml': '<x/><y/><z/><w/>',
      'pages/a/a.json': JSON.stringify({
        usingComponents: {
          x: './x',
          y: '/comps/y/y',
          z: '../../comps/z',
          w: 'npm-button',
        },
      }),
      'pages/a/x.json': '{"component":true}',
      'comps/y/y.json': '{"component":true}',
      'comps/z/index.json': '{"component":true}',
      'miniprogram_npm/npm-button/index.json': '{"component":true}',
    })
    const result = await compileProject({ readFile, rpx: IPHONE_SE })
    expect(result.errors).toEqual([])
    expect(result.components['pages/a/a'].json.usingComponents).toEqual({
      x: '/pages/a/x',
      y: '/comps/y/y',
      z: '/comps/z/index',
      w: '/miniprogram_npm/npm-button/index',
    })
    expect(Object.keys(result.components).sort()).toEqual([
      'comps/y/y',
      'comps/z/index',
      'miniprogram_npm/npm-button/index',
      'pages/a/a',
      'pages/a/x',
    ])
  })

  it('resolves and compiles the default of a generic', async () => {
    const { readFile } = memoryProject({
      'app.json': '{"pages":["p"]}',
      'p.json': '{"usingComponents":{"list":"/c/list"}}',
      'c/list.json':
        '{"component":true,"componentGenerics":{"item":{"default":"./item"},"row":true}}',
      'c/item.json': '{"component":true}',
      'c/item.wxml': '<view>item</view>',
    })
    const result = await compileProject({ readFile, rpx: IPHONE_SE })
    expect(result.components['c/list'].json.componentGenerics).toEqual({
      item: { default: '/c/item' },
      row: true,
    })
    expect(result.templates).toContain('c/item')
  })

  it('reports a missing component at its entry in the json', async () => {
    const { readFile } = memoryProject({
      'app.json': '{"pages":["p"]}',
      'p.wxml': '<view/>',
      'p.json': '{\n  "usingComponents": {\n    "gone": "./gone"\n  }\n}',
    })
    const result = await compileProject({ readFile, rpx: IPHONE_SE })
    expect(result.errors).toEqual([
      {
        file: 'p.json',
        line: 3,
        column: 13,
        message: 'component "./gone" not found (looked for gone.json, gone/index.json)',
      },
    ])
  })

  it('leaves plugin components out with a warning', async () => {
    const { readFile } = memoryProject({
      'app.json': '{"pages":["p"]}',
      'p.wxml': '<view/>',
      'p.json': '{"usingComponents":{"map":"plugin://maps/map"}}',
    })
    const result = await compileProject({ readFile, rpx: IPHONE_SE })
    expect(result.errors).toEqual([])
    expect(result.warnings[0]?.message).toBe(
      'plugin component "plugin://maps/map" is not simulated',
    )
    expect(result.components.p.json.usingComponents).toEqual({})
  })

  it('marks components isolated unless shared, with distinct prefixes', async () => {
    const { readFile } = memoryProject({
      'app.json': '{"pages":["p"]}',
      'p.json': '{"usingComponents":{"a":"/c/a","b":"/c/b","s":"/c/s"}}',
      'c/a.json': '{"component":true}',
      'c/b.json': '{"component":true,"styleIsolation":"apply-shared"}',
      'c/s.json': '{"component":true,"styleIsolation":"shared"}',
    })
    const { components } = await compileProject({ readFile, rpx: IPHONE_SE })
    expect(components.p).toMatchObject({ isolated: false, prefix: undefined, page: true })
    expect(components['c/a']).toMatchObject({ isolated: true, prefix: 'c_a', page: false })
    expect(components['c/b']).toMatchObject({ isolated: true, prefix: 'c_b' })
    expect(components['c/s']).toMatchObject({ isolated: false, prefix: undefined })
  })

  it('compiles custom-tab-bar/index when tabBar.custom is on', async () => {
    const { readFile } = memoryProject({
      'app.json': '{"pages":["p"],"tabBar":{"custom":true,"list":[]}}',
      'custom-tab-bar/index.json': '{"component":true}',
      'custom-tab-bar/index.wxml': '<view>tabs</view>',
    })
    const result = await compileProject({ readFile, rpx: IPHONE_SE })
    expect(result.components['custom-tab-bar/index']).toMatchObject({ page: false })
    expect(result.templates).toContain('custom-tab-bar/index')
  })

  it('lists subpackage pages after the main pages', async () => {
    const { readFile } = memoryProject({
      'app.json': '{"pages":["p"],"subpackages":[{"root":"sub/","pages":["q/q"]}]}',
    })
    const result = await compileProject({ readFile, rpx: IPHONE_SE })
    expect(result.pages).toEqual(['p', 'sub/q/q'])
  })
})

describe('incremental recompiling', () => {
  const files = () => ({
    'app.json': '{"pages":["pages/a/a","pages/b/b"]}',
    'pages/a/a.wxml': '<view>a {{x}}</view>',
    'pages/a/a.wxss': '@import "/common.wxss"; .a { width: 100rpx; }',
    'pages/b/b.wxml': '<view>b</view>',
    'pages/b/b.wxss': '.b { width: 200rpx; }',
    'common.wxss': '.c { height: 10rpx; }',
  })

  it('reads only the file that changed', async () => {
    const project = memoryProject(files())
    const compiler = new ProjectCompiler({ readFile: project.readFile, rpx: IPHONE_SE })
    await compiler.compile()
    project.reads.length = 0
    project.files['pages/a/a.wxml'] = '<view>changed {{x}}</view>'
    const result = await compiler.recompileFile('pages/a/a.wxml')
    expect(project.reads).toEqual(['pages/a/a.wxml'])
    expect(result.groupListCode).toContain('changed ')
    compiler.dispose()
  })

  it('accepts a changed path written with backslashes or a leading slash', async () => {
    const project = memoryProject(files())
    const compiler = new ProjectCompiler({ readFile: project.readFile, rpx: IPHONE_SE })
    await compiler.compile()
    project.files['pages/a/a.wxml'] = '<view>one</view>'
    expect((await compiler.recompileFile('pages\\a\\a.wxml')).groupListCode).toContain('one')
    project.files['pages/a/a.wxml'] = '<view>two</view>'
    expect((await compiler.recompileFile('/pages/a/a.wxml')).groupListCode).toContain('two')
    compiler.dispose()
  })

  it('rebuilds the styles that import a changed .wxss', async () => {
    const project = memoryProject(files())
    const compiler = new ProjectCompiler({ readFile: project.readFile, rpx: IPHONE_SE })
    await compiler.compile()
    project.files['common.wxss'] = '.c { height: 20rpx; }'
    const result = await compiler.recompileFile('common.wxss')
    expect(result.styles['pages/a/a']).toBe('.c { height: 10px; } .a { width: 50px; }')
    expect(result.styles['pages/b/b']).toBe('.b { width: 100px; }')
    compiler.dispose()
  })

  it('a fixed file clears its error', async () => {
    const project = memoryProject({ ...files(), 'pages/b/b.wxml': '<view>{{ b + }}</view>' })
    const compiler = new ProjectCompiler({ readFile: project.readFile, rpx: IPHONE_SE })
    expect((await compiler.compile()).errors).toHaveLength(1)
    project.files['pages/b/b.wxml'] = '<view>{{ b + 1 }}</view>'
    const result = await compiler.recompileFile('pages/b/b.wxml')
    expect(result.errors).toEqual([])
    expect(result.templates).toContain('pages/b/b')
    compiler.dispose()
  })

  it('a deleted template is dropped from the group', async () => {
    const project = memoryProject(files())
    const compiler = new ProjectCompiler({ readFile: project.readFile, rpx: IPHONE_SE })
    await compiler.compile()
    delete project.files['pages/b/b.wxml']
    const result = await compiler.recompileFile('pages/b/b.wxml')
    expect(result.templates).toEqual(['pages/a/a'])
    expect(Object.keys(evaluateGroupList(result))).toEqual(['pages/a/a'])
    compiler.dispose()
  })

  it('a second recompile waits until the first has finished', async () => {
    const project = memoryProject(files())
    let release = () => {}
    const gate = new Promise<void>((resolve) => (release = resolve))
    let blocked = () => {}
    const firstReadBlocked = new Promise<void>((resolve) => (blocked = resolve))
    const readsOfA = () => project.reads.filter((path) => path === 'pages/a/a.wxml').length
    const compiler = new ProjectCompiler({
      readFile: async (path) => {
        const content = await project.readFile(path)
        if (path === 'pages/a/a.wxml') {
          blocked()
          await gate
        }
        return content
      },
      rpx: IPHONE_SE,
    })
    const first = compiler.compile()
    await firstReadBlocked
    const second = compiler.recompileFile('pages/a/a.wxml')
    await new Promise((resolve) => setTimeout(resolve, 50))
    expect(readsOfA()).toBe(1)
    release()
    await Promise.all([first, second])
    expect(readsOfA()).toBe(2)
    compiler.dispose()
  })

  it('a page added to app.json is compiled on recompile', async () => {
    const project = memoryProject({ ...files(), 'pages/c/c.wxml': '<view>c</view>' })
    const compiler = new ProjectCompiler({ readFile: project.readFile, rpx: IPHONE_SE })
    await compiler.compile()
    project.files['app.json'] = '{"pages":["pages/a/a","pages/b/b","pages/c/c"]}'
    const result = await compiler.recompileFile('app.json')
    expect(result.pages).toEqual(['pages/a/a', 'pages/b/b', 'pages/c/c'])
    expect(result.templates).toContain('pages/c/c')
    compiler.dispose()
  })

  it('another device width converts rpx again without reading any file', async () => {
    const project = memoryProject(files())
    const compiler = new ProjectCompiler({ readFile: project.readFile, rpx: IPHONE_SE })
    const se = await compiler.compile()
    project.reads.length = 0
    const pixel7 = compiler.setDevice({ deviceWidth: 412 })
    expect(project.reads).toEqual([])
    expect(se.styles['pages/b/b']).toBe('.b { width: 100px; }')
    expect(pixel7?.styles['pages/b/b']).toBe('.b { width: 109px; }')
    compiler.dispose()
  })
})

describe('the default reader', () => {
  let dir: string

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'mpdt-compiler-'))
    await mkdir(join(dir, 'root'))
    await writeFile(join(dir, 'root', 'app.json'), '{}')
    await writeFile(join(dir, 'secret.txt'), 'secret')
    await symlink(join(dir, 'secret.txt'), join(dir, 'root', 'link.txt'))
  })

  afterAll(async () => {
    await rm(dir, { recursive: true, force: true })
  })

  it('reads files inside the root', async () => {
    expect(await createRootReader(join(dir, 'root'))('app.json')).toBe('{}')
  })

  it('does not read above the root', async () => {
    expect(await createRootReader(join(dir, 'root'))('../secret.txt')).toBeNull()
  })

  it('does not follow a symlink out of the root', async () => {
    expect(await createRootReader(join(dir, 'root'))('link.txt')).toBeNull()
  })
})

describe('compile time', () => {
  it('of the 10-page fixture (printed, not asserted)', async () => {
    const fromDisk = createRootReader(join(FIXTURES, 'ten-pages'))
    const edits: Record<string, string> = {}
    const readFile: ReadProjectFile = async (path) => edits[path] ?? fromDisk(path)
    const cold = performance.now()
    const compiler = new ProjectCompiler({ readFile, rpx: IPHONE_SE })
    const result = await compiler.compile()
    const coldMs = performance.now() - cold
    edits['pages/p3/p3.wxml'] = `${await fromDisk('pages/p3/p3.wxml')}<view>edited</view>`
    const warm = performance.now()
    await compiler.recompileFile('pages/p3/p3.wxml')
    const warmMs = performance.now() - warm
    compiler.dispose()
    console.log(
      `10-page fixture: full compile ${coldMs.toFixed(1)} ms (template compiler already loaded), ` +
        `recompile after one .wxml edit ${warmMs.toFixed(1)} ms`,
    )
    expect(result.errors).toEqual([])
    expect(result.templates).toHaveLength(11)
  })
})
