import { parse, type Node } from 'acorn'

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

/** Rewrites `x.constructor` reads; source that does not parse is returned as it is. */
export function rewriteWxsConstructor(source: string): string {
  if (!source.includes('constructor')) return source
  let program: Node
  try {
    program = parse(source, {
      ecmaVersion: 'latest',
      sourceType: 'script',
      allowReturnOutsideFunction: true,
    })
  } catch {
    return source
  }
  const reads: MemberNode[] = []
  visit(program, null, reads)
  if (reads.length === 0) return source
  reads.sort((a, b) => a.start - b.start || b.end - a.end)
  return render(source, 0, source.length, reads)
}

function visit(node: Node, parent: Node | null, reads: MemberNode[]): void {
  if (isConstructorRead(node, parent)) reads.push(node)
  for (const value of Object.values(node)) {
    const children: unknown[] = Array.isArray(value) ? value : [value]
    for (const child of children) {
      if (child && typeof (child as Node).type === 'string') visit(child as Node, node, reads)
    }
  }
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
