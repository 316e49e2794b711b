/**
 * WXSS → CSS with postcss. Two stages, so a device change only redoes the cheap second one:
 * `bundleWxss` inlines `@import`s and scopes classes (per file content, cached by the caller);
 * `applyRpx` turns rpx into px for one device width.
 *
 * rpx becomes px, not `calc(var(--rpx) * N)`: custom properties are not allowed in `@media`
 * conditions, and WeChat itself rounds every rpx value down to whole pixels with a 1px floor for
 * hairlines, which only a computed px value reproduces. Changing device recompiles, which is this
 * cheap second stage only.
 */
import postcss, { type AtRule, type ChildNode, CssSyntaxError, type Root } from 'postcss'
import selectorParser from 'postcss-selector-parser'
import { mayHaveRpx, type RpxOptions, transformRpx } from '../../../shared/inline-style'
import type { CompileError } from './types'
import { resolveProjectPath } from './project-paths'
import type { StyleSource } from './style-languages'

/**
 * Reads a style file by root-relative path: a .wxss as text, a .less/.scss/.sass already compiled
 * (`style-languages.ts`); `null` when missing.
 */
export type ReadWxss = (path: string) => Promise<string | StyleSource | null>

export interface WxssBundle {
  /** CSS with imports inlined and classes scoped; rpx still in place. */
  css: string
  /** Every style file read (the entry and a compiled file's imports included), for invalidation. */
  files: string[]
  errors: CompileError[]
}

/**
 * Reads `entry` and its `@import`s (relative or root-absolute, cycles reported) into one sheet;
 * with `prefix`, classes become `PREFIX--class` and `:host` becomes `[wx-host=PREFIX]`, as
 * glass-easel names them for an isolated component.
 */
export async function bundleWxss(
  entry: string,
  read: ReadWxss,
  prefix: string | undefined,
): Promise<WxssBundle> {
  const files: string[] = []
  const errors: CompileError[] = []
  const root = await loadInlined(entry, read, [], files, errors)
  if (root) matchPrefixedIds(root)
  if (root && prefix !== undefined) scopeSelectors(root, prefix)
  return { css: root ? root.toString() : '', files, errors }
}

async function loadInlined(
  path: string,
  read: ReadWxss,
  stack: string[],
  files: string[],
  errors: CompileError[],
): Promise<Root | null> {
  const loaded = await read(path)
  if (!files.includes(path)) files.push(path)
  if (loaded === null) return null
  if (typeof loaded !== 'string') {
    for (const file of loaded.files) if (!files.includes(file)) files.push(file)
    errors.push(...loaded.errors)
  }
  const source = typeof loaded === 'string' ? loaded : loaded.css
  let root: Root
  try {
    root = postcss.parse(source, { from: path })
  } catch (error) {
    if (error instanceof CssSyntaxError) {
      errors.push({
        file: path,
        line: error.line ?? 1,
        column: error.column ?? 1,
        message: error.reason,
      })
      return null
    }
    throw error
  }
  const imports: AtRule[] = []
  root.walkAtRules('import', (rule) => {
    imports.push(rule)
  })
  for (const rule of imports) {
    const target = importTarget(rule.params)
    if (target === null) continue
    const at = {
      file: path,
      line: rule.source?.start?.line ?? 1,
      column: rule.source?.start?.column ?? 1,
    }
    const resolved = resolveProjectPath(path, target)
    if (resolved === null) {
      errors.push({ ...at, message: `@import "${target}" points outside the project` })
      rule.remove()
      continue
    }
    const chain = [...stack, path]
    if (chain.includes(resolved)) {
      const cycle = [...chain.slice(chain.indexOf(resolved)), resolved]
      errors.push({ ...at, message: `@import cycle: ${cycle.join(' → ')}` })
      rule.remove()
      continue
    }
    const imported = await loadInlined(resolved, read, [...stack, path], files, errors)
    if (imported === null) {
      if (!errors.some((e) => e.file === resolved)) {
        errors.push({ ...at, message: `@import "${target}": file not found (${resolved})` })
      }
      rule.remove()
      continue
    }
    rule.replaceWith(imported.nodes as ChildNode[])
  }
  return root
}

/** The local file an `@import` names, or `null` for remote ones, which stay as they are. */
function importTarget(params: string): string | null {
  const value = postcss.list.space(params)[0] ?? ''
  const inner = /^url\((.*)\)$/i.test(value) ? value.slice(4, -1).trim() : value
  const unquoted = /^(["']).*\1$/.test(inner) ? inner.slice(1, -1) : inner
  if (unquoted === '' || /^[a-z][a-z0-9+.-]*:/i.test(unquoted) || unquoted.startsWith('//')) {
    return null
  }
  return unquoted
}

/**
 * Every component writes its elements' ids as `PREFIX--id` (glass-easel's id prefix, one per
 * component instance), so `#id` alone would match nothing: it becomes
 * `:is(#id, [id$="--id"])`, keeping an id selector's specificity, as WeChat's `#id` rules apply.
 */
function matchPrefixedIds(root: Root): void {
  const transform = selectorParser((selectors) => {
    selectors.walkIds((node) => {
      const prefixed = selectorParser.attribute({
        attribute: 'id',
        operator: '$=',
        value: `--${node.value}`,
        quoteMark: '"',
        raws: {},
      })
      prefixed.setValue(`--${node.value}`, { quoteMark: '"' })
      const either = selectorParser.pseudo({ value: ':is' })
      either.append(selectorParser.selector({ value: '', nodes: [node.clone()] }))
      either.append(selectorParser.selector({ value: '', nodes: [prefixed] }))
      node.replaceWith(either)
    })
  })
  root.walkRules((rule) => {
    const parent = rule.parent
    if (parent?.type === 'atrule' && /keyframes$/i.test((parent as AtRule).name)) return
    if (rule.selector.includes('#')) rule.selector = transform.processSync(rule.selector)
  })
}

function scopeSelectors(root: Root, prefix: string): void {
  const transform = selectorParser((selectors) => {
    selectors.walkClasses((node) => {
      node.value = `${prefix}--${node.value}`
    })
    selectors.walkPseudos((node) => {
      if (node.value !== ':host') return
      const hostAttribute = selectorParser.attribute({
        attribute: 'wx-host',
        operator: '=',
        value: prefix,
        quoteMark: '"',
        raws: {},
      })
      // `:host(.a)` → the host attribute followed by the (already scoped) inner compound.
      const inner = node.nodes[0]?.nodes.map((n) => n.clone()) ?? []
      node.replaceWith(hostAttribute, ...inner)
    })
  })
  root.walkRules((rule) => {
    const parent = rule.parent
    if (parent?.type === 'atrule' && /keyframes$/i.test((parent as AtRule).name)) return
    rule.selector = transform.processSync(rule.selector)
  })
}

/** Converts rpx to px in every declaration and in `@media` / `@supports` conditions. */
export function applyRpx(css: string, options: RpxOptions): string {
  if (!mayHaveRpx(css)) return css
  const root = postcss.parse(css)
  root.walkDecls((decl) => {
    if (mayHaveRpx(decl.value)) decl.value = transformRpx(decl.value, options)
  })
  root.walkAtRules((rule) => {
    if (rule.name !== 'import' && mayHaveRpx(rule.params)) {
      rule.params = transformRpx(rule.params, options)
    }
  })
  return root.toString()
}
