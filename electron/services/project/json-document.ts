/**
 * Strict JSON reading for WeChat's project files: every syntax error (comments and trailing commas
 * included, as WeChat's own parser rejects them) and every wrongly typed value becomes a
 * ProjectProblem with a 1-based line and column.
 */
import {
  findNodeAtLocation,
  getNodeValue,
  parseTree,
  printParseErrorCode,
  type JSONPath,
  type Node,
  type ParseError,
} from 'jsonc-parser'
import type { ProjectProblem } from '../../../shared/project'

export interface JsonDocument {
  /** Path relative to the project folder, as shown in problems. */
  file: string
  /** The text without a leading byte order mark (positions are counted as editors show them). */
  text: string
  root: Node
  value: unknown
}

const EXPECTATIONS: Record<string, string> = {
  InvalidSymbol: 'invalid symbol',
  InvalidNumberFormat: 'invalid number format',
  PropertyNameExpected: 'expected a property name in double quotes (no trailing comma)',
  ValueExpected: 'expected a value',
  ColonExpected: "expected ':'",
  CommaExpected: "expected ','",
  CloseBraceExpected: "expected '}'",
  CloseBracketExpected: "expected ']'",
  EndOfFileExpected: 'expected the end of the file',
  InvalidCommentToken: 'comments are not allowed in JSON',
  UnexpectedEndOfComment: 'unexpected end of comment',
  UnexpectedEndOfString: 'unterminated string',
  UnexpectedEndOfNumber: 'unexpected end of number',
  InvalidUnicode: 'invalid unicode escape',
  InvalidEscapeCharacter: 'invalid escape character',
  InvalidCharacter: 'invalid character',
}

export function stripByteOrderMark(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text
}

/** 1-based line and column of a character offset. */
export function positionAt(text: string, offset: number): { line: number; column: number } {
  let line = 1
  let lineStart = 0
  for (let i = 0; i < offset && i < text.length; i++) {
    if (text.charCodeAt(i) === 10) {
      line++
      lineStart = i + 1
    }
  }
  return { line, column: offset - lineStart + 1 }
}

/** What a syntax error means in words, with jsonc-parser's code for searching. */
export function syntaxErrorMessage(error: ParseError): string {
  const name = printParseErrorCode(error.error)
  return `JSON syntax error: ${EXPECTATIONS[name] ?? name} (${name})`
}

/** One problem per syntax error position (jsonc-parser may report two codes at one offset). */
export function syntaxProblems(file: string, text: string, errors: ParseError[]): ProjectProblem[] {
  const seen = new Set<number>()
  const problems: ProjectProblem[] = []
  for (const error of errors) {
    if (seen.has(error.offset)) continue
    seen.add(error.offset)
    problems.push({
      code: 'JSON_SYNTAX',
      severity: 'error',
      message: syntaxErrorMessage(error),
      file,
      ...positionAt(text, error.offset),
    })
  }
  return problems
}

export type ParsedJson = { ok: true; doc: JsonDocument } | { ok: false; problems: ProjectProblem[] }

export function parseStrictJson(file: string, rawText: string): ParsedJson {
  const text = stripByteOrderMark(rawText)
  const errors: ParseError[] = []
  const root = parseTree(text, errors, { allowTrailingComma: false, disallowComments: true })
  if (errors.length > 0 || !root) {
    const problems = syntaxProblems(file, text, errors)
    return { ok: false, problems }
  }
  return { ok: true, doc: { file, text, root, value: getNodeValue(root) } }
}

/** A problem located at the value found at `path` (or at the start of the document). */
export function problemAt(
  doc: JsonDocument,
  path: JSONPath,
  code: string,
  message: string,
  severity: ProjectProblem['severity'] = 'error',
): ProjectProblem {
  const node = findNodeAtLocation(doc.root, path) ?? doc.root
  return { code, severity, message, file: doc.file, ...positionAt(doc.text, node.offset) }
}
