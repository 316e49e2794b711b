import { describe, expect, it } from 'vitest'
import { evaluateScript } from './evaluate-script'
import { dirOf, joinPath, ModuleLoader, resolveModule } from './module-loader'

describe('paths', () => {
  it.each([
    ['pages/index', './a', 'pages/index/a'],
    ['pages/index', '../../utils/x', 'utils/x'],
    ['pages/index', '/utils/x', 'utils/x'],
    ['pages/index', 'utils/x', 'pages/index/utils/x'],
    ['', '../../x', 'x'],
    ['a', './b/./c//d', 'a/b/c/d'],
  ])('joins %j and %j as %j', (dir, path, joined) => {
    expect(joinPath(dir, path)).toBe(joined)
  })

  it('takes the folder of a file path', () => {
    expect(dirOf('pages/index/index.js')).toBe('pages/index')
    expect(dirOf('app.js')).toBe('')
  })
})

describe('resolveModule', () => {
  const files = new Set([
    'utils/util.js',
    'pages/index/local.js',
    'miniprogram_npm/pkg/index.js',
    'miniprogram_npm/single.js',
    'pages/miniprogram_npm/near/index.js',
    'data.json',
  ])
  const exists = (path: string) => files.has(path)

  it('finds a file with or without .js', () => {
    expect(resolveModule('../../utils/util', 'pages/index', exists)).toBe('utils/util.js')
    expect(resolveModule('../../utils/util.js', 'pages/index', exists)).toBe('utils/util.js')
  })

  it('finds a bare path next to the requiring file first', () => {
    expect(resolveModule('local', 'pages/index', exists)).toBe('pages/index/local.js')
  })

  it('finds a package in the nearest miniprogram_npm up the tree', () => {
    expect(resolveModule('near', 'pages/index', exists)).toBe('pages/miniprogram_npm/near/index.js')
    expect(resolveModule('pkg', 'pages/index', exists)).toBe('miniprogram_npm/pkg/index.js')
    expect(resolveModule('single', 'pages/index', exists)).toBe('miniprogram_npm/single.js')
  })

  it('does not look in miniprogram_npm for relative paths', () => {
    expect(resolveModule('./pkg', '', exists)).toBeUndefined()
  })

  it('only resolves JavaScript files', () => {
    expect(resolveModule('/data.json', '', exists)).toBeUndefined()
  })
})

describe('ModuleLoader', () => {
  function loader(files: Record<string, string>, globals: Record<string, unknown> = {}) {
    return new ModuleLoader({ files, evaluate: evaluateScript, scopeFor: () => globals })
  }

  it('gives each module its globals as free variables', () => {
    const modules = loader({ 'a.js': 'module.exports = greeting + "!"' }, { greeting: 'hi' })
    expect(modules.load('a.js')).toBe('hi!')
  })

  it("lets a module declare its own binding with a global's name", () => {
    const modules = loader(
      { 'a.js': 'const greeting = "own"; module.exports = greeting' },
      { greeting: 'hi' },
    )
    expect(modules.load('a.js')).toBe('own')
  })

  it('runs a module again after it threw, as Node does', () => {
    const modules = loader(
      { 'a.js': 'count.n += 1; if (count.n === 1) throw new Error("first")' },
      { count: { n: 0 } },
    )
    expect(() => modules.load('a.js')).toThrow('first')
    expect(modules.load('a.js')).toEqual({})
  })

  it('names the file and line in the stack of an exception', () => {
    const modules = loader({ 'lib/x.js': '\n\nthrow new Error("here")' })
    let stack = ''
    try {
      modules.load('lib/x.js')
    } catch (error) {
      stack = (error as Error).stack ?? ''
    }
    expect(stack).toContain('lib/x.js:3:')
  })

  it('require.async gives a promise of the module, and rejects for one that is missing', async () => {
    const modules = loader({
      'pages/a.js':
        'module.exports = { found: require.async("../sub/b"), missing: require.async("./nope") }',
      'sub/b.js': 'module.exports = "b"',
    })
    const { found, missing } = modules.load('pages/a.js') as Record<string, Promise<unknown>>
    await expect(found).resolves.toBe('b')
    await expect(missing).rejects.toThrow('module "pages/nope.js" is not defined')
    await expect(missing).rejects.toMatchObject({
      mod: './nope',
      errMsg: expect.stringContaining('module "pages/nope.js" is not defined'),
    })
  })

  it('refuses a require argument that is not a string', () => {
    const modules = loader({ 'a.js': 'require(1)' })
    expect(() => modules.load('a.js')).toThrow('require args must be a string, got number')
  })
})
