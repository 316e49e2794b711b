import { parse, type Node } from 'acorn'

/**
 * WXS source rewritten to WeChat's WXS semantics before glass-easel's compiler runs it as
 * JavaScript: string escapes that JavaScript drops keep their backslash, and `x.constructor` is a
 * type name. Source that does not parse is returned as it is (its syntax error is reported
 * elsewhere).
 */
export function rewriteWxsSource(source: string): string {
  return rewriteWxsConstructor(keepUnknownEscapes(source))
}

/**
 * In WXS a backslash before a character with no escape meaning stays in the string, so libraries
 * write regular expressions with single backslashes (Vant's and TDesign's `addUnit`:
 * `getRegExp('^-?\d+(\.\d+)?$')`, TDesign's `'\{year\}'`); JavaScript would drop it (`'\d'` is
 * `'d'`, and `addUnit(40)` would answer `40` instead of `'40px'`). The backslash of each such
 * escape in a string literal is doubled; JavaScript's own escapes are left alone.
 */
function keepUnknownEscapes(source: string): string {
  if (!source.includes('\\')) return source
  const program = parseWxs(source)
  if (!program) return source
  const literals: Node[] = []
  collect(
    program,
    (node) =>
      node.type === 'Literal' && typeof (node as Node & { value: unknown }).value === 'string',
    literals,
  )
  let out = ''
  let at = 0
  for (const literal of literals.sort((a, b) => a.start - b.start)) {
    const raw = source.slice(literal.start, literal.end)
    if (!raw.includes('\\')) continue
    out += source.slice(at, literal.start) + raw.replace(/\\([\s\S])/g, keepBackslash)
    at = literal.end
  }
  return out + source.slice(at)
}

/** JavaScript's escapes in string literals: single characters, octal/`\0`, `\x`, `\u`, line breaks. */
const JS_ESCAPE = /^['"\\bfnrtv0-9xu\n\r\u2028\u2029]$/

function keepBackslash(escape: string, character: string): string {
  return JS_ESCAPE.test(character) ? escape : `\\${escape}`
}

function parseWxs(source: string): Node | null {
  try {
    return parse(source, {
      ecmaVersion: 'latest',
      sourceType: 'script',
      allowReturnOutsideFunction: true,
    })
  } catch {
    return null
  }
}

/** Every node under `node` (itself included) that `accept` takes, in tree order. */
function collect(
  node: Node,
  accept: (node: Node, parent: Node | null) => boolean,
  found: Node[],
  parent: Node | null = null,
): void {
  if (accept(node, parent)) found.push(node)
  for (const value of Object.values(node)) {
    const children: unknown[] = Array.isArray(value) ? value : [value]
    for (const child of children) {
      if (child && typeof (child as Node).type === 'string')
        collect(child as Node, accept, found, node)
    }
  }
}

/**
 * In WXS, `x.constructor` is a string naming the type ('Array', 'Object', 'Function', 'Number',
 * 'String', 'Boolean', 'Date', 'RegExp'), and libraries test it (Vant's `array.wxs`:
 * `array.constructor === 'Array'`). WXS runs in the frame's realm next to the mini-program's own
 * JS, so the prototypes are left alone: each non-computed `<expr>.constructor` read in WXS source
 * becomes a call of this helper, defined by `WXS_RUNTIME_SCRIPT`.
 */
export const WXS_CONSTRUCTOR_HELPER = '__wxsConstructorName'

interface MemberNode extends Node {
  object: Node
  property: Node & { name?: string }
  computed: boolean
}

/** Rewrites `x.constructor` reads. */
function rewriteWxsConstructor(source: string): string {
  if (!source.includes('constructor')) return source
  const program = parseWxs(source)
  if (!program) return source
  const reads: MemberNode[] = []
  collect(program, isConstructorRead, reads)
  if (reads.length === 0) return source
  reads.sort((a, b) => a.start - b.start || b.end - a.end)
  return render(source, 0, source.length, reads)
}

function isConstructorRead(node: Node, parent: Node | null): node is MemberNode {
  if (node.type !== 'MemberExpression') return false
  const member = node as MemberNode
  if (member.computed || member.property.name !== 'constructor') return false
  const written =
    (parent?.type === 'AssignmentExpression' && (parent as Node & { left: Node }).left === node) ||
    (parent?.type === 'UpdateExpression' && (parent as Node & { argument: Node }).argument === node)
  return !written
}

/** `source[from, to)` with every read inside it (outermost first, nested through recursion) replaced. */
function render(source: string, from: number, to: number, reads: MemberNode[]): string {
  let out = ''
  let at = from
  for (const read of reads) {
    if (read.start < at || read.end > to) continue
    out += source.slice(at, read.start)
    const object = render(source, read.object.start, read.object.end, reads)
    out += `${WXS_CONSTRUCTOR_HELPER}(${object})`
    at = read.end
  }
  return out + source.slice(at, to)
}
