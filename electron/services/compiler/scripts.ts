/**
 * The project's scripts as WeChat's ES6→ES5 / 增强编译 delivers them to the app service: every
 * `.js` (and, with the TypeScript plugin, `.ts`, which wins over a `.js` of the same name) as the
 * CommonJS the runtime's module loader runs, keyed by the `.js` path `require` names.
 *
 * A file with ES module syntax or types goes through esbuild's transform API to CommonJS with
 * esbuild's `__esModule`/`default` interop, and carries an inline source map so stack frames are
 * moved back to the source (`shared/runtime/source-mapped-stack.ts`). A plain CommonJS file is
 * only parsed (for its syntax errors) and shipped untouched: its lines and columns are already the
 * source's, so it needs no map and the debugger shows what the developer wrote. A file that does
 * not compile is replaced by code that throws its located error when required, so the rest of the
 * project still runs. Results are cached by content: after a save only that file is transformed.
 */
import { transform, type Message, type TransformOptions } from 'esbuild'
import { SourceMapConsumer, SourceMapGenerator } from 'source-map-js'
import type { CompileError } from './types'

/** What a file needs from the transform; plain CommonJS is only checked. */
const MODULE_SYNTAX = /\b(?:import|export)\b/
/** esbuild's CommonJS form of `import(x)`, which mini-programs do not have. */
const DYNAMIC_IMPORT = 'Promise.resolve().then(() => __toESM(require('
const DYNAMIC_IMPORT_PATTERN = /Promise\.resolve\(\)\.then\(\(\) => __toESM\(require\(/g
const LITERAL_REQUIRE = /(?<![\w$.])require\((".*?(?<!\\)")\)/g
const INLINE_MAP = '//# sourceMappingURL=data:application/json;base64,'

/** A `require("…")` with a literal name (an `import` once compiled), where the source has it. */
export interface ScriptRequire {
  request: string
  line: number
  column: number
  /** Written as an `import`/`export … from` statement, which runs when the module loads. */
  statement: boolean
}

export interface CompiledScript {
  /** What the module loader runs. */
  code: string
  requires: ScriptRequire[]
  errors: CompileError[]
}

export interface CompiledScripts {
  /** CommonJS by the `.js` path `require` names (`pages/a/index.js` also for `index.ts`). */
  scripts: Record<string, string>
  /** The literal requires of each script, by the same path. */
  requires: Record<string, ScriptRequire[]>
  /** The source file each script was compiled from (`pages/a/index.ts`). */
  sources: Record<string, string>
  errors: CompileError[]
}

/** `pages/a/index.ts` → `pages/a/index.js`; `undefined` for anything that is not a script. */
export function scriptPathOf(file: string, typescript: boolean): string | undefined {
  if (file.endsWith('.js')) return file
  if (typescript && file.endsWith('.ts') && !file.endsWith('.d.ts'))
    return `${file.slice(0, -3)}.js`
  return undefined
}

/**
 * The source file of each script path among `files` (project-relative paths): a `.ts` over a
 * `.js` of the same name when `typescript` is on.
 */
export function chooseScriptSources(files: string[], typescript: boolean): Map<string, string> {
  const chosen = new Map<string, string>()
  for (const file of files) {
    const script = scriptPathOf(file, typescript)
    if (script === undefined) continue
    const previous = chosen.get(script)
    if (previous === undefined || file.endsWith('.ts')) chosen.set(script, file)
  }
  return chosen
}

export class ScriptCompiler {
  /** The last result per source file, with the content it was compiled from. */
  private readonly cache = new Map<string, { content: string; result: Promise<CompiledScript> }>()

  /** Compiles one source file (`pages/a/index.ts`), reusing the last result for the same text. */
  compile(file: string, content: string): Promise<CompiledScript> {
    const cached = this.cache.get(file)
    if (cached && cached.content === content) return cached.result
    const result = compileScript(file, content)
    this.cache.set(file, { content, result })
    return result
  }

  /** Compiles every chosen source; `read` gives a file's text, `null` when it is gone. */
  async compileAll(
    sources: Map<string, string>,
    read: (file: string) => Promise<string | null>,
  ): Promise<CompiledScripts> {
    const out: CompiledScripts = { scripts: {}, requires: {}, sources: {}, errors: [] }
    const compiled = await Promise.all(
      [...sources].map(async ([script, file]) => {
        const content = await read(file)
        return { script, file, result: content === null ? null : await this.compile(file, content) }
      }),
    )
    for (const { script, file, result } of compiled) {
      if (!result) continue
      out.scripts[script] = result.code
      out.requires[script] = result.requires
      out.sources[script] = file
      out.errors.push(...result.errors)
    }
    const chosen = new Set(sources.values())
    for (const file of this.cache.keys()) if (!chosen.has(file)) this.cache.delete(file)
    return out
  }
}

async function compileScript(file: string, content: string): Promise<CompiledScript> {
  const typescript = file.endsWith('.ts')
  const converts = typescript || MODULE_SYNTAX.test(content)
  const options: TransformOptions = {
    sourcefile: file,
    loader: typescript ? 'ts' : 'js',
    logLevel: 'silent',
    sourcemap: 'external',
  }
  try {
    if (!converts) {
      // Parsed for its errors and its requires (esbuild's output has no comments to mislead).
      const checked = await transform(content, options)
      const requires = literalRequires(content, checked.code, checked.map, false)
      return { code: content, requires, errors: [] }
    }
    const output = await transform(content, {
      ...options,
      format: 'cjs',
      // Lowered to a recognisable CommonJS form, so each import() can be found and refused.
      supported: { 'dynamic-import': false },
    })
    const errors = dynamicImports(file, output.code, output.map)
    if (errors.length > 0) return failed(errors)
    const map = Buffer.from(output.map).toString('base64')
    return {
      code: `${output.code}${INLINE_MAP}${map}\n`,
      requires: literalRequires(content, output.code, output.map, true),
      errors: [],
    }
  } catch (error) {
    const messages = (error as { errors?: Message[] }).errors
    if (!Array.isArray(messages)) throw error
    return failed(messages.map((message) => located(file, message)))
  }
}

/**
 * A script that does not compile: requiring it throws its first error, located. Its source map
 * points the throw at that error, so the stack (Console, `mpdt run`) names `broken.ts:2:1` rather
 * than the stand-in's own `broken.js:1`.
 */
function failed(errors: CompileError[]): CompiledScript {
  const first = errors[0]
  const message = `${first.file}:${first.line}:${first.column}: ${first.message}`
  const map = new SourceMapGenerator()
  map.addMapping({
    source: first.file,
    generated: { line: 1, column: 0 },
    original: { line: first.line, column: first.column - 1 },
  })
  const inline = Buffer.from(map.toString()).toString('base64')
  const code = `throw new SyntaxError(${JSON.stringify(message)})\n${INLINE_MAP}${inline}\n`
  return { code, requires: [], errors }
}

function located(file: string, message: Message): CompileError {
  const at = message.location
  return {
    file,
    line: at?.line ?? 1,
    column: (at?.column ?? 0) + 1,
    message: message.text,
  }
}

/** Each `import()` in the source, found through its CommonJS form and the source map. */
function dynamicImports(file: string, code: string, map: string): CompileError[] {
  if (!code.includes(DYNAMIC_IMPORT)) return []
  const message =
    'dynamic import() is not supported in mini-programs: use a static import or require()'
  return findInOutput(code, map, DYNAMIC_IMPORT_PATTERN).map(({ line, column }) => ({
    file,
    line,
    column,
    message,
  }))
}

/**
 * `require("x")` calls with a literal name in esbuild's output, placed in the `source`; `modules`:
 * the source is an ES module, whose `import`s esbuild turned into some of these requires.
 */
function literalRequires(
  source: string,
  code: string,
  map: string,
  modules: boolean,
): ScriptRequire[] {
  if (!code.includes('require(')) return []
  const lines = source.split('\n')
  return findInOutput(code, map, LITERAL_REQUIRE).map(({ line, column, match }) => ({
    request: JSON.parse(match[1]) as string,
    line,
    column,
    // esbuild maps the require of an import statement to the name, a require call to `require`.
    statement: modules && isImport(lines[line - 1] ?? '', column - 1),
  }))
}

function isImport(line: string, at: number): boolean {
  return !/^require\b/.test(line.slice(at)) && !/\brequire\s*\(\s*$/.test(line.slice(0, at))
}

/** Matches of `pattern` in `code`, each at its source position through `map`. */
function findInOutput(
  code: string,
  map: string,
  pattern: RegExp,
): { line: number; column: number; match: RegExpMatchArray }[] {
  const consumer = new SourceMapConsumer(JSON.parse(map) as never)
  const found: { line: number; column: number; match: RegExpMatchArray }[] = []
  code.split('\n').forEach((text, index) => {
    for (const match of text.matchAll(pattern)) {
      const original = consumer.originalPositionFor({ line: index + 1, column: match.index ?? 0 })
      found.push({ line: original.line ?? 1, column: (original.column ?? 0) + 1, match })
    }
  })
  return found
}
