import type { ProjectProblem } from '../../../shared/project'

/** `<file>:<line>:<column>: <message>`, the form editors and terminals turn into links. */
export function formatProblem(problem: ProjectProblem): string {
  const location = [
    problem.file,
    problem.line,
    problem.line === undefined ? undefined : problem.column,
  ]
    .filter((part) => part !== undefined && part !== '')
    .join(':')
  return location === '' ? problem.message : `${location}: ${problem.message}`
}
