/**
 * `mpdt check <dir>`: prints a project's problems (its configuration, then what the compiler finds
 * in its templates, styles and scripts); exit 2 if any is an error.
 */
import { resolve } from 'node:path'
import { compileProjectFolder } from '../services/compiler/project-folder'
import { formatProblem, loadProject } from '../services/project'
import { commandLineCwd } from './app-paths'

const CHECK_USAGE = `Usage: mpdt check <dir>

Prints each problem of a project as file:line:column: message on stderr; exits 2 if any is an error.
`

export async function checkCommand(args: string[]): Promise<number> {
  if (args.includes('--help') || args.includes('-h')) {
    process.stdout.write(CHECK_USAGE)
    return 0
  }
  const dirs = args.filter((arg) => !arg.startsWith('-'))
  if (dirs.length !== 1 || dirs.length !== args.length) {
    process.stderr.write(CHECK_USAGE)
    return 2
  }
  const dir = resolve(commandLineCwd(), dirs[0])
  const loaded = await loadProject(dir)
  if (!loaded.ok) {
    process.stderr.write(`mpdt check: ${loaded.error.message}\n`)
    return 2
  }
  const { name } = loaded.value
  // The same compiler as the workbench and `mpdt run`, once the project itself can be read.
  const compiled = loaded.value.app ? (await compileProjectFolder(loaded.value)).problems : []
  const problems = [...loaded.value.problems, ...compiled]
  for (const problem of problems) process.stderr.write(`${formatProblem(problem)}\n`)
  const errors = problems.filter((problem) => problem.severity === 'error').length
  const warnings = problems.length - errors
  process.stdout.write(
    problems.length === 0
      ? `${name}: no problems\n`
      : `${name}: ${errors} error(s), ${warnings} warning(s)\n`,
  )
  return errors > 0 ? 2 : 0
}
