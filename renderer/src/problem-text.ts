/** How problems and service errors are written in the UI. */
import type { ProjectProblem } from '../../shared/project'
import type { ServiceError } from '../../shared/result'

/** `file:line:column`, leaving out the parts that are unknown. */
export function problemLocation(where: Pick<ProjectProblem, 'file' | 'line' | 'column'>): string {
  if (where.line === undefined) return where.file
  if (where.column === undefined) return `${where.file}:${where.line}`
  return `${where.file}:${where.line}:${where.column}`
}

/** A service error as one line: its location (when it is about a file) and its message. */
export function errorLine(error: ServiceError, message: string = error.message): string {
  return error.file ? `${problemLocation({ ...error, file: error.file })}: ${message}` : message
}
