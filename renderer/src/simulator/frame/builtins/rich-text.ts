/**
 * `<rich-text>`: `nodes` as an HTML string or WeChat's node array, rebuilt from a whitelist of
 * tags and attributes: scripts, style sheets, event-handler attributes and `javascript:` URLs
 * never reach the page.
 */
import type * as glassEasel from 'glass-easel'
import { defineBuiltin, type Data } from './define'

const TAGS = new Set(
  (
    'a abbr address article aside b bdi bdo big blockquote br caption center cite code col ' +
    'colgroup dd del div dl dt em fieldset font footer h1 h2 h3 h4 h5 h6 header hr i img ins ' +
    'label legend li mark nav ol p pre q rt ruby s section small span strong sub sup table tbody ' +
    'td tfoot th thead tr tt u ul'
  ).split(' '),
)

const COMMON_ATTRIBUTES = new Set(['class', 'style', 'id', 'dir', 'title'])

const TAG_ATTRIBUTES: Record<string, Set<string>> = {
  col: new Set(['span', 'width']),
  colgroup: new Set(['span', 'width']),
  font: new Set(['color', 'face', 'size']),
  img: new Set(['alt', 'src', 'height', 'width']),
  ol: new Set(['start', 'type']),
  table: new Set(['width', 'border', 'cellpadding', 'cellspacing', 'frame', 'rules', 'align']),
  td: new Set(['colspan', 'height', 'rowspan', 'width', 'align', 'valign']),
  th: new Set(['colspan', 'height', 'rowspan', 'width', 'align', 'valign']),
  tr: new Set(['align', 'valign']),
}

/** A node of WeChat's array form. */
export interface RichTextNode {
  type?: 'node' | 'text'
  name?: string
  attrs?: Record<string, unknown>
  children?: RichTextNode[]
  text?: string
}

function allowedAttribute(tag: string, name: string, value: string): boolean {
  const lower = name.toLowerCase()
  if (!COMMON_ATTRIBUTES.has(lower) && !TAG_ATTRIBUTES[tag]?.has(lower)) return false
  if (lower === 'src') return /^(https?:|data:image\/)/i.test(value.trim())
  if (lower === 'style') return !/expression\s*\(|javascript:|url\s*\(|@import/i.test(value)
  return true
}

/** Limits nesting, so a hostile `nodes` cannot exhaust the stack. */
const MAX_DEPTH = 200

function appendNode(parent: Node, node: RichTextNode, doc: Document, depth: number): void {
  if (depth > MAX_DEPTH) return
  if (node.type === 'text') {
    parent.appendChild(doc.createTextNode(decodeEntities(String(node.text ?? ''))))
    return
  }
  const tag = String(node.name ?? '').toLowerCase()
  if (!TAGS.has(tag)) return
  const element = doc.createElement(tag)
  for (const [name, raw] of Object.entries(node.attrs ?? {})) {
    const value = String(raw)
    if (allowedAttribute(tag, name, value)) element.setAttribute(name.toLowerCase(), value)
  }
  for (const child of node.children ?? []) appendNode(element, child, doc, depth + 1)
  parent.appendChild(element)
}

const ENTITIES: Record<string, string> = {
  nbsp: '\u00a0',
  ensp: '\u2002',
  emsp: '\u2003',
  lt: '<',
  gt: '>',
  amp: '&',
  quot: '"',
  apos: "'",
}

/** Text of the array form may carry entities (`&nbsp;`, `&#20013;`), as WeChat decodes them. */
export function decodeEntities(text: string): string {
  return text.replace(/&(#x[\da-f]+|#\d+|[a-z]+);/gi, (whole, name: string) => {
    if (name[0] !== '#') return ENTITIES[name.toLowerCase()] ?? whole
    const code =
      name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : Number(name.slice(1))
    return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole
  })
}

/** Elements without content, and elements whose content is raw text (skipped whole). */
const VOID_TAGS = new Set(
  'area base br col embed hr img input link meta param source track wbr'.split(' '),
)
const RAW_TEXT_TAGS = new Set(['script', 'style', 'textarea', 'title', 'xmp', 'noscript'])

const ATTRIBUTE = /([^\s"'<>/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+)))?/g
const OPEN_TAG =
  /^<([a-zA-Z][\w-]*)((?:\s+[^\s"'<>/=]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'=<>`]+))?)*)\s*(\/?)>/
const CLOSE_TAG = /^<\/([a-zA-Z][\w-]*)\s*>/

/**
 * WeChat's node array for an HTML string. A small tokenizer of its own: the browser's parser
 * would create the elements (event-handler attributes included) even in an inert document.
 */
export function parseHtml(html: string): RichTextNode[] {
  const root: RichTextNode = { name: '', children: [] }
  const stack: RichTextNode[] = [root]
  const top = () => stack[stack.length - 1]
  const text = (value: string) => {
    if (value) top().children?.push({ type: 'text', text: value })
  }
  let rest = html
  for (let steps = 0; rest && steps < 1_000_000; steps += 1) {
    const lt = rest.indexOf('<')
    if (lt < 0) {
      text(rest)
      break
    }
    text(rest.slice(0, lt))
    rest = rest.slice(lt)
    if (rest.startsWith('<!--')) {
      const end = rest.indexOf('-->')
      rest = end < 0 ? '' : rest.slice(end + 3)
      continue
    }
    const close = CLOSE_TAG.exec(rest)
    if (close) {
      const name = close[1].toLowerCase()
      const at = stack.map((n) => n.name).lastIndexOf(name)
      if (at > 0) stack.length = at
      rest = rest.slice(close[0].length)
      continue
    }
    const open = OPEN_TAG.exec(rest)
    if (!open) {
      if (rest.startsWith('<!') || rest.startsWith('<?')) {
        const end = rest.indexOf('>')
        rest = end < 0 ? '' : rest.slice(end + 1)
      } else {
        text('<')
        rest = rest.slice(1)
      }
      continue
    }
    rest = rest.slice(open[0].length)
    const name = open[1].toLowerCase()
    if (RAW_TEXT_TAGS.has(name)) {
      const end = rest.toLowerCase().indexOf(`</${name}`)
      rest = end < 0 ? '' : rest.slice(rest.indexOf('>', end) + 1 || rest.length)
      continue
    }
    const attrs: Record<string, string> = {}
    for (const match of open[2].matchAll(ATTRIBUTE)) {
      attrs[match[1].toLowerCase()] = match[2] ?? match[3] ?? match[4] ?? ''
    }
    const node: RichTextNode = { type: 'node', name, attrs, children: [] }
    top().children?.push(node)
    if (!VOID_TAGS.has(name) && !open[3]) stack.push(node)
  }
  return root.children ?? []
}

/** Renders `nodes` (string or array) into `container`, replacing what was there. */
export function renderRichText(container: HTMLElement, nodes: unknown): void {
  const doc = container.ownerDocument
  const list = typeof nodes === 'string' ? parseHtml(nodes) : Array.isArray(nodes) ? nodes : []
  const fragment = doc.createDocumentFragment()
  for (const node of list as RichTextNode[]) {
    if (typeof node === 'object' && node !== null) appendNode(fragment, node, doc, 0)
  }
  container.replaceChildren(fragment)
}

export function defineRichText(space: glassEasel.ComponentSpace): void {
  defineBuiltin(space, 'rich-text', {
    properties: {
      nodes: { type: null, value: [] },
      space: { type: String, value: '' },
    },
    render({ host }) {
      return (d: Data) => {
        renderRichText(host, d.nodes)
        host.setAttribute('space', String(d.space))
      }
    },
  })
}
