/**
 * Changes one key of a JSON file and nothing else: unknown keys, key order, indentation, line
 * endings and the final newline stay as they were (jsonc-parser `modify` with the file's own
 * formatting).
 */
import { applyEdits, modify, type FormattingOptions, type JSONPath } from 'jsonc-parser'

/** Indentation and line ending as the file already uses them (2 spaces and `\n` by default). */
export function detectFormatting(text: string): FormattingOptions {
  const eol = text.includes('\r\n') ? '\r\n' : '\n'
  const indents = [...text.matchAll(/\n([ \t]+)\S/g)].map((match) => match[1])
  if (indents.some((indent) => indent.startsWith('\t'))) {
    return { insertSpaces: false, tabSize: 1, eol }
  }
  const widths = indents.map((indent) => indent.length)
  const tabSize = widths.length > 0 ? Math.min(...widths) : 2
  return { insertSpaces: true, tabSize, eol }
}

/** `text` with the value at `path` set (text without a leading byte order mark). */
export function setJsonValue(text: string, path: JSONPath, value: unknown): string {
  const edits = modify(text, path, value, { formattingOptions: detectFormatting(text) })
  return applyEdits(text, edits)
}
