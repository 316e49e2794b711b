/**
 * WeChat accepts `bindtap="x"`; glass-easel only knows the colon form `bind:tap` and treats the
 * rest as plain attributes. This scanner walks the markup the way the WXML parser does (tags,
 * quoted values with `{{}}`, text, comments, `<wxs>` bodies) and renames attribute NAMES only, so
 * attribute values, text and scripts are never touched.
 */

const EVENT_PREFIXES = ['capture-catch', 'capture-bind', 'mut-bind', 'catch', 'bind'] as const

/** The rewritten markup, and where a `:` was inserted (offsets in the ORIGINAL text). */
export interface EventAttributeRewrite {
  code: string
  insertedAt: number[]
}

const isSpace = (c: string | undefined) => c === ' ' || c === '\n' || c === '\t' || c === '\r'
const isNameEnd = (c: string | undefined) =>
  c === undefined || isSpace(c) || c === '=' || c === '>' || c === '/'

export function rewriteEventAttributes(wxml: string): EventAttributeRewrite {
  const insertedAt: number[] = []
  let i = 0
  while (i < wxml.length) {
    if (wxml.startsWith('<!--', i)) {
      const end = wxml.indexOf('-->', i + 4)
      i = end < 0 ? wxml.length : end + 3
    } else if (wxml.startsWith('{{', i)) {
      i = skipMustache(wxml, i)
    } else if (wxml[i] === '<' && /[A-Za-z]/.test(wxml[i + 1] ?? '')) {
      i = scanStartTag(wxml, i, insertedAt)
    } else {
      i++
    }
  }
  let code = ''
  let last = 0
  for (const at of insertedAt) {
    code += wxml.slice(last, at) + ':'
    last = at
  }
  code += wxml.slice(last)
  return { code, insertedAt }
}

/** Maps a 0-based position in the rewritten text back to the original text. */
export function originalPosition(
  rewrite: EventAttributeRewrite,
  original: string,
  line: number,
  column: number,
): { line: number; column: number } {
  let lineStart = 0
  for (let l = 0; l < line; l++) {
    const next = original.indexOf('\n', lineStart)
    if (next < 0) break
    lineStart = next + 1
  }
  const lineEnd = original.indexOf('\n', lineStart)
  let shift = 0
  for (const at of rewrite.insertedAt) {
    if (at < lineStart || (lineEnd >= 0 && at > lineEnd)) continue
    if (at - lineStart + shift < column) shift++
  }
  return { line, column: column - shift }
}

/** Scans one start tag from `<`; returns the index after it (after a `<wxs>` body, too). */
function scanStartTag(wxml: string, start: number, insertedAt: number[]): number {
  let i = start + 1
  const nameStart = i
  while (i < wxml.length && !isNameEnd(wxml[i])) i++
  const tagName = wxml.slice(nameStart, i)
  while (i < wxml.length) {
    const c = wxml[i]
    if (isSpace(c) || c === '/') {
      i++
    } else if (c === '>') {
      i++
      if (tagName === 'wxs' && wxml[i - 2] !== '/') {
        const close = wxml.indexOf('</wxs', i)
        return close < 0 ? wxml.length : close
      }
      return i
    } else if (c === '=') {
      i = skipValue(wxml, i + 1)
    } else {
      const attrStart = i
      while (i < wxml.length && !isNameEnd(wxml[i])) {
        i = wxml.startsWith('{{', i) ? skipMustache(wxml, i) : i + 1
      }
      const insertAt = eventColonPosition(wxml.slice(attrStart, i))
      if (insertAt !== null) insertedAt.push(attrStart + insertAt)
    }
  }
  return i
}

/** Where `:` belongs in an event attribute name written without it, e.g. 4 for `bindtap`. */
function eventColonPosition(name: string): number | null {
  for (const prefix of EVENT_PREFIXES) {
    if (name.length > prefix.length && name.startsWith(prefix)) {
      const rest = name.slice(prefix.length)
      return /^[A-Za-z_]/.test(rest) ? prefix.length : null
    }
  }
  return null
}

function skipValue(wxml: string, start: number): number {
  let i = start
  while (isSpace(wxml[i])) i++
  const quote = wxml[i]
  if (quote === '"' || quote === "'") {
    i++
    while (i < wxml.length && wxml[i] !== quote) {
      i = wxml.startsWith('{{', i) ? skipMustache(wxml, i) : i + 1
    }
    return i + 1
  }
  while (i < wxml.length && !isSpace(wxml[i]) && wxml[i] !== '>') {
    i = wxml.startsWith('{{', i) ? skipMustache(wxml, i) : i + 1
  }
  return i
}

/** Skips `{{ … }}`, including string literals inside the expression that may hold `}}`. */
function skipMustache(wxml: string, start: number): number {
  let i = start + 2
  while (i < wxml.length) {
    const c = wxml[i]
    if (c === '"' || c === "'") {
      i++
      while (i < wxml.length && wxml[i] !== c) i += wxml[i] === '\\' ? 2 : 1
      i++
    } else if (wxml.startsWith('}}', i)) {
      return i + 2
    } else {
      i++
    }
  }
  return wxml.length
}
