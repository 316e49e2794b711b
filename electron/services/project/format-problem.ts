import type { ProjectProblem } from '../../../shared/project'

/**
 * `<file>:<line>:<column>: <message>`, the form editors and terminals turn into links; a warning
 * says `warning:` before its message (as compilers print it), so it is never read as an error.
 */
export function formatProblem(problem: ProjectProblem): string {
  const location = [
    problem.file,
    problem.line,
    problem.line === undefined ? undefined : problem.column,
  ]
    .filter((part) => part !== undefined && part !== '')
    .join(':')
  const message = problem.severity === 'warning' ? `warning: ${problem.message}` : problem.message
  return location === '' ? message : `${location}: ${message}`
}
