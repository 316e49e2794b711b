/**
 * The content of an `<editor>` as WeChat's editor keeps it: a Quill-style document, one item per
 * character or embed, a line ending in a `'\n'` item that carries the line's (block) formats.
 * The DOM is read into items (`readDocument`, which reads only the formats it knows) and items
 * are drawn into fresh DOM (`renderDocument`, which writes only elements and styles it knows), so
 * whatever HTML came in (setContents, typing, a paste) leaves no script, handler or unknown URL.
 * Delta (`toDelta`/`fromDelta`), text and the formats at a selection come from the items.
 */
import { decodeEntities, parseHtml, type RichTextNode } from './rich-text'

export type FormatValue = string | number | true
export type Attributes = Record<string, FormatValue>
export type Embed = { image: string } | { divider: true }

/** One character (never a `'\n'` unless it ends a line), an embed, or a line end. */
export interface Item {
  insert: string | Embed
  attributes: Attributes
}

/** A Quill delta op, as `getContents().delta.ops` gives it. */
export interface DeltaOp {
  insert: string | Embed
  attributes?: Attributes
}

/** Inline flags and the element each is drawn with. */
const FLAG_TAGS: Record<string, string> = {
  bold: 'strong',
  italic: 'em',
  underline: 'u',
  strike: 's',
  ins: 'ins',
}
const TAG_FLAGS: Record<string, string> = {
  strong: 'bold',
  b: 'bold',
  em: 'italic',
  i: 'italic',
  u: 'underline',
  s: 'strike',
  strike: 'strike',
  del: 'strike',
  ins: 'ins',
}

/** CSS formats of text (a `<span style>`), in WeChat's format names. */
const INLINE_STYLES = [
  'color',
  'backgroundColor',
  'font',
  'fontSize',
  'fontStyle',
  'fontVariant',
  'fontWeight',
  'fontFamily',
  'letterSpacing',
  'textDecoration',
  'wordWrap',
  'wordBreak',
  'whiteSpace',
]

/** CSS formats of a line. */
const BLOCK_STYLES = [
  'margin',
  'marginTop',
  'marginBottom',
  'marginLeft',
  'marginRight',
  'padding',
  'paddingTop',
  'paddingBottom',
  'paddingLeft',
  'paddingRight',
  'lineHeight',
  'textIndent',
]

/**
 * The `list` values, as WeChat's editor (Quill) keeps them: a check-list line is `unchecked` or
 * `checked` (`format('list', 'check')` makes one), drawn as `<ul data-checked="false|true">`.
 */
export const LIST_KINDS = ['ordered', 'bullet', 'checked', 'unchecked']

const BLOCK_FORMATS = new Set(['header', 'align', 'direction', 'indent', 'list', ...BLOCK_STYLES])

/** Whether `name` formats whole lines (header, align, list…) rather than text. */
export function isBlockFormat(name: string): boolean {
  return BLOCK_FORMATS.has(name)
}

/** Every format name `format(name, value)` accepts. */
export function isKnownFormat(name: string): boolean {
  return (
    name in FLAG_TAGS || name === 'script' || INLINE_STYLES.includes(name) || isBlockFormat(name)
  )
}

const kebab = (name: string) => name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)

/** A CSS value that cannot load anything or break out of its declaration. */
export function safeCssValue(value: unknown): value is string | number {
  if (typeof value !== 'string' && typeof value !== 'number') return false
  const text = String(value)
  return (
    text.length > 0 &&
    text.length < 200 &&
    !/url\s*\(|expression|javascript:|@import|[;{}<>\\]/i.test(text)
  )
}

/** An image source the editor shows: http(s), a picture's data: URL, a temp file, a cloud file or a package path. */
export function safeImageSource(src: unknown): src is string {
  if (typeof src !== 'string' || !src) return false
  if (/^(https?:|data:image\/|wxfile:|cloud:)/i.test(src)) return true
  return !/^[a-z][\w+.-]*:/i.test(src.trim())
}

const LENGTH = /^\d+(\.\d+)?(px|%|rpx|em|rem|vw)?$/

const sameAttributes = (a: Attributes, b: Attributes): boolean => {
  const keys = Object.keys(a)
  return keys.length === Object.keys(b).length && keys.every((key) => a[key] === b[key])
}

const isLineEnd = (item: Item) => item.insert === '\n'

// ---------------------------------------------------------------------------------------------
// DOM → items

const BLOCK_TAGS = new Set(
  (
    'p div h1 h2 h3 h4 h5 h6 li blockquote pre section article header footer aside nav center ' +
    'address dd dt figure figcaption tr caption main'
  ).split(' '),
)
const SKIPPED_TAGS = new Set(['script', 'style', 'template', 'iframe', 'object', 'embed', 'head'])

function styleOf(element: Element, name: string): string {
  return (element as HTMLElement).style?.getPropertyValue(kebab(name)) ?? ''
}

function inlineAttributesOf(element: Element, tag: string, inherited: Attributes): Attributes {
  const attributes = { ...inherited }
  if (TAG_FLAGS[tag]) attributes[TAG_FLAGS[tag]] = true
  if (tag === 'sub') attributes.script = 'sub'
  if (tag === 'sup') attributes.script = 'super'
  if (tag === 'font') {
    const color = element.getAttribute('color')
    const face = element.getAttribute('face')
    if (color && safeCssValue(color)) attributes.color = color
    if (face && safeCssValue(face)) attributes.fontFamily = face
  }
  for (const name of INLINE_STYLES) {
    const value = styleOf(element, name)
    if (value && safeCssValue(value)) attributes[name] = value
  }
  return attributes
}

function blockAttributesOf(element: Element, tag: string, inherited: Attributes, list?: string) {
  const attributes = { ...inherited }
  const header = /^h([1-6])$/.exec(tag)
  if (header) attributes.header = Number(header[1])
  if (tag === 'li' && list) attributes.list = list
  const classes = (element.getAttribute('class') ?? '').split(/\s+/)
  const align =
    styleOf(element, 'textAlign') ||
    element.getAttribute('align') ||
    classes.find((name) => name.startsWith('ql-align-'))?.slice(9)
  if (align && ['left', 'center', 'right', 'justify'].includes(align)) {
    if (align === 'left') delete attributes.align
    else attributes.align = align
  }
  if (
    styleOf(element, 'direction') === 'rtl' ||
    element.getAttribute('dir') === 'rtl' ||
    classes.includes('ql-direction-rtl')
  )
    attributes.direction = 'rtl'
  const indent = classes.find((name) => /^ql-indent-\d$/.test(name))
  if (indent) attributes.indent = Number(indent.slice(10))
  for (const name of BLOCK_STYLES) {
    const value = styleOf(element, name)
    if (value && safeCssValue(value)) attributes[name] = value
  }
  return attributes
}

function imageOf(element: Element, attributes: Attributes): Item | undefined {
  const src = element.getAttribute('wx-src') ?? element.getAttribute('src') ?? ''
  if (!safeImageSource(src)) return undefined
  const image: Attributes = {}
  for (const name of ['width', 'height']) {
    const value = element.getAttribute(name) ?? styleOf(element, name)
    if (value && LENGTH.test(value)) image[name] = value
  }
  const alt = element.getAttribute('alt')
  if (alt) image.alt = alt
  const extClass = (element.getAttribute('class') ?? '').trim()
  if (extClass && /^[\w\- ]+$/.test(extClass)) image.class = extClass
  for (const name of ['data-custom', 'data-local']) {
    const value = element.getAttribute(name)
    if (value) image[name] = value
  }
  return { insert: { image: src }, attributes: { ...attributes, ...image } }
}

/** A DOM position to find the index of (a selection's end). */
export interface DomPoint {
  node: Node
  offset: number
}

export interface ReadResult {
  items: Item[]
  /** The index of each asked point, or -1 when it is not inside the root. */
  indexes: number[]
}

/** The items of the DOM under `root` and the indexes of `points` in them. */
export function readDocument(root: Node, points: DomPoint[] = []): ReadResult {
  const items: Item[] = []
  const indexes = points.map(() => -1)
  let open: Attributes | null = null
  const close = () => {
    if (open) items.push({ insert: '\n', attributes: open })
    open = null
  }
  const mark = (node: Node, offset: number) => {
    points.forEach((point, at) => {
      if (point.node === node && point.offset === offset) indexes[at] = items.length
    })
  }
  const visit = (
    node: Node,
    inline: Attributes,
    block: Attributes,
    list: string | undefined,
    depth: number,
  ) => {
    if (depth > 200) return
    if (node.nodeType === 3) {
      const data = (node as Text).data
      if (!open && /^[ \t\r\n]*$/.test(data)) {
        points.forEach((point, at) => {
          if (point.node === node) indexes[at] = items.length
        })
        return
      }
      open ??= block
      points.forEach((point, at) => {
        if (point.node === node) indexes[at] = items.length + Math.min(point.offset, data.length)
      })
      for (const char of data.replace(/[\r\n\t]/g, ' '))
        items.push({ insert: char, attributes: inline })
      return
    }
    if (node.nodeType !== 1 && node.nodeType !== 11) return
    const element = node as Element
    const tag = node.nodeType === 1 ? element.tagName.toLowerCase() : ''
    if (SKIPPED_TAGS.has(tag)) return
    if (tag === 'br') {
      if (!open) items.push({ insert: '\n', attributes: block })
      open = null
      return
    }
    if (tag === 'hr') {
      close()
      items.push({ insert: { divider: true }, attributes: {} }, { insert: '\n', attributes: {} })
      return
    }
    if (tag === 'img') {
      const image = imageOf(element, inline)
      if (image) {
        open ??= block
        items.push(image)
      }
      return
    }
    const children = Array.from(node.childNodes)
    const walk = (nextInline: Attributes, nextBlock: Attributes, nextList?: string) => {
      children.forEach((child, at) => {
        mark(node, at)
        visit(child, nextInline, nextBlock, nextList, depth + 1)
      })
      mark(node, children.length)
    }
    if (tag === 'ul' || tag === 'ol') {
      close()
      const checked = element.getAttribute('data-checked')
      const kind =
        tag === 'ol'
          ? 'ordered'
          : checked === null
            ? 'bullet'
            : checked === 'true'
              ? 'checked'
              : 'unchecked'
      walk({}, block, kind)
      close()
      return
    }
    if (BLOCK_TAGS.has(tag)) {
      close()
      const own = blockAttributesOf(element, tag, block, list)
      const before = items.filter(isLineEnd).length
      walk({}, own, undefined)
      close()
      if (items.filter(isLineEnd).length === before) items.push({ insert: '\n', attributes: own })
      return
    }
    walk(tag ? inlineAttributesOf(element, tag, inline) : inline, block, list)
  }
  visit(root, {}, {}, undefined, 0)
  close()
  if (items.length === 0) items.push({ insert: '\n', attributes: {} })
  return { items, indexes }
}

/**
 * The items of untrusted HTML: tokenized without the browser's parser (which would create the
 * elements, handlers included), built in an inert document without `on…` attributes, then read.
 */
export function itemsOfHtml(html: string, inert: Document): Item[] {
  const container = inert.createElement('div')
  const build = (parent: Node, node: RichTextNode, depth: number) => {
    if (depth > 200) return
    if (node.type === 'text') {
      parent.appendChild(inert.createTextNode(decodeEntities(String(node.text ?? ''))))
      return
    }
    const name = String(node.name ?? '')
    if (!/^[a-z][\w-]*$/i.test(name) || SKIPPED_TAGS.has(name.toLowerCase())) return
    const element = inert.createElement(name)
    for (const [key, value] of Object.entries(node.attrs ?? {})) {
      if (/^[a-z][\w-]*$/i.test(key) && !/^on/i.test(key)) element.setAttribute(key, String(value))
    }
    for (const child of node.children ?? []) build(element, child, depth + 1)
    parent.appendChild(element)
  }
  for (const node of parseHtml(html)) build(container, node, 0)
  return readDocument(container).items
}

// ---------------------------------------------------------------------------------------------
// items → DOM

export interface RenderOptions {
  /** Sets the shown source of an `<img>` for the model's `src` (a temp file's blob: URL…). */
  showImage(img: HTMLImageElement, src: string): void
  /** Keeps the model's source on the element (`wx-src`), for reading the live DOM back. */
  keepSource: boolean
}

function applyStyles(element: HTMLElement, attributes: Attributes, names: string[]) {
  for (const name of names) {
    const value = attributes[name]
    if (safeCssValue(value)) element.style.setProperty(kebab(name), String(value))
  }
}

function renderRun(doc: Document, items: Item[], options: RenderOptions): Node {
  const first = items[0]
  const attributes = first.attributes
  let node: Node
  if (typeof first.insert === 'string') {
    node = doc.createTextNode(items.map((item) => item.insert as string).join(''))
  } else {
    const img = doc.createElement('img')
    const src = (first.insert as { image: string }).image
    if (safeImageSource(src)) {
      if (options.keepSource) img.setAttribute('wx-src', src)
      options.showImage(img, src)
    }
    for (const name of ['width', 'height', 'alt', 'class', 'data-custom', 'data-local']) {
      const value = attributes[name]
      if (value === undefined) continue
      if ((name === 'width' || name === 'height') && !LENGTH.test(String(value))) continue
      if (name === 'class' && !/^[\w\- ]+$/.test(String(value))) continue
      img.setAttribute(name, String(value))
    }
    node = img
  }
  const wrap = (tag: string) => {
    const element = doc.createElement(tag)
    element.appendChild(node)
    node = element
  }
  if (attributes.script === 'sub') wrap('sub')
  if (attributes.script === 'super') wrap('sup')
  for (const [flag, tag] of Object.entries(FLAG_TAGS).reverse())
    if (attributes[flag] === true) wrap(tag)
  if (INLINE_STYLES.some((name) => safeCssValue(attributes[name]))) {
    wrap('span')
    applyStyles(node as HTMLElement, attributes, INLINE_STYLES)
  }
  return node
}

/** Splits items into lines: each line's items (without its end) and its formats. */
export function linesOf(items: Item[]): { items: Item[]; attributes: Attributes }[] {
  const lines: { items: Item[]; attributes: Attributes }[] = []
  let current: Item[] = []
  for (const item of items) {
    if (isLineEnd(item)) {
      lines.push({ items: current, attributes: item.attributes })
      current = []
    } else current.push(item)
  }
  if (current.length) lines.push({ items: current, attributes: {} })
  return lines
}

/** The DOM of `items`, for the editable area or for `getContents().html`. */
export function renderDocument(
  doc: Document,
  items: Item[],
  options: RenderOptions,
): DocumentFragment {
  const fragment = doc.createDocumentFragment()
  let list: HTMLElement | null = null
  let listKind = ''
  for (const line of linesOf(items)) {
    const divider =
      line.items.length === 1 &&
      typeof line.items[0].insert === 'object' &&
      'divider' in line.items[0].insert
    if (divider) {
      list = null
      fragment.appendChild(doc.createElement('hr'))
      continue
    }
    const attributes = line.attributes
    const kind = attributes.list
    const header = Number(attributes.header)
    let block: HTMLElement
    if (typeof kind === 'string' && LIST_KINDS.includes(kind)) {
      const tag = kind === 'ordered' ? 'ol' : 'ul'
      if (!list || listKind !== kind) {
        list = doc.createElement(tag)
        listKind = kind
        if (kind === 'checked' || kind === 'unchecked')
          list.setAttribute('data-checked', String(kind === 'checked'))
        fragment.appendChild(list)
      }
      block = doc.createElement('li')
      list.appendChild(block)
    } else {
      list = null
      block = doc.createElement(header >= 1 && header <= 6 ? `h${header}` : 'p')
      fragment.appendChild(block)
    }
    if (
      typeof attributes.align === 'string' &&
      ['center', 'right', 'justify'].includes(attributes.align)
    )
      block.style.setProperty('text-align', attributes.align)
    if (attributes.direction === 'rtl') block.style.setProperty('direction', 'rtl')
    const indent = Number(attributes.indent)
    if (indent >= 1 && indent <= 8) block.className = `ql-indent-${indent}`
    applyStyles(block, attributes, BLOCK_STYLES)
    if (line.items.length === 0) {
      block.appendChild(doc.createElement('br'))
      continue
    }
    let run: Item[] = []
    const flush = () => {
      if (run.length) block.appendChild(renderRun(doc, run, options))
      run = []
    }
    for (const item of line.items) {
      const joins =
        run.length > 0 &&
        typeof item.insert === 'string' &&
        typeof run[0].insert === 'string' &&
        sameAttributes(run[0].attributes, item.attributes)
      if (!joins) flush()
      run.push(item)
    }
    flush()
  }
  return fragment
}

/** The DOM position of `index` in DOM drawn by `renderDocument` (where a caret goes). */
export function pointAt(root: Node, index: number): DomPoint {
  let found: DomPoint | undefined
  const lineStarts: { block: Node; index: number }[] = []
  let count = 0
  const visit = (node: Node) => {
    if (found) return
    if (node.nodeType === 3) {
      const length = (node as Text).data.length
      if (index >= count && index <= count + length) found = { node, offset: index - count }
      count += length
      return
    }
    const element = node as Element
    const tag = element.tagName?.toLowerCase()
    if (tag === 'img' || tag === 'hr') {
      const parent = node.parentNode as Node
      const at = Array.from(parent.childNodes).indexOf(node as ChildNode)
      if (index === count) found = { node: parent, offset: at }
      else if (index === count + 1 && tag === 'img') found = { node: parent, offset: at + 1 }
      count += tag === 'hr' ? 2 : 1
      return
    }
    if (tag === 'p' || tag === 'li' || /^h[1-6]$/.test(tag)) {
      lineStarts.push({ block: node, index: count })
      if (index === count && !(node.firstChild && node.firstChild.nodeName !== 'BR')) {
        found = { node, offset: 0 }
        return
      }
      node.childNodes.forEach(visit)
      count += 1
      return
    }
    node.childNodes.forEach(visit)
  }
  root.childNodes.forEach(visit)
  return found ?? { node: root, offset: root.childNodes.length }
}

// ---------------------------------------------------------------------------------------------
// delta, text, formats, edits

/** Items as a Quill delta: neighbouring characters with the same formats in one op. */
export function toDelta(items: Item[]): { ops: DeltaOp[] } {
  const ops: DeltaOp[] = []
  for (const item of items) {
    const last = ops[ops.length - 1]
    const attributes = Object.keys(item.attributes).length ? item.attributes : undefined
    if (
      last &&
      typeof last.insert === 'string' &&
      typeof item.insert === 'string' &&
      sameAttributes(last.attributes ?? {}, attributes ?? {}) &&
      !(isLineEnd(item) && attributes) &&
      !(last.insert.endsWith('\n') && last.attributes)
    ) {
      last.insert += item.insert
    } else
      ops.push(
        attributes
          ? { insert: item.insert, attributes: { ...attributes } }
          : { insert: item.insert },
      )
  }
  return { ops }
}

/** Items of a delta (`{ ops }` or the ops), ending in a line end. Unknown inserts are dropped. */
export function fromDelta(delta: unknown): Item[] {
  const ops = Array.isArray(delta) ? delta : (delta as { ops?: unknown } | null)?.ops
  const items: Item[] = []
  if (Array.isArray(ops)) {
    for (const op of ops.slice(0, 100_000) as DeltaOp[]) {
      if (typeof op !== 'object' || op === null) continue
      const attributes: Attributes = {}
      for (const [key, value] of Object.entries(op.attributes ?? {})) {
        if (typeof value === 'string' || typeof value === 'number' || value === true)
          attributes[key] = value
      }
      if (typeof op.insert === 'string') {
        for (const char of op.insert) items.push({ insert: char, attributes })
      } else if (op.insert && typeof op.insert === 'object') {
        const embed = op.insert as Record<string, unknown>
        if (typeof embed.image === 'string')
          items.push({ insert: { image: embed.image }, attributes })
        else if (embed.divider) items.push({ insert: { divider: true }, attributes: {} })
      }
    }
  }
  if (!items.length || !isLineEnd(items[items.length - 1]))
    items.push({ insert: '\n', attributes: {} })
  return items
}

/** The document's text as Quill gives it: embeds left out, a `'\n'` after every line. */
export function textOf(items: Item[]): string {
  return items.map((item) => (typeof item.insert === 'string' ? item.insert : '')).join('')
}

/** A document that shows the placeholder: one empty line without formats. */
export function isBlank(items: Item[]): boolean {
  return items.length === 1 && Object.keys(items[0].attributes).length === 0
}

/** Indexes of the line ends of the lines that `[index, index + length)` touches. */
function lineEndsOf(items: Item[], index: number, length: number): number[] {
  const ends: number[] = []
  const last = index + Math.max(length, 1) - 1
  for (let at = index; at < items.length; at += 1) {
    if (isLineEnd(items[at])) {
      ends.push(at)
      if (at >= last) break
    }
  }
  return ends
}

/** The formats of `[index, index + length)`: what every character and line in it shares. */
export function formatsAt(items: Item[], index: number, length: number): Attributes {
  const common = (list: Attributes[]): Attributes => {
    if (!list.length) return {}
    const result = { ...list[0] }
    for (const attributes of list.slice(1)) {
      for (const key of Object.keys(result)) if (attributes[key] !== result[key]) delete result[key]
    }
    return result
  }
  let inline: Attributes[]
  if (length > 0) {
    inline = items
      .slice(index, index + length)
      .filter((item) => !isLineEnd(item))
      .map((item) => item.attributes)
  } else {
    const before = items[index - 1]
    const after = items[index]
    const source =
      before && !isLineEnd(before) ? before : after && !isLineEnd(after) ? after : undefined
    inline = source ? [source.attributes] : []
  }
  const inlineOnly = (attributes: Attributes) =>
    Object.fromEntries(Object.entries(attributes).filter(([key]) => !isBlockFormat(key)))
  const lines = lineEndsOf(items, index, length).map((at) => items[at].attributes)
  return { ...inlineOnly(common(inline)), ...common(lines) }
}

/** Sets (or with `undefined` removes) format `name` on the range: on its lines or its characters. */
export function formatRange(
  items: Item[],
  index: number,
  length: number,
  name: string,
  value: FormatValue | undefined,
): Item[] {
  const next = items.slice()
  const change = (at: number) => {
    const attributes = { ...next[at].attributes }
    if (value === undefined) delete attributes[name]
    else attributes[name] = value
    next[at] = { insert: next[at].insert, attributes }
  }
  if (isBlockFormat(name)) for (const at of lineEndsOf(items, index, length)) change(at)
  else
    for (let at = index; at < index + length && at < items.length; at += 1)
      if (!isLineEnd(items[at])) change(at)
  return next
}

/** Every format removed from the range's characters and lines. */
export function clearFormats(items: Item[], index: number, length: number): Item[] {
  const next = items.slice()
  const keepImage = (item: Item): Attributes =>
    typeof item.insert === 'object'
      ? Object.fromEntries(Object.entries(item.attributes).filter(([key]) => !isKnownFormat(key)))
      : {}
  for (let at = index; at < index + length && at < items.length; at += 1) {
    if (!isLineEnd(items[at]))
      next[at] = { insert: items[at].insert, attributes: keepImage(items[at]) }
  }
  for (const at of lineEndsOf(items, index, length)) next[at] = { insert: '\n', attributes: {} }
  return next
}

/** `inserted` put in place of `[index, index + length)`; the document still ends with a line end. */
export function replaceRange(
  items: Item[],
  index: number,
  length: number,
  inserted: Item[],
): Item[] {
  const at = Math.min(Math.max(index, 0), items.length - 1)
  const end = Math.min(at + Math.max(length, 0), items.length - 1)
  return [...items.slice(0, at), ...inserted, ...items.slice(end)]
}

/** Items of `text` with `attributes` (line breaks take the formats of the line they end). */
export function itemsOfText(
  text: string,
  attributes: Attributes,
  lineAttributes: Attributes,
): Item[] {
  return Array.from(text.replace(/\r\n?/g, '\n')).map((char) =>
    char === '\n' ? { insert: '\n', attributes: lineAttributes } : { insert: char, attributes },
  )
}

/** The formats of the line `index` is on. */
export function lineFormatsAt(items: Item[], index: number): Attributes {
  const end = lineEndsOf(items, index, 0)[0]
  return end === undefined ? {} : items[end].attributes
}

/** The selected text (embeds left out). */
export function textIn(items: Item[], index: number, length: number): string {
  return textOf(items.slice(index, index + length))
}
