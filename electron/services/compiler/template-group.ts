/**
 * One long-lived glass-easel `TmplGroup` for a project: templates and WXS scripts are added,
 * replaced and removed one file at a time, and the group's code is regenerated on demand.
 */
import { Script } from 'node:vm'
import type { TmplGroup } from 'glass-easel-template-compiler'
import type { CompileError } from './types'
import { originalPosition, rewriteEventAttributes } from './wxml-event-attributes'
import { rewriteWxsSource } from './wxs-source'
import { findWxsRequires, WXS_RUNTIME_SCRIPT } from './wxs-runtime'
import { resolveProjectPath } from './project-paths'

type TemplateCompilerModule = typeof import('glass-easel-template-compiler')

let compilerModule: Promise<TemplateCompilerModule> | undefined

/**
 * The compiler's entry compiles its WASM synchronously when imported (a few hundred ms), so it is
 * imported once, on first use, and shared.
 */
function loadTemplateCompiler(): Promise<TemplateCompilerModule> {
  compilerModule ??= import('glass-easel-template-compiler')
  return compilerModule
}

/** A diagnostic as `TmplGroup.addTmpl` returns it (0-based positions). */
interface TemplateDiagnostic {
  isError: boolean
  message: string
  startLine: number
  startColumn: number
}

export interface FileDiagnostics {
  errors: CompileError[]
  warnings: CompileError[]
}

/** What a broken WXS module is replaced with, so the rest of the group still evaluates. */
const EMPTY_WXS_MODULE = 'module.exports={}'

/**
 * A template built by 构建 npm (or the bundled WeUI): its markup warnings are not the developer's
 * to fix and WeChat's tool shows none (TDesign's published `badge.wxml` repeats `aria-hidden` and
 * `aria-label` on one element); its errors are still reported.
 */
function isPackaged(path: string): boolean {
  return path.split('/').includes('miniprogram_npm')
}

export class TemplateGroup {
  private readonly group: TmplGroup
  private readonly templateSources = new Map<string, string>()
  private readonly scriptSources = new Map<string, string>()
  private readonly templateDiagnostics = new Map<string, FileDiagnostics>()
  private readonly scriptDiagnostics = new Map<string, FileDiagnostics>()
  /** Templates left out of the group because their markup does not parse. */
  private readonly brokenTemplates = new Set<string>()
  /** The group's code since the last change; null: generate it again. */
  private generated: string | null = null

  static async create(): Promise<TemplateGroup> {
    const { TmplGroup } = await loadTemplateCompiler()
    return new TemplateGroup(new TmplGroup())
  }

  private constructor(group: TmplGroup) {
    this.group = group
    this.group.setExtraRuntimeScript(WXS_RUNTIME_SCRIPT)
  }

  /**
   * Compiles `source` as the template at `path` (no `.wxml`), unless that exact source is already
   * in. A template with markup errors is left out of the group; its diagnostics are kept.
   */
  setTemplate(path: string, source: string): FileDiagnostics {
    const known = this.templateDiagnostics.get(path)
    if (known && this.templateSources.get(path) === source) return known
    const file = `${path}.wxml`
    this.generated = null
    const rewrite = rewriteEventAttributes(source)
    const found = this.group.addTmpl(path, rewrite.code) as TemplateDiagnostic[]
    const diagnostics: FileDiagnostics = { errors: [], warnings: [] }
    for (const d of found) {
      if (!d.isError && isPackaged(path)) continue
      const at = originalPosition(rewrite, source, d.startLine, d.startColumn)
      const entry = { file, line: at.line + 1, column: at.column + 1, message: d.message }
      ;(d.isError ? diagnostics.errors : diagnostics.warnings).push(entry)
    }
    if (diagnostics.errors.length === 0) {
      for (const name of this.group.getInlineScriptModuleNames(path) as string[]) {
        const script = this.group.getInlineScript(path, name)
        const problem = wxsSyntaxError(script, file)
        if (problem) {
          const startLine = this.group.getInlineScriptStartLine(path, name)
          diagnostics.errors.push({ ...problem, line: startLine + problem.line })
          this.group.setInlineScript(path, name, EMPTY_WXS_MODULE)
        } else {
          const rewritten = rewriteWxsSource(script)
          if (rewritten !== script) this.group.setInlineScript(path, name, rewritten)
        }
      }
    }
    if (found.some((d) => d.isError)) {
      this.group.removeTmpl(path)
      this.brokenTemplates.add(path)
    } else {
      this.brokenTemplates.delete(path)
      const generated = generatedCodeError(this.group.getTmplGenObject(path), file)
      if (generated) diagnostics.errors.push(generated)
    }
    this.templateSources.set(path, source)
    this.templateDiagnostics.set(path, diagnostics)
    return diagnostics
  }

  /** Adds the .wxs module at `path` (no `.wxs`); a module with a syntax error exports `{}`. */
  setScript(path: string, source: string): FileDiagnostics {
    const known = this.scriptDiagnostics.get(path)
    if (known && this.scriptSources.get(path) === source) return known
    this.generated = null
    const problem = wxsSyntaxError(source, `${path}.wxs`)
    this.group.addScript(path, problem ? EMPTY_WXS_MODULE : rewriteWxsSource(source))
    const diagnostics: FileDiagnostics = { errors: problem ? [problem] : [], warnings: [] }
    this.scriptSources.set(path, source)
    this.scriptDiagnostics.set(path, diagnostics)
    return diagnostics
  }

  removeTemplate(path: string): void {
    if (!this.templateSources.delete(path)) return
    this.templateDiagnostics.delete(path)
    this.brokenTemplates.delete(path)
    this.group.removeTmpl(path)
    this.generated = null
  }

  removeScript(path: string): void {
    if (!this.scriptSources.delete(path)) return
    this.scriptDiagnostics.delete(path)
    this.group.removeScript(path)
    this.generated = null
  }

  templatePaths(): string[] {
    return [...this.templateSources.keys()]
  }

  scriptPaths(): string[] {
    return [...this.scriptSources.keys()]
  }

  /** Whether the template at `path` compiled (is in the group's code). */
  hasTemplate(path: string): boolean {
    return this.templateSources.has(path) && !this.brokenTemplates.has(path)
  }

  /**
   * Templates imported or included by `path`, and the .wxs modules it uses through `<wxs src>` or
   * `require` in an inline module (paths without extension).
   */
  dependencies(path: string): { templates: string[]; scripts: string[] } {
    if (!this.hasTemplate(path)) return { templates: [], scripts: [] }
    const required = (this.group.getInlineScriptModuleNames(path) as string[])
      .flatMap((name) => findWxsRequires(this.group.getInlineScript(path, name)))
      .map((target) => resolveProjectPath(path, target))
      .filter((resolved): resolved is string => resolved !== null)
      .map((resolved) => resolved.replace(/\.wxs$/, ''))
    return {
      templates: this.group.getDirectDependencies(path) as string[],
      scripts: [...(this.group.getScriptDependencies(path) as string[]), ...required],
    }
  }

  diagnostics(): FileDiagnostics {
    const all: FileDiagnostics = { errors: [], warnings: [] }
    for (const d of [...this.templateDiagnostics.values(), ...this.scriptDiagnostics.values()]) {
      all.errors.push(...d.errors)
      all.warnings.push(...d.warnings)
    }
    return all
  }

  /** The group list as JavaScript source: `new Function('return ' + code)()` evaluates it. */
  code(): string {
    // Generating covers every template: a save of a script or a style skips it.
    this.generated ??= this.group.getTmplGenObjectGroups()
    return this.generated
  }

  free(): void {
    this.group.free()
  }
}

/**
 * The group is evaluated as one unit in the iframe, so each template's generated code must at
 * least parse; checked per template when it changes (parsing the whole group's code after every
 * save would cost as much as the rest of a recompile).
 */
function generatedCodeError(code: string, file: string): CompileError | null {
  try {
    new Script(`(${code})`)
    return null
  } catch (error) {
    const message = `generated template code: ${error instanceof Error ? error.message : String(error)}`
    return { file, line: 1, column: 1, message }
  }
}

/**
 * Checks WXS syntax without running it (the generated group would otherwise fail to evaluate as a
 * whole). V8 reports the line in the stack and marks the column with `^` under the source line.
 */
function wxsSyntaxError(source: string, file: string): CompileError | null {
  try {
    new Script(`(function(require,exports,module){\n${source}\n})`, { filename: file })
    return null
  } catch (error) {
    if (!(error instanceof SyntaxError)) throw error
    const lines = (error.stack ?? '').split('\n')
    const line = Number(/:(\d+)$/.exec(lines[0] ?? '')?.[1] ?? 2) - 1
    const caret = (lines[2] ?? '').indexOf('^')
    return {
      file,
      line: Math.max(line, 1),
      column: caret < 0 ? 1 : caret + 1,
      message: error.message,
    }
  }
}
