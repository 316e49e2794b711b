import { describe, expect, it } from 'vitest'
import { memoryProject } from '../../../tests/helpers/memory-project'
import { ProjectCompiler, compileProject } from './project-compiler'

const IPHONE_SE = { deviceWidth: 375 }
const LESS_AND_SASS = { typescript: false, less: true, sass: true }

const APP_JSON = JSON.stringify({ pages: ['pages/a/a', 'pages/b/b'] })

const page = (extra: Record<string, string>) =>
  memoryProject({
    'app.json': APP_JSON,
    'pages/a/a.wxml': '<view class="x">a</view>',
    'pages/b/b.wxml': '<view>b</view>',
    ...extra,
  })

describe('Less', () => {
  it('compiles a page’s index.less into its style, with rpx and nesting', async () => {
    const { readFile } = page({
      'pages/a/a.less': '@w: 750rpx;\n.x { width: @w; .y { color: red; } }',
    })
    const result = await compileProject({ readFile, rpx: IPHONE_SE, plugins: LESS_AND_SASS })
    expect(result.errors).toEqual([])
    expect(result.styles['pages/a/a']).toContain('width: 375px')
    expect(result.styles['pages/a/a']).toMatch(/\.x \.y \{\s*color: red;/)
  })

  it('gives way to a .wxss of the same name, as WeChat’s tool does', async () => {
    const { readFile } = page({
      'pages/a/a.less': '.x { color: green; }',
      'pages/a/a.wxss': '.x { color: blue; }',
    })
    const result = await compileProject({ readFile, rpx: IPHONE_SE, plugins: LESS_AND_SASS })
    expect(result.styles['pages/a/a']).toContain('blue')
    expect(result.styles['pages/a/a']).not.toContain('green')
  })

  it('takes over when the .wxss of the same name is deleted', async () => {
    const project = page({
      'pages/a/a.less': '.x { color: green; }',
      'pages/a/a.wxss': '.x { color: blue; }',
    })
    const compiler = new ProjectCompiler({
      readFile: project.readFile,
      rpx: IPHONE_SE,
      plugins: LESS_AND_SASS,
    })
    await compiler.compile()
    delete project.files['pages/a/a.wxss']
    const result = await compiler.recompileFile('pages/a/a.wxss')
    expect(result.styles['pages/a/a']).toContain('green')
    compiler.dispose()
  })

  it('is left alone while the plugin is off: the .wxss is used', async () => {
    const { readFile } = page({
      'pages/a/a.less': '.x { color: green; }',
      'pages/a/a.wxss': '.x { color: blue; }',
    })
    const result = await compileProject({ readFile, rpx: IPHONE_SE })
    expect(result.styles['pages/a/a']).toContain('blue')
  })

  it('resolves @import between .less files relative to the file and from the root', async () => {
    const { readFile } = page({
      'styles/vars.less': '@brand: #123456;',
      'styles/mixins.less': '@import "./vars";\n.brand() { color: @brand; }',
      'pages/a/a.less':
        '@import "../../styles/mixins.less";\n@import "/styles/vars";\n.x { .brand(); }',
    })
    const result = await compileProject({ readFile, rpx: IPHONE_SE, plugins: LESS_AND_SASS })
    expect(result.errors).toEqual([])
    expect(result.styles['pages/a/a']).toContain('color: #123456')
  })

  it('gives every file but app.less the variables and mixins of app.less, as WeChat does', async () => {
    const { readFile } = page({
      'app.less': '@red: #f00;\n.page-root { color: @red; }',
      'pages/a/a.less': '.x { color: @red; }',
    })
    const result = await compileProject({ readFile, rpx: IPHONE_SE, plugins: LESS_AND_SASS })
    expect(result.errors).toEqual([])
    expect(result.styles['pages/a/a']).toContain('color: #f00')
    // A reference import: app.less's rules stay in app's sheet only.
    expect(result.styles['pages/a/a']).not.toContain('page-root')
    expect(result.styles.app).toContain('.page-root')
  })

  it('reports a syntax error at file:line:column with less’s message; other pages compile', async () => {
    const { readFile } = page({
      'pages/a/a.less': '.x {\n  color: red;\n  .y { width: 10px;\n}',
      'pages/b/b.less': '.b { color: blue; }',
    })
    const result = await compileProject({ readFile, rpx: IPHONE_SE, plugins: LESS_AND_SASS })
    expect(result.errors).toEqual([
      {
        file: 'pages/a/a.less',
        line: 4,
        column: 2,
        message: 'Unrecognised input. Possibly missing something',
      },
    ])
    expect(result.styles['pages/b/b']).toContain('.b')
    expect(result.templates).toContain('pages/a/a')
  })

  it('locates an undefined variable on the first line despite the app.less import', async () => {
    const { readFile } = page({ 'pages/a/a.less': '.x { color: @nope; }' })
    const result = await compileProject({ readFile, rpx: IPHONE_SE, plugins: LESS_AND_SASS })
    expect(result.errors).toEqual([
      { file: 'pages/a/a.less', line: 1, column: 13, message: 'variable @nope is undefined' },
    ])
  })

  it('reports an error inside an imported file at that file', async () => {
    const { readFile } = page({
      'pages/a/part.less': '\n.p { color: @missing; }',
      'pages/a/a.less': '@import "part";',
    })
    const result = await compileProject({ readFile, rpx: IPHONE_SE, plugins: LESS_AND_SASS })
    expect(result.errors).toEqual([
      { file: 'pages/a/part.less', line: 2, column: 13, message: 'variable @missing is undefined' },
    ])
  })

  it('refuses imports outside the mini-program root, missing files and @plugin', async () => {
    for (const [source, message] of [
      ['@import "../../../secret.less";', '"../../../secret.less" points outside the project'],
      ['@import "nothere";', '"nothere" not found (pages/a/nothere.less)'],
      ['@plugin "evil";', '"evil" cannot be loaded: only style files are (no @plugin)'],
    ]) {
      const { readFile } = page({ 'pages/a/a.less': source, 'pages/a/evil.js': 'x' })
      const result = await compileProject({ readFile, rpx: IPHONE_SE, plugins: LESS_AND_SASS })
      expect(result.errors).toEqual([
        expect.objectContaining({ file: 'pages/a/a.less', line: 1, message }),
      ])
    }
  })

  it('recompiles after a save only the styles that import the saved file', async () => {
    const project = page({
      'shared.less': '@c: red;',
      'pages/a/a.less': '@import "/shared";\n.x { color: @c; }',
      'pages/b/b.less': '.b { color: blue; }',
    })
    const compiler = new ProjectCompiler({
      readFile: project.readFile,
      rpx: IPHONE_SE,
      plugins: LESS_AND_SASS,
    })
    const first = await compiler.compile()
    const untouchedB = first.styles['pages/b/b']
    project.files['shared.less'] = '@c: teal;'
    project.reads.length = 0
    const second = await compiler.recompileFile('shared.less')
    expect(project.reads).toEqual(['shared.less'])
    expect(second.styles['pages/a/a']).toContain('color: teal')
    expect(second.styles['pages/b/b']).toBe(untouchedB)
    compiler.dispose()
  })

  it('a fixed syntax error clears after the save', async () => {
    const project = page({ 'pages/a/a.less': '.x { color: ' })
    const compiler = new ProjectCompiler({
      readFile: project.readFile,
      rpx: IPHONE_SE,
      plugins: LESS_AND_SASS,
    })
    expect((await compiler.compile()).errors).toHaveLength(1)
    project.files['pages/a/a.less'] = '.x { color: red; }'
    const fixed = await compiler.recompileFile('pages/a/a.less')
    expect(fixed.errors).toEqual([])
    expect(fixed.styles['pages/a/a']).toContain('color: red')
    compiler.dispose()
  })
})

describe('Sass', () => {
  it('compiles .scss with @use of a partial and .sass (indented syntax)', async () => {
    const { readFile } = page({
      'styles/_tokens.scss': '$gap: 20rpx;',
      'pages/a/a.scss':
        '@use "../../styles/tokens";\n.x { margin: tokens.$gap; &:active { opacity: .5; } }',
      'pages/b/b.sass': '.b\n  color: blue\n',
    })
    const result = await compileProject({ readFile, rpx: IPHONE_SE, plugins: LESS_AND_SASS })
    expect(result.errors).toEqual([])
    expect(result.styles['pages/a/a']).toContain('margin: 10px')
    expect(result.styles['pages/a/a']).toContain('.x:active')
    expect(result.styles['pages/b/b']).toContain('color: blue')
  })

  it('gives every .scss the members of global.scss, as WeChat does', async () => {
    const { readFile } = page({
      'global.scss': '$red: #f00;',
      'pages/a/a.scss': '.x { color: global.$red; }',
    })
    const result = await compileProject({ readFile, rpx: IPHONE_SE, plugins: LESS_AND_SASS })
    expect(result.errors).toEqual([])
    expect(result.styles['pages/a/a']).toContain('color: #f00')
  })

  it('reports a syntax error at file:line:column with sass’s message', async () => {
    const { readFile } = page({ 'pages/a/a.scss': '.x {\n  color: $nope;\n}' })
    const result = await compileProject({ readFile, rpx: IPHONE_SE, plugins: LESS_AND_SASS })
    expect(result.errors).toEqual([
      { file: 'pages/a/a.scss', line: 2, column: 10, message: 'Undefined variable.' },
    ])
  })

  it('reports a missing @use at the importing file', async () => {
    const { readFile } = page({ 'pages/a/a.scss': '\n@use "nothere";' })
    const result = await compileProject({ readFile, rpx: IPHONE_SE, plugins: LESS_AND_SASS })
    expect(result.errors).toEqual([
      { file: 'pages/a/a.scss', line: 2, column: 1, message: "Can't find stylesheet to import." },
    ])
  })
})
