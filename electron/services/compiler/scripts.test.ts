import { describe, expect, it } from 'vitest'
import { inlineSourceMap } from '../../../shared/runtime/source-mapped-stack'
import { chooseScriptSources, ScriptCompiler } from './scripts'

/** Runs CommonJS `code` with a `require` over `modules` and returns its exports. */
function run(code: string, modules: Record<string, unknown> = {}): Record<string, unknown> {
  const module = { exports: {} as Record<string, unknown> }
  new Function('require', 'module', 'exports', code)(
    (name: string) => modules[name],
    module,
    module.exports,
  )
  return module.exports
}

describe('ScriptCompiler', () => {
  it('ships a plain CommonJS file untouched, with no map', async () => {
    const source = 'var a = 1\n\nmodule.exports = { a: a }'
    const compiled = await new ScriptCompiler().compile('utils/a.js', source)
    expect(compiled).toEqual({ code: source, requires: [], errors: [] })
  })

  it('turns ES modules into CommonJS with __esModule/default interop and an inline map', async () => {
    const compiled = await new ScriptCompiler().compile(
      'utils/b.js',
      "import def, { x } from './cjs'\nexport * from './more'\nexport * as ns from './ns'\nexport default def + x",
    )
    expect(compiled.errors).toEqual([])
    const exports = run(compiled.code, {
      './cjs': Object.assign(() => 0, { x: 2 }), // a CommonJS module: default is module.exports
      './more': { extra: 'e' },
      './ns': { __esModule: true, default: 'd', y: 3 },
    })
    expect(exports.__esModule).toBe(true)
    expect(typeof exports.default).toBe('string')
    expect(exports.extra).toBe('e')
    expect((exports.ns as Record<string, unknown>).y).toBe(3)
    expect(inlineSourceMap(compiled.code)?.sources).toEqual(['utils/b.js'])
  })

  it('strips TypeScript types', async () => {
    const compiled = await new ScriptCompiler().compile(
      'pages/a/index.ts',
      'interface Item { id: number }\nconst item: Item = { id: 7 }\nexport const id: number = item.id',
    )
    expect(run(compiled.code).id).toBe(7)
  })

  it('locates syntax and type-syntax errors and makes the module throw them', async () => {
    const compiled = await new ScriptCompiler().compile(
      'pages/a/index.ts',
      'const ok = 1\nconst a: = 3',
    )
    expect(compiled.errors).toEqual([
      { file: 'pages/a/index.ts', line: 2, column: 10, message: 'Unexpected "="' },
    ])
    expect(() => run(compiled.code)).toThrow('pages/a/index.ts:2:10: Unexpected "="')
    const plain = await new ScriptCompiler().compile('utils/c.js', 'var a = 1\nvar b = ;')
    expect(plain.errors[0]).toMatchObject({ file: 'utils/c.js', line: 2, column: 9 })
  })

  it('refuses dynamic import() where it is written', async () => {
    const compiled = await new ScriptCompiler().compile(
      'utils/d.js',
      "export const a = 1\n\nexport function later() {\n  return import('./e')\n}",
    )
    expect(compiled.errors).toEqual([
      expect.objectContaining({ file: 'utils/d.js', line: 4, column: 10 }),
    ])
    expect(compiled.errors[0].message).toContain('dynamic import()')
  })

  it('transforms a file again only when its content changed', async () => {
    const compiler = new ScriptCompiler()
    const first = compiler.compile('a.js', 'export const a = 1')
    expect(compiler.compile('a.js', 'export const a = 1')).toBe(first)
    expect(compiler.compile('a.js', 'export const a = 2')).not.toBe(first)
  })
})

describe('chooseScriptSources', () => {
  it('prefers a .ts over the .js of the same name only with the TypeScript plugin', () => {
    const files = ['a.js', 'a.ts', 'b.ts', 'types.d.ts', 'c.js', 'c.wxml']
    expect(Object.fromEntries(chooseScriptSources(files, true))).toEqual({
      'a.js': 'a.ts',
      'b.js': 'b.ts',
      'c.js': 'c.js',
    })
    expect(Object.fromEntries(chooseScriptSources(files, false))).toEqual({
      'a.js': 'a.js',
      'c.js': 'c.js',
    })
  })
})

describe('requires', () => {
  it('places each literal require in the source and tells imports from require calls', async () => {
    const compiler = new ScriptCompiler()
    const esm = await compiler.compile(
      'pages/a/a.js',
      "import { x } from './x'\nconst y = require('./y')\nexport default x + y",
    )
    expect(esm.requires).toEqual([
      { request: './x', line: 1, column: 19, statement: true },
      { request: './y', line: 2, column: 11, statement: false },
    ])
    const plain = await compiler.compile(
      'utils/b.js',
      "// require('./not-this')\nvar z = require('./z')\nmodule.exports = z",
    )
    expect(plain.requires).toEqual([{ request: './z', line: 2, column: 9, statement: false }])
  })
})
