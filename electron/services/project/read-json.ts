/** Reads one JSON file of the project through the path-safe reader and parses it strictly. */
import type { ProjectProblem } from '../../../shared/project'
import { parseStrictJson, type JsonDocument } from './json-document'
import { NOT_FOUND, readProjectFile } from './project-files'

export type JsonRead =
  | { kind: 'ok'; doc: JsonDocument }
  | { kind: 'missing' }
  | { kind: 'broken'; problems: ProjectProblem[] }

/** `relativePath` is project-relative in `/` form and doubles as the problems' `file`. */
export async function readJson(root: string, relativePath: string): Promise<JsonRead> {
  const read = await readProjectFile(root, relativePath)
  if (!read.ok) {
    if (read.error.code === NOT_FOUND) return { kind: 'missing' }
    const problem: ProjectProblem = {
      code: read.error.code,
      severity: 'error',
      message: read.error.message,
      file: relativePath,
    }
    return { kind: 'broken', problems: [problem] }
  }
  const parsed = parseStrictJson(relativePath, read.value)
  return parsed.ok ? { kind: 'ok', doc: parsed.doc } : { kind: 'broken', problems: parsed.problems }
}
