/** Reading a page's, component's or app's .json with positions for every problem. */
import {
  findNodeAtLocation,
  type JSONPath,
  type Node,
  type ParseError,
  parseTree,
  getNodeValue,
} from 'jsonc-parser'
import { positionAt, stripByteOrderMark, syntaxErrorMessage } from '../project/json-document'
import type { CompileError } from './types'

export interface JsonFile {
  file: string
  text: string
  root: Node | undefined
  value: Record<string, unknown>
}

/** Parses strictly (as WeChat does); a broken or non-object file gives `{}` and an error. */
export function parseJsonFile(
  file: string,
  source: string,
): { json: JsonFile; error: CompileError | null } {
  const text = stripByteOrderMark(source)
  const problems: ParseError[] = []
  const root = parseTree(text, problems, { allowTrailingComma: false, disallowComments: true })
  const first = problems[0]
  if (first) {
    const at = positionAt(text, first.offset)
    return {
      json: { file, text, root: undefined, value: {} },
      error: { file, ...at, message: syntaxErrorMessage(first) },
    }
  }
  const value: unknown = root ? getNodeValue(root) : undefined
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    return {
      json: { file, text, root: undefined, value: {} },
      error: { file, line: 1, column: 1, message: 'expected a JSON object' },
    }
  }
  return { json: { file, text, root, value: value as Record<string, unknown> }, error: null }
}

/** An error located at the value found at `path` in the file (its start when not found). */
export function errorAt(json: JsonFile, path: JSONPath, message: string): CompileError {
  const node = json.root ? findNodeAtLocation(json.root, path) : undefined
  const at = positionAt(json.text, node?.offset ?? 0)
  return { file: json.file, ...at, message }
}
